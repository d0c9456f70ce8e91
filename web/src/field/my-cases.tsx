import { Empty, List, Segmented, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MINE_CASES, type MineCases, TODO_QUEUES, type TodoQueue } from '../../../shared/enums.ts';
import type { EventSummary } from '../api/replies.ts';
import { EventDrawer } from '../events/event-drawer.tsx';
import { EventStatusTag } from '../events/event-status-tag.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 20;
const isQueue = (q: string | null): q is TodoQueue => TODO_QUEUES.some((x) => x === q);
const isMine = (m: string | null): m is MineCases => MINE_CASES.some((x) => x === m);

/** 我的案件 on a phone: one to-do queue (from the home), or the cases I handle or reported; a tap opens the case. */
export function MyCases() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const todo = params.get('todo');
  const mineParam = params.get('mine');
  const mine: MineCases = isMine(mineParam) ? mineParam : 'handling';
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const paging = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  const list = useApi('/api/events', { params: { query: isQueue(todo) ? { todo, ...paging } : { mine, ...paging } } });
  const catalogue = useCatalogue();
  const departments = useDepartments();

  return (
    <div className="field-cases">
      {isQueue(todo) ? (
        <Tag closable color="blue" onClose={() => setParams({ mine })} data-testid="field-cases-queue">
          {t(`inbox.queues.${todo}`)}
        </Tag>
      ) : (
        <Segmented<MineCases>
          block
          value={mine}
          options={MINE_CASES.map((m) => ({ value: m, label: t(`field.cases.${m}`) }))}
          onChange={(m) => {
            setParams({ mine: m });
            setPage(1);
          }}
        />
      )}
      <List<EventSummary>
        className="field-case-list"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('field.cases.none')} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
          size: 'small',
        }}
        renderItem={(e) => (
          <List.Item className="field-case" onClick={() => setOpen(e.id)} data-testid="field-case">
            <div className="field-case-top">
              <span className="mono">{e.caseNo}</span>
              <EventStatusTag status={e.status} />
            </div>
            <div className="field-case-what">
              <strong>{e.itemName ?? catalogue.nameOf(e.itemCode)}</strong> · {e.description}
            </div>
            <div className="secondary">
              {e.gridName} · {new Date(e.reportedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}
            </div>
          </List.Item>
        )}
      />
      <EventDrawer
        id={open}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpen(null)}
        onChanged={list.reload}
      />
    </div>
  );
}
