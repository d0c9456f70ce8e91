import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RankingRow, Rankings } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { EventDrawer } from '../events/event-drawer.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { current } from '../figures/figures-page.tsx';
import { useAreaOptions } from '../figures/use-area-options.ts';
import { useApi } from '../use-api.ts';
import { COLOUR_TAG } from '../warnings/warning-rules-editor.tsx';
import { ASSESSEE_KINDS, type AssesseeKind, bandText } from './kinds.ts';

type Span = 'month' | 'quarter' | 'year';
const PATTERNS: Record<Span, RegExp> = { month: /^\d{4}-(0[1-9]|1[0-2])$/, quarter: /^\d{4}-Q[1-4]$/, year: /^\d{4}$/ };
type Sanctioned = Rankings['sanctioned'][number];

/** 通报排名: the monthly notice, quarterly ranking and yearly review from published months, and the units under sanction. */
export function RankingsPage() {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const [area, setArea] = useState<string | undefined>(areas.first);
  const [kind, setKind] = useState<AssesseeKind>('grid_worker');
  const [span, setSpan] = useState<Span>('month');
  const [period, setPeriod] = useState(current('month'));
  const [open, setOpen] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const valid = PATTERNS[span].test(period);
  const { data, loading } = useApi('/api/assessment/rankings', valid ? { params: { query: { area, kind, period } } } : null);

  const change = (r: RankingRow) => {
    if (r.rankChange === null) return <Tag>{t('assessment.rankings.new')}</Tag>;
    const score = r.scoreChange === null ? '' : ` (${r.scoreChange > 0 ? '+' : ''}${r.scoreChange})`;
    if (r.rankChange > 0)
      return (
        <Typography.Text type="success">
          <ArrowUpOutlined /> {t('assessment.rankings.up', { n: r.rankChange })}
          {score}
        </Typography.Text>
      );
    if (r.rankChange < 0)
      return (
        <Typography.Text type="danger">
          <ArrowDownOutlined /> {t('assessment.rankings.down', { n: -r.rankChange })}
          {score}
        </Typography.Text>
      );
    return (
      <span>
        {t('assessment.rankings.same')}
        {score}
      </span>
    );
  };

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('assessment.rankings.title')}</Typography.Title>
        <Space wrap>
          <Select value={area} options={areas.options} onChange={setArea} style={{ minWidth: 160 }} aria-label={t('figures.area')} />
          <Select
            value={kind}
            onChange={setKind}
            style={{ minWidth: 150 }}
            aria-label={t('assessment.kind')}
            options={ASSESSEE_KINDS.map((k) => ({ value: k, label: t(`assessment.kinds.${k}`) }))}
            data-testid="rankings-kind"
          />
          <Segmented<Span>
            value={span}
            onChange={(s) => {
              setSpan(s);
              setPeriod(current(s));
            }}
            options={(['month', 'quarter', 'year'] as const).map((s) => ({
              value: s,
              label: t(
                `assessment.rankings.notice.${s === 'month' ? 'monthly_notice' : s === 'quarter' ? 'quarterly_ranking' : 'yearly_review'}`,
              ),
            }))}
          />
          <Tooltip title={t('assessment.rankings.periodRule')}>
            <Input
              value={period}
              onChange={(e) => setPeriod(e.target.value.trim())}
              status={valid ? undefined : 'error'}
              style={{ width: 110 }}
              aria-label={t('assessment.rankings.period')}
              data-testid="rankings-period"
            />
          </Tooltip>
        </Space>
      </div>
      {data && (
        <Typography.Paragraph type="secondary" data-testid="rankings-months">
          {data.months.length ? t('assessment.rankings.months', { months: data.months.join('、') }) : t('assessment.rankings.noMonths')}
        </Typography.Paragraph>
      )}
      <Table<RankingRow>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        scroll={{ x: 700 }}
        data-testid="rankings-table"
        columns={[
          { title: t('assessment.results.rank'), dataIndex: 'rank', width: 60 },
          {
            title: t('assessment.results.assessee'),
            key: 'name',
            render: (_, r) => (
              <Link to={`/assessment/explain?result=${r.resultId}`} data-testid={`ranked-${r.code}`}>
                <CodeName name={r.name} code={kind === 'grid_worker' ? r.areaCode : r.code} />
              </Link>
            ),
          },
          { title: t('assessment.results.score'), dataIndex: 'score', align: 'right', render: (s: number) => <strong>{s}</strong> },
          { title: t('assessment.results.band'), dataIndex: 'band', render: (b: string) => <Tag>{bandText(kind, b)}</Tag> },
          { title: t('assessment.rankings.months_n'), dataIndex: 'months', align: 'right' },
          { title: t('assessment.rankings.change'), key: 'change', render: (_, r) => change(r) },
          {
            title: t('assessment.rankings.sanction'),
            key: 'sanction',
            render: (_, r) =>
              r.sanction ? (
                <Tag color={COLOUR_TAG[r.sanction.worst]}>
                  {t(`eventFilters.warnings.${r.sanction.worst}`)}
                  {r.sanction.sanction ? ` · ${t(r.sanction.sanction)}` : ''}
                </Tag>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {kind !== 'grid_worker' && data && (
        <>
          <Typography.Title level={5}>{t('assessment.rankings.sanctioned')}</Typography.Title>
          <Table<Sanctioned>
            rowKey="unitCode"
            size="small"
            pagination={false}
            dataSource={data.sanctioned}
            locale={{ emptyText: t('assessment.rankings.noSanctions') }}
            data-testid="sanctioned"
            columns={[
              { title: t('warnings.unit'), key: 'unit', render: (_, s) => <CodeName name={s.unitName} code={s.unitCode} /> },
              {
                title: t('warnings.worst'),
                key: 'worst',
                render: (_, s) => <Tag color={COLOUR_TAG[s.worst]}>{t(`eventFilters.warnings.${s.worst}`)}</Tag>,
              },
              { title: t('warnings.earned'), dataIndex: 'sanction', render: (s: string | null) => (s ? t(s) : '—') },
              {
                title: t('assessment.rankings.cases'),
                key: 'cases',
                render: (_, s) => (
                  <Space size={0} wrap>
                    {s.cases.map((c) => (
                      <Button key={c.id} type="link" size="small" onClick={() => setOpen(c.id)}>
                        {c.caseNo}
                      </Button>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
      <EventDrawer
        id={open}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpen(null)}
        onChanged={() => {}}
      />
    </div>
  );
}
