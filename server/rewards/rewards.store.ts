import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { rewardEntry, rewardRule, rewardSheet } from './rewards.tables.ts';

export type RuleRow = typeof rewardRule.$inferSelect;
export type SheetRow = typeof rewardSheet.$inferSelect;
export type EntryRow = typeof rewardEntry.$inferSelect;

// ── rules ────────────────────────────────────────────────────────────────────────────────────────────

export async function rulesOf(tx: Tx, countyCode: string): Promise<RuleRow[]> {
  return tx.select().from(rewardRule).where(eq(rewardRule.countyCode, countyCode)).orderBy(asc(rewardRule.kind), asc(rewardRule.key));
}

/** A rule in the caller's jurisdiction, locked when asked, for a change. */
export async function getRule(tx: Tx, scope: Scope, id: string, lock = false): Promise<RuleRow | undefined> {
  const q = tx
    .select()
    .from(rewardRule)
    .where(and(eq(rewardRule.id, id), inScope(rewardRule.countyCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Undefined when the county already has a rule of this kind and key. */
export async function insertRule(tx: Tx, values: typeof rewardRule.$inferInsert): Promise<RuleRow | undefined> {
  const [row] = await tx.insert(rewardRule).values(values).onConflictDoNothing().returning();
  return row;
}

/** Writes a rule on the version the editor saw; undefined when someone else was first. */
export async function updateRule(tx: Tx, row: RuleRow, version: number, set: Partial<typeof rewardRule.$inferInsert>) {
  const [saved] = await tx
    .update(rewardRule)
    .set({ ...set, version: version + 1 })
    .where(and(eq(rewardRule.countyCode, row.countyCode), eq(rewardRule.id, row.id), eq(rewardRule.version, version)))
    .returning();
  return saved;
}

export async function removeRule(tx: Tx, row: RuleRow, version: number): Promise<boolean> {
  const gone = await tx
    .delete(rewardRule)
    .where(and(eq(rewardRule.countyCode, row.countyCode), eq(rewardRule.id, row.id), eq(rewardRule.version, version)))
    .returning({ id: rewardRule.id });
  return gone.length > 0;
}

// ── sheets ───────────────────────────────────────────────────────────────────────────────────────────

export async function sheetsInScope(tx: Tx, scope: Scope, countyCode: string): Promise<SheetRow[]> {
  return tx
    .select()
    .from(rewardSheet)
    .where(and(eq(rewardSheet.countyCode, countyCode), inScope(rewardSheet.countyCode, scope)))
    .orderBy(desc(rewardSheet.period));
}

export async function sheetOf(tx: Tx, countyCode: string, period: string, lock = false): Promise<SheetRow | undefined> {
  const q = tx
    .select()
    .from(rewardSheet)
    .where(and(eq(rewardSheet.countyCode, countyCode), eq(rewardSheet.period, period)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A sheet in the caller's jurisdiction, locked when asked, for a change. */
export async function getSheet(tx: Tx, scope: Scope, id: string, lock = false): Promise<SheetRow | undefined> {
  const q = tx
    .select()
    .from(rewardSheet)
    .where(and(eq(rewardSheet.id, id), inScope(rewardSheet.countyCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** A month's sheet made if missing (two computations at once: one inserts, the other reads it), locked. */
export async function sheetFor(tx: Tx, countyCode: string, period: string): Promise<SheetRow> {
  await tx.insert(rewardSheet).values({ countyCode, period, status: 'computed' }).onConflictDoNothing();
  return (await sheetOf(tx, countyCode, period, true))!;
}

export async function updateSheet(tx: Tx, row: SheetRow, version: number, set: Partial<typeof rewardSheet.$inferInsert>) {
  const [saved] = await tx
    .update(rewardSheet)
    .set({ ...set, version: version + 1 })
    .where(and(eq(rewardSheet.countyCode, row.countyCode), eq(rewardSheet.id, row.id), eq(rewardSheet.version, version)))
    .returning();
  return saved;
}

// ── entries ──────────────────────────────────────────────────────────────────────────────────────────

export async function entriesOf(tx: Tx, sheet: Pick<SheetRow, 'countyCode' | 'id'>): Promise<EntryRow[]> {
  return tx
    .select()
    .from(rewardEntry)
    .where(and(eq(rewardEntry.countyCode, sheet.countyCode), eq(rewardEntry.sheetId, sheet.id)))
    .orderBy(asc(rewardEntry.workerName), asc(rewardEntry.kind), asc(rewardEntry.caseNo), asc(rewardEntry.enteredAt));
}

/** Of these cases, those already paid in another month's sheet. */
export async function casesPaidElsewhere(tx: Tx, sheet: Pick<SheetRow, 'countyCode' | 'id'>, caseIds: string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await tx
    .select({ caseId: rewardEntry.caseId })
    .from(rewardEntry)
    .where(and(eq(rewardEntry.countyCode, sheet.countyCode), inArray(rewardEntry.caseId, caseIds), ne(rewardEntry.sheetId, sheet.id)));
  return new Set(rows.map((r) => r.caseId!));
}

/** Replaces the entries the last computation made; what was entered by hand or posted stays. */
export async function replaceComputed(tx: Tx, sheet: Pick<SheetRow, 'countyCode' | 'id'>, rows: (typeof rewardEntry.$inferInsert)[]) {
  await tx
    .delete(rewardEntry)
    .where(and(eq(rewardEntry.countyCode, sheet.countyCode), eq(rewardEntry.sheetId, sheet.id), eq(rewardEntry.origin, 'computed')));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(rewardEntry).values(rows.slice(i, i + 500));
}

export async function insertEntry(tx: Tx, values: typeof rewardEntry.$inferInsert): Promise<EntryRow> {
  const [row] = await tx.insert(rewardEntry).values(values).returning();
  return row;
}
