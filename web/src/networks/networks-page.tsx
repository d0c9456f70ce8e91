import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Network } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { formatCount } from '../format.ts';
import { useApi } from '../use-api.ts';
import { NetworkCreateDialog } from './network-create-dialog.tsx';
import { UnitImportButton } from './unit-import-button.tsx';

const KIND_COLORS: Record<string, string> = { police_beat: 'geekblue', road_section: 'cyan', other: 'default' };

/** 专业网格: professional networks mapped onto the base grids (多网合一). */
export function NetworksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('territory.manage');
  const { data, loading, reload } = useApi('/api/territory/networks');
  const [creating, setCreating] = useState(false);

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.networks')}</Typography.Title>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('networks.create')}
          </Button>
        )}
      </div>
      <Typography.Paragraph type="secondary">{t('networks.hint')}</Typography.Paragraph>
      <Table<Network>
        rowKey="code"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('common.code'), dataIndex: 'code', render: (c: string) => <span className="mono">{c}</span> },
          { title: t('common.name'), dataIndex: 'name' },
          {
            title: t('networks.kind'),
            dataIndex: 'kind',
            render: (k: string) => <Tag color={KIND_COLORS[k]}>{t(`networkKind.${k}`, { defaultValue: k })}</Tag>,
          },
          { title: t('networks.unitCount'), dataIndex: 'unitCount', align: 'right', render: (n: number) => formatCount(n) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, n: Network) => <UnitImportButton network={n} onImported={reload} />,
                },
              ]
            : []),
        ]}
      />
      <NetworkCreateDialog open={creating} onClose={() => setCreating(false)} onCreated={reload} />
    </div>
  );
}
