import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/replies.ts';
import { api } from '../api.ts';
import { LinkButton } from '../link-button.tsx';
import { MaskedValue } from '../people/masked-value.tsx';
import { useApi } from '../use-api.ts';
import { useShowError } from '../use-show-error.tsx';
import { UserFormDialog } from './user-form-dialog.tsx';

/** 用户管理: accounts, their roles and the area nodes that are their jurisdiction. */
export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { data, loading, reload } = useApi('/api/access/users');
  const departments = useApi('/api/org/departments').data?.items ?? [];
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);

  async function unlock(user: User) {
    try {
      await api.POST('/api/access/users/{id}/unlock', { params: { path: { id: user.id } } });
      void message.success(t('users.unlocked', { name: user.displayName }));
      reload();
    } catch (err) {
      showError(err);
    }
  }

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.users')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
          {t('users.create')}
        </Button>
      </div>
      <Table<User>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('users.username'), dataIndex: 'username', render: (u: string) => <span className="mono">{u}</span> },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => roles.map((r) => <Tag key={r}>{t(`role.${r}`, { defaultValue: r })}</Tag>),
          },
          {
            title: t('users.areas'),
            dataIndex: 'areas',
            render: (_: unknown, u: User) => u.areas.map((a) => a.name).join(t('common.listSep')),
          },
          {
            title: t('users.department'),
            dataIndex: 'departmentCode',
            render: (c: string | null) => (c ? (departments.find((d) => d.code === c)?.name ?? c) : '—'),
          },
          {
            title: t('users.phone'),
            dataIndex: 'phone',
            // Masked in the list; the full number only on asking, with a reason the server audits.
            render: (p: string | null, u: User) =>
              p ? (
                <MaskedValue
                  field={`phone-${u.username}`}
                  label={t('users.phone')}
                  masked={p}
                  canReveal
                  reveal={(reason) => api.POST('/api/access/users/{id}/reveal', { params: { path: { id: u.id } }, body: { reason } })}
                />
              ) : (
                '—'
              ),
          },
          {
            title: t('users.status'),
            key: 'status',
            render: (_: unknown, u: User) => (
              <Space size={4}>
                {u.disabled && <Tag color="default">{t('users.statusDisabled')}</Tag>}
                {u.locked && <Tag color="red">{t('users.statusLocked')}</Tag>}
                {u.pendingChange && <Tag color="orange">{t('users.statusPending')}</Tag>}
                {!u.disabled && !u.locked && <Tag color="green">{t('users.statusActive')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, u: User) => (
              <Space>
                <LinkButton onClick={() => setEditing({ user: u })}>{t('common.edit')}</LinkButton>
                {u.locked && <LinkButton onClick={() => unlock(u)}>{t('users.unlock')}</LinkButton>}
              </Space>
            ),
          },
        ]}
      />
      {/* Mounted per opening, so the form starts from this user's values. */}
      {editing && <UserFormDialog user={editing.user} departments={departments} onClose={() => setEditing(null)} onSaved={reload} />}
    </div>
  );
}
