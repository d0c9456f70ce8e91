import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Residence } from '../api/replies.ts';
import { codeName } from './person-codes.ts';

/** Where a person lived and lives: one row per house, oldest first; a click opens the house. */
export function ResidenceTable({ residences, onOpenHouse }: { residences: Residence[]; onOpenHouse?(code: string): void }) {
  const { t } = useTranslation();
  return (
    <Table<Residence>
      size="small"
      rowKey={(r) => `${r.houseCode}-${r.movedIn}`}
      dataSource={residences}
      pagination={false}
      locale={{ emptyText: t('people.noResidences') }}
      onRow={(r) => (onOpenHouse ? { onClick: () => onOpenHouse(r.houseCode), className: 'clickable-row' } : {})}
      data-testid="person-residences"
      columns={[
        {
          title: t('people.houseCode'),
          dataIndex: 'houseCode',
          width: 190,
          render: (c: string) => (onOpenHouse ? <a className="mono">{c}</a> : <span className="mono">{c}</span>),
        },
        { title: t('people.address'), dataIndex: 'address', render: (a: string | null) => a ?? '—' },
        { title: t('people.relation'), dataIndex: 'relation', width: 110, render: (c: string | null) => codeName('relation', c) || '—' },
        { title: t('people.movedIn'), dataIndex: 'movedIn', width: 110 },
        {
          title: t('people.movedOut'),
          dataIndex: 'movedOut',
          width: 100,
          render: (d: string | null) => d ?? <Tag color="green">{t('people.living')}</Tag>,
        },
      ]}
    />
  );
}
