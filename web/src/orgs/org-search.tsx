import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../api/replies.ts';
import { withoutBlanks } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { CodeName } from '../code-name.tsx';
import { formatDay } from '../format.ts';
import { ExportButton } from '../people/export-button.tsx';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { OrgDrawer } from './org-drawer.tsx';
import { OrgForm } from './org-form.tsx';
import { useCodes } from './use-codes.ts';

const PAGE_SIZE = 20;

interface Filter {
  q: string;
  orgType?: string;
  hazard?: string;
}

/** Organisations of one's jurisdiction by name or credit code, type and hazard; export the list as it is filtered. */
export function OrgSearch() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const codes = useCodes();
  const [filter, setFilter] = useState<Filter>({ q: '' });
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const paged = usePaged(PAGE_SIZE, JSON.stringify(filter));
  const { data, loading, reload } = useApi('/api/registry/organisations', {
    params: { query: { ...withoutBlanks(filter), ...paged.query } },
  });
  const items = data?.items ?? [];

  const columns: ColumnsType<Organisation> = [
    { title: t('orgs.name'), dataIndex: 'name', render: (n: string) => <a>{n}</a> },
    { title: t('orgs.creditCode'), dataIndex: 'creditCode', width: 190, render: (c: string) => <span className="mono">{c}</span> },
    { title: t('orgs.orgType'), dataIndex: 'orgType', width: 120, render: (c: string) => codes.name('org_type', c) },
    {
      title: t('orgs.safetyContactPhone'),
      dataIndex: 'safetyContactPhone',
      width: 130,
      render: (p: string | null) => <span className="mono">{p ?? '—'}</span>,
    },
    {
      title: t('orgs.hazards'),
      dataIndex: 'hazards',
      render: (hs: string[]) =>
        hs
          .filter((h) => h !== '00')
          .map((h) => (
            <Tag key={h} color="orange">
              {codes.name('org_hazard', h)}
            </Tag>
          )),
    },
    {
      title: t('orgs.gridCode'),
      dataIndex: 'gridCode',
      width: 220,
      render: (g: string, o) => <CodeName name={o.gridName} code={g} />,
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
      <Typography.Paragraph type="secondary">{t('orgs.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={t('orgs.search')}
          placeholder={t('orgs.searchPlaceholder')}
          maxLength={60}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() }))}
          data-testid="org-search"
        />
        <Select
          allowClear
          placeholder={t('orgs.orgType')}
          options={codes.options('org_type')}
          onChange={(orgType?: string) => setFilter((f) => ({ ...f, orgType }))}
          style={{ width: 180 }}
        />
        <Select
          allowClear
          placeholder={t('orgs.hazards')}
          options={codes.options('org_hazard')}
          onChange={(hazard?: string) => setFilter((f) => ({ ...f, hazard }))}
          style={{ width: 180 }}
        />
        <ExportButton
          path="/api/registry/organisations/export"
          filter={{ ...filter }}
          fileName="organisations.xlsx"
          hint={t('orgs.exportHint')}
          disabled={items.length === 0}
        />
        {can('registry.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('orgs.create')}
          </Button>
        )}
      </Space>
      <Table<Organisation>
        rowKey="creditCode"
        size="middle"
        loading={loading}
        dataSource={items}
        columns={columns}
        locale={{ emptyText: t('orgs.noMatch') }}
        pagination={paged.pagination(data?.total)}
        onRow={(o) => ({ onClick: () => setOpen(o.creditCode), className: 'clickable-row' })}
        data-testid="org-table"
      />
      <OrgDrawer creditCode={open} onClose={() => setOpen(null)} onChanged={reload} />
      <OrgForm
        open={creating}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(o) => {
          setCreating(false);
          void message.success(t('common.created'));
          reload();
          setOpen(o.creditCode);
        }}
      />
    </>
  );
}
