import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { event } from '../loop/events.tables.ts';
import { unitWarning, warningRule } from './oversight.tables.ts';

export type WarningRuleRow = typeof warningRule.$inferSelect;

export async function warningRules(tx: Tx): Promise<WarningRuleRow[]> {
  return tx.select().from(warningRule).orderBy(asc(warningRule.colour));
}

/** The whole table at once: a city edits its rules as one table, so a half-applied edit is never seen. */
export async function replaceWarningRules(tx: Tx, rows: WarningRuleRow[]): Promise<void> {
  await tx.delete(warningRule);
  if (rows.length) await tx.insert(warningRule).values(rows);
}

/**
 * Records that a unit earned a colour on a case; a colour it already earned there is left as first written.
 * Answers the cases that earned a new one.
 */
export async function insertUnitWarnings(
  tx: Tx,
  rows: (typeof unitWarning.$inferInsert)[],
): Promise<{ countyCode: string; eventId: string; unitCode: string; colour: string }[]> {
  if (rows.length === 0) return [];
  return tx.insert(unitWarning).values(rows).onConflictDoNothing().returning({
    countyCode: unitWarning.countyCode,
    eventId: unitWarning.eventId,
    unitCode: unitWarning.unitCode,
    colour: unitWarning.colour,
  });
}

/** Warnings earned in [from, to) on cases inside the scope, counted per unit and colour. */
export async function warningCounts(tx: Tx, scope: Scope, from: Date, to: Date) {
  return tx
    .select({ unitCode: unitWarning.unitCode, colour: unitWarning.colour, n: sql<number>`count(*)::int` })
    .from(unitWarning)
    .innerJoin(event, and(eq(event.countyCode, unitWarning.countyCode), eq(event.id, unitWarning.eventId)))
    .where(and(gte(unitWarning.at, from), lt(unitWarning.at, to), inScope(event.gridCode, scope)))
    .groupBy(unitWarning.unitCode, unitWarning.colour);
}

/** Warnings earned in [from, to) on cases inside the scope, one row per case, unit and colour, with the case number. */
export async function warningCases(tx: Tx, scope: Scope, from: Date, to: Date) {
  return tx
    .select({ unitCode: unitWarning.unitCode, colour: unitWarning.colour, eventId: event.id, caseNo: event.caseNo, at: unitWarning.at })
    .from(unitWarning)
    .innerJoin(event, and(eq(event.countyCode, unitWarning.countyCode), eq(event.id, unitWarning.eventId)))
    .where(and(gte(unitWarning.at, from), lt(unitWarning.at, to), inScope(event.gridCode, scope)))
    .orderBy(asc(unitWarning.unitCode), asc(event.caseNo));
}

/** Open cases whose current stage has a due time: what the deadline sweep looks at. */
export async function openCasesWithDue(tx: Tx, openStatuses: readonly string[]) {
  return tx
    .select()
    .from(event)
    .where(and(inArray(event.status, [...openStatuses]), isNotNull(event.stageDueAt)));
}

/** A transaction-scoped advisory lock: held until the transaction ends, false at once if another holds it. */
export async function tryAdvisoryXactLock(tx: Tx, key: number): Promise<boolean> {
  const rows = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${key}::bigint) as locked`);
  return rows[0].locked;
}
