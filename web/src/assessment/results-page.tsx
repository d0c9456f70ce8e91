import { Alert, App, Button, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { chinaMonth } from '../../../shared/china-time.ts';
import type { AssessmentResult } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { ASSESSEE_KINDS, type AssesseeKind, bandText } from './kinds.ts';
import { AdjustDialog, EntryDialog } from './result-dialogs.tsx';
import { useSchemeAreas } from './use-scheme-areas.ts';

/** Last month in China time: the one usually assessed. */
function lastMonth() {
  const [y, m] = chinaMonth(new Date()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const STATUS_COLOUR: Record<string, string> = { computed: 'blue', reviewed: 'gold', published: 'green' };

/** 月度考核: compute a month for every assessee of a scheme, review, enter, adjust with a reason, publish (then frozen). */
export function ResultsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { can } = useAuth();
  const areas = useSchemeAreas();
  const [area, setArea] = useState(areas.first);
  const [kind, setKind] = useState<AssesseeKind>('grid_worker');
  const [period, setPeriod] = useState(lastMonth());
  const [adjusting, setAdjusting] = useState<AssessmentResult | null>(null);
  const [entering, setEntering] = useState<AssessmentResult | null>(null);
  const { busy, run } = useBusyAction();
  const validMonth = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  const runs = useApi('/api/assessment/runs', validMonth ? { params: { query: { kind, period } } } : null);
  const found = runs.data?.items.find((r) => r.areaCode === area) ?? null;
  const month = useApi('/api/assessment/runs/{id}', found ? { params: { path: { id: found.id } } } : null);
  const current = found ? month.data : null;
  const reload = () => {
    runs.reload();
    month.reload();
  };

  const compute = () =>
    run(async () => {
      if (!area) return;
      const data = await api.POST('/api/assessment/runs', { body: { area, kind, period } });
      void message.success(t('assessment.results.computed', { n: data.results.length }));
      reload();
    });
  const move = (step: 'review' | 'publish') =>
    run(async () => {
      if (!current) return;
      const path = step === 'review' ? '/api/assessment/runs/{id}/review' : '/api/assessment/runs/{id}/publish';
      await api.POST(path, { params: { path: { id: current.id } }, body: { version: current.version } });
      void message.success(t(step === 'review' ? 'assessment.results.reviewed_ok' : 'assessment.results.published_ok'));
      reload();
    });
  const hasManual = current?.scheme.items.some((i) => i.source === 'manual') ?? false;

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('assessment.results.title')}</Typography.Title>
        <Space wrap>
          <Select value={area} options={areas.options} onChange={setArea} style={{ minWidth: 160 }} aria-label={t('assessment.area')} />
          <Select
            value={kind}
            onChange={setKind}
            style={{ minWidth: 150 }}
            aria-label={t('assessment.kind')}
            options={ASSESSEE_KINDS.map((k) => ({ value: k, label: t(`assessment.kinds.${k}`) }))}
            data-testid="results-kind"
          />
          <Input
            value={period}
            onChange={(e) => setPeriod(e.target.value.trim())}
            status={validMonth ? undefined : 'error'}
            style={{ width: 110 }}
            aria-label={t('assessment.month')}
            data-testid="results-month"
          />
          {can('assessment.assess') && (!current || current.abilities.recompute) && (
            <Button type="primary" loading={busy} onClick={() => void compute()} data-testid="compute">
              {current ? t('assessment.results.recompute') : t('assessment.results.compute')}
            </Button>
          )}
          {current?.abilities.review && (
            <Button loading={busy} onClick={() => void move('review')} data-testid="review">
              {t('assessment.results.review')}
            </Button>
          )}
          {current?.abilities.publish && (
            <Button type="primary" loading={busy} onClick={() => void move('publish')} data-testid="publish">
              {t('assessment.results.publish')}
            </Button>
          )}
        </Space>
      </div>
      {current ? (
        <Space direction="vertical" className="full-width">
          <Space wrap>
            <Tag color={STATUS_COLOUR[current.status]} data-testid="run-status">
              {t(`assessment.status.${current.status}`)}
            </Tag>
            <Typography.Text type="secondary">{current.scheme.name}</Typography.Text>
          </Space>
          {current.status === 'published' ? (
            <Alert
              type="success"
              showIcon
              data-testid="frozen"
              message={t('assessment.results.frozen', {
                at: new Date(current.publishedAt ?? '').toLocaleString(),
                by: current.publishedBy,
              })}
            />
          ) : (
            <Alert type="info" showIcon message={t('assessment.results.reviewHint')} />
          )}
          <Table<AssessmentResult>
            rowKey="id"
            size="small"
            loading={month.loading}
            dataSource={current.results}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            scroll={{ x: 800 }}
            data-testid="results-table"
            columns={[
              { title: t('assessment.results.rank'), key: 'rank', width: 60, render: (_, _r, i) => i + 1 },
              {
                title: t('assessment.results.assessee'),
                key: 'assessee',
                render: (_, r) => <CodeName name={r.assesseeName} code={r.gridCodes[0] ?? r.assesseeCode} />,
              },
              { title: t('assessment.results.computedScore'), dataIndex: 'computedScore', align: 'right' },
              {
                title: t('assessment.results.adjustment'),
                key: 'adjustment',
                align: 'right',
                render: (_, r) =>
                  r.adjustment ? (
                    <Tooltip title={r.adjustReason}>
                      <span>{r.adjustment > 0 ? `+${r.adjustment}` : r.adjustment}</span>
                    </Tooltip>
                  ) : (
                    '—'
                  ),
              },
              { title: t('assessment.results.score'), dataIndex: 'score', align: 'right', render: (s: number) => <strong>{s}</strong> },
              { title: t('assessment.results.band'), dataIndex: 'band', render: (b: string) => <Tag>{bandText(current.kind, b)}</Tag> },
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, r) => (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      type="link"
                      onClick={() => navigate(`/assessment/explain?result=${r.id}`)}
                      data-testid={`explain-${r.assesseeName}`}
                    >
                      {t('assessment.results.explain')}
                    </Button>
                    {current.abilities.adjust && hasManual && (
                      <Button size="small" type="link" onClick={() => setEntering(r)} data-testid={`enter-${r.assesseeName}`}>
                        {t('assessment.results.enter')}
                      </Button>
                    )}
                    {current.abilities.adjust && (
                      <Button size="small" type="link" onClick={() => setAdjusting(r)} data-testid={`adjust-${r.assesseeName}`}>
                        {t('assessment.results.adjust')}
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <AdjustDialog
            result={adjusting}
            onClose={() => setAdjusting(null)}
            onSaved={() => {
              setAdjusting(null);
              reload();
            }}
          />
          <EntryDialog
            result={entering}
            run={current}
            onClose={() => setEntering(null)}
            onSaved={() => {
              setEntering(null);
              reload();
            }}
          />
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" data-testid="no-run">
          {t('assessment.results.none')}
        </Typography.Paragraph>
      )}
    </div>
  );
}
