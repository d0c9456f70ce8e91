import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { SupervisionOrder } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';

const STATUS_COLOURS: Record<string, string> = { open: 'orange', replied: 'blue', closed: 'green' };

interface Props {
  items: SupervisionOrder[];
  loading: boolean;
  onOpenEvent(id: string): void;
  onReply(order: SupervisionOrder): void;
  onCloseOrder(order: SupervisionOrder): void;
}

/** Orders, open first: what was asked of whom by when, the answer, and the one step the caller may take. */
export function OrdersTable({ items, loading, onOpenEvent, onReply, onCloseOrder }: Props) {
  const { t, i18n } = useTranslation();
  const when = (at: string | null) => (at ? new Date(at).toLocaleString(i18n.language) : '');
  const columns: ColumnsType<SupervisionOrder> = [
    {
      title: t('supervision.kindLabel'),
      key: 'kind',
      width: 120,
      render: (_: unknown, o) => (
        <Space direction="vertical" size={0}>
          <Tag color={o.kind === 'supervise' ? 'red' : 'gold'}>{t(`supervision.kind.${o.kind}`, { defaultValue: o.kind })}</Tag>
          <Typography.Text type="secondary">{t(`supervision.method.${o.method}`, { defaultValue: o.method })}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('supervision.subject'),
      key: 'subject',
      width: 220,
      render: (_: unknown, o) => (
        <Space direction="vertical" size={0}>
          {o.eventId && o.caseNo ? (
            <a className="mono" onClick={() => onOpenEvent(o.eventId!)}>
              {o.caseNo}
            </a>
          ) : (
            <Typography.Text type="secondary">{t('supervision.wholeUnit')}</Typography.Text>
          )}
          <CodeName name={o.unitName} code={o.unitCode} />
        </Space>
      ),
    },
    {
      title: t('supervision.note'),
      dataIndex: 'note',
      render: (note: string, o) => <span title={`${o.issuedByName} · ${when(o.issuedAt)}`}>{note}</span>,
    },
    {
      title: t('supervision.dueAt'),
      key: 'due',
      width: 180,
      render: (_: unknown, o) => (
        <Space direction="vertical" size={0}>
          <span>{when(o.dueAt)}</span>
          {o.overdue && <Tag color="red">{t('supervision.overdue')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('supervision.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: string) => <Tag color={STATUS_COLOURS[s]}>{t(`supervision.statusName.${s}`, { defaultValue: s })}</Tag>,
    },
    {
      title: t('supervision.replyText'),
      key: 'reply',
      render: (_: unknown, o) => o.reply && <span title={`${o.repliedByName ?? ''} · ${when(o.repliedAt)}`}>{o.reply}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_: unknown, o) => (
        <>
          {o.abilities.includes('reply') && (
            <Button size="small" type="primary" onClick={() => onReply(o)} data-testid="order-reply">
              {t('supervision.reply')}
            </Button>
          )}
          {o.abilities.includes('close') && (
            <Popconfirm title={t('supervision.closeConfirm')} onConfirm={() => onCloseOrder(o)}>
              <Button size="small" data-testid="order-close">
                {t('supervision.close')}
              </Button>
            </Popconfirm>
          )}
        </>
      ),
    },
  ];

  return (
    <Table<SupervisionOrder>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      locale={{ emptyText: t('supervision.noOrders') }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="orders-table"
    />
  );
}
