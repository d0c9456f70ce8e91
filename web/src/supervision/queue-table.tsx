import { Badge, Button, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import type { OrderSubject } from './order-subject.ts';

const REASON_COLOURS: Record<QueueItem['reason'], string> = { unvisited: 'orange', dissatisfied: 'red', order_overdue: 'volcano' };

interface Props {
  items: QueueItem[];
  loading: boolean;
  itemName(code: string): string;
  onOpenEvent(id: string): void;
  onIssue(subject: OrderSubject): void;
}

/** What needs supervising, longest waiting first, each with a button to issue an order on it. */
export function QueueTable({ items, loading, itemName, onOpenEvent, onIssue }: Props) {
  const { t, i18n } = useTranslation();
  const subjectOf = (q: QueueItem): OrderSubject =>
    q.eventId && q.caseNo ? { eventId: q.eventId, caseNo: q.caseNo } : { unitCode: q.unitCode, unitName: q.unitName ?? q.unitCode };
  const columns: ColumnsType<QueueItem> = [
    {
      title: t('supervision.reason'),
      dataIndex: 'reason',
      width: 130,
      render: (r: QueueItem['reason']) => <Tag color={REASON_COLOURS[r]}>{t(`supervision.reasonName.${r}`)}</Tag>,
    },
    {
      title: t('supervision.subject'),
      key: 'subject',
      width: 170,
      render: (_: unknown, q) =>
        q.eventId && q.caseNo ? (
          <a className="mono" onClick={() => onOpenEvent(q.eventId!)}>
            {q.caseNo}
          </a>
        ) : (
          t('supervision.wholeUnit')
        ),
    },
    {
      title: t('supervision.what'),
      key: 'what',
      render: (_: unknown, q) =>
        q.order ? q.order.note : <span title={q.description ?? ''}>{q.itemCode ? itemName(q.itemCode) : ''}</span>,
    },
    { title: t('supervision.unit'), key: 'unit', width: 200, render: (_: unknown, q) => <CodeName name={q.unitName} code={q.unitCode} /> },
    { title: t('supervision.since'), dataIndex: 'since', width: 180, render: (at: string) => new Date(at).toLocaleString(i18n.language) },
    {
      title: t('supervision.liveOrders'),
      dataIndex: 'liveOrders',
      width: 90,
      render: (n: number | null) => n !== null && <Badge count={n} showZero color={n > 0 ? 'orange' : '#d9d9d9'} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, q) => (
        <Button size="small" type="primary" onClick={() => onIssue(subjectOf(q))} data-testid="queue-issue">
          {t('supervision.issue')}
        </Button>
      ),
    },
  ];

  return (
    <Table<QueueItem>
      rowKey={(q) => `${q.reason}:${q.order?.id ?? q.eventId}`}
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      locale={{ emptyText: t('supervision.queueEmpty') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="queue-table"
    />
  );
}
