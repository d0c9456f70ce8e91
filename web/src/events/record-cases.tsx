import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordType } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { EventDrawer } from './event-drawer.tsx';
import { EventsTable } from './events-table.tsx';
import { useCatalogue } from './use-catalogue.ts';
import { useDepartments } from './use-departments.ts';

const PAGE_SIZE = 10;

interface Props {
  type: RecordType;
  recordKey: string;
}

/** 相关事件: the cases about one base-data record, newest first; a row opens the case. For those who read cases. */
export function RecordCases(props: Props) {
  return useAuth().can('events.read') ? <CaseList {...props} /> : null;
}

function CaseList({ type, recordKey }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const query = { subjectType: type, subjectKey: recordKey, offset: (current - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const { data, loading, reload } = useApi('/api/events', { params: { query } });
  const catalogue = useCatalogue();
  const departments = useDepartments();
  return (
    <div data-testid="record-cases">
      <Typography.Title level={5} className="detail-section">
        {t('subject.cases', { n: data?.total ?? 0 })}
      </Typography.Title>
      <EventsTable
        items={data?.items ?? []}
        loading={loading}
        compact
        itemName={catalogue.nameOf}
        onOpen={setOpen}
        pagination={{ current, pageSize: PAGE_SIZE, total: data?.total ?? 0, hideOnSinglePage: true, onChange: setCurrent }}
      />
      <EventDrawer id={open} itemName={catalogue.nameOf} unitName={departments.unitName} onClose={() => setOpen(null)} onChanged={reload} />
    </div>
  );
}
