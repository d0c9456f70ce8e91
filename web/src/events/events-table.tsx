import { Grid, Table } from 'antd';
import type { ColumnsType, TablePaginationConfig } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { DueDot } from './due-dot.tsx';
import { EventStatusTag } from './event-status-tag.tsx';

interface Props {
  items: EventSummary[];
  loading: boolean;
  itemName(code: string): string;
  onOpen(id: string): void;
  /** The server pages the list; the table shows where in it we are. */
  pagination: TablePaginationConfig;
  /** Inside a record's drawer: every case is at that record, so no grid column, and the columns share what room there is. */
  compact?: boolean;
}

export function EventsTable({ items, loading, itemName, onOpen, pagination, compact = false }: Props) {
  const { t, i18n } = useTranslation();
  const full: ColumnsType<EventSummary> = [
    { title: t('events.caseNo'), dataIndex: 'caseNo', width: 150, render: (c: string) => <a className="mono">{c}</a> },
    {
      title: t('events.item'),
      dataIndex: 'itemCode',
      render: (c: string, e) => <span title={e.description}>{e.itemName ?? itemName(c)}</span>,
    },
    { title: t('events.status'), dataIndex: 'status', width: 110, render: (s: string) => <EventStatusTag status={s} /> },
    {
      title: t('events.grid'),
      dataIndex: 'gridCode',
      key: 'grid',
      width: 220,
      render: (g: string, e) => <CodeName name={e.gridName} code={g} testId="event-grid" />,
    },
    {
      title: t('events.reportedAt'),
      dataIndex: 'reportedAt',
      width: 180,
      render: (at: string) => new Date(at).toLocaleString(i18n.language),
    },
    { title: t('events.dueAt'), key: 'due', width: 170, render: (_: unknown, e) => <DueDot event={e} /> },
  ];
  // On a phone a compact list is one column: the case number, then its item and status, then its deadline.
  const phone = !Grid.useBreakpoint().md;
  const stacked: ColumnsType<EventSummary> = [
    {
      title: t('events.caseNo'),
      key: 'case',
      render: (_: unknown, e) => (
        <div className="event-stacked">
          <a className="mono">{e.caseNo}</a>
          <div>
            <span title={e.description}>{e.itemName ?? itemName(e.itemCode)}</span> <EventStatusTag status={e.status} />
          </div>
          <DueDot event={e} />
        </div>
      ),
    },
  ];
  const columns = !compact ? full : phone ? stacked : full.filter((c) => c.key !== 'grid').map((c) => ({ ...c, width: undefined }));

  return (
    <Table<EventSummary>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      loading={loading}
      dataSource={items}
      columns={columns}
      locale={{ emptyText: t('events.empty') }}
      pagination={pagination}
      onRow={(e) => ({ onClick: () => onOpen(e.id), className: 'clickable-row' })}
      data-testid="events-table"
    />
  );
}
