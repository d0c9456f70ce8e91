import { App, Button, Drawer, Empty, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventAction, EventDetail } from '../api/replies.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { EventDisputes } from '../disputes/event-disputes.tsx';
import { IssueOrderDialog } from '../supervision/issue-order-dialog.tsx';
import { useApi } from '../use-api.ts';
import { ActionDialog } from './action-dialog.tsx';
import { DeadlineExplain } from './deadline-explain.tsx';
import { EventActionButtons } from './event-action-buttons.tsx';
import { EventFacts } from './event-facts.tsx';
import { EventHistory } from './event-history.tsx';
import { EventLoopFacts } from './event-loop-facts.tsx';
import { PhotoThumbs } from './photo-thumbs.tsx';
import { PointMap } from './point-map.tsx';
import { PossibleRepeats } from './possible-repeats.tsx';
import { useGridOutline } from './use-grid-outline.ts';

interface Props {
  id: string | null;
  itemName(code: string): string;
  unitName(code: string): string;
  onClose(): void;
  /** An action changed the event: the list should reload. */
  onChanged(): void;
}

/** One case: facts, photos, where it is, its history, and a button for each step the caller may take. */
export function EventDrawer({ id, itemName, unitName, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data, loading, reload } = useApi('/api/events/{id}', id ? { params: { path: { id } } } : null);
  // The reply of the last action, shown at once instead of fetching the event again.
  const [fresh, setFresh] = useState<EventDetail | null>(null);
  const [acting, setActing] = useState<EventAction | null>(null);
  const [supervising, setSupervising] = useState(false);
  const maySupervise = useAuth().can('events.supervise');
  const loaded = data && data.id === id ? data : null;
  const event = fresh && fresh.id === id && (!loaded || fresh.version >= loaded.version) ? fresh : loaded;
  const grid = useGridOutline(event?.gridCode ?? null);

  function done(reply: EventDetail) {
    void message.success(t('events.done', { action: t(`eventAction.${acting}`, { defaultValue: acting }) }));
    setActing(null);
    setFresh(reply);
    onChanged();
  }

  function stale() {
    void message.warning(t('events.changed'));
    setActing(null);
    setFresh(null);
    reload();
    onChanged();
  }

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={event ? `${event.caseNo} · ${event.itemName ?? itemName(event.itemCode)}` : t('events.detail')}
      destroyOnHidden
      rootClassName="event-drawer"
      extra={
        event &&
        maySupervise &&
        !['voided', 'merged'].includes(event.status) && (
          <Button onClick={() => setSupervising(true)} data-testid="event-supervise">
            {t('supervision.issue')}
          </Button>
        )
      }
      footer={event && <EventActionButtons abilities={event.abilities} onPick={(action) => setActing(action)} />}
    >
      {!event ? (
        <Spin className="panel-spin" spinning={loading} />
      ) : (
        <>
          <PossibleRepeats repeats={event.possibleRepeats} />
          <EventFacts event={event} itemName={itemName(event.itemCode)} unitName={unitName} />
          <EventLoopFacts event={event} unitName={unitName} />
          <DeadlineExplain event={event} />
          <EventDisputes event={event} />
          <Typography.Title level={5} className="detail-section">
            {t('events.photos', { n: event.photos.length })}
          </Typography.Title>
          {event.photos.length > 0 ? (
            <PhotoThumbs keys={event.photos} size={96} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('events.noPhotos')} />
          )}
          <Typography.Title level={5} className="detail-section">
            {t('events.location')}
            <Typography.Text type="secondary" className="event-coords mono">
              {(event.gridName ?? grid.name) ? `${event.gridName ?? grid.name} · ` : ''}
              {event.lng.toFixed(6)}, {event.lat.toFixed(6)}
            </Typography.Text>
          </Typography.Title>
          <div className="event-map">
            <PointMap outline={grid.geometry} point={[event.lng, event.lat]} />
          </div>
          <Typography.Title level={5} className="detail-section">
            {t('events.history', { n: event.history.length })}
          </Typography.Title>
          <EventHistory history={event.history} names={event.names} unitName={unitName} />
          {acting && <ActionDialog event={event} action={acting} onClose={() => setActing(null)} onDone={done} onStale={stale} />}
          {supervising && (
            <IssueOrderDialog
              subject={{ eventId: event.id, caseNo: event.caseNo }}
              onClose={() => setSupervising(false)}
              onIssued={() => {
                // The order adds a step to the history without changing the case's version, so fetch it again.
                setSupervising(false);
                setFresh(null);
                reload();
              }}
            />
          )}
        </>
      )}
    </Drawer>
  );
}
