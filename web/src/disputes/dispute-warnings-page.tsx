import { Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPUTE_WARNING_STATES } from '../../../shared/dispute-warnings.ts';
import type { DisputeWarningSummary } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { DisputeDrawer } from './dispute-drawer.tsx';
import { DisputeWarningDrawer, useRuleWords, WARNING_STATE_COLOUR } from './dispute-warning-drawer.tsx';
import { DisputeWarningRules } from './dispute-warning-rules.tsx';

function WarningList() {
  const { t } = useTranslation();
  const words = useRuleWords();
  const [state, setState] = useState<(typeof DISPUTE_WARNING_STATES)[number] | undefined>('open');
  const [open, setOpen] = useState<string | null>(null);
  const [dispute, setDispute] = useState<string | null>(null);
  const { data, loading, reload } = useApi('/api/disputes/warnings', { params: { query: { state } } });
  return (
    <>
      <Space wrap className="page-toolbar">
        <Select
          allowClear
          placeholder={t('disputeWarnings.state')}
          value={state}
          onChange={setState}
          style={{ width: 140 }}
          data-testid="warnings-state"
          options={DISPUTE_WARNING_STATES.map((s) => ({ value: s, label: t(`disputeWarnings.states.${s}`) }))}
        />
      </Space>
      <Table<DisputeWarningSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="warnings-table"
        onRow={(r) => ({ onClick: () => setOpen(r.id) })}
        columns={[
          {
            title: t('disputeWarnings.kind'),
            render: (_, r) => <Tag color="volcano">{t(`disputeWarnings.kinds.${r.kind}`)}</Tag>,
          },
          { title: t('disputeWarnings.rule'), render: (_, r) => words(r.kind, r.params) },
          // A missed-visits warning rests on a person's missed follow-ups, not on disputes.
          { title: t('disputeWarnings.disputes'), render: (_, r) => (r.kind === 'missed_visits' ? '—' : r.disputes) },
          {
            title: t('disputeWarnings.unit'),
            render: (_, r) => <CodeName name={r.unitName} code={r.unitCode} />,
          },
          {
            title: t('disputeWarnings.state'),
            render: (_, r) => <Tag color={WARNING_STATE_COLOUR[r.state]}>{t(`disputeWarnings.states.${r.state}`)}</Tag>,
          },
          { title: t('disputeWarnings.raisedAt'), render: (_, r) => new Date(r.raisedAt).toLocaleString() },
        ]}
      />
      <DisputeWarningDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} onOpenDispute={setDispute} />
      <DisputeDrawer id={dispute} onClose={() => setDispute(null)} onChanged={reload} />
    </>
  );
}

/** 预警成效: per rule, how many were raised, handled, dismissed, and the disputes resolved after them. */
function RuleFigures() {
  const { t } = useTranslation();
  const { data, loading } = useApi('/api/disputes/warnings/figures');
  return (
    <Table
      rowKey="ruleKey"
      size="small"
      loading={loading}
      pagination={false}
      dataSource={data?.items ?? []}
      scroll={{ x: 'max-content' }}
      data-testid="warning-figures"
      title={() => data && `${t('disputeWarnings.from')} ${data.from} ${t('disputeWarnings.to')} ${data.to}`}
      columns={[
        { title: t('disputeWarnings.rule'), render: (_, r) => (r.kind ? t(`disputeWarnings.kinds.${r.kind}`) : r.ruleKey) },
        { title: t('disputeWarnings.raised'), dataIndex: 'raised' },
        { title: t('disputeWarnings.open'), dataIndex: 'open' },
        { title: t('disputeWarnings.states.handled'), dataIndex: 'handled' },
        { title: t('disputeWarnings.states.dismissed'), dataIndex: 'dismissed' },
        { title: t('disputeWarnings.resolvedAfter'), dataIndex: 'resolvedAfter' },
      ]}
    />
  );
}

/** 矛盾纠纷预警: warnings addressed within one's jurisdiction with their evidence, the county's rules, and what they led to. */
export function DisputeWarningsPage() {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  return (
    <div className="page">
      <Tabs
        items={[
          { key: 'warnings', label: t('disputeWarnings.tabs.warnings'), children: <WarningList key={version} /> },
          {
            key: 'rules',
            label: t('disputeWarnings.tabs.rules'),
            children: <DisputeWarningRules onRan={() => setVersion((v) => v + 1)} />,
          },
          { key: 'figures', label: t('disputeWarnings.tabs.figures'), children: <RuleFigures key={version} /> },
        ]}
      />
    </div>
  );
}
