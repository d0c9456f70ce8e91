import { Table, type TablePaginationConfig, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { Person, PersonTags } from '../api/replies.ts';
import { CodeName } from '../code-name.tsx';
import { codeName } from './person-codes.ts';
import { PersonTagList } from './person-tags.tsx';

interface Props {
  items: Person[];
  loading: boolean;
  /** The server's pages of the search. */
  pagination: TablePaginationConfig;
  /** The tags column, for roles that may see special groups and key persons. */
  showTags: boolean;
  emptyText: string;
  onOpen(id: string): void;
}

const mono = (v: string | null) => <span className="mono">{v ?? '—'}</span>;
/** The masked number, with its document named when it is not a resident ID card (a passport, a permit). */
const documentNumber = (v: string, p: Person) => (
  <>
    {mono(v)} {p.idType !== '111' && <Tag>{codeName('idType', p.idType)}</Tag>}
  </>
);

export function PeopleTable({ items, loading, pagination, showTags, emptyText, onOpen }: Props) {
  const { t } = useTranslation();
  const columns: ColumnsType<Person> = [
    { title: t('people.name'), dataIndex: 'name', width: 120, render: (n: string) => <a>{n}</a> },
    { title: t('people.sex'), dataIndex: 'sex', width: 72, render: (c: string) => codeName('sex', c) },
    { title: t('people.birthDate'), dataIndex: 'birthDate', width: 120 },
    { title: t('people.idNumber'), dataIndex: 'idNumber', width: 200, render: documentNumber },
    { title: t('people.phone'), dataIndex: 'phone', width: 140, render: mono },
    { title: t('people.residentType'), dataIndex: 'residentType', width: 120, render: (c: string) => codeName('residentType', c) },
    {
      title: t('people.gridCode'),
      dataIndex: 'gridCode',
      width: 220,
      render: (g: string, p) => <CodeName name={p.gridName} code={g} />,
    },
    ...(showTags
      ? [{ title: t('people.tags'), dataIndex: 'tags', render: (tags: PersonTags | null) => tags && <PersonTagList tags={tags} /> }]
      : []),
  ];

  return (
    <Table<Person>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={items}
      columns={columns}
      locale={{ emptyText }}
      pagination={pagination}
      onRow={(p) => ({ onClick: () => onOpen(p.id), className: 'clickable-row' })}
      data-testid="people-table"
    />
  );
}
