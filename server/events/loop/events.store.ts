import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { event, eventAction } from './events.tables.ts';

export type EventRow = typeof event.$inferSelect;
export type EventInsert = typeof event.$inferInsert;

export async function findByIdempotencyKey(tx: Tx, countyCode: string, reporterId: string, key: string) {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.countyCode, countyCode), eq(event.reporterId, reporterId), eq(event.idempotencyKey, key)))
  )[0];
}

export async function insertEvent(tx: Tx, row: EventInsert): Promise<EventRow> {
  return (await tx.insert(event).values(row).returning())[0];
}

export async function getEvent(tx: Tx, scope: Scope, id: string): Promise<EventRow | undefined> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.id, id), inScope(event.gridCode, scope)))
  )[0];
}

/** Writes the new current row only if nobody changed it since `version` was read; false when someone did. */
export async function updateEvent(tx: Tx, row: EventRow, expectedVersion: number): Promise<boolean> {
  const { countyCode, id, ...rest } = row;
  const updated = await tx
    .update(event)
    .set({ ...rest, version: expectedVersion + 1 })
    .where(and(eq(event.countyCode, countyCode), eq(event.id, id), eq(event.version, expectedVersion)))
    .returning({ id: event.id });
  return updated.length === 1;
}

export async function insertAction(tx: Tx, row: typeof eventAction.$inferInsert): Promise<void> {
  await tx.insert(eventAction).values(row);
}

export async function actionsOf(tx: Tx, countyCode: string, eventId: string) {
  return tx
    .select()
    .from(eventAction)
    .where(and(eq(eventAction.countyCode, countyCode), eq(eventAction.eventId, eventId)))
    .orderBy(asc(eventAction.seq));
}

/** Events matching `where` (built by event-filter.ts, scope included), newest first; the id keeps pages stable. */
export async function listEvents(tx: Tx, where: SQL, page: { offset: number; limit: number }): Promise<EventRow[]> {
  return tx.select().from(event).where(where).orderBy(desc(event.reportedAt), desc(event.id)).offset(page.offset).limit(page.limit);
}

export async function countEvents(tx: Tx, where: SQL): Promise<number> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(event).where(where);
  return n;
}

/**
 * Next case number of a county for a day: 云梦 20261102-0001 style, counted in the same transaction. Two reports
 * at once would count the same number and one would fail on the unique key (the events bench showed it), so a
 * transaction-scoped advisory lock on the county and day makes them take turns until the first commits.
 */
export async function nextCaseSerial(tx: Tx, countyCode: string, dayPrefix: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`event.case_no:${countyCode}:${dayPrefix}`}))`);
  // The highest serial of the day, over the day's range of the (county_code, case_no) unique index. The start
  // is cast: an untyped parameter makes `substring(x from $1)` the regular-expression form, which finds nothing.
  const [{ last }] = await tx
    .select({ last: sql<number | null>`max(substring(${event.caseNo} from ${dayPrefix.length + 1}::int)::int)` })
    .from(event)
    .where(and(eq(event.countyCode, countyCode), sql`${event.caseNo} >= ${dayPrefix}`, sql`${event.caseNo} < ${`${dayPrefix}~`}`));
  return (last ?? 0) + 1;
}
