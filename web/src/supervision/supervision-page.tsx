import { ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisionOrder } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { EventDrawer } from '../events/event-drawer.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { INBOX_CHANGED } from '../inbox/inbox-kinds.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { IssueOrderDialog } from './issue-order-dialog.tsx';
import type { OrderSubject } from './order-subject.ts';
import { OrdersTable } from './orders-table.tsx';
import { QueueTable } from './queue-table.tsx';
import { ReplyDialog } from './reply-dialog.tsx';

/**
 * 督办: for leaders and centres, the queue of what needs supervising and the orders they issued (to close once
 * answered); for every unit, the orders addressed to it (to answer).
 */
export function SupervisionPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const supervises = can('events.supervise');
  const queue = useApi(supervises ? '/api/supervision/queue' : null);
  const issued = useApi(supervises ? '/api/supervision/orders/issued' : null);
  const addressed = useApi('/api/supervision/orders/addressed');
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const [issuing, setIssuing] = useState<OrderSubject | 'pick' | null>(null);
  const [replying, setReplying] = useState<SupervisionOrder | null>(null);
  const [openEvent, setOpenEvent] = useState<string | null>(null);
  const { run } = useBusyAction();

  function reloadAll() {
    if (supervises) {
      queue.reload();
      issued.reload();
    }
    addressed.reload();
    // Answering an order changes the header bell's count of orders waiting for me.
    window.dispatchEvent(new Event(INBOX_CHANGED));
  }

  async function closeOrder(order: SupervisionOrder) {
    await run(async () => {
      await api.POST('/api/supervision/orders/{id}/close', { params: { path: { id: order.id } } });
      void message.success(t('supervision.closed'));
      reloadAll();
    });
  }

  const openCount = (items: SupervisionOrder[] | undefined, status: string) => (items ?? []).filter((o) => o.status === status).length;
  const label = (text: string, n: number) => (
    <Space size={6}>
      {text}
      <Badge count={n} size="small" />
    </Space>
  );
  const ordersTable = (loaded: typeof issued) => (
    <OrdersTable
      items={loaded.data?.items ?? []}
      loading={loaded.loading}
      onOpenEvent={setOpenEvent}
      onReply={setReplying}
      onCloseOrder={(o) => void closeOrder(o)}
    />
  );
  const tabs = [
    ...(supervises
      ? [
          {
            key: 'queue',
            label: label(t('supervision.queue'), queue.data?.items.length ?? 0),
            children: (
              <QueueTable
                items={queue.data?.items ?? []}
                loading={queue.loading}
                itemName={catalogue.nameOf}
                onOpenEvent={setOpenEvent}
                onIssue={setIssuing}
              />
            ),
          },
        ]
      : []),
    {
      key: 'addressed',
      label: label(t('supervision.addressed'), openCount(addressed.data?.items, 'open')),
      children: ordersTable(addressed),
    },
    ...(supervises
      ? [
          {
            key: 'issued',
            label: label(t('supervision.issuedTab'), openCount(issued.data?.items, 'replied')),
            children: ordersTable(issued),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('supervision.title')}</Typography.Title>
        <Space>
          {supervises && (
            <Button type="primary" onClick={() => setIssuing('pick')} data-testid="issue-on-unit">
              {t('supervision.onUnit')}
            </Button>
          )}
          <Button icon={<ReloadOutlined />} onClick={reloadAll}>
            {t('supervision.refresh')}
          </Button>
        </Space>
      </div>
      <Tabs items={tabs} />
      {issuing && (
        <IssueOrderDialog
          subject={issuing === 'pick' ? null : issuing}
          onClose={() => setIssuing(null)}
          onIssued={() => {
            setIssuing(null);
            reloadAll();
          }}
        />
      )}
      {replying && (
        <ReplyDialog
          order={replying}
          onClose={() => setReplying(null)}
          onDone={() => {
            setReplying(null);
            reloadAll();
          }}
        />
      )}
      <EventDrawer
        id={openEvent}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpenEvent(null)}
        onChanged={reloadAll}
      />
    </div>
  );
}
