import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { PAGE } from '../../../shared/limits.ts';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { PatrolFacts, type PatrolSummary } from './patrol-summary.tsx';

/** 巡查记录: the patrols of the caller's area as summaries, newest first; a row opens to its grids and cases. */
export function PatrolsPage() {
  const { t, i18n } = useTranslation();
  const paged = usePaged(PAGE.patrols.default, '');
  const { data, loading } = useApi('/api/patrols', { params: { query: paged.query } });
  const at = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' });

  const columns: ColumnsType<PatrolSummary> = [
    {
      title: t('patrols.who'),
      key: 'who',
      render: (_: unknown, p) => (
        <span>
          {p.userName}
          {p.department && <Typography.Text type="secondary"> · {p.department.name}</Typography.Text>}
        </span>
      ),
    },
    { title: t('patrols.when'), dataIndex: 'startedAt', width: 180, render: (v: string) => at(v) },
    {
      title: t('patrols.duration'),
      key: 'minutes',
      width: 120,
      render: (_: unknown, p) => (p.endedAt ? t('patrols.minutes', { n: p.minutes }) : <Tag color="processing">{t('patrols.open')}</Tag>),
    },
    { title: t('patrols.grids'), key: 'grids', render: (_: unknown, p) => p.grids.map((g) => g.name).join('、') || '—' },
    {
      title: t('patrols.cases'),
      key: 'cases',
      width: 220,
      render: (_: unknown, p) => t('patrols.casesCount', { reported: p.reported, fixed: p.fixedOnSpot }),
    },
  ];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('patrols.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('patrols.hint')}</Typography.Paragraph>
      <Table<PatrolSummary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        pagination={paged.pagination(data?.total)}
        expandable={{ expandedRowRender: (p) => <PatrolFacts patrol={p} /> }}
        data-testid="patrols-table"
      />
    </div>
  );
}
