import { and, asc, count, eq, lte, or } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { appUser } from './access.tables.ts';
import { hostAccount, hostSignOnPending, hostTokenUse } from './host-sign-on.tables.ts';

/** The account a host user is mapped to, with what a sign-on checks of it. */
export async function mappedUser(tx: Tx, issuer: string, subject: string) {
  const rows = await tx
    .select({ user: appUser })
    .from(hostAccount)
    .innerJoin(appUser, eq(appUser.id, hostAccount.userId))
    .where(and(eq(hostAccount.issuer, issuer), eq(hostAccount.subject, subject)));
  return rows[0]?.user;
}

const mappingColumns = {
  id: hostAccount.id,
  issuer: hostAccount.issuer,
  subject: hostAccount.subject,
  userId: hostAccount.userId,
  username: appUser.username,
  displayName: appUser.displayName,
  note: hostAccount.note,
  createdAt: hostAccount.createdAt,
};

/** The mappings, by issuer then subject, a page at a time. */
export async function findMappings(tx: Tx, page: PageAsked) {
  const [items, [{ total }]] = await Promise.all([
    tx
      .select(mappingColumns)
      .from(hostAccount)
      .innerJoin(appUser, eq(appUser.id, hostAccount.userId))
      .orderBy(asc(hostAccount.issuer), asc(hostAccount.subject))
      .offset(page.offset)
      .limit(page.limit),
    tx.select({ total: count() }).from(hostAccount),
  ]);
  return { items, total };
}

export async function getMapping(tx: Tx, id: string) {
  const rows = await tx
    .select(mappingColumns)
    .from(hostAccount)
    .innerJoin(appUser, eq(appUser.id, hostAccount.userId))
    .where(eq(hostAccount.id, id));
  return rows[0];
}

/** Inserts a mapping unless the host user is mapped already: the new id, or null. */
export async function insertMapping(tx: Tx, values: typeof hostAccount.$inferInsert): Promise<string | null> {
  const rows = await tx.insert(hostAccount).values(values).onConflictDoNothing().returning({ id: hostAccount.id });
  return rows[0]?.id ?? null;
}

export async function removeMapping(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.delete(hostAccount).where(eq(hostAccount.id, id)).returning({ id: hostAccount.id });
  return rows.length > 0;
}

/** Takes a host token's id, dropping the ids whose tokens have expired; false when it was taken before (a replay). */
export async function takeTokenId(tx: Tx, issuer: string, tokenId: string, expiresAt: Date, now: Date): Promise<boolean> {
  await tx.delete(hostTokenUse).where(lte(hostTokenUse.expiresAt, now));
  const rows = await tx
    .insert(hostTokenUse)
    .values({ issuer, tokenId, expiresAt })
    .onConflictDoNothing()
    .returning({ tokenId: hostTokenUse.tokenId });
  return rows.length > 0;
}

export async function insertPendingSignOn(tx: Tx, values: typeof hostSignOnPending.$inferInsert): Promise<void> {
  await tx.insert(hostSignOnPending).values(values);
}

/** Takes a pending sign-on by its state's hash (once), dropping those that expired; undefined when it is not there. */
export async function takePendingSignOn(tx: Tx, stateHash: string, now: Date) {
  const rows = await tx
    .delete(hostSignOnPending)
    .where(or(eq(hostSignOnPending.stateHash, stateHash), lte(hostSignOnPending.expiresAt, now)))
    .returning();
  return rows.find((r) => r.stateHash === stateHash && r.expiresAt > now);
}

/** Whether an account exists (a mapping must name one). */
export async function userExists(tx: Tx, id: string) {
  const rows = await tx.select({ id: appUser.id, roles: appUser.roles }).from(appUser).where(eq(appUser.id, id));
  return rows[0];
}
