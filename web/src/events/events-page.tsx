import { ReloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../use-api.ts';
import { EventDrawer } from './event-drawer.tsx';
import { EventFilters, type EventFilterValue, filterQuery, NO_FILTER } from './event-filters.tsx';
import { EventsTable } from './events-table.tsx';
import { IntakeButton } from './intake-dialog.tsx';
import { useCatalogue } from './use-catalogue.ts';
import { useDepartments } from './use-departments.ts';

const PAGE_SIZE = 20;

/** 事件: the cases of one's jurisdiction, filtered, newest first, a page at a time; a row opens the case and the steps one may take. */
export function EventsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<EventFilterValue>(NO_FILTER);
  const [page, setPage] = useState({ current: 1, pageSize: PAGE_SIZE });
  const [open, setOpen] = useState<string | null>(null);
  const query = { ...filterQuery(filter), offset: (page.current - 1) * page.pageSize, limit: page.pageSize };
  const { data, loading, reload } = useApi('/api/events', { params: { query } });
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const items = data?.items ?? [];

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.events')}</Typography.Title>
        <Space>
          {!loading && <Typography.Text type="secondary">{t('events.count', { n: data?.total ?? 0 })}</Typography.Text>}
          <Button icon={<ReloadOutlined />} onClick={reload}>
            {t('events.refresh')}
          </Button>
          <IntakeButton onCreated={reload} />
        </Space>
      </div>
      <EventFilters
        value={filter}
        onChange={(next) => {
          setFilter(next);
          setPage((p) => ({ ...p, current: 1 }));
        }}
        items={catalogue.items}
        nameOf={catalogue.nameOf}
      />
      <EventsTable
        items={items}
        loading={loading}
        itemName={catalogue.nameOf}
        onOpen={setOpen}
        pagination={{
          ...page,
          total: data?.total ?? 0,
          showSizeChanger: true,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
      <EventDrawer id={open} itemName={catalogue.nameOf} unitName={departments.unitName} onClose={() => setOpen(null)} onChanged={reload} />
    </div>
  );
}
