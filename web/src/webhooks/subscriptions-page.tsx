import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMinute } from '../../../shared/china-time.ts';
import type { WebhookSubscription } from '../api/replies.ts';
import { api } from '../api.ts';
import { LinkButton } from '../link-button.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { type Created, kindKey, ReplayDialog, SecretShownOnce, SubscribeDialog } from './subscription-dialogs.tsx';

/** 事件订阅: the webhook subscriptions of the administrator's jurisdiction, made, paused, resumed and replayed here. */
export function SubscriptionsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, reload } = useApi('/api/webhooks/subscriptions');
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [replaying, setReplaying] = useState<WebhookSubscription | null>(null);
  const [logOf, setLogOf] = useState<WebhookSubscription | null>(null);
  const { run } = useBusyAction();

  const toggle = (s: WebhookSubscription) =>
    run(async () => {
      const path = s.status === 'paused' ? '/api/webhooks/subscriptions/{id}/resume' : '/api/webhooks/subscriptions/{id}/pause';
      await api.POST(path, { params: { path: { id: s.id } } });
      void message.success(t(s.status === 'paused' ? 'webhooks.resumedDone' : 'webhooks.pausedDone'));
      reload();
    });

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('webhooks.title')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('webhooks.create')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
      <Table<WebhookSubscription>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('webhooks.name'),
            key: 'name',
            render: (_: unknown, s) => (
              <div>
                <div>{s.name}</div>
                <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                  {s.url}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('webhooks.purpose'),
            dataIndex: 'purpose',
            render: (p: string) => (p === 'hotline' ? <Tag color="blue">{t('apiKeys.interface.hotline')}</Tag> : t('webhooks.title')),
          },
          { title: t('webhooks.area'), key: 'area', render: (_: unknown, s) => `${s.area.name}（${s.area.code}）` },
          {
            title: t('webhooks.kindsLabel'),
            key: 'kinds',
            render: (_: unknown, s) => (
              <Space size={[0, 4]} wrap style={{ maxWidth: 320 }}>
                {s.kinds.map((k) => (
                  <Tag key={k}>{t(kindKey(k))}</Tag>
                ))}
              </Space>
            ),
          },
          { title: t('webhooks.algorithm'), dataIndex: 'algorithm', render: (a: string) => t(`webhooks.algorithms.${a}`) },
          {
            title: t('webhooks.status'),
            key: 'status',
            render: (_: unknown, s) =>
              s.status === 'active' ? (
                <Tag color="green">{t('webhooks.active')}</Tag>
              ) : (
                <Tooltip title={s.pausedAt ? chinaMinute(new Date(s.pausedAt)) : undefined}>
                  <Tag color={s.pausedReason === 'failing' ? 'red' : 'default'} data-testid="subscription-paused">
                    {t(s.pausedReason === 'failing' ? 'webhooks.pausedFailing' : 'webhooks.paused')}
                  </Tag>
                </Tooltip>
              ),
          },
          {
            title: t('webhooks.deliveries'),
            key: 'deliveries',
            render: (_: unknown, s) =>
              t('webhooks.counts', { delivered: s.deliveries.delivered, pending: s.deliveries.pending, failed: s.deliveries.failed }),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s) => (
              <Space>
                <LinkButton onClick={() => setLogOf(s)}>{t('webhooks.log')}</LinkButton>
                <LinkButton onClick={() => toggle(s)}>{t(s.status === 'paused' ? 'webhooks.resume' : 'webhooks.pause')}</LinkButton>
                <LinkButton onClick={() => setReplaying(s)}>{t('webhooks.replay')}</LinkButton>
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <SubscribeDialog
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreated(c);
            reload();
          }}
        />
      )}
      {created && <SecretShownOnce created={created} onClose={() => setCreated(null)} />}
      {replaying && (
        <ReplayDialog
          sub={replaying}
          onClose={() => setReplaying(null)}
          onDone={(n) => {
            void message.success(t('webhooks.replayed', { count: n }));
            reload();
          }}
        />
      )}
      {logOf && <DeliveryLog sub={logOf} onClose={() => setLogOf(null)} />}
    </div>
  );
}
