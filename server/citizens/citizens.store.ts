import { and, eq, gt, lt } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { citizenSession } from './citizens.tables.ts';

export type CitizenSessionRow = typeof citizenSession.$inferSelect;

export async function insertSession(tx: Tx, row: CitizenSessionRow): Promise<void> {
  await tx.insert(citizenSession).values(row);
}

export async function liveSession(tx: Tx, tokenHash: string, now: Date): Promise<CitizenSessionRow | undefined> {
  const [row] = await tx
    .select()
    .from(citizenSession)
    .where(and(eq(citizenSession.tokenHash, tokenHash), gt(citizenSession.expiresAt, now)));
  return row;
}

export async function removeSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.delete(citizenSession).where(eq(citizenSession.tokenHash, tokenHash));
}

/** Sessions past their end go when a new one opens: there is never more than half an hour's worth. */
export async function pruneSessions(tx: Tx, now: Date): Promise<void> {
  await tx.delete(citizenSession).where(lt(citizenSession.expiresAt, now));
}
