import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { HouseholdGroup } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { formatDay } from '../format.ts';
import { useApi } from '../use-api.ts';
import { usePaged } from '../use-paged.ts';
import { GroupDrawer } from './group-drawer.tsx';
import { GroupForm } from './group-form.tsx';

const PAGE_SIZE = 20;
const GRID = /^\d{15}$/;

/** 十户联防: the ten-household groups of a grid; form one by picking the grid's houses, change members and the lead. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me, can } = useAuth();
  // A grid worker's own grid is the usual place to start.
  const [grid, setGrid] = useState<string>(me?.areas.find((a) => a.level === 'grid')?.code ?? '');
  // An alert's notice opens its group (/groups?group=…).
  const [params] = useSearchParams();
  const [open, setOpen] = useState<string | null>(params.get('group'));
  const [creating, setCreating] = useState(false);
  const paged = usePaged(PAGE_SIZE, grid);
  const { data, loading, reload } = useApi(
    '/api/registry/household-groups',
    GRID.test(grid) ? { params: { query: { grid, ...paged.query } } } : null,
  );

  const columns: ColumnsType<HouseholdGroup> = [
    { title: t('groups.name'), dataIndex: 'name', render: (n: string) => <a>{n}</a> },
    { title: t('groups.members'), dataIndex: 'members', width: 90 },
    {
      title: t('groups.leadHouse'),
      dataIndex: 'leadHouseCode',
      width: 220,
      render: (c: string | null) => <span className="mono">{c ?? t('groups.noLead')}</span>,
    },
    {
      title: t('record.verifiedAt'),
      dataIndex: 'verifiedAt',
      width: 110,
      render: (v: string | null) => (v ? formatDay(v) : t('common.notVerified')),
    },
  ];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('groups.title')}</Typography.Title>
      </div>
      <Typography.Paragraph type="secondary">{t('groups.hint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          defaultValue={grid}
          enterButton={t('groups.show')}
          placeholder={t('groups.gridPlaceholder')}
          maxLength={15}
          onSearch={(v) => setGrid(v.trim())}
          status={grid && !GRID.test(grid) ? 'error' : undefined}
          style={{ width: 300 }}
          data-testid="group-grid"
        />
        {can('registry.write') && (
          <Button type="primary" icon={<PlusOutlined />} disabled={!GRID.test(grid)} onClick={() => setCreating(true)}>
            {t('groups.create')}
          </Button>
        )}
      </Space>
      <Table<HouseholdGroup>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        locale={{ emptyText: GRID.test(grid) ? t('groups.noGroups') : t('groups.pickGrid') }}
        pagination={paged.pagination(data?.total)}
        onRow={(g) => ({ onClick: () => setOpen(g.id), className: 'clickable-row' })}
        data-testid="group-table"
      />
      <GroupDrawer id={open} onClose={() => setOpen(null)} onChanged={reload} />
      <GroupForm
        open={creating}
        gridCode={grid}
        editing={null}
        onClose={() => setCreating(false)}
        onSaved={(g) => {
          setCreating(false);
          void message.success(t('common.created'));
          reload();
          setOpen(g.id);
        }}
      />
    </div>
  );
}
