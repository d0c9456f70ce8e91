import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LEADER_WARNINGS, TODO_QUEUES, type TodoQueue } from '../../../shared/enums.ts';
import type { InboxCounts } from '../api/replies.ts';
import { EventDrawer } from '../events/event-drawer.tsx';
import { EventsTable } from '../events/events-table.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';

const PAGE_SIZE = 10;
type Shown = TodoQueue | 'worst';

interface Props {
  counts: InboxCounts | null;
  /** A case was acted on: counts and lists reload. */
  onChanged(): void;
}

/**
 * 待办: what waits on me or my unit now, one tag per queue with its count, from the cases' own state; a tag opens
 * exactly the cases it counts (`todo=` on the events list), and acting on one moves it out.
 */
export function TodoPanel({ counts, onChanged }: Props) {
  const { t } = useTranslation();
  const leader = counts?.leader;
  const queues: Shown[] = [...TODO_QUEUES.filter((q) => (counts?.todo[q] ?? 0) > 0), ...(leader?.worstCases ? (['worst'] as const) : [])];
  const [picked, setPicked] = useState<Shown | null>(null);
  const queue = picked && queues.includes(picked) ? picked : (queues[0] ?? null);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const paging = { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  // A leader's worst cases are the list's own warning filter, so the count and the list agree.
  const list = useApi(
    '/api/events',
    queue ? { params: { query: queue === 'worst' ? { warning: [...LEADER_WARNINGS], ...paging } : { todo: queue, ...paging } } } : null,
  );
  const followUps = counts?.followUps;
  const owed = followUps ? followUps.missed + followUps.dueSoon : 0;
  const agreements = counts?.agreementFollowUps?.owed ?? 0;
  const countOf = (q: Shown) => (q === 'worst' ? leader?.worstCases : counts?.todo[q]);
  const labelOf = (q: Shown) => (q === 'worst' ? t('inbox.leaderWorst') : t(`inbox.queues.${q}`));
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const changed = () => {
    list.reload();
    onChanged();
  };

  return (
    <Card size="small" title={t('inbox.todoTitle')} className="todo-panel" data-testid="todo-panel">
      <Space wrap className="todo-queues">
        {queues.map((q) => (
          <Tag.CheckableTag
            key={q}
            checked={q === queue}
            onChange={() => {
              setPicked(q);
              setPage(1);
            }}
            data-testid={`todo-${q}`}
          >
            {labelOf(q)} <strong className="todo-count">{countOf(q)}</strong>
          </Tag.CheckableTag>
        ))}
        {(counts?.supervision ?? 0) > 0 && (
          <Link to="/supervision">
            <Tag color="volcano">
              {t('inbox.supervision')} {counts?.supervision}
            </Tag>
          </Link>
        )}
        {(counts?.toLocate ?? 0) > 0 && (
          <Link to="/calls-to-locate">
            <Tag color="orange" data-testid="todo-to-locate">
              {t('toLocate.title')} {counts?.toLocate}
            </Tag>
          </Link>
        )}
        {owed > 0 && (
          <Link to="/follow-ups">
            <Tag color="purple" data-testid="todo-follow-ups">
              {t('followUps.todo')} {owed}
            </Tag>
          </Link>
        )}
        {agreements > 0 && (
          <Link to="/disputes?followUp=owed">
            <Tag color={counts?.agreementFollowUps?.overdue ? 'red' : 'cyan'} data-testid="todo-agreement-follow-ups">
              {t('disputes.followUpTodo')} {agreements}
            </Tag>
          </Link>
        )}
        {leader && (
          <Link to="/supervision">
            <Tag color="blue" data-testid="leader-orders">
              {t('inbox.leaderOrders')} {leader.ordersIssued}
            </Tag>
          </Link>
        )}
      </Space>
      {queue ? (
        <EventsTable
          items={list.data?.items ?? []}
          loading={list.loading}
          itemName={catalogue.nameOf}
          onOpen={setOpen}
          compact
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            hideOnSinglePage: true,
            showSizeChanger: false,
          }}
        />
      ) : (
        (counts?.supervision ?? 0) === 0 &&
        (counts?.toLocate ?? 0) === 0 &&
        owed === 0 &&
        agreements === 0 && (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={<Typography.Text type="secondary">{t('inbox.todoEmpty')}</Typography.Text>}
          />
        )
      )}
      <EventDrawer
        id={open}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setOpen(null)}
        onChanged={changed}
      />
    </Card>
  );
}
