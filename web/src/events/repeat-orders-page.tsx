import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepeatOrder } from '../api/replies.ts';
import { apiBlob } from '../api.ts';
import { saveBlob } from '../save-file.ts';
import { useApi } from '../use-api.ts';
import { useShowError } from '../use-show-error.tsx';
import { EventDrawer } from './event-drawer.tsx';
import { EventStatusTag } from './event-status-tag.tsx';
import { useCatalogue } from './use-catalogue.ts';
import { useDepartments } from './use-departments.ts';

/**
 * 重复工单: the same place and matter reported three times or more in two weeks (seed 004 reports them every
 * fortnight), for any fortnight the user picks by its first day; the same list as an Excel workbook.
 */
export function RepeatOrdersPage() {
  const { t, i18n } = useTranslation();
  const showError = useShowError();
  const [from, setFrom] = useState<string | undefined>(undefined);
  const query = from ? { from } : {};
  const { data, loading, reload } = useApi('/api/events/repeat-orders', { params: { query } });
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const [open, setOpen] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : '');

  async function download() {
    setExporting(true);
    try {
      const name = data ? `repeat-orders-${data.from}-${data.to}.xlsx` : 'repeat-orders.xlsx';
      saveBlob(await apiBlob('/api/events/repeat-orders/export', { query }), name);
    } catch (err) {
      showError(err);
    } finally {
      setExporting(false);
    }
  }

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('repeatOrders.title')}</Typography.Title>
        <Space wrap>
          <DatePicker
            placeholder={t('repeatOrders.from')}
            onChange={(_, day) => setFrom(typeof day === 'string' && day ? day : undefined)}
            data-testid="repeat-orders-from"
          />
          {data && (
            <Typography.Text type="secondary" data-testid="repeat-orders-period">
              {t('repeatOrders.period', { from: data.from, to: data.to, n: data.items.length })}
            </Typography.Text>
          )}
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('events.refresh')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={download} data-testid="repeat-orders-export">
            {t('repeatOrders.export')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('repeatOrders.hint')}</Typography.Paragraph>
      <Table<RepeatOrder>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setOpen(r.id) })}
        columns={[
          { title: t('events.caseNo'), dataIndex: 'caseNo', render: (v: string) => <span className="mono">{v}</span> },
          { title: t('events.item'), dataIndex: 'itemName' },
          { title: t('repeatOrders.township'), dataIndex: 'townshipName' },
          { title: t('events.grid'), dataIndex: 'gridName' },
          { title: t('repeatOrders.reportsInPeriod'), dataIndex: 'reportsInPeriod', align: 'right' },
          { title: t('repeatOrders.reports'), dataIndex: 'reports', align: 'right' },
          { title: t('repeatOrders.lastReportedAt'), dataIndex: 'lastReportedAt', render: time },
          { title: t('events.status'), dataIndex: 'status', render: (s: string) => <EventStatusTag status={s} /> },
        ]}
      />
      <EventDrawer id={open} itemName={catalogue.nameOf} unitName={departments.unitName} onClose={() => setOpen(null)} onChanged={reload} />
    </div>
  );
}
