import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { smsCode } from './sms.tables.ts';

export type CodeRow = typeof smsCode.$inferSelect;
export type CodeInsert = typeof smsCode.$inferInsert;

/** When the phone was last sent a code (of any purpose): one a minute at most. */
export async function lastCodeAt(tx: Tx, phoneHash: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: smsCode.createdAt })
    .from(smsCode)
    .where(eq(smsCode.phoneHash, phoneHash))
    .orderBy(desc(smsCode.createdAt))
    .limit(1);
  return row?.at ?? null;
}

/** Earlier codes of the phone and purpose stop holding when a new one is sent: only the latest opens. */
export async function supersede(tx: Tx, phoneHash: string, purpose: string, now: Date): Promise<void> {
  await tx
    .update(smsCode)
    .set({ expiresAt: now })
    .where(and(eq(smsCode.phoneHash, phoneHash), eq(smsCode.purpose, purpose), isNull(smsCode.usedAt), gt(smsCode.expiresAt, now)));
}

export async function insertCode(tx: Tx, row: CodeInsert): Promise<CodeRow> {
  const [created] = await tx.insert(smsCode).values(row).returning();
  return created;
}

/** The phone's latest code for a purpose, whatever its state. */
export async function latestCode(tx: Tx, phoneHash: string, purpose: string): Promise<CodeRow | undefined> {
  const [row] = await tx
    .select()
    .from(smsCode)
    .where(and(eq(smsCode.phoneHash, phoneHash), eq(smsCode.purpose, purpose)))
    .orderBy(desc(smsCode.createdAt))
    .limit(1);
  return row;
}

export async function countAttempt(tx: Tx, id: string): Promise<number> {
  const [row] = await tx
    .update(smsCode)
    .set({ attempts: sql`${smsCode.attempts} + 1` })
    .where(eq(smsCode.id, id))
    .returning({ attempts: smsCode.attempts });
  return row.attempts;
}

export async function spend(tx: Tx, id: string, now: Date): Promise<void> {
  await tx.update(smsCode).set({ usedAt: now }).where(eq(smsCode.id, id));
}

/** Codes long dead (a day past their expiry) go: the audit log keeps what they were for. */
export async function pruneCodes(tx: Tx, before: Date): Promise<void> {
  await tx.delete(smsCode).where(lt(smsCode.expiresAt, before));
}
