import { Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/enums.ts';
import type { Task } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { TaskDialog } from './task-dialog.tsx';
import { STATUS_COLOUR, TaskDrawer } from './task-drawer.tsx';

/** 委托任务: the tasks covering my jurisdiction; a department or centre drafts, the county admits, everyone follows progress. */
export function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [status, setStatus] = useState<TaskStatus>();
  const [drafting, setDrafting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApi('/api/tasks', { params: { query: status ? { status } : {} } });
  const open = list.data?.items.find((x) => x.id === openId) ?? null;

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('tasks.title')}</Typography.Title>
        <Space wrap>
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('tasks.statusFilter')}
            style={{ minWidth: 140 }}
            options={TASK_STATUSES.map((s) => ({ value: s, label: t(`tasks.status.${s}`) }))}
            data-testid="task-status-filter"
          />
          {can('tasks.draft') && (
            <Button type="primary" onClick={() => setDrafting(true)} data-testid="task-draft">
              {t('tasks.draft')}
            </Button>
          )}
        </Space>
      </div>
      <Table<Task>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('tasks.none') }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
        data-testid="tasks-table"
        columns={[
          { title: t('tasks.name'), key: 'title', render: (_, r) => <a data-testid={`task-row-${r.no}`}>{r.title}</a> },
          { title: t('tasks.no'), dataIndex: 'no', render: (n: string) => <span className="mono secondary">{n}</span> },
          { title: t('tasks.kind'), dataIndex: 'kind', render: (k: string) => t(`tasks.kinds.${k}`) },
          { title: t('tasks.unit'), dataIndex: 'unitName' },
          { title: t('tasks.grids'), key: 'grids', render: (_, r) => r.grids.map((g) => g.name).join('、') },
          { title: t('tasks.deadline'), dataIndex: 'deadline' },
          { title: t('tasks.subsidy'), dataIndex: 'subsidy', align: 'right' },
          {
            title: t('tasks.statusFilter'),
            dataIndex: 'status',
            render: (s: TaskStatus) => <Tag color={STATUS_COLOUR[s]}>{t(`tasks.status.${s}`)}</Tag>,
          },
        ]}
      />
      <TaskDialog
        open={drafting}
        onClose={() => setDrafting(false)}
        onSaved={() => {
          setDrafting(false);
          list.reload();
        }}
      />
      <TaskDrawer task={open} onClose={() => setOpenId(null)} onChanged={() => list.reload()} />
    </div>
  );
}
