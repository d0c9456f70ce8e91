import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, not, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { OPEN_STATUSES } from '../loop/event-actions.core.ts';
import type { EventRow } from '../loop/events.store.ts';
import { event, eventAction } from '../loop/events.tables.ts';
import { eventReporter } from './intake.tables.ts';

/** A citizen's earlier report under the same idempotency key (citizens have no reporter id). */
export async function citizenReportByKey(tx: Tx, countyCode: string, key: string): Promise<EventRow | undefined> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.countyCode, countyCode), isNull(event.reporterId), eq(event.idempotencyKey, key)))
  )[0];
}

export async function byTrackingCode(tx: Tx, code: string): Promise<EventRow | undefined> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.countyCode, code.slice(0, 6)), eq(event.trackingCode, code)))
  )[0];
}

/** A case by id for the read that follows the tracking code to the case it was merged into. */
export async function eventInCounty(tx: Tx, countyCode: string, id: string): Promise<EventRow | undefined> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.countyCode, countyCode), eq(event.id, id)))
  )[0];
}

/** A "me too" already recorded by this user under this key: a retried one changes nothing. */
export async function meTooByKey(tx: Tx, row: Pick<EventRow, 'countyCode' | 'id'>, actorId: string, key: string): Promise<boolean> {
  const found = await tx
    .select({ seq: eventAction.seq })
    .from(eventAction)
    .where(
      and(
        eq(eventAction.countyCode, row.countyCode),
        eq(eventAction.eventId, row.id),
        eq(eventAction.action, 'me_too'),
        eq(eventAction.actorId, actorId),
        sql`${eventAction.data}->>'idempotencyKey' = ${key}`,
      ),
    );
  return found.length > 0;
}

/** The case's current row, locked until the transaction ends: counts and sequence numbers written under it are safe. */
export async function lockEvent(tx: Tx, row: Pick<EventRow, 'countyCode' | 'id'>): Promise<EventRow> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.countyCode, row.countyCode), eq(event.id, row.id)))
      .for('update')
  )[0];
}

/**
 * Adds reports to a locked case and gives the sequence number of its next action. The version stays: a count
 * is not a step of the loop, and someone about to act on the case need not reload for it.
 */
export async function addReports(
  tx: Tx,
  row: Pick<EventRow, 'countyCode' | 'id'>,
  n: number,
  now: Date,
): Promise<{ row: EventRow; seq: number }> {
  const [updated] = await tx
    .update(event)
    .set({ reports: sql`${event.reports} + ${n}`, updatedAt: now })
    .where(and(eq(event.countyCode, row.countyCode), eq(event.id, row.id)))
    .returning();
  const [{ last }] = await tx
    .select({ last: sql<number>`coalesce(max(${eventAction.seq}), 0)::int` })
    .from(eventAction)
    .where(and(eq(eventAction.countyCode, row.countyCode), eq(eventAction.eventId, row.id)));
  return { row: updated, seq: last + 1 };
}

/** At most this many of the newest candidates are judged by distance: a spot reported hundreds of times stays cheap. */
const NEAR_CANDIDATES = 50;
/** What a nearby case is shown with ("me too", possible repeats): a hot spot returns many, so not whole rows. */
const NEAR_COLUMNS = {
  id: event.id,
  caseNo: event.caseNo,
  status: event.status,
  itemCode: event.itemCode,
  description: event.description,
  lng: event.lng,
  lat: event.lat,
  photos: event.photos,
  reportedAt: event.reportedAt,
  reports: event.reports,
};

/** Open cases of one item reported since `since` inside a box, in the caller's jurisdiction, newest first. */
export async function openCasesNear(
  tx: Tx,
  scope: Scope,
  q: { itemCode: string; since: Date; until?: Date; box: { minLng: number; maxLng: number; minLat: number; maxLat: number } },
) {
  return tx
    .select(NEAR_COLUMNS)
    .from(event)
    .where(
      and(
        inScope(event.gridCode, scope),
        eq(event.itemCode, q.itemCode),
        gte(event.reportedAt, q.since),
        q.until ? lte(event.reportedAt, q.until) : undefined,
        inArray(event.status, [...OPEN_STATUSES]),
        gte(event.lng, q.box.minLng),
        lte(event.lng, q.box.maxLng),
        gte(event.lat, q.box.minLat),
        lte(event.lat, q.box.maxLat),
      ),
    )
    .orderBy(desc(event.reportedAt))
    .limit(NEAR_CANDIDATES);
}

/** Everyone already counted towards a case (event_reporter keys). */
export async function reporterKeysOf(tx: Tx, row: Pick<EventRow, 'countyCode' | 'id'>): Promise<string[]> {
  const rows = await tx
    .select({ key: eventReporter.reporterKey })
    .from(eventReporter)
    .where(and(eq(eventReporter.countyCode, row.countyCode), eq(eventReporter.eventId, row.id)));
  return rows.map((r) => r.key);
}

