import type { PartyKind, RiskLevel } from '../../shared/disputes.ts';
import type { AlertKind } from '../../shared/followups.ts';
import { teamsOfGrids } from '../access/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PageAsked } from '../platform/paging.ts';
import { type GroupOnRecord, groupOnRecord } from '../registry/index.ts';
import { type AlertFacts, alertNoticeData, alertRecipients, alertText, converted, disputeDraft } from './alerts.core.ts';
import * as store from './alerts.store.ts';

export interface AlertInput {
  kind: AlertKind;
  /** The member household that raised it; left out, the grid worker saw it for the group. */
  houseCode?: string | null;
  note?: string | null;
  photos?: string[];
  lng?: number | null;
  lat?: number | null;
}

/** A notice for the inbox as events' notifier takes it (handed in by app.ts, so fieldwork never imports events). */
export interface AlertNotice {
  countyCode: string;
  userId: string;
  kind: 'household_alert';
  eventId: null;
  orderId: null;
  data: Record<string, unknown>;
  dedupeKey: string;
  createdAt: Date;
}
/** Writes notices to the inbox inside the caller's transaction; the function it answers sends them on after the commit. */
export type NotifyIn = (tx: Tx, notices: AlertNotice[]) => Promise<() => Promise<void>>;
/** Files a loop case for the caller (events' report function, handed in by app.ts). */
export type ReportEvent = (
  actor: Actor,
  input: {
    itemCode: string;
    description: string;
    lng?: number;
    lat?: number;
    subject?: { type: 'house'; key: string };
    idempotencyKey: string;
  },
) => Promise<{ id: string; caseNo: string | null }>;
/** Records a dispute for the caller (disputes' create, handed in by app.ts). */
export type RaiseDispute = (
  actor: Actor,
  input: {
    title: string;
    typeCode: string;
    occurredOn: string;
    place: string;
    gridCode: string;
    lng: number | null;
    lat: number | null;
    peopleInvolved: number;
    riskLevel: RiskLevel;
    summary: string;
    parties: { kind: PartyKind; key: string; claim: string }[];
  },
) => Promise<{ id: string }>;

export interface AlertDisputeInput {
  title: string;
  typeCode: string;
  riskLevel: RiskLevel;
  peopleInvolved: number;
  parties: { kind: PartyKind; key: string; claim: string }[];
  summary?: string | null;
}

const factsOf = (a: store.AlertRow): AlertFacts => ({ ...a, kind: a.kind as AlertKind });

const alertView = (a: store.AlertRow) => ({
  id: a.id,
  groupId: a.groupId,
  groupName: a.groupName,
  gridCode: a.gridCode,
  houseCode: a.houseCode,
  kind: a.kind as AlertKind,
  note: a.note,
  photos: a.photos,
  lng: a.lng,
  lat: a.lat,
  at: a.at.toISOString(),
  actorName: a.actorName,
  eventId: a.eventId,
  caseNo: a.caseNo,
  disputeId: a.disputeId,
  convertedAt: a.convertedAt?.toISOString() ?? null,
});

/**
 * 十户联防 at work: a household of a group raises an alert, recorded by the grid team for it (households have no
 * accounts); the grid team is told in the inbox (and the channels beyond it); the alert may become a loop event or a
 * dispute, once; a group's alerts are its history.
 */
