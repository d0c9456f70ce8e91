import { ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary, Items } from '../types.ts';
import { useApi } from '../use-api.ts';
import { EventDrawer } from './event-drawer.tsx';
import { EventsTable } from './events-table.tsx';
import { useCatalogue } from './use-catalogue.ts';
import { useDepartments } from './use-departments.ts';

const STATUSES = ['reported', 'accepted', 'dispatched', 'signed', 'handled', 'closed', 'visited', 'voided', 'merged'];
const LIMIT = 200;

/** 事件: the cases of one's jurisdiction, newest first; a row opens the case and the steps one may take. */
export function EventsPage() {
  const { t } = useTranslation();
  const [statuses, setStatuses] = useState<string[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const query = new URLSearchParams({ limit: String(LIMIT), ...(statuses.length ? { status: statuses.join(',') } : {}) });
  const { data, loading, reload } = useApi<Items<EventSummary>>(`/api/events?${query}`);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const items = data?.items ?? [];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.events')}</Typography.Title>
        <Space>
          {!loading && <Typography.Text type="secondary">{t('events.count', { n: items.length })}</Typography.Text>}
          <Select
            mode="multiple"
            allowClear
            className="events-status-filter"
            placeholder={t('events.statusFilter')}
            value={statuses}
            onChange={setStatuses}
            options={STATUSES.map((s) => ({ value: s, label: t(`eventStatus.${s}`) }))}
            data-testid="status-filter"
          />
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('events.refresh')}
          </Button>
        </Space>
      </div>
      <EventsTable items={items} loading={loading} itemName={catalogue.nameOf} onOpen={setOpen} />
      <EventDrawer id={open} itemName={catalogue.nameOf} unitName={departments.unitName} onClose={() => setOpen(null)} onChanged={reload} />
    </div>
  );
}
