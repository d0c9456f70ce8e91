import { Descriptions, Drawer, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookDeliveryStatus } from '../../../shared/webhooks.ts';
import type { WebhookDelivery, WebhookSubscription } from '../api/replies.ts';
import { useApi } from '../use-api.ts';
import { kindKey } from './subscription-dialogs.tsx';

const when = (iso: string | null) => (iso ? chinaMinute(new Date(iso)) : null);
const STATUS_COLOUR: Record<WebhookDeliveryStatus, string> = { pending: 'gold', delivered: 'green', failed: 'red' };
const PAGE_SIZE = 20;

function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  const { t } = useTranslation();
  return (
    <div>
      <Table
        size="small"
        rowKey="attempt"
        pagination={false}
        dataSource={delivery.attempts}
        locale={{ emptyText: t('webhooks.noAttempts') }}
        columns={[
          { title: t('webhooks.attempt'), dataIndex: 'attempt', width: 60 },
          { title: t('webhooks.attemptAt'), dataIndex: 'at', render: (at: string) => when(at) },
          {
            title: t('webhooks.statusCode'),
            dataIndex: 'statusCode',
            render: (code: number | null) => (code === null ? <Tag>{t('webhooks.noReply')}</Tag> : <span className="mono">{code}</span>),
          },
          {
            title: t('webhooks.reply'),
            key: 'reply',
            render: (_: unknown, a) => <span className="mono">{a.reply ?? a.error ?? ''}</span>,
          },
          { title: t('webhooks.duration'), dataIndex: 'durationMs', render: (ms: number) => `${ms} ms` },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 4 }}>
        {t('webhooks.payload')}
      </Typography.Paragraph>
      <pre className="mono" style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', margin: 0 }}>
        {JSON.stringify(delivery.payload, null, 2)}
      </pre>
    </div>
  );
}

/** 投递记录: a subscription's deliveries, newest first, each with its tries, status codes and replies. */
export function DeliveryLog({ sub, onClose }: { sub: WebhookSubscription; onClose(): void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<WebhookDeliveryStatus | 'all'>('all');
  const [page, setPage] = useState(1);
  const query = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ...(status === 'all' ? {} : { status }) };
  const { data, loading } = useApi('/api/webhooks/subscriptions/{id}/deliveries', { params: { path: { id: sub.id }, query } });
  return (
    <Drawer open width={880} title={t('webhooks.logTitle', { name: sub.name })} onClose={onClose}>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('webhooks.url')}>
          <span className="mono">{sub.url}</span>
        </Descriptions.Item>
      </Descriptions>
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(v as WebhookDeliveryStatus | 'all');
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('webhooks.all') },
          ...WEBHOOK_DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`webhooks.deliveryStatus.${s}`) })),
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        expandable={{ expandedRowRender: (d) => <Attempts delivery={d} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('webhooks.deliveryId'), dataIndex: 'id', render: (id: string) => <span className="mono">{id}</span> },
          { title: t('webhooks.kind'), dataIndex: 'kind', render: (k: string) => t(kindKey(k)) },
          { title: t('webhooks.caseNo'), dataIndex: 'caseNo', render: (n: string | null) => n ?? '—' },
          { title: t('webhooks.recordedAt'), dataIndex: 'createdAt', render: (at: string) => when(at) },
          {
            title: t('webhooks.deliveryStatusLabel'),
            key: 'status',
            render: (_: unknown, d) => (
              <Tag color={STATUS_COLOUR[d.status]} data-testid={`delivery-status-${d.id}`}>
                {t(`webhooks.deliveryStatus.${d.status}`)}
                {d.status === 'pending' && d.nextAttemptAt ? ` · ${t('webhooks.nextAt', { at: when(d.nextAttemptAt) })}` : ''}
              </Tag>
            ),
          },
          {
            title: t('webhooks.lastReply'),
            key: 'last',
            render: (_: unknown, d) => {
              const last = d.attempts.at(-1);
              return last ? `${last.statusCode ?? t('webhooks.noReply')} · ${t('webhooks.tries', { count: d.attempts.length })}` : '—';
            },
          },
        ]}
      />
    </Drawer>
  );
}
