import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { briefing } from './briefing.tables.ts';

export type BriefingRow = typeof briefing.$inferSelect;

/** Key of the scheduled briefings' advisory lock ("tb", 通报); nothing else takes it. */
const SCHEDULE_LOCK_KEY = 0x7462;

/** The schedule's transaction-scoped lock: false at once when another server holds it. */
export async function tryScheduleLock(tx: Tx): Promise<boolean> {
  const rows = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${SCHEDULE_LOCK_KEY}::bigint) as locked`);
  return rows[0]?.locked === true;
}

/** Takes the area's lock for the rest of the transaction, so two generations of one area number their versions one after the other. */
export async function lockArea(tx: Tx, areaCode: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`briefing:${areaCode}`}))`);
}

export async function nextVersion(tx: Tx, areaCode: string, period: string): Promise<number> {
  const [row] = await tx
    .select({ v: sql<number>`coalesce(max(${briefing.version}), 0)::int` })
    .from(briefing)
    .where(and(eq(briefing.areaCode, areaCode), eq(briefing.period, period)));
  return (row?.v ?? 0) + 1;
}

export async function hasScheduled(tx: Tx, areaCode: string, period: string): Promise<boolean> {
  const rows = await tx
    .select({ id: briefing.id })
    .from(briefing)
    .where(and(eq(briefing.areaCode, areaCode), eq(briefing.period, period), eq(briefing.trigger, 'scheduled')))
    .limit(1);
  return rows.length > 0;
}

export async function insertBriefing(tx: Tx, row: Omit<BriefingRow, 'id'>): Promise<BriefingRow> {
  const [made] = await tx.insert(briefing).values(row).returning();
  return made;
}

/** One briefing, if its area lies in the scope. */
export async function getBriefing(tx: Tx, scope: Scope, id: string): Promise<BriefingRow | null> {
  const [row] = await tx
    .select()
    .from(briefing)
    .where(and(eq(briefing.id, id), inScope(briefing.areaCode, scope)));
  return row ?? null;
}

/** The briefings of one area (optionally one period), newest first, without their content. */
export async function findBriefings(tx: Tx, q: { areaCode: string; period?: string }, page: { offset: number; limit: number }) {
  const cond = and(eq(briefing.areaCode, q.areaCode), q.period ? eq(briefing.period, q.period) : undefined);
  const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(briefing).where(cond);
  const rows = await tx
    .select({
      id: briefing.id,
      areaCode: briefing.areaCode,
      period: briefing.period,
      version: briefing.version,
      trigger: briefing.trigger,
      generatedBy: briefing.generatedBy,
      generatedAt: briefing.generatedAt,
      title: sql<string>`${briefing.content}->>'title'`,
    })
    .from(briefing)
    .where(cond)
    .orderBy(desc(briefing.period), desc(briefing.version))
    .offset(page.offset)
    .limit(page.limit);
  return { total, rows };
}
