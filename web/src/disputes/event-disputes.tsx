import { Button, Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeSource, EventDetail } from '../api/replies.ts';
import { api } from '../api.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';
import { useBusyAction } from '../use-busy-action.ts';
import { STATUS_COLOUR } from './dispute-drawer.tsx';
import { DisputeDialog } from './dispute-form.tsx';

/**
 * A case's disputes in its drawer: those turned from it or that raised it, each opening in the disputes page; and,
 * for whoever records disputes, 转为纠纷 (the server says whether this case may become one, and refuses a second).
 */
export function EventDisputes({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const readable = can('disputes.read');
  const linked = useApi('/api/disputes', readable ? { params: { query: { eventId: event.id, limit: 20 } } } : null);
  const [source, setSource] = useState<DisputeSource | null>(null);
  const { busy, run } = useBusyAction();
  if (!readable) return null;
  const items = linked.data?.items ?? [];
  const turned = items.some((d) => d.sourceCaseNo === event.caseNo);
  const turn = () =>
    run(async () => {
      setSource(await api.GET('/api/disputes/sources/{eventId}', { params: { path: { eventId: event.id } } }));
    });
  return (
    <>
      <Typography.Title level={5} className="detail-section">
        {t('disputes.linked')}
        {can('disputes.mediate') && !turned && (
          <Button size="small" className="title-action" loading={busy} onClick={turn} data-testid="event-turn-dispute">
            {t('disputes.turn')}
          </Button>
        )}
      </Typography.Title>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disputes.noLinked')} />
      ) : (
        <List
          size="small"
          data-testid="event-disputes"
          dataSource={items}
          renderItem={(d) => (
            <List.Item>
              <a href={`/disputes?open=${encodeURIComponent(d.id)}`}>{d.title}</a>
              <span>
                {d.sourceCaseNo === event.caseNo ? t(`disputes.sources.${d.sourceKind ?? 'event'}`) : t('disputes.raisedEvent')}{' '}
                <Tag color={STATUS_COLOUR[d.status]}>{t(`disputes.statuses.${d.status}`)}</Tag>
              </span>
            </List.Item>
          )}
        />
      )}
      {source && (
        <DisputeDialog
          open
          source={source}
          onClose={() => setSource(null)}
          onSaved={() => {
            setSource(null);
            linked.reload();
          }}
        />
      )}
    </>
  );
}
