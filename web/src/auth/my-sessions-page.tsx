import { App, Button, Card, Popconfirm, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Session } from '../api/replies.ts';
import { api } from '../api.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';

/** 我的会话: where I am signed in, and ending the sessions I do not recognise. */
export function MySessionsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, reload } = useApi('/api/auth/sessions');
  const { busy, run } = useBusyAction();
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  const others = (data?.items ?? []).filter((s) => !s.current).length;

  const end = (id: string) =>
    run(async () => {
      await api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } });
      void message.success(t('sessions.ended'));
      reload();
    });
  const endOthers = () =>
    run(async () => {
      const { ended } = await api.POST('/api/auth/sessions/end-others');
      void message.success(t('sessions.endedOthers', { count: ended }));
      reload();
    });

  return (
    <Card
      title={t('sessions.title')}
      extra={
        <Popconfirm title={t('sessions.confirmEndOthers')} onConfirm={endOthers} disabled={others === 0}>
          <Button danger disabled={others === 0} loading={busy} data-testid="end-other-sessions">
            {t('sessions.endOthers')}
          </Button>
        </Popconfirm>
      }
    >
      <Typography.Paragraph type="secondary">{t('sessions.hint')}</Typography.Paragraph>
      <Table<Session>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('sessions.createdAt'), dataIndex: 'createdAt', render: time },
          { title: t('sessions.lastSeenAt'), dataIndex: 'lastSeenAt', render: time },
          { title: t('sessions.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? t('common.unknown') },
          {
            title: t('sessions.browser'),
            dataIndex: 'userAgent',
            ellipsis: true,
            render: (ua: string | null) => ua ?? t('common.unknown'),
          },
          {
            title: '',
            key: 'end',
            width: 120,
            render: (_, s) =>
              s.current ? (
                <Tag color="green">{t('sessions.current')}</Tag>
              ) : (
                <Button size="small" danger onClick={() => end(s.id)} disabled={busy}>
                  {t('sessions.end')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