/** Records that `reporterKey` counts towards a case; false when it already did (the row is there). */
export async function claimReporter(tx: Tx, row: Pick<EventRow, 'countyCode' | 'id'>, reporterKey: string, at: Date): Promise<boolean> {
  const added = await tx
    .insert(eventReporter)
    .values({ countyCode: row.countyCode, eventId: row.id, reporterKey, at })
    .onConflictDoNothing()
    .returning({ key: eventReporter.reporterKey });
  return added.length === 1;
}

/** An open case of one item inside a box since `since` that this reporter key already counts towards. */
export async function openCaseOfReporterNear(
  tx: Tx,
  q: {
    countyCode: string;
    reporterKey: string;
    itemCode: string;
    since: Date;
    box: { minLng: number; maxLng: number; minLat: number; maxLat: number };
  },
) {
  return tx
    .select({ id: event.id, caseNo: event.caseNo, lng: event.lng, lat: event.lat })
    .from(eventReporter)
    .innerJoin(event, and(eq(event.countyCode, eventReporter.countyCode), eq(event.id, eventReporter.eventId)))
    .where(
      and(
        eq(eventReporter.countyCode, q.countyCode),
        eq(eventReporter.reporterKey, q.reporterKey),
        eq(event.itemCode, q.itemCode),
        gte(event.reportedAt, q.since),
        inArray(event.status, [...OPEN_STATUSES]),
        gte(event.lng, q.box.minLng),
        lte(event.lng, q.box.maxLng),
        gte(event.lat, q.box.minLat),
        lte(event.lat, q.box.maxLat),
      ),
    );
}

/**
 * Open or finished cases of the caller's jurisdiction with at least `min` reports made in [since, until):
 * the case's own report, each "me too" and the reports each merged duplicate brought. A merged duplicate is
 * left out: its reports count in the case it joined.
 */
export async function repeatCounts(tx: Tx, scope: Scope, q: { since: Date; until: Date; min: number }) {
  const n = sql<number>`sum(case when ${eventAction.action} = 'duplicate_merged' then coalesce((${eventAction.data}->>'reports')::int, 1) else 1 end)::int`;
  return tx
    .select({ event, inPeriod: n, lastAt: sql<Date>`max(${eventAction.at})`.mapWith(event.reportedAt) })
    .from(eventAction)
    .innerJoin(event, and(eq(event.countyCode, eventAction.countyCode), eq(event.id, eventAction.eventId)))
    .where(
      and(
        inArray(eventAction.action, ['report', 'me_too', 'duplicate_merged']),
        gte(eventAction.at, q.since),
        lt(eventAction.at, q.until),
        ne(event.status, 'merged'),
        inScope(event.gridCode, scope),
      ),
    )
    .groupBy(event.countyCode, event.id)
    .having(sql`${n} >= ${q.min}`)
    .orderBy(desc(n), asc(event.caseNo));
}

/**
 * An interface's own reports of one county (event.channel), newest first: exactly the case numbers given, or
 * those matching the items, open or closed, and reported in [from, to].
 */
export async function channelCases(
  tx: Tx,
  q: {
    channel: string;
    countyCode: string;
    caseNos?: string[];
    itemCodes?: string[];
    closed?: boolean;
    from?: Date;
    to?: Date;
    limit: number;
  },
): Promise<EventRow[]> {
  const open = inArray(event.status, [...OPEN_STATUSES]);
  const filters = q.caseNos
    ? [inArray(event.caseNo, q.caseNos)]
    : [
        q.itemCodes?.length ? inArray(event.itemCode, q.itemCodes) : undefined,
        q.closed === undefined ? undefined : q.closed ? not(open) : open,
        q.from ? gte(event.reportedAt, q.from) : undefined,
        q.to ? lte(event.reportedAt, q.to) : undefined,
      ];
  return tx
    .select()
    .from(event)
    .where(and(eq(event.countyCode, q.countyCode), eq(event.channel, q.channel), ...filters))
    .orderBy(desc(event.reportedAt), desc(event.caseNo))
    .limit(q.limit);
}

/** The handling unit's last reply (handle or fix on the spot) of each case that has one. */
export async function repliesOf(tx: Tx, countyCode: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([eventAction.eventId], { eventId: eventAction.eventId, note: eventAction.note })
    .from(eventAction)
    .where(
      and(
        eq(eventAction.countyCode, countyCode),
        inArray(eventAction.eventId, ids),
        inArray(eventAction.action, ['handle', 'fix_on_spot']),
        isNotNull(eventAction.note),
      ),
    )
    .orderBy(eventAction.eventId, desc(eventAction.seq));
  return new Map(rows.map((r) => [r.eventId, r.note!]));
}

/** Case numbers of cases by id. */
export async function caseNosOf(tx: Tx, countyCode: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: event.id, caseNo: event.caseNo })
    .from(event)
    .where(and(eq(event.countyCode, countyCode), inArray(event.id, ids)));
  return new Map(rows.map((r) => [r.id, r.caseNo]));
}
