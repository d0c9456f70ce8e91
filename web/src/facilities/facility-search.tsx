import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FACILITY_SEARCH_MAX } from '../../../shared/limits.ts';
import type { Facility } from '../api/replies.ts';
import { withoutBlanks } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { useCodes } from '../orgs/use-codes.ts';
import { ExportButton } from '../people/export-button.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { FacilityDrawer } from './facility-drawer.tsx';
import { FacilityForm } from './facility-form.tsx';

const PAGE_SIZE = 20;
/** Intact is the normal case; every other state wants attention. */
const STATE_COLOR: Record<string, string> = { '01': 'green', '02': 'orange', '03': 'red', '04': 'gold' };

interface Filter {
  major?: string;
  classCode?: string;
  state?: string;
  area?: string;
  q?: string;
}

/** Components of one's jurisdiction by class, state, area and name; record new ones; export the list as it is filtered. */
export function FacilitySearch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const codes = useCodes();
  const [filter, setFilter] = useState<Filter>({});
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const params = { classCode: filter.classCode ?? filter.major, state: filter.state, area: filter.area, q: filter.q };
  const paged = usePaged(PAGE_SIZE, JSON.stringify(params));
  const { data, loading, reload } = useApi('/api/registry/facilities', { params: { query: { ...withoutBlanks(params), ...paged.query } } });
  const items = data?.items ?? [];
  const set = (patch: Filter) => setFilter((f) => ({ ...f, ...patch }));

  const columns: ColumnsType<Facility> = [
    { title: t('facilities.code'), dataIndex: 'code', width: 180, render: (c: string) => <a className="mono">{c}</a> },
    { title: t('facilities.name'), dataIndex: 'name' },
    {
      title: t('facilities.classCode'),
      dataIndex: 'classCode',
      render: (c: string) => `${codes.name('facility_major', c.slice(0, 2))} / ${codes.name('facility_class', c)}`,
    },
    {
      title: t('facilities.state'),
      dataIndex: 'state',
      width: 90,
      render: (s: string) => <Tag color={STATE_COLOR[s] ?? 'default'}>{codes.name('facility_state', s)}</Tag>,
    },
    { title: t('facilities.ownerDept'), dataIndex: 'ownerDeptName', render: (n: string | null, f) => n ?? f.ownerDept },
    {
      title: t('facilities.gridCode'),
      dataIndex: 'gridCode',
      width: 220,
      render: (g: string, f) => <CodeName name={f.gridName} code={g} />,
    },
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('facilities.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('facilities.major')}
          options={codes.options('facility_major')}
          onChange={(m?: string) => set({ major: m })}
          style={{ width: 170 }}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('facilities.classCode')}
          options={codes.options('facility_class')}
          onChange={(classCode?: string) => set({ classCode })}
          style={{ width: 220 }}
        />
        <Select
          allowClear
          placeholder={t('facilities.state')}
          options={codes.options('facility_state')}
          onChange={(state?: string) => set({ state })}
          style={{ width: 120 }}
        />
        <Input.Search
          allowClear
          placeholder={t('facilities.areaPlaceholder')}
          maxLength={15}
          onSearch={(v) => set({ area: /^\d{6,15}$/.test(v.trim()) ? v.trim() : undefined })}
          style={{ width: 220 }}
        />
        <Input.Search
          allowClear
          placeholder={t('facilities.namePlaceholder')}
          maxLength={FACILITY_SEARCH_MAX}
          onSearch={(v) => set({ q: v.trim() || undefined })}
          style={{ width: 180 }}
        />
        <ExportButton
          path="/api/registry/facilities/export"
          filter={params}
          fileName="facilities.xlsx"
          hint={t('facilities.exportHint')}
          disabled={items.length === 0}
        />
        {can('registry.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('facilities.create')}
          </Button>
        )}
      </Space>
      <Table<Facility>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        locale={{ emptyText: t('facilities.noMatch') }}
        pagination={paged.pagination(data?.total)}
        onRow={(f) => ({ onClick: () => setOpen(f.code), className: 'clickable-row' })}
        data-testid="facility-table"
      />
      <FacilityDrawer code={open} onClose={() => setOpen(null)} onChanged={reload} />
      <FacilityForm
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(f) => {
          setCreating(false);
          void message.success(t('common.created'));
          reload();
          setOpen(f.code);
        }}
      />
    </>
  );
}
