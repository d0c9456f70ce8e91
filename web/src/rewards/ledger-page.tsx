import { Alert, App, Button, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaMonth } from '../../../shared/china-time.ts';
import type { RewardEntry, RewardWorkerTotal } from '../api/replies.ts';
import { api, apiBlob } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { saveBlob } from '../save-file.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { EntryDialog } from './entry-dialog.tsx';
import { ruleText } from './rule-text.ts';
import { useCounties } from './use-counties.ts';

/** Last month in China time: the one usually paid. */
function lastMonth() {
  const [y, m] = chinaMonth(new Date()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const STATUS_COLOUR: Record<string, string> = { computed: 'blue', submitted: 'gold', final: 'green' };

/** 奖补台账: a county's month computed from its rules, subsidies and adjustments entered, submitted, approved, downloaded. */
export function RewardLedgerPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const counties = useCounties();
  // A city's counties arrive after the first render: the first is the default until one is picked.
  const [picked, setCounty] = useState<string>();
  const county = picked ?? counties.first;
  const [period, setPeriod] = useState(lastMonth());
  const [entering, setEntering] = useState(false);
  const { busy, run } = useBusyAction();
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const sheets = useApi('/api/rewards/sheets', county ? { params: { query: { county } } } : null);
  const found = validMonth ? (sheets.data?.items.find((s) => s.period === period) ?? null) : null;
  const month = useApi('/api/rewards/sheets/{id}', found ? { params: { path: { id: found.id } } } : null);
  const sheet = found && month.data?.id === found.id ? month.data : null;
  const reload = () => {
    sheets.reload();
    month.reload();
  };
  const at = (d: string | null) => (d ? new Date(d).toLocaleString() : '');

  const compute = () =>
    run(async () => {
      if (!county) return;
      const data = await api.POST('/api/rewards/sheets', { body: { county, period } });
      void message.success(t('rewards.ledger.computed', { n: data.entries.length }));
      reload();
    });
  const move = (step: 'submit' | 'approve') =>
    run(async () => {
      if (!sheet) return;
      const path = step === 'submit' ? '/api/rewards/sheets/{id}/submit' : '/api/rewards/sheets/{id}/approve';
      await api.POST(path, { params: { path: { id: sheet.id } }, body: { version: sheet.version } });
      void message.success(t(step === 'submit' ? 'rewards.ledger.submitted_ok' : 'rewards.ledger.approved_ok'));
      reload();
    });
  const download = () =>
    run(async () => {
      if (!sheet) return;
      saveBlob(
        await apiBlob('/api/rewards/sheets/{id}/export', { path: { id: sheet.id } }),
        `rewards-${sheet.countyCode}-${sheet.period}.xlsx`,
      );
    });
  const what = (e: RewardEntry) =>
    e.kind === 'case' ? (
      <CodeName name={e.itemName} code={e.caseNo} />
    ) : e.kind === 'star' ? (
      t('rewards.rules.starsOf', { n: e.stars })
    ) : (
      [e.reference, e.reason].filter(Boolean).join(' · ')
    );

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('rewards.ledger.title')}</Typography.Title>
        <Space wrap>
          <Select
            value={county}
            options={counties.options}
            onChange={setCounty}
            style={{ minWidth: 160 }}
            aria-label={t('rewards.county')}
            data-testid="ledger-county"
          />
          <Input
            value={period}
            onChange={(e) => setPeriod(e.target.value.trim())}
            status={validMonth ? undefined : 'error'}
            style={{ width: 110 }}
            aria-label={t('rewards.month')}
            data-testid="ledger-month"
          />
          {can('rewards.manage') && (!found || found.abilities.compute) && (
            <Button type="primary" loading={busy} disabled={!validMonth} onClick={() => void compute()} data-testid="ledger-compute">
              {found ? t('rewards.ledger.recompute') : t('rewards.ledger.compute')}
            </Button>
          )}
          {sheet?.abilities.enter && (
            <Button onClick={() => setEntering(true)} data-testid="ledger-enter">
              {t('rewards.ledger.enter')}
            </Button>
          )}
          {sheet?.abilities.submit && (
            <Button loading={busy} onClick={() => void move('submit')} data-testid="ledger-submit">
              {t('rewards.ledger.submit')}
            </Button>
          )}
          {sheet?.abilities.approve && (
            <Button type="primary" loading={busy} onClick={() => void move('approve')} data-testid="ledger-approve">
              {t('rewards.ledger.approve')}
            </Button>
          )}
          {sheet && (
            <Button loading={busy} onClick={() => void download()} data-testid="ledger-download">
              {t('rewards.ledger.download')}
            </Button>
          )}
        </Space>
      </div>
      <Alert type="info" showIcon message={t('rewards.outcomesTitle')} description={t('rewards.outcomes')} />
      {sheet ? (
        <Space direction="vertical" className="full-width" style={{ marginTop: 16 }}>
          <Space wrap>
            <Tag color={STATUS_COLOUR[sheet.status]} data-testid="ledger-status">
              {t(`rewards.status.${sheet.status}`)}
            </Tag>
            <Typography.Text strong data-testid="ledger-total">
              {t('rewards.ledger.total', { n: sheet.total })}
            </Typography.Text>
          </Space>
          {sheet.status === 'final' ? (
            <Alert
              type="success"
              showIcon
              data-testid="ledger-final"
              message={t('rewards.ledger.finalNote', { by: sheet.approvedBy, at: at(sheet.approvedAt) })}
            />
          ) : sheet.status === 'submitted' ? (
            <Alert
              type="warning"
              showIcon
              message={t('rewards.ledger.submittedNote', { by: sheet.submittedBy, at: at(sheet.submittedAt) })}
            />
          ) : (
            <Alert type="info" showIcon message={t('rewards.ledger.draftNote')} />
          )}
          <Tabs
            items={[
              {
                key: 'workers',
                label: t('rewards.ledger.workers'),
                children: (
                  <Table<RewardWorkerTotal>
                    rowKey="workerId"
                    size="small"
                    dataSource={sheet.workers}
                    pagination={{ pageSize: 50, showSizeChanger: false }}
                    scroll={{ x: 800 }}
                    data-testid="ledger-workers"
                    columns={[
                      { title: t('rewards.ledger.worker'), dataIndex: 'workerName' },
                      { title: t('rewards.ledger.grid'), key: 'grid', render: (_, w) => <CodeName name={w.gridName} code={w.gridCode} /> },
                      { title: t('rewards.ledger.cases'), dataIndex: 'cases', align: 'right' },
                      { title: t('rewards.ledger.case'), dataIndex: 'case', align: 'right' },
                      { title: t('rewards.ledger.task'), dataIndex: 'task', align: 'right' },
                      { title: t('rewards.ledger.star'), dataIndex: 'star', align: 'right' },
                      { title: t('rewards.ledger.adjustment'), dataIndex: 'adjustment', align: 'right' },
                      { title: t('rewards.ledger.sum'), dataIndex: 'total', align: 'right', render: (n: number) => <strong>{n}</strong> },
                    ]}
                  />
                ),
              },
              {
                key: 'entries',
                label: t('rewards.ledger.entries'),
                children: (
                  <Table<RewardEntry>
                    rowKey="id"
                    size="small"
                    dataSource={sheet.entries}
                    pagination={{ pageSize: 50, showSizeChanger: false }}
                    scroll={{ x: 900 }}
                    data-testid="ledger-entries"
                    columns={[
                      { title: t('rewards.ledger.worker'), dataIndex: 'workerName' },
                      { title: t('rewards.rules.kind'), dataIndex: 'kind', render: (k: string) => <Tag>{t(`rewards.kinds.${k}`)}</Tag> },
                      { title: t('rewards.ledger.what'), key: 'what', render: (_, e) => what(e) },
                      { title: t('rewards.ledger.rule'), key: 'rule', render: (_, e) => ruleText(t, e) || '—' },
                      { title: t('rewards.ledger.amount'), dataIndex: 'amount', align: 'right' },
                      { title: t('rewards.ledger.by'), dataIndex: 'enteredBy' },
                    ]}
                  />
                ),
              },
            ]}
          />
          <EntryDialog
            sheet={sheet}
            open={entering}
            onClose={() => setEntering(false)}
            onSaved={() => {
              setEntering(false);
              reload();
            }}
          />
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }} data-testid="ledger-none">
          {t('rewards.ledger.none')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
