import { App, Button, Descriptions, Drawer, Input, Modal, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCREENING_TASK_KINDS } from '../../../shared/enums.ts';
import type { Task } from '../api/replies.ts';
import { api, apiBlob } from '../api.ts';
import { CodeName } from '../code-name.tsx';
import { DeclarationPoints } from '../declare/declaration-points.tsx';
import { saveBlob } from '../save-file.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

export const STATUS_COLOUR = { pending: 'gold', admitted: 'blue', refused: 'red', closed: 'default' } as const;

/** One task: what it asks, admission or refusal, progress per grid, the workbook, closing (which pays the subsidy). */
export function TaskDrawer({ task, onClose, onChanged }: { task: Task | null; onClose(): void; onChanged(t: Task): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const id = task?.id;
  const shown = task && task.status !== 'pending' && task.status !== 'refused';
  const progress = useApi('/api/tasks/{id}/progress', id && shown ? { params: { path: { id } } } : null);
  if (!task) return null;
  const path = { path: { id: task.id } };
  const step = (name: 'admit' | 'close', done: string) =>
    run(async () => {
      const url = name === 'admit' ? '/api/tasks/{id}/admit' : '/api/tasks/{id}/close';
      onChanged(await api.POST(url, { params: path, body: { version: task.version } }));
      void message.success(t(done));
      progress.reload();
    });
  const refuse = () =>
    run(async () => {
      onChanged(await api.POST('/api/tasks/{id}/refuse', { params: path, body: { version: task.version, reason } }));
      setRefusing(false);
      void message.success(t('tasks.refusedOk'));
    });
  const download = () => run(async () => saveBlob(await apiBlob('/api/tasks/{id}/export', path), `task-${task.no}.xlsx`));

  return (
    <Drawer open onClose={onClose} width="min(720px, 100vw)" title={`${task.title}`} data-testid="task-drawer">
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag color={STATUS_COLOUR[task.status]} data-testid="task-status">
          {t(`tasks.status.${task.status}`)}
        </Tag>
        {task.abilities.admit && (
          <>
            <Popconfirm title={t('tasks.admitConfirm')} onConfirm={() => void step('admit', 'tasks.admitted')}>
              <Button type="primary" loading={busy} data-testid="task-admit">
                {t('tasks.admit')}
              </Button>
            </Popconfirm>
            <Button danger onClick={() => setRefusing(true)} data-testid="task-refuse">
              {t('tasks.refuse')}
            </Button>
          </>
        )}
        {shown && (
          <Button loading={busy} onClick={() => void download()} data-testid="task-export">
            {t('tasks.export')}
          </Button>
        )}
        {task.abilities.close && (
          <Popconfirm title={t('tasks.closeConfirm')} onConfirm={() => void step('close', 'tasks.closed')}>
            <Button loading={busy} data-testid="task-close">
              {t('tasks.close')}
            </Button>
          </Popconfirm>
        )}
      </Space>
      {task.refusal && <Typography.Paragraph type="danger">{t('tasks.refusal', { reason: task.refusal })}</Typography.Paragraph>}
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('tasks.no')}>
          <span className="mono">{task.no}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('tasks.kind')}>{t(`tasks.kinds.${task.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.unit')}>{t('tasks.draftedBy', { unit: task.unitName, name: task.draftedBy })}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.subject')}>{t(`tasks.subjects.${task.subject}`)}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.deadline')}>{task.deadline}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.subsidy')}>{t('tasks.yuan', { n: task.subsidy })}</Descriptions.Item>
        <Descriptions.Item label={t('tasks.fields')} span={2}>
          {task.fields
            .map((f) => `${f.label}（${t(`tasks.types.${f.type}`)}${f.required ? `，${t('tasks.fieldRequired')}` : ''}）`)
            .join('；')}
        </Descriptions.Item>
        {task.description && (
          <Descriptions.Item label={t('tasks.description')} span={2}>
            {task.description}
          </Descriptions.Item>
        )}
      </Descriptions>
      {shown && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('tasks.progress')}
          </Typography.Title>
          <Table
            rowKey="gridCode"
            size="small"
            pagination={false}
            loading={progress.loading}
            dataSource={progress.data?.items ?? []}
            data-testid="task-progress"
            columns={[
              { title: t('tasks.grid'), key: 'grid', render: (_, g) => <CodeName name={g.gridName} code={g.gridCode} /> },
              { title: t('tasks.total'), dataIndex: 'total', align: 'right' },
              { title: t('tasks.filled'), dataIndex: 'filled', align: 'right' },
              { title: t('tasks.open'), dataIndex: 'open', align: 'right' },
              {
                title: t('tasks.share'),
                key: 'share',
                width: 160,
                render: (_, g) => <Progress percent={Math.round(g.share * 100)} size="small" />,
              },
            ]}
          />
        </>
      )}
      {task.status === 'admitted' && (SCREENING_TASK_KINDS as readonly string[]).includes(task.kind) && <DeclarationPoints task={task} />}
      <Modal
        open={refusing}
        title={t('tasks.refuse')}
        onCancel={() => setRefusing(false)}
        onOk={() => void refuse()}
        okButtonProps={{ danger: true, loading: busy, disabled: !reason.trim(), 'data-testid': 'task-refuse-ok' }}
      >
        <Typography.Text>{t('tasks.refuseReason')}</Typography.Text>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="task-refuse-reason" />
      </Modal>
    </Drawer>
  );
}
