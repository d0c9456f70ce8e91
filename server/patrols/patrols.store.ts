import { and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { patrol, patrolPoint, zeroReport } from './patrols.tables.ts';

export type PatrolRow = typeof patrol.$inferSelect;

/** A patrol is the area's when its patroller is bound inside the scope or it passed a grid inside it. */
const ofArea = (scope: Scope) =>
  or(
    inScope(patrol.homeCode, scope),
    sql`exists (select 1 from unnest(${patrol.gridCodes}) as g(code) where ${inScope(sql`g.code`, scope)})`,
  );

export async function insertPatrol(tx: Tx, row: typeof patrol.$inferInsert): Promise<PatrolRow | undefined> {
  return (await tx.insert(patrol).values(row).onConflictDoNothing().returning())[0];
}

/** The caller's patrol under way, if any. */
export async function openPatrolOf(tx: Tx, userId: string): Promise<PatrolRow | undefined> {
  return (
    await tx
      .select()
      .from(patrol)
      .where(and(eq(patrol.userId, userId), isNull(patrol.endedAt)))
  )[0];
}

export async function patrolByStartKey(tx: Tx, countyCode: string, userId: string, startKey: string) {
  return (
    await tx
      .select()
      .from(patrol)
      .where(and(eq(patrol.countyCode, countyCode), eq(patrol.userId, userId), eq(patrol.startKey, startKey)))
  )[0];
}

/** One patrol: the caller's own, or (with `area`) one of the area's. */
export async function getPatrol(tx: Tx, id: string, who: { userId: string; area?: Scope }, lock = false) {
  const mine = eq(patrol.userId, who.userId);
  const q = tx
    .select()
    .from(patrol)
    .where(and(eq(patrol.id, id), who.area ? or(mine, ofArea(who.area)) : mine));
  return (await (lock ? q.for('update') : q))[0];
}

export async function endPatrol(tx: Tx, row: PatrolRow, values: { endedAt: Date; gridCodes: string[]; note: string | null }) {
  await tx
    .update(patrol)
    .set(values)
    .where(and(eq(patrol.countyCode, row.countyCode), eq(patrol.id, row.id)));
}

export async function addPatrolGrids(tx: Tx, row: PatrolRow, gridCodes: string[]) {
  await tx
    .update(patrol)
    .set({ gridCodes })
    .where(and(eq(patrol.countyCode, row.countyCode), eq(patrol.id, row.id)));
}

/** Patrols newest first: the caller's own, or those of an area. */
export async function findPatrols(tx: Tx, who: { userId: string } | { area: Scope }, page: PageAsked) {
  const where = 'userId' in who ? eq(patrol.userId, who.userId) : ofArea(who.area);
  const [rows, [{ total }]] = await Promise.all([
    tx.select().from(patrol).where(where).orderBy(desc(patrol.startedAt), asc(patrol.id)).offset(page.offset).limit(page.limit),
    tx.select({ total: sql<number>`count(*)::int` }).from(patrol).where(where),
  ]);
  return { rows, total };
}

export async function insertPoints(tx: Tx, rows: (typeof patrolPoint.$inferInsert)[]) {
  if (rows.length) await tx.insert(patrolPoint).values(rows).onConflictDoNothing();
}

export async function pointsOf(tx: Tx, row: PatrolRow) {
  return tx
    .select({ at: patrolPoint.at, lng: patrolPoint.lng, lat: patrolPoint.lat })
    .from(patrolPoint)
    .where(and(eq(patrolPoint.countyCode, row.countyCode), eq(patrolPoint.patrolId, row.id)))
    .orderBy(asc(patrolPoint.at));
}

/** Counties that keep any track point: the ones the sweep looks at. */
export async function countiesWithPoints(tx: Tx): Promise<string[]> {
  const rows = await tx.selectDistinct({ countyCode: patrolPoint.countyCode }).from(patrolPoint);
  return rows.map((r) => r.countyCode);
}

/** Deletes a county's track points older than `before`; how many went. */
export async function deletePointsBefore(tx: Tx, countyCode: string, before: Date): Promise<number> {
  const gone = await tx
    .delete(patrolPoint)
    .where(and(eq(patrolPoint.countyCode, countyCode), lt(patrolPoint.at, before)))
    .returning({ at: patrolPoint.at });
  return gone.length;
}

/** Records a village's zero report for a day once; the row kept (the first one when it was already made). */
export async function insertZeroReport(tx: Tx, row: typeof zeroReport.$inferInsert) {
  const created = (await tx.insert(zeroReport).values(row).onConflictDoNothing().returning())[0];
  return { row: created ?? (await zeroReportOf(tx, row.countyCode, row.villageCode, row.day))!, created: created !== undefined };
}

export async function zeroReportOf(tx: Tx, countyCode: string, villageCode: string, day: string) {
  return (
    await tx
      .select()
      .from(zeroReport)
      .where(and(eq(zeroReport.countyCode, countyCode), eq(zeroReport.villageCode, villageCode), eq(zeroReport.day, day)))
  )[0];
}
