import type { NotificationKind } from '../../../shared/enums.ts';
import { usersOfUnits } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { EventChange } from '../loop/events.service.ts';
import type { EventRow } from '../loop/events.store.ts';
import type { Notice, Notifier } from './inbox.channels.ts';
import * as store from './inbox.store.ts';

export const CENTRE_ROLES = ['city_center', 'county_center', 'township_center', 'village_center'] as const;
/** An area unit handling a case itself: its centre, or the grid team bound to it. */
const AREA_UNIT_ROLES = [...CENTRE_ROLES, 'grid_worker', 'grid_leader'] as const;

export { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/enums.ts';

/** Who a change of a case concerns: the centre that owns it, or the units it is dispatched to. */
type Audience = 'owner' | 'units';
const ON_CHANGE: Partial<Record<EventChange['action'], { kind: NotificationKind; audience: Audience }>> = {
  report: { kind: 'to_accept', audience: 'owner' },
  escalate: { kind: 'to_dispatch', audience: 'owner' },
  assign_down: { kind: 'to_dispatch', audience: 'owner' },
  dispatch: { kind: 'to_sign', audience: 'units' },
  return: { kind: 'returned', audience: 'owner' },
  extension_request: { kind: 'extension_request', audience: 'owner' },
  handle: { kind: 'to_check', audience: 'owner' },
};

const isArea = (code: string) => /^\d+$/.test(code);

/** The people of a case's owner centre, or of its lead and co-handling units. */
export async function recipientsOf(
  tx: Tx,
  row: Pick<EventRow, 'ownerCode' | 'leadUnit' | 'coUnits'>,
  audience: Audience,
): Promise<string[]> {
  if (audience === 'owner') return usersOfUnits(tx, { departments: [], areas: [row.ownerCode], areaRoles: CENTRE_ROLES });
  const units = [row.leadUnit, ...row.coUnits].filter((u): u is string => u !== null);
  return usersOfUnits(tx, { departments: units.filter((u) => !isArea(u)), areas: units.filter(isArea), areaRoles: AREA_UNIT_ROLES });
}

/** What every notice about a case carries, so the inbox can show it without reading the case. */
export const caseData = (row: EventRow) => ({
  caseNo: row.caseNo,
  itemCode: row.itemCode,
  stage: row.stage,
  stageDueAt: row.stageDueAt?.toISOString() ?? null,
});

export function caseNotices(
  row: EventRow,
  userIds: string[],
  kind: NotificationKind,
  dedupeKey: string,
  at: Date,
  extra: Record<string, unknown> = {},
): Notice[] {
  return userIds.map((userId) => ({
    countyCode: row.countyCode,
    userId,
    kind,
    eventId: row.id,
    orderId: null,
    data: { ...caseData(row), ...extra },
    dedupeKey,
    createdAt: at,
  }));
}

/** `data` is always an object of values: the inbox writes nothing else into it. */
const shown = (row: store.NotificationRow) => ({ ...row, data: row.data as Record<string, unknown> });

export function createInboxService({ db, clock, notifier }: { db: Db; clock: Clock; notifier: Notifier }) {
  return {
    /** The events service's change listener. The case's version names the change, so telling twice is a no-op. */
    async onEventChange({ row, action }: EventChange): Promise<void> {
      const rule = ON_CHANGE[action];
      if (!rule) return;
      const users = await recipientsOf(db, row, rule.audience);
      const extra = action === 'return' ? { returnedFrom: row.returnedFrom } : {};
      await notifier.notify(caseNotices(row, users, rule.kind, `${rule.kind}:${row.id}:v${row.version}`, clock(), extra));
    },

    async list(actor: Actor, page: { offset: number; limit: number; unreadOnly: boolean }) {
      const { items, total } = await store.inboxOf(db, actor.id, page);
      return { items: items.map(shown), total };
    },

    /** Unread notifications by kind, and the open supervision orders addressed to the caller's units. */
    async counts(actor: Actor) {
      const byKind = Object.fromEntries((await store.unreadByKind(db, actor.id)).map((r) => [r.kind, r.n]));
      const units = [...(actor.departmentCode ? [actor.departmentCode] : []), ...actor.areas.map((a) => a.code)];
      const unread = Object.values(byKind).reduce((sum, n) => sum + n, 0);
      return { unread, byKind, supervision: await store.openOrdersFor(db, units) };
    },

    /** Only the owner of a notification may read it: anyone else's id answers 404. */
    async markRead(actor: Actor, id: string) {
      const row = await store.markRead(db, actor.id, id, clock());
      if (!row) throw new AppError('notification.not_found');
      return shown(row);
    },

    async markAllRead(actor: Actor) {
      return { updated: await store.markAllRead(db, actor.id, clock()) };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
