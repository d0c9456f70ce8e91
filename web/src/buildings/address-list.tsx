import { CheckCircleOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_TEXT_MAX } from '../../../shared/limits.ts';
import type { AddressDetail, StandardAddress } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { formatDay } from '../format.ts';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { usePaged } from '../use-paged.ts';
import { AddressForm } from './address-form.tsx';

const PAGE_SIZE = 20;

/** Standard addresses (标准地址) of one's jurisdiction by text or code; record, edit and verify them. */
export function AddressList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [q, setQ] = useState('');
  const [form, setForm] = useState<{ editing: AddressDetail | null } | null>(null);
  const paged = usePaged(PAGE_SIZE, q);
  const { data, loading, reload } = useApi('/api/registry/addresses', { params: { query: { ...(q ? { q } : {}), ...paged.query } } });
  const { busy, run } = useBusyAction();

  const edit = (code: string) =>
    run(async () => setForm({ editing: await api.GET('/api/registry/addresses/{code}', { params: { path: { code } } }) }));
  const verify = (a: StandardAddress) =>
    run(async () => {
      await api.POST('/api/registry/addresses/{code}/verify', { params: { path: { code: a.code } }, body: { version: a.version } });
      void message.success(t('record.verifiedNow'));
      reload();
    });

  const columns: ColumnsType<StandardAddress> = [
    { title: t('buildings.addressCode'), dataIndex: 'code', width: 190, render: (c: string) => <span className="mono">{c}</span> },
    { title: t('buildings.fullText'), dataIndex: 'fullText' },
    { title: t('buildings.gridCode'), dataIndex: 'gridCode', width: 160, render: (g: string) => <span className="mono">{g}</span> },
    {
      title: t('record.verifiedAt'),
      dataIndex: 'verifiedAt',
      width: 110,
      render: (v: string | null) => (v ? formatDay(v) : t('common.notVerified')),
    },
    ...(can('registry.write')
      ? [
          {
            key: 'actions',
            width: 180,
            render: (_: unknown, a: StandardAddress) => (
              <Space size="small">
                <Button size="small" icon={<EditOutlined />} disabled={busy} onClick={() => edit(a.code)}>
                  {t('common.edit')}
                </Button>
                <Button size="small" icon={<CheckCircleOutlined />} disabled={busy} onClick={() => verify(a)}>
                  {t('record.verify')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Typography.Paragraph type="secondary">{t('buildings.addressHint')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          enterButton={t('buildings.search')}
          placeholder={t('buildings.addressSearchPlaceholder')}
          maxLength={SEARCH_TEXT_MAX}
          onSearch={(v) => setQ(v.trim())}
        />
        {can('registry.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ editing: null })}>
            {t('buildings.addressCreate')}
          </Button>
        )}
      </Space>
      <Table<StandardAddress>
        rowKey="code"
        size="middle"
        loading={loading}
        dataSource={data?.items ?? []}
        columns={columns}
        locale={{ emptyText: t('buildings.noAddress') }}
        pagination={paged.pagination(data?.total)}
        data-testid="address-table"
      />
      <AddressForm
        open={form !== null}
        editing={form?.editing ?? null}
        onClose={() => setForm(null)}
        onSaved={() => {
          setForm(null);
          void message.success(t('common.saved'));
          reload();
        }}
      />
    </>
  );
}