export function createAlertsService({
  db,
  clock,
  notifyIn,
  reportEvent,
  raiseDispute,
}: {
  db: Db;
  clock: Clock;
  notifyIn: NotifyIn;
  reportEvent: ReportEvent;
  raiseDispute: RaiseDispute;
}) {
  async function activeGroup(tx: Tx, actor: Actor, groupId: string) {
    const g = await groupOnRecord(tx, actor.scope, groupId);
    if (!g) throw new AppError('registry.group_not_found', [{ field: 'groupId', reason: 'not_found', value: groupId }]);
    if (g.state === 'disbanded') throw new AppError('alert.group_disbanded', [{ field: 'groupId', reason: 'disbanded', value: g.name }]);
    return g;
  }

  async function getAlert(tx: Tx, actor: Actor, id: string) {
    const a = await store.getAlert(tx, actor.scope, id);
    if (!a) throw new AppError('alert.not_found', [{ field: 'id', reason: 'not_found', value: id }]);
    if (converted(a))
      throw new AppError('alert.converted', [
        { field: 'id', reason: a.eventId ? 'event_raised' : 'dispute_raised', value: a.caseNo ?? a.disputeId ?? id },
      ]);
    return a;
  }

  /** The address of the household that raised the alert, from the group's members when it still stands. */
  const addressIn = (g: GroupOnRecord | undefined, houseCode: string | null) =>
    g?.state === 'active' && houseCode ? (g.houses.find((h) => h.houseCode === houseCode)?.address ?? null) : null;

  return {
    async raise(actor: Actor, groupId: string, input: AlertInput) {
      const now = clock();
      const { row, send } = await db.transaction(async (tx) => {
        const g = await activeGroup(tx, actor, groupId);
        const houseCode = input.houseCode?.trim() || null;
        if (houseCode && !g.houses.some((h) => h.houseCode === houseCode))
          throw new AppError('alert.house_not_member', [{ field: 'houseCode', reason: 'not_member', value: houseCode }]);
        const row = await store.insertAlert(tx, {
          countyCode: g.countyCode,
          groupId: g.id,
          groupName: g.name,
          gridCode: g.gridCode,
          houseCode,
          kind: input.kind,
          note: input.note?.trim() || null,
          photos: input.photos ?? [],
          lng: input.lng ?? null,
          lat: input.lat ?? null,
          at: now,
          actorId: actor.id,
          actorName: actor.displayName,
        });
        const team = await teamsOfGrids(tx, [g.gridCode], ['grid_worker', 'grid_leader']);
        const lead = g.leadHouseCode ? (g.houses.find((h) => h.houseCode === g.leadHouseCode) ?? null) : null;
        const data = alertNoticeData(factsOf(row), lead);
        const send = await notifyIn(
          tx,
          alertRecipients(team, actor.id).map((userId) => ({
            countyCode: g.countyCode,
            userId,
            kind: 'household_alert' as const,
            eventId: null,
            orderId: null,
            data,
            dedupeKey: `household_alert:${row.id}`,
            createdAt: now,
          })),
        );
        return { row, send };
      });
      await send();
      return alertView(row);
    },

    /** A group's alerts, newest first; a group outside the caller's jurisdiction has none to show. */
    async find(actor: Actor, groupId: string, page: PageAsked) {
      const g = await groupOnRecord(db, actor.scope, groupId);
      if (!g) throw new AppError('registry.group_not_found', [{ field: 'groupId', reason: 'not_found', value: groupId }]);
      const { rows, total } = await store.alertsOfGroup(db, actor.scope, groupId, page);
      return { disbanded: g.state === 'disbanded', items: rows.map(alertView), total };
    },

    /**
     * The alert becomes a loop case at its point (or its household's), filed for the caller like any staff report; the
     * alert's id is the report's idempotency key, so a retry after a failure files nothing twice.
     */
    async toEvent(actor: Actor, id: string, input: { itemCode: string; description?: string | null }) {
      const a = await getAlert(db, actor, id);
      const g = await groupOnRecord(db, actor.scope, a.groupId);
      const point = a.lng !== null && a.lat !== null ? { lng: a.lng, lat: a.lat } : {};
      if (!('lng' in point) && !a.houseCode) throw new AppError('alert.no_point', [{ field: 'lng', reason: 'required' }]);
      const event = await reportEvent(actor, {
        itemCode: input.itemCode,
        description: input.description?.trim() || alertText(factsOf(a), addressIn(g, a.houseCode)),
        ...point,
        ...(a.houseCode ? { subject: { type: 'house' as const, key: a.houseCode } } : {}),
        idempotencyKey: `alert:${a.id}`,
      });
      const row = await db.transaction((tx) =>
        store.markConverted(tx, a, { eventId: event.id, caseNo: event.caseNo, convertedBy: actor.id, convertedAt: clock() }),
      );
      if (!row) throw new AppError('alert.converted', [{ field: 'id', reason: 'converted', value: id }]);
      return alertView(row);
    },

    /** The alert becomes a dispute of the group's grid, its place, day, point and summary filled from the alert. */
    async toDispute(actor: Actor, id: string, input: AlertDisputeInput) {
      const a = await getAlert(db, actor, id);
      const g = await groupOnRecord(db, actor.scope, a.groupId);
      const draft = disputeDraft(factsOf(a), addressIn(g, a.houseCode));
      const dispute = await raiseDispute(actor, {
        ...draft,
        title: input.title,
        typeCode: input.typeCode,
        riskLevel: input.riskLevel,
        peopleInvolved: input.peopleInvolved,
        parties: input.parties,
        summary: input.summary?.trim() || draft.summary,
      });
      const row = await db.transaction((tx) =>
        store.markConverted(tx, a, { disputeId: dispute.id, convertedBy: actor.id, convertedAt: clock() }),
      );
      if (!row) throw new AppError('alert.converted', [{ field: 'id', reason: 'converted', value: id }]);
      return alertView(row);
    },
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
