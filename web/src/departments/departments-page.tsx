import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { DepartmentCreateDialog } from './department-create-dialog.tsx';
import { DepartmentDrawer } from './department-drawer.tsx';

/** 职能部门: departments, the grids they claimed and their staff. */
export function DepartmentsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('org.manage');
  const { data, loading, reload } = useApi('/api/org/departments');
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.departments')}</Typography.Title>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('departments.create')}
          </Button>
        )}
      </div>
      <Table<Department>
        rowKey="code"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(d) => ({ onClick: () => setOpen(d.code), className: 'clickable-row' })}
        columns={[
          { title: t('common.code'), dataIndex: 'code', render: (c: string) => <span className="mono">{c}</span> },
          { title: t('common.name'), dataIndex: 'name', render: (n: string) => <a>{n}</a> },
          { title: t('departments.area'), dataIndex: 'areaName' },
          { title: t('departments.claimCount'), dataIndex: 'claimCount', align: 'right' },
          { title: t('departments.staffCount'), dataIndex: 'staffCount', align: 'right' },
        ]}
      />
      <DepartmentCreateDialog open={creating} onClose={() => setCreating(false)} onCreated={reload} />
      <DepartmentDrawer code={open} manage={manage} onClose={() => setOpen(null)} onChanged={reload} />
    </div>
  );
}
