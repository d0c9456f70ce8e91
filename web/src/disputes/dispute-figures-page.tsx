import { Alert, DatePicker, Drawer, Select, Space, Statistic, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISPUTE_FIGURE_DIMENSIONS, type DisputeFigureDimension, type DisputeFigureMeasure } from '../../../shared/disputes.ts';
import type { DisputeFigureRow, DisputeSummary } from '../api/replies.ts';
import { EChart } from '../figures/echart.tsx';
import { useAreaOptions } from '../figures/use-area-options.ts';
import { useApi } from '../use-api.ts';
import { DisputeDrawer } from './dispute-drawer.tsx';
import { useTypeName } from './dispute-form.tsx';

interface Drill {
  key?: string;
  measure: DisputeFigureMeasure;
  name: string;
}
const COUNTS: DisputeFigureMeasure[] = ['total', 'open', 'resolved', 'referred', 'atVillage', 'atTownship'];
const percent = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** 统计明细: exactly the disputes a number counts; a row opens the dispute. */
function Counted({ query, drill, onClose }: { query: object; drill: Drill | null; onClose(): void }) {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const [open, setOpen] = useState<string | null>(null);
  const { data, loading } = useApi(
    '/api/disputes/figures/disputes',
    drill ? { params: { query: { ...query, key: drill.key, measure: drill.measure } } } : null,
  );
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width={Math.min(820, window.innerWidth)}
      title={drill ? t('disputeFigures.counted', { name: drill.name, n: data?.total ?? '…' }) : ''}
      destroyOnHidden
    >
      {data && data.total > data.items.length && <Typography.Text type="secondary">{t('disputeFigures.shownNewest')}</Typography.Text>}
      <Table<DisputeSummary>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="figure-disputes"
        onRow={(r) => ({ onClick: () => setOpen(r.id) })}
        columns={[
          { title: t('disputes.title'), dataIndex: 'title' },
          { title: t('disputes.type'), render: (_, r) => typeName(r.typeCode) },
          { title: t('disputes.grid'), dataIndex: 'gridName' },
          { title: t('disputes.tier'), render: (_, r) => t(`disputes.tiers.${r.tier}`) },
          { title: t('disputes.status'), render: (_, r) => t(`disputes.statuses.${r.status}`) },
          { title: t('disputes.occurredOn'), dataIndex: 'occurredOn' },
        ]}
      />
      <DisputeDrawer id={open} onClose={() => setOpen(null)} onChanged={() => {}} />
    </Drawer>
  );
}

