import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, List, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PAGE } from '../../../shared/limits.ts';
import type { Notification } from '../api/replies.ts';
import { api } from '../api.ts';
import { EventDrawer } from '../events/event-drawer.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { INBOX_CHANGED, NOTIFICATION_KINDS } from './inbox-kinds.ts';
import { TodoPanel } from './todo-panel.tsx';

const PAGE_SIZE = PAGE.inbox.default;
const KIND_COLOUR: Record<string, string> = {
  overdue: 'red',
  call_overdue: 'red',
  household_alert: 'volcano',
  due_soon: 'orange',
  returned: 'magenta',
  extension_request: 'purple',
};

/**
 * 我的待办与消息: first the to-do (cases waiting on me or my unit, from their state), then the notifications, a
 * feed to read: unread first; opening one marks it read and shows the case.
 */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { busy, run } = useBusyAction();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const navigate = useNavigate();
  const list = useApi('/api/inbox', {
    params: { query: { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, ...(unreadOnly ? { unread: true } : {}) } },
  });
  const counts = useApi('/api/inbox/counts');
  const catalogue = useCatalogue();
  const departments = useDepartments();

  function changed() {
    list.reload();
    counts.reload();
    window.dispatchEvent(new Event(INBOX_CHANGED));
  }

  const openNote = (note: Notification) =>
    run(async () => {
      if (!note.readAt) {
        await api.POST('/api/inbox/{id}/read', { params: { path: { id: note.id } } });
        changed();
      }
      if (note.eventId) setOpen(note.eventId);
      else if (note.kind === 'call_overdue') navigate('/calls-to-locate');
      else if (note.kind === 'household_alert' && note.data.groupId) navigate(`/groups?group=${note.data.groupId}`);
    });

  const markAll = () =>
    run(async () => {
      const { updated } = await api.POST('/api/inbox/read-all');
      void message.success(t('inbox.markedAll', { n: updated }));
      changed();
    });

  function detail(note: Notification): string | null {
    if (note.kind === 'due_soon' && note.data.workingDays) return t('inbox.dueIn', { n: note.data.workingDays });
    if (note.kind === 'returned' && note.data.returnedFrom)
      return t('inbox.returnedFrom', { unit: departments.unitName(note.data.returnedFrom) });
    if (note.kind === 'overdue' && note.data.colour) return t(`eventFilters.warnings.${note.data.colour}`);
    if (note.kind === 'household_alert' && note.data.leadHouseCode)
      return t('inbox.alertLead', { house: note.data.leadAddress ?? note.data.leadHouseCode });
    return null;
  }

  const byKind = counts.data?.byKind ?? {};
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('inbox.title')}</Typography.Title>
        <Button icon={<ReloadOutlined />} onClick={changed}>
          {t('events.refresh')}
        </Button>
      </div>
      <TodoPanel counts={counts.data ?? null} onChanged={changed} />
      <div className="page-toolbar detail-section">
        <Typography.Title level={5}>{t('inbox.feedTitle')}</Typography.Title>
        <Space wrap>
          {NOTIFICATION_KINDS.filter((k) => byKind[k]).map((k) => (
            <Tag key={k} color={KIND_COLOUR[k]}>
              {t(`inbox.kinds.${k}`)} {byKind[k]}
            </Tag>
          ))}
          <Switch
            checked={unreadOnly}
            onChange={(v) => {
              setUnreadOnly(v);
              setPage(1);
            }}
            checkedChildren={t('inbox.unreadOnly')}
            unCheckedChildren={t('inbox.unreadOnly')}
          />
          <Button icon={<CheckOutlined />} disabled={!counts.data?.unread} loading={busy} onClick={markAll} data-testid="inbox-read-all">
            {t('inbox.markAllRead')}
          </Button>
        </Space>
      </div>
      <List<Notification>
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('inbox.empty') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          showSizeChanger: false,
        }}
        renderItem={(note) => (
          <List.Item
            className={note.readAt ? 'inbox-item' : 'inbox-item inbox-unread'}
            onClick={() => void openNote(note)}
            data-testid="inbox-item"
          >
            <List.Item.Meta
              avatar={
                <Badge dot={!note.readAt} title={note.readAt ? undefined : t('inbox.unread')}>
                  <Tag color={KIND_COLOUR[note.kind]}>{t(`inbox.kinds.${note.kind}`, { defaultValue: note.kind })}</Tag>
                </Badge>
              }
              title={
                note.kind === 'call_overdue'
                  ? t('inbox.callLine', { address: note.data.address ?? '—', item: note.data.itemName ?? '—' })
                  : note.kind === 'household_alert'
                    ? t('inbox.alertLine', { group: note.data.groupName ?? '—', kind: t(`alerts.kinds.${note.data.alertKind}`) })
                    : t('inbox.caseLine', {
                        caseNo: note.data.caseNo ?? '—',
                        item: note.data.itemCode ? catalogue.nameOf(note.data.itemCode) : '—',
                      })
              }
              description={detail(note)}
            />
            <Typography.Text type="secondary">{new Date(note.createdAt).toLocaleString(i18n.language)}</Typography.Text>
          </List.Item>
        )}
      />
      <EventDrawer
        id={open}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpen(null)}
        onChanged={changed}
      />
    </div>
  );
}
