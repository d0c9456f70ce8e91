import { Drawer, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureCaseQuery } from '../api/replies.ts';
import { EventDrawer } from '../events/event-drawer.tsx';
import { EventStatusTag } from '../events/event-status-tag.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';

/** What a figure was read over, and the fact whose cases to list (an indicator's numerator or denominator). */
export interface FigureScope {
  area?: string;
  unit?: string;
  /** Catalogue item or class: the cases of it only. */
  item?: string;
  period: string;
  fact: FigureCaseQuery['fact'];
  source?: FigureCaseQuery['source'];
  day?: string;
  /** The figure's name, for the title. */
  name: string;
}

const PAGE_SIZE = 20;

/** 指标明细: exactly the cases a figure counts (its total is the figure); a row opens the case. */
export function FigureCases({ scope, onClose }: { scope: FigureScope | null; onClose(): void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const query = scope
    ? {
        area: scope.area,
        unit: scope.unit,
        item: scope.item,
        period: scope.period,
        fact: scope.fact,
        source: scope.source,
        day: scope.day,
        offset: (page - 1) * PAGE_SIZE,
        limit: PAGE_SIZE,
      }
    : null;
  const { data, loading } = useApi('/api/figures/cases', query ? { params: { query } } : null);
  return (
    <Drawer
      open={scope !== null}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={820}
      title={scope ? t('figures.cases', { name: scope.name, n: data?.total ?? '…' }) : ''}
      destroyOnHidden
    >
      <Table
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        onRow={(row) => ({ onClick: () => setOpen(row.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="figure-cases"
        columns={[
          { title: t('figures.caseNo'), dataIndex: 'caseNo' },
          { title: t('figures.status'), dataIndex: 'status', render: (s: string) => <EventStatusTag status={s} /> },
          { title: t('figures.item'), dataIndex: 'itemCode', render: (c: string) => catalogue.nameOf(c) },
          { title: t('figures.grid'), dataIndex: 'gridName' },
          { title: t('figures.unit'), dataIndex: 'unitCode', render: (u: string | null) => (u ? departments.unitName(u) : '—') },
          { title: t('figures.reportedOn'), dataIndex: 'reportedOn' },
        ]}
      />
      <EventDrawer
        id={open}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpen(null)}
        onChanged={() => {}}
      />
    </Drawer>
  );
}
