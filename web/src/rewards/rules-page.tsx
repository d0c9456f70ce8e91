import { Alert, App, Button, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardRule } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { RuleDialog } from './rule-dialog.tsx';
import { useCounties } from './use-counties.ts';

/** 奖补规则: what a county pays per verified case by item class, per worker of a commissioned task, per star level. */
export function RewardRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const counties = useCounties();
  // A city's counties arrive after the first render: the first is the default until one is picked.
  const [picked, setCounty] = useState<string>();
  const county = picked ?? counties.first;
  const [editing, setEditing] = useState<RewardRule | null>(null);
  const [adding, setAdding] = useState(false);
  const { run } = useBusyAction();
  const list = useApi('/api/rewards/rules', county ? { params: { query: { county } } } : null);
  const remove = (r: RewardRule) =>
    run(async () => {
      await api.DELETE('/api/rewards/rules/{id}', { params: { path: { id: r.id }, query: { version: r.version } } });
      void message.success(t('rewards.rules.removed'));
      list.reload();
    });
  const applies = (r: RewardRule) =>
    r.kind === 'star' ? t('rewards.rules.starsOf', { n: r.key }) : r.kind === 'case' ? <CodeName name={r.label} code={r.key} /> : r.key;

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('rewards.rules.title')}</Typography.Title>
        <Space wrap>
          <Select
            value={county}
            options={counties.options}
            onChange={setCounty}
            style={{ minWidth: 160 }}
            aria-label={t('rewards.county')}
          />
          {can('rewards.manage') && (
            <Button type="primary" onClick={() => setAdding(true)} data-testid="rule-add">
              {t('rewards.rules.add')}
            </Button>
          )}
        </Space>
      </div>
      <Alert type="info" showIcon message={t('rewards.outcomesTitle')} description={t('rewards.outcomes')} data-testid="outcomes-only" />
      <Table<RewardRule>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('rewards.rules.none') }}
        style={{ marginTop: 16 }}
        data-testid="rules-table"
        columns={[
          { title: t('rewards.rules.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`rewards.kinds.${k}`)}</Tag> },
          { title: t('rewards.rules.key'), key: 'key', render: (_, r) => applies(r) },
          { title: t('rewards.rules.amount'), dataIndex: 'amount', align: 'right' },
          { title: t('rewards.rules.note'), dataIndex: 'note', render: (n: string | null) => n ?? '—' },
          {
            title: t('rewards.rules.updated'),
            key: 'updated',
            render: (_, r) => `${r.updatedBy} · ${new Date(r.updatedAt).toLocaleString()}`,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) =>
              r.abilities.edit && (
                <Space size={4}>
                  <Button size="small" type="link" onClick={() => setEditing(r)} data-testid={`rule-edit-${r.key}`}>
                    {t('rewards.rules.edit')}
                  </Button>
                  <Popconfirm title={t('rewards.rules.removeConfirm')} onConfirm={() => void remove(r)}>
                    <Button size="small" type="link" danger data-testid={`rule-remove-${r.key}`}>
                      {t('rewards.rules.remove')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {county && (
        <RuleDialog
          county={county}
          rule={editing}
          open={adding || editing !== null}
          onClose={() => {
            setAdding(false);
            setEditing(null);
          }}
          onSaved={() => {
            setAdding(false);
            setEditing(null);
            list.reload();
          }}
        />
      )}
    </div>
  );
}
