import { isAreaCode } from '../../../shared/codes.ts';
import { LEADER_WARNINGS, type NotificationKind } from '../../../shared/enums.ts';
import type { Role } from '../../../shared/roles.ts';
import { unitMembers, usersOfUnits } from '../../access/index.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { CENTRE_ROLES } from '../intake/intake.core.ts';
import type { EventChange, EventsService } from '../loop/events.service.ts';
import type { EventRow } from '../loop/events.store.ts';
import { unitsOf } from '../loop/todo.ts';
import type { Notice, Notifier } from './inbox.channels.ts';
import * as store from './inbox.store.ts';

/** An area unit handling a case itself: its centre, or the grid team bound to it. */
const AREA_UNIT_ROLES: readonly Role[] = [...CENTRE_ROLES, 'grid_worker', 'grid_leader'];

export { NOTIFICATION_KINDS, type NotificationKind } from '../../../shared/enums.ts';

/**
 * What a change tells the units the machine names (event-machine.core.ts `notify` effects): a new stage to work,
 * or a decision taken. Notices are a feed to read; the to-do counts come from the cases themselves (todo.ts).
 */
const KIND_OF: Partial<Record<EventChange['action'], NotificationKind>> = {
  verify: 'to_accept',
  escalate: 'to_dispatch',
  assign_down: 'to_dispatch',
  dispatch: 'to_sign',
  redispatch: 'to_sign',
  arbitrate: 'to_sign',
  return: 'returned',
  return_dispute: 'to_arbitrate',
  co_reply: 'part_answered',
  extension_request: 'extension_request',
  extension_approve: 'decided',
  extension_refuse: 'decided',
  special_close_request: 'special_close_request',
  special_close_approve: 'decided',
  special_close_refuse: 'decided',
  handle: 'to_check',
  check: 'to_close',
  rework: 'decided',
  visit: 'dissatisfied',
  reopen: 'to_dispatch',
};

function kindOf(change: EventChange): NotificationKind | null {
  if (change.action === 'report') return change.row.status === 'verifying' ? 'to_verify' : 'to_accept';
  if (change.action === 'return' && change.row.status === 'arbitrating') return 'to_arbitrate';
  return KIND_OF[change.action] ?? null;
}

/**
 * The people of some units: a department's staff, an area's centre, a grid's team. Read in `tx`, or, for a
 * change already committed, from the members kept a few seconds (`unitMembers`, decision 0035).
 */
export async function recipientsOf(
  tx: Tx,
  units: readonly (string | null)[],
  read: (tx: Db, units: Parameters<typeof usersOfUnits>[1]) => Promise<string[]> = usersOfUnits,
): Promise<string[]> {
  const codes = [...new Set(units.filter((u): u is string => u !== null))];
  if (codes.length === 0) return [];
  return read(tx as Db, {
    departments: codes.filter((u) => !isAreaCode(u)),
    areas: codes.filter(isAreaCode),
    areaRoles: AREA_UNIT_ROLES,
  });
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

/** The follow-ups of tagged people an account owes, missed and due soon; null when it follows up no one. */
export type FollowUpsDue = (actor: Actor) => Promise<{ missed: number; dueSoon: number } | null>;

/** The mediation agreements whose follow-up (回访) an account owes, due soon or past due; null when no mediation tier is theirs. */
export type AgreementFollowUpsDue = (actor: Actor) => Promise<{ owed: number; overdue: number } | null>;

export function createInboxService({
  db,
  clock,
  notifier,
  events,
  callsToLocate,
  followUpsDue,
  agreementFollowUpsDue,
}: {
  db: Db;
  clock: Clock;
  notifier: Notifier;
  events: Pick<EventsService, 'find' | 'todoCounts'>;
  /** Hotline calls waiting for a place (intake/to-locate.ts): work too, though not yet cases. */
  callsToLocate: (actor: Actor) => Promise<number>;
  /** The follow-ups the caller owes (fieldwork, handed in by app.ts): work too, gone once recorded. */
  followUpsDue: FollowUpsDue;
  /** The agreements' follow-ups the caller owes (disputes, handed in by app.ts). */
  agreementFollowUpsDue: AgreementFollowUpsDue;
}) {
  return {
    /** The events service's change listener. The case's version names the change, so telling twice is a no-op. */
    async onEventChange(change: EventChange): Promise<void> {
      const kind = kindOf(change);
      const { row } = change;
      if (!kind || change.notify.length === 0) return;
      const users = await recipientsOf(db, change.notify, (db, units) => unitMembers(db, units));
      const extra = change.action === 'return' ? { returnedFrom: row.returnedFrom } : {};
      await notifier.notify(caseNotices(row, users, kind, `${kind}:${row.id}:v${row.version}`, clock(), extra));
    },

    async find(actor: Actor, page: { offset: number; limit: number; unreadOnly: boolean }) {
      const { items, total } = await store.inboxOf(db, actor.id, page);
      return { items: items.map(shown), total };
    },

    /**
     * The to-do: cases waiting on the caller or their unit, per queue, from the cases' state; the open supervision
     * orders addressed to their units; for a leader, the orders they issued still open and the purple and red cases
     * of their area; for the grid team, the follow-ups they owe, missed or due soon; for a mediation tier, the agreements
     * it owes a follow-up (回访). Beside it, the unread
     * notifications by kind (a feed, not work).
     */
    async counts(actor: Actor) {
      const isLeader = actor.roles.includes('leader');
      const [kinds, todo, supervision, toLocate, issued, worst, followUps, agreementFollowUps] = await Promise.all([
        store.unreadByKind(db, actor.id),
        events.todoCounts(actor),
        store.openOrdersFor(db, unitsOf(actor)),
        actor.permissions.includes('events.report') ? callsToLocate(actor) : 0,
        isLeader ? store.openOrdersIssuedBy(db, actor.id) : 0,
        isLeader ? events.find(actor, { warning: [...LEADER_WARNINGS] }, { offset: 0, limit: 1 }).then((p) => p.total) : 0,
        followUpsDue(actor),
        actor.permissions.includes('disputes.mediate') ? agreementFollowUpsDue(actor) : null,
      ]);
      const byKind = Object.fromEntries(kinds.map((r) => [r.kind, r.n]));
      const unread = Object.values(byKind).reduce((sum, n) => sum + n, 0);
      const work = Object.values(todo).reduce((sum, n) => sum + n, 0);
      return {
        todo,
        total: work + supervision + toLocate + (followUps ? followUps.missed + followUps.dueSoon : 0) + (agreementFollowUps?.owed ?? 0),
        supervision,
        toLocate,
        followUps,
        agreementFollowUps,
        leader: isLeader ? { ordersIssued: issued, worstCases: worst } : null,
        unread,
        byKind,
      };
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
