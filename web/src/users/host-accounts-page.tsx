import { Alert, App, Button, Form, Input, Modal, Popconfirm, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import { isAdminRole } from '../../../shared/roles.ts';
import type { HostAccount } from '../api/replies.ts';
import { api } from '../api.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { usePaged } from '../use-paged.ts';

interface Values {
  issuer: string;
  subject: string;
  userId: string;
  note?: string;
}

/** 宿主账号关联: which host super-app user signs on as which Gezhi account (docs/integrations/super-app.md). */
export function HostAccountsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const paged = usePaged(PAGE.hostAccounts.default, '');
  const { data, loading, reload } = useApi('/api/access/host-accounts', { params: { query: paged.query } });
  const { data: settings } = useApi('/api/auth/host');
  const [adding, setAdding] = useState(false);
  const { busy, run } = useBusyAction();

  const remove = (m: HostAccount) =>
    run(async () => {
      await api.DELETE('/api/access/host-accounts/{id}', { params: { path: { id: m.id } } });
      void message.success(t('hostAccounts.removed'));
      reload();
    });

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('hostAccounts.title')}</Typography.Title>
        <Button type="primary" onClick={() => setAdding(true)} data-testid="host-account-add">
          {t('hostAccounts.add')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('hostAccounts.hint')}</Typography.Paragraph>
      {settings && settings.methods.length === 0 && <Alert type="info" showIcon message={t('hostAccounts.notConfigured')} />}
      <Table<HostAccount>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={paged.pagination(data?.total)}
        data-testid="host-accounts"
        columns={[
          { title: t('hostAccounts.subject'), dataIndex: 'subject' },
          { title: t('hostAccounts.account'), key: 'account', render: (_, m) => <CodeName name={m.displayName} code={m.username} /> },
          { title: t('hostAccounts.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
          { title: t('hostAccounts.issuer'), dataIndex: 'issuer', ellipsis: true },
          {
            title: t('hostAccounts.createdAt'),
            dataIndex: 'createdAt',
            render: (iso: string) => new Date(iso).toLocaleString(i18n.language),
          },
          {
            title: '',
            key: 'remove',
            width: 90,
            render: (_, m) => (
              <Popconfirm title={t('hostAccounts.confirmRemove')} onConfirm={() => remove(m)}>
                <Button size="small" danger disabled={busy}>
                  {t('hostAccounts.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adding && (
        <AddHostAccountDialog
          issuer={settings?.issuer ?? ''}
          onClose={() => setAdding(false)}
          onSaved={() => {
            setAdding(false);
            void message.success(t('hostAccounts.added'));
            reload();
          }}
        />
      )}
    </div>
  );
}

/** Issuer, subject and account are what the server requires; the note is the administrator's own. */
function AddHostAccountDialog({ issuer, onClose, onSaved }: { issuer: string; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { busy, run } = useBusyAction();
  const { data: users } = useApi('/api/access/users');
  // Administrators sign in with a password and a code on a computer: the server refuses to map them.
  const options = (users?.items ?? [])
    .filter((u) => !u.roles.some(isAdminRole) && !u.disabled)
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));

  const submit = (v: Values) =>
    run(async () => {
      await api.POST('/api/access/host-accounts', {
        body: { issuer: v.issuer, subject: v.subject, userId: v.userId, note: v.note || null },
      });
      onSaved();
    });

  return (
    <Modal open title={t('hostAccounts.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ issuer }} onFinish={submit} data-testid="host-account-form">
        <Form.Item name="issuer" label={t('hostAccounts.issuer')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={255} />
        </Form.Item>
        <Form.Item name="subject" label={t('hostAccounts.subject')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={255} data-testid="host-account-subject" />
        </Form.Item>
        <Form.Item name="userId" label={t('hostAccounts.account')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={options} data-testid="host-account-user" />
        </Form.Item>
        <Form.Item name="note" label={t('hostAccounts.note')}>
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
