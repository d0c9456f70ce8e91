import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_TEXT_MAX } from '../../../shared/limits.ts';
import type { Building } from '../api/replies.ts';
import { withoutBlanks } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { formatDay } from '../format.ts';
import { ExportButton } from '../people/export-button.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { BuildingDrawer } from './building-drawer.tsx';
import { BuildingForm } from './building-form.tsx';

const PAGE_SIZE = 20;

/** Buildings of one's jurisdiction by address, name or code, and area; record new ones. */
export function BuildingSearch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [filter, setFilter] = useState<{ q?: string; area?: string }>({});
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const paged = usePaged(PAGE_SIZE, JSON.stringify(filter));
  const { data, loading, reload } = useApi('/api/registry/buildings', { params: { query: { ...withoutBlanks(filter), ...paged.query } } });
  const items = data?.items ?? [];

  const columns: ColumnsType<Building> = [
    { title: t('buildings.name'), dataIndex: 'name', render: (n: string, b) => <a>{`${b.estate ?? ''}${n}`}</a> },
    { title: t('buildings.code'), dataIndex: 'code', width: 200, render: (c: string) => <span className="mono">{c}</span> },
    { title: t('buildings.address'), dataIndex: 'address' },
    { title: t('buildings.floors'), dataIndex: 'floors', width: 70, render: (n: number | null) => n ?? '—' },
    { title: t('buildings.housesCol'), dataIndex: 'houses', width: 80 },
    { title: t('buildings.leaderName'), dataIndex: 'leaderName', width: 100, render: (n: string | null) => n ?? '—' },
    {
      title: t('buildings.leaderPhone'),
      dataIndex: 'leaderPhone',
      width: 130,
      render: (p: string | null) => <span className="mono">{p ?? '—'}</span>,
    },
    {
      title: t('buildings.gridCode'),
      dataIndex: 'gridCode',
      width: 220,
      render: (g: string, b) => <CodeName name={b.gridName} code={g} />,
    },
    {
      title: t('record.verifiedAt'),
      dataIndex: 'verifiedAt',
      width: 110,
      render: (v: string | null) => (v ? formatDay(v) : t('common.notVerified')),
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('buildings.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={t('buildings.search')}
          placeholder={t('buildings.searchPlaceholder')}
          maxLength={SEARCH_TEXT_MAX}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
          data-testid="building-search"
        />
        <Input.Search
          allowClear
          placeholder={t('buildings.areaPlaceholder')}
          maxLength={15}
          onSearch={(v) => setFilter((f) => ({ ...f, area: /^\d{6,15}$/.test(v.trim()) ? v.trim() : undefined }))}
          style={{ width: 220 }}
        />
        <ExportButton
          path="/api/registry/buildings/export"
          filter={filter}
          fileName="buildings.xlsx"
          hint={t('buildings.exportHint')}
          disabled={items.length === 0}
        />
        {can('registry.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('buildings.create')}
          </Button>
        )}
      </Space>
      <Table<Building>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        locale={{ emptyText: t('buildings.noMatch') }}
        pagination={paged.pagination(data?.total)}
        onRow={(b) => ({ onClick: () => setOpen(b.code), className: 'clickable-row' })}
        data-testid="building-table"
      />
      <BuildingDrawer code={open} onClose={() => setOpen(null)} onChanged={reload} onOpen={setOpen} />
      <BuildingForm
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(b) => {
          setCreating(false);
          void message.success(t('common.created'));
          reload();
          setOpen(b.code);
        }}
      />
    </>
  );
}
