import { Alert, Breadcrumb, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ANOMALY_KINDS } from '../../../shared/enums.ts';
import type { AnomalyKind, Figures } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { HouseDrawer } from '../buildings/house-drawer.tsx';
import { LinkButton } from '../link-button.tsx';
import { PersonDrawer } from '../people/person-drawer.tsx';
import { AreaTreeSelect } from '../territory/area-tree-select.tsx';
import { useApi } from '../use-api.ts';
import { AnomalyList } from './anomaly-list.tsx';

const KINDS: readonly AnomalyKind[] = ANOMALY_KINDS;
const COUNTED = ['people', 'houses', 'buildings', 'organisations', 'facilities', 'groups'] as const;
const FLAGGED = ['homeless', 'emptyHouses', 'idCheckFailed'] as const;
const DAYS = [30, 90, 180, 365];

type Row = Figures & { code: string; name: string };

/** 数据质量: per child node of an area, counts and the share verified lately; below, the anomalies to fix. */
export function QualityPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const home = me?.areas[0] ? { code: me.areas[0].code, name: me.areas[0].name } : null;
  // Opened at a node (from the command centre's base-data chart): that node below the home area.
  const [search] = useSearchParams();
  const asked = search.get('area');
  const start = asked && home && asked !== home.code ? [home, { code: asked, name: search.get('name') ?? asked }] : [];
  // The way down from the picked area: a breadcrumb goes back up, a row goes further down.
  const [trail, setTrail] = useState<{ code: string; name: string }[]>(start.length ? start : home ? [home] : []);
  const [days, setDays] = useState(90);
  const [person, setPerson] = useState<string | null>(null);
  const [house, setHouse] = useState<string | null>(null);
  const area = trail.at(-1)?.code ?? null;
  const { data, loading } = useApi('/api/registry/quality', area ? { params: { query: { area, days } } } : null);
  const report = data && data.area === area ? data : null;

  const share = (f: Figures, kind: (typeof COUNTED)[number]) => {
    const n = f[kind];
    return n === 0 ? '0' : `${n} · ${Math.round((100 * f[`${kind}Verified`]) / n)}%`;
  };
  const down = (row: Row) => {
    if (row.code !== area) setTrail([...trail, { code: row.code, name: row.name }]);
  };

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('quality.title')}</Typography.Title>
        <Space>
          <AreaTreeSelect
            value={area ?? undefined}
            allowClear={false}
            placeholder={t('quality.pickArea')}
            style={{ width: 260 }}
            onSelect={(code: string, node: { title?: unknown }) => setTrail([{ code, name: String(node.title ?? code) }])}
            data-testid="quality-area"
          />
          <Select
            value={days}
            onChange={setDays}
            options={DAYS.map((d) => ({ value: d, label: t('quality.days', { n: d }) }))}
            style={{ width: 150 }}
          />
        </Space>
      </div>
      <Breadcrumb
        items={trail.map((n, i) => ({
          title: i < trail.length - 1 ? <LinkButton onClick={() => setTrail(trail.slice(0, i + 1))}>{n.name}</LinkButton> : n.name,
        }))}
      />
      {report && report.total.idUnchecked > 0 && (
        <Alert className="detail-note" type="info" showIcon message={t('quality.idUnchecked', { n: report.total.idUnchecked })} />
      )}
      <Table<Row>
        className="detail-note"
        size="small"
        rowKey="code"
        loading={loading}
        dataSource={report?.children ?? []}
        pagination={false}
        data-testid="quality-children"
        onRow={(row) => ({ onClick: () => down(row), className: row.code === area ? '' : 'clickable-row' })}
        columns={[
          {
            title: t('quality.node'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <>
                {row.code === area ? name : <a>{name}</a>} <span className="mono">{row.code}</span>
              </>
            ),
          },
          ...COUNTED.map((kind) => ({
            title: t(`quality.figure.${kind}`),
            key: kind,
            align: 'right' as const,
            render: (_: unknown, row: Row) => share(row, kind),
          })),
          ...FLAGGED.map((kind) => ({
            title: t(`quality.figure.${kind}`),
            dataIndex: kind,
            align: 'right' as const,
            render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : 0),
          })),
        ]}
        summary={() =>
          report && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('quality.total')}</Table.Summary.Cell>
              {COUNTED.map((kind, i) => (
                <Table.Summary.Cell key={kind} index={i + 1} align="right">
                  {share(report.total, kind)}
                </Table.Summary.Cell>
              ))}
              {FLAGGED.map((kind, i) => (
                <Table.Summary.Cell key={kind} index={i + 1 + COUNTED.length} align="right">
                  {report.total[kind]}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )
        }
      />
      <Typography.Paragraph type="secondary" className="detail-note">
        {t('quality.shareHint', { n: days })}
      </Typography.Paragraph>
      {area && (
        <Tabs
          items={KINDS.map((kind) => ({
            key: kind,
            label: t(`quality.kind.${kind}`),
            children: <AnomalyList key={`${area}-${kind}`} area={area} kind={kind} onOpenHouse={setHouse} onOpenPerson={setPerson} />,
          }))}
        />
      )}
      <PersonDrawer id={person} onClose={() => setPerson(null)} onOpenPerson={setPerson} />
      <HouseDrawer code={house} onClose={() => setHouse(null)} onOpenPerson={setPerson} />
    </div>
  );
}
