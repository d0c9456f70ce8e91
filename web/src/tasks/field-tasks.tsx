import { RightOutlined } from '@ant-design/icons';
import { Empty, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../use-api.ts';

/** 委托任务 on a phone: the admitted tasks of my grid, each opening its form. */
export function FieldTasks() {
  const { t } = useTranslation();
  const list = useApi('/api/tasks', { params: { query: { status: 'admitted' } } });
  return (
    <div className="field-visits">
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.field.none')} /> }}
        renderItem={(task) => (
          <List.Item className="field-case" data-testid="field-task">
            <Link to={`/m/task?id=${task.id}`} className="field-row" data-testid={`field-task-${task.no}`}>
              <span>
                <div>{task.title}</div>
                <div className="secondary">
                  {t(`tasks.kinds.${task.kind}`)} · {t('tasks.field.due', { date: task.deadline })} · {task.unitName}
                </div>
              </span>
              <RightOutlined />
            </Link>
          </List.Item>
        )}
      />
    </div>
  );
}
