import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { adminChange } from './access.tables.ts';

export type AdminChangeRow = typeof adminChange.$inferSelect;
export type AdminChangeStatus = 'pending' | 'approved' | 'rejected';

export async function insertAdminChange(tx: Tx, values: typeof adminChange.$inferInsert): Promise<AdminChangeRow> {
  const rows = await tx.insert(adminChange).values(values).returning();
  return rows[0];
}

export async function findPendingChangeOf(tx: Tx, targetUserId: string): Promise<AdminChangeRow | undefined> {
  const rows = await tx
    .select()
    .from(adminChange)
    .where(and(eq(adminChange.targetUserId, targetUserId), eq(adminChange.status, 'pending')));
  return rows[0];
}

export async function findAdminChange(tx: Tx, id: string): Promise<AdminChangeRow | undefined> {
  const rows = await tx.select().from(adminChange).where(eq(adminChange.id, id));
  return rows[0];
}

/** The change, locked until the transaction ends, so two approvers cannot both decide it. */
export async function lockAdminChange(tx: Tx, id: string): Promise<AdminChangeRow | undefined> {
  const rows = await tx.select().from(adminChange).where(eq(adminChange.id, id)).for('update');
  return rows[0];
}

/** One page of the changes (in one state, or all), newest first, and how many there are over all pages. */
export async function findAdminChanges(
  tx: Tx,
  status: AdminChangeStatus | undefined,
  page: PageAsked,
): Promise<{ rows: AdminChangeRow[]; total: number }> {
  const where = status ? eq(adminChange.status, status) : undefined;
  const [rows, [{ total }]] = await Promise.all([
    tx
      .select()
      .from(adminChange)
      .where(where)
      .orderBy(desc(adminChange.requestedAt), desc(adminChange.id))
      .offset(page.offset)
      .limit(page.limit),
    tx.select({ total: count() }).from(adminChange).where(where),
  ]);
  return { rows, total };
}

export async function decideAdminChange(
  tx: Tx,
  id: string,
  decision: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; reason: string | null },
): Promise<void> {
  await tx.update(adminChange).set(decision).where(eq(adminChange.id, id));
}

/** Account id → id of its pending change, for the accounts that have one. */
export async function pendingChangesOf(tx: Tx, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: adminChange.id, userId: adminChange.targetUserId })
    .from(adminChange)
    .where(and(inArray(adminChange.targetUserId, userIds), eq(adminChange.status, 'pending')));
  return new Map(rows.map((r) => [r.userId, r.id]));
}