/** 矛盾纠纷统计: by type, tier, outcome, area or month; 小事不出村, 大事不出镇, working days; every number drills down. */
export function DisputeFiguresPage() {
  const { t } = useTranslation();
  const typeName = useTypeName();
  const areas = useAreaOptions();
  const [area, setArea] = useState<string | undefined>();
  const [months, setMonths] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [by, setBy] = useState<DisputeFigureDimension>('type');
  const [drill, setDrill] = useState<Drill | null>(null);
  const query = { areaCode: area ?? areas.first, from: months[0].format('YYYY-MM'), to: months[1].format('YYYY-MM'), by };
  const { data, loading } = useApi('/api/disputes/figures', query.areaCode ? { params: { query } } : null);
  const label = (r: DisputeFigureRow) =>
    by === 'type'
      ? typeName(r.key)
      : by === 'tier'
        ? t(`disputes.tiers.${r.key}`)
        : by === 'outcome'
          ? t(`disputeFigures.outcomes.${r.key}`)
          : by === 'area'
            ? (r.name ?? r.key)
            : r.key;
  const rows = data?.rows ?? [];
  const shown = JSON.stringify([rows, rows.map(label)]);
  // A new option only when what the chart shows changes (not on opening a drawer): each new option animates again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `shown` stands for the rows and their labels
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, bottom: 64, top: 36 },
      xAxis: { type: 'category', data: rows.map(label), axisLabel: { rotate: rows.length > 6 ? 30 : 0 } },
      yAxis: [{ type: 'value' }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: t('disputeFigures.total'), type: 'bar', data: rows.map((r) => r.total) },
        { name: t('disputeFigures.outcomes.resolved'), type: 'bar', data: rows.map((r) => r.resolved) },
        {
          name: t('disputeFigures.villageShare'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => (r.villageShare === null ? null : Math.round(r.villageShare * 1000) / 10)),
        },
        {
          name: t('disputeFigures.townshipShare'),
          type: 'line',
          yAxisIndex: 1,
          data: rows.map((r) => (r.townshipShare === null ? null : Math.round(r.townshipShare * 1000) / 10)),
        },
      ],
    }),
    [shown],
  );
  const number = (r: DisputeFigureRow | null, measure: DisputeFigureMeasure) => {
    const n = r ? r[measure] : rows.reduce((sum, x) => sum + x[measure], 0);
    return (
      <Typography.Link
        onClick={() =>
          setDrill({
            key: r?.key,
            measure,
            name: `${r ? label(r) : ''} ${t(`disputeFigures.${measure === 'open' || measure === 'resolved' || measure === 'referred' ? `outcomes.${measure}` : measure}`)}`,
          })
        }
        data-testid={`figure-${measure}-${r?.key ?? 'all'}`}
      >
        {n}
      </Typography.Link>
    );
  };
  return (
    <div className="page">
      <Space wrap className="page-toolbar">
        <Select
          value={area ?? areas.first}
          onChange={setArea}
          options={areas.options}
          style={{ width: 200 }}
          aria-label={t('disputeFigures.area')}
        />
        <DatePicker.RangePicker
          picker="month"
          value={months}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setMonths([v[0], v[1]])}
          aria-label={t('disputeFigures.months')}
        />
        <Select
          value={by}
          onChange={setBy}
          style={{ width: 140 }}
          data-testid="figures-by"
          options={DISPUTE_FIGURE_DIMENSIONS.map((d) => ({ value: d, label: t(`disputeFigures.dims.${d}`) }))}
        />
      </Space>
      {data && (
        <Space wrap size="large" className="detail-section" data-testid="dispute-mediation-figures">
          <Link to="/disputes?overdue=true">
            <Statistic
              title={t('disputes.figuresOverdue')}
              value={data.mediation.overdue}
              valueStyle={data.mediation.overdue ? { color: '#cf1322' } : undefined}
            />
          </Link>
          <Statistic title={t('disputes.figuresFollowUpsOverdue')} value={data.mediation.followUpsOverdue} />
          <Statistic title={t('disputes.figuresPerformedShare')} value={percent(data.mediation.performedShare)} />
          <Typography.Text type="secondary">{t('disputes.figuresPerformed', data.mediation.performed)}</Typography.Text>
        </Space>
      )}
      <EChart option={option} testId="dispute-figures-chart" />
      <Alert type="info" showIcon message={t('disputeFigures.sharesNote')} className="detail-section" />
      <Table<DisputeFigureRow>
        rowKey="key"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="dispute-figures-table"
        columns={[
          { title: t(`disputeFigures.dims.${by}`), render: (_, r) => label(r) },
          ...COUNTS.map((m) => ({
            title: t(`disputeFigures.${m === 'open' || m === 'resolved' || m === 'referred' ? `outcomes.${m}` : m}`),
            render: (_: unknown, r: DisputeFigureRow) => number(r, m),
          })),
          { title: t('disputeFigures.villageShare'), render: (_, r) => percent(r.villageShare) },
          { title: t('disputeFigures.townshipShare'), render: (_, r) => percent(r.townshipShare) },
          { title: t('disputeFigures.days'), render: (_, r) => r.resolutionWorkingDays ?? '—' },
        ]}
      />
      <Counted query={query} drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
