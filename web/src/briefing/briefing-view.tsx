import { Drawer, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingContent } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { useApi } from '../use-api.ts';

type Content = BriefingContent;
type CaseLine = Content['typical'][number];

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);

function Section({ title, empty, children, testId }: { title: string; empty: string | null; children: ReactNode; testId: string }) {
  return (
    <section data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      {empty ? <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph> : children}
    </section>
  );
}

/** One frozen briefing, read in the page as it reads on paper: the sections of the notice in order. */
export function BriefingDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { data } = useApi('/api/briefings/{id}', id ? { params: { path: { id } } } : null);
  const c = data?.content;
  const col = (key: string) => t(`briefing.cols.${key}`);
  const caseColumns = [
    { title: col('caseNo'), dataIndex: 'caseNo', className: 'mono' },
    { title: col('item'), dataIndex: 'itemName' },
    { title: col('grid'), dataIndex: 'gridName' },
    { title: col('leadUnit'), dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
    { title: col('reportedOn'), dataIndex: 'reportedOn' },
    { title: col('status'), dataIndex: 'statusName' },
  ];
  const table = <T extends object>(rowKey: string, rows: T[], columns: object[], testId?: string) => (
    <Table<T>
      rowKey={rowKey}
      size="small"
      pagination={false}
      dataSource={rows}
      columns={columns}
      data-testid={testId}
      scroll={{ x: 600 }}
    />
  );
  return (
    <Drawer open={id !== null} onClose={onClose} width={880} title={c?.title ?? ''} destroyOnHidden>
      {c && data && (
        <div className="briefing-view" data-testid="briefing-view">
          <Typography.Paragraph type="secondary">
            {t('briefing.issued', { issuer: c.issuer, version: data.version, day: c.generatedOn })}
          </Typography.Paragraph>
          <Typography.Paragraph>{c.addressee}</Typography.Paragraph>
          <Section title={t('briefing.sections.overview')} empty={null} testId="briefing-overview">
            <Typography.Paragraph>{c.summary}</Typography.Paragraph>
            {table('key', c.totals, [
              { title: col('indicator'), dataIndex: 'name' },
              { title: c.period.text, key: 'v', render: (_: unknown, l: Content['totals'][number]) => shown(l.kind, l.value) },
              { title: c.previous.text, key: 'p', render: (_: unknown, l: Content['totals'][number]) => shown(l.kind, l.previous) },
            ])}
          </Section>
          <Section title={t('briefing.sections.areas')} empty={c.areas.length ? null : t('briefing.empty.areas')} testId="briefing-areas">
            {table('code', c.areas, [
              {
                title: col('area'),
                key: 'name',
                render: (_: unknown, a: Content['areas'][number]) => <CodeName name={a.name} code={a.code} />,
              },
              { title: col('reported'), dataIndex: 'reported' },
              { title: col('closed'), dataIndex: 'closed' },
              { title: col('closingRate'), dataIndex: 'closingRate', render: pct },
              { title: col('onTimeRate'), dataIndex: 'onTimeRate', render: pct },
              { title: col('satisfactionRate'), dataIndex: 'satisfactionRate', render: pct },
              { title: col('overdue'), dataIndex: 'overdue' },
            ])}
          </Section>
          <Section title={t('briefing.sections.units')} empty={c.units.length ? null : t('briefing.empty.units')} testId="briefing-units">
            {table('code', c.units, [
              {
                title: col('unit'),
                key: 'name',
                render: (_: unknown, u: Content['units'][number]) => <CodeName name={u.name} code={u.code} />,
              },
              { title: col('dispatched'), dataIndex: 'dispatched' },
              { title: col('handledOnTime'), dataIndex: 'handledOnTime' },
              { title: col('onTimeRate'), dataIndex: 'onTimeRate', render: pct },
              { title: c.previous.text, dataIndex: 'previousRate', render: pct },
            ])}
          </Section>
          <Section title={t('briefing.sections.rankings')} empty={null} testId="briefing-rankings">
            {c.rankings.map((r) => (
              <div key={r.kind}>
                <Typography.Text strong>{t(`assessment.kinds.${r.kind}`)}</Typography.Text>
                {r.rows.length ? (
                  table('code', r.rows, [
                    { title: col('rank'), dataIndex: 'rank' },
                    { title: col('name'), dataIndex: 'name' },
                    { title: col('score'), dataIndex: 'score' },
                    { title: col('band'), dataIndex: 'band' },
                  ])
                ) : (
                  <Typography.Paragraph type="secondary">{t('briefing.empty.rankings')}</Typography.Paragraph>
                )}
              </div>
            ))}
          </Section>
          <Section
            title={t('briefing.sections.sanctions')}
            empty={c.sanctions.length ? null : t('briefing.empty.sanctions')}
            testId="briefing-sanctions"
          >
            {table('unitCode', c.sanctions, [
              {
                title: col('unit'),
                key: 'u',
                render: (_: unknown, s: Content['sanctions'][number]) => <CodeName name={s.unitName} code={s.unitCode} />,
              },
              { title: col('worst'), dataIndex: 'worstName' },
              { title: col('measure'), dataIndex: 'measure', render: (v: string | null) => v ?? '—' },
              {
                title: col('cases'),
                key: 'cases',
                render: (_: unknown, s: Content['sanctions'][number]) =>
                  s.cases.map((x) => `${x.caseNo}（${x.colours.join('、')}）`).join('；'),
              },
            ])}
          </Section>
          <Section
            title={t('briefing.sections.repeats')}
            empty={c.repeats.length ? null : t('briefing.empty.repeats')}
            testId="briefing-repeats"
          >
            {table<CaseLine>('caseNo', c.repeats, caseColumns)}
          </Section>
          <Section
            title={t('briefing.sections.typical')}
            empty={c.typical.length ? null : t('briefing.empty.typical')}
            testId="briefing-typical"
          >
            {table<CaseLine>('caseNo', c.typical, [...caseColumns, { title: col('reason'), dataIndex: 'reason' }])}
          </Section>
        </div>
      )}
    </Drawer>
  );
}

const shown = (kind: string, v: number | null) => (kind === 'rate' ? pct(v) : String(v ?? 0));
