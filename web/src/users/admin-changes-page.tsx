import { App, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import type { AdminChange } from '../api/replies.ts';
import { api } from '../api.ts';
import { LinkButton } from '../link-button.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { useShowError } from '../use-show-error.tsx';

const PAGE_SIZE = PAGE.adminChanges.default;

const STATUS_COLOUR = { pending: 'orange', approved: 'green', rejected: 'default' } as const;

/** 管理员变更审批 (三员分立): changes to administrator accounts, approved or rejected by a second administrator. */
export function AdminChangesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [onlyPending, setOnlyPending] = useState(true);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const paged = usePaged(PAGE_SIZE, String(onlyPending));
  const { data, loading, reload } = useApi('/api/access/admin-changes', {
    params: { query: { ...(onlyPending ? { status: 'pending' as const } : {}), ...paged.query } },
  });

  async function decide(change: AdminChange, verb: 'approve' | 'reject') {
    const reason = reasons[change.id]?.trim();
    try {
      await api.POST(verb === 'approve' ? '/api/access/admin-changes/{id}/approve' : '/api/access/admin-changes/{id}/reject', {
        params: { path: { id: change.id } },
        body: reason ? { reason } : {},
      });
      void message.success(t(verb === 'approve' ? 'adminChanges.approved' : 'adminChanges.rejected'));
      reload();
    } catch (err) {
      showError(err);
    }
  }

  const changeText = (c: AdminChange) => {
    if (c.kind === 'create') return t('adminChanges.enabled');
    const parts: string[] = [];
    const { roles, disabled, passwordReset, resetTotp, displayName } = c.changes;
    if (roles) parts.push(`${t('users.roles')}: ${roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(t('common.listSep'))}`);
    if (disabled !== undefined) parts.push(disabled ? t('users.statusDisabled') : t('adminChanges.enabled'));
    if (passwordReset) parts.push(t('users.resetPassword'));
    if (resetTotp) parts.push(t('users.resetTotp'));
    if (displayName) parts.push(`${t('users.displayName')}: ${displayName}`);
    return parts.join('；');
  };

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.adminChanges')}</Typography.Title>
        <Space>
          {t('adminChanges.onlyPending')}
          <Switch checked={onlyPending} onChange={setOnlyPending} data-testid="admin-changes-pending" />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('adminChanges.hint')}</Typography.Paragraph>
      <Table<AdminChange>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={paged.pagination(data?.total)}
        data-testid="admin-changes-table"
        columns={[
          {
            title: t('adminChanges.requestedAt'),
            dataIndex: 'requestedAt',
            width: 170,
            render: (at: string) => new Date(at).toLocaleString(i18n.language),
          },
          { title: t('adminChanges.requestedBy'), dataIndex: 'requestedByName' },
          { title: t('adminChanges.target'), dataIndex: 'targetName' },
          {
            title: t('adminChanges.kind'),
            dataIndex: 'kind',
            render: (k: AdminChange['kind']) => t(k === 'create' ? 'adminChanges.kindCreate' : 'adminChanges.kindUpdate'),
          },
          { title: t('adminChanges.changes'), key: 'changes', render: (_: unknown, c) => changeText(c) },
          {
            title: t('adminChanges.status'),
            dataIndex: 'status',
            render: (s: AdminChange['status'], c) => (
              <Space size={4}>
                <Tag color={STATUS_COLOUR[s]}>{t(`adminChanges.status_${s}`)}</Tag>
                {c.decidedByName && <span className="secondary">{`${t('adminChanges.decidedBy')}: ${c.decidedByName}`}</span>}
              </Space>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 360,
            render: (_: unknown, c) =>
              c.abilities.decide ? (
                <Space>
                  <Input
                    size="small"
                    style={{ width: 180 }}
                    maxLength={200}
                    placeholder={t('adminChanges.reasonPlaceholder')}
                    value={reasons[c.id] ?? ''}
                    onChange={(e) => setReasons({ ...reasons, [c.id]: e.target.value })}
                  />
                  <LinkButton onClick={() => void decide(c, 'approve')}>{t('adminChanges.approve')}</LinkButton>
                  <LinkButton onClick={() => void decide(c, 'reject')}>{t('adminChanges.reject')}</LinkButton>
                </Space>
              ) : (
                (c.reason ?? '')
              ),
          },
        ]}
      />
    </div>
  );
}
