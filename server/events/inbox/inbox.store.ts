import { and, desc, eq, inArray, isNull, not, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import { notification, supervisionOrder } from '../oversight/oversight.tables.ts';

export type NotificationRow = typeof notification.$inferSelect;
export type NotificationInsert = typeof notification.$inferInsert;

/** Writes the notifications not written before (same user and dedupe key) and returns only those. */
export async function insertNotifications(tx: Tx, rows: NotificationInsert[]): Promise<NotificationRow[]> {
  if (rows.length === 0) return [];
  const written: NotificationRow[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    written.push(
      ...(await tx
        .insert(notification)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning()),
    );
  }
  return written;
}

/** A user's inbox, unread first, newest first within each. */
export async function inboxOf(tx: Tx, userId: string, page: { offset: number; limit: number; unreadOnly: boolean }) {
  const where = and(eq(notification.userId, userId), page.unreadOnly ? isNull(notification.readAt) : undefined);
  const items = await tx
    .select()
    .from(notification)
    .where(where)
    .orderBy(sql`${notification.readAt} is null desc`, desc(notification.createdAt), desc(notification.id))
    .offset(page.offset)
    .limit(page.limit);
  const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(notification).where(where);
  return { items, total };
}

export async function unreadByKind(tx: Tx, userId: string) {
  return tx
    .select({ kind: notification.kind, n: sql<number>`count(*)::int` })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .groupBy(notification.kind);
}

/** Open supervision and reminder orders addressed to any of these units. */
export async function openOrdersFor(tx: Tx, unitCodes: string[]): Promise<number> {
  if (unitCodes.length === 0) return 0;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(supervisionOrder)
    .where(and(eq(supervisionOrder.status, 'open'), inArray(supervisionOrder.unitCode, unitCodes)));
  return n;
}

/** Orders this user issued that are not yet closed (open or replied, waiting for the issuer to close them). */
export async function openOrdersIssuedBy(tx: Tx, userId: string): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(supervisionOrder)
    .where(and(eq(supervisionOrder.issuedBy, userId), not(eq(supervisionOrder.status, 'closed'))));
  return n;
}

/** Marks one of the user's notifications read (the first reading counts); undefined when it is not theirs. */
export async function markRead(tx: Tx, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
  const mine = and(eq(notification.userId, userId), eq(notification.id, id));
  await tx
    .update(notification)
    .set({ readAt: at })
    .where(and(mine, isNull(notification.readAt)));
  return (await tx.select().from(notification).where(mine))[0];
}

export async function markAllRead(tx: Tx, userId: string, at: Date): Promise<number> {
  const rows = await tx
    .update(notification)
    .set({ readAt: at })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return rows.length;
}
