import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { householdAlert } from './alerts.tables.ts';

export type AlertRow = typeof householdAlert.$inferSelect;

export async function insertAlert(tx: Tx, row: typeof householdAlert.$inferInsert): Promise<AlertRow> {
  const [saved] = await tx.insert(householdAlert).values(row).returning();
  return saved;
}

export async function getAlert(tx: Tx, scope: Scope, id: string): Promise<AlertRow | undefined> {
  return (
    await tx
      .select()
      .from(householdAlert)
      .where(and(eq(householdAlert.id, id), inScope(householdAlert.gridCode, scope)))
  )[0];
}

/** One page of a group's alerts in scope, newest first (its history, kept after the group is disbanded), and how many. */
export async function alertsOfGroup(tx: Tx, scope: Scope, groupId: string, page: PageAsked): Promise<{ rows: AlertRow[]; total: number }> {
  const where = and(eq(householdAlert.groupId, groupId), inScope(householdAlert.gridCode, scope));
  const [rows, [{ total }]] = await Promise.all([
    tx
      .select()
      .from(householdAlert)
      .where(where)
      .orderBy(desc(householdAlert.at), desc(householdAlert.id))
      .offset(page.offset)
      .limit(page.limit),
    tx.select({ total: count() }).from(householdAlert).where(where),
  ]);
  return { rows, total };
}

/** Marks what the alert became, unless it already became something (then undefined: someone was first). */
export async function markConverted(
  tx: Tx,
  a: Pick<AlertRow, 'countyCode' | 'id'>,
  values: Pick<AlertRow, 'convertedBy' | 'convertedAt'> & Partial<Pick<AlertRow, 'eventId' | 'caseNo' | 'disputeId'>>,
): Promise<AlertRow | undefined> {
  const [row] = await tx
    .update(householdAlert)
    .set(values)
    .where(
      and(
        eq(householdAlert.countyCode, a.countyCode),
        eq(householdAlert.id, a.id),
        isNull(householdAlert.eventId),
        isNull(householdAlert.disputeId),
      ),
    )
    .returning();
  return row;
}
