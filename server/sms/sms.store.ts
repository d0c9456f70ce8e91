import { and, count, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { smsMessage } from './sms.tables.ts';

export type SmsRow = typeof smsMessage.$inferSelect;
export type SmsInsert = typeof smsMessage.$inferInsert;

/** Sends to one phone wait on each other, so two servers cannot both pass its limit with the last message allowed. */
export async function lockPhone(tx: Tx, phoneHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sms:${phoneHash}`}))`);
}

/** Messages that went to the gateway (sent, sending or failed: a failure may still have reached the phone) since a moment. */
const counted = inArray(smsMessage.status, ['sending', 'sent', 'failed']);

export async function sentToPhoneSince(tx: Tx, phoneHash: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(smsMessage)
    .where(and(eq(smsMessage.phoneHash, phoneHash), gte(smsMessage.createdAt, since), counted));
  return row.n;
}

export async function sentToUserSince(tx: Tx, userId: string, since: Date): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(smsMessage)
    .where(and(eq(smsMessage.userId, userId), gte(smsMessage.createdAt, since), counted));
  return row.n;
}

export async function insertMessage(tx: Tx, row: SmsInsert): Promise<SmsRow> {
  const [created] = await tx.insert(smsMessage).values(row).returning();
  return created;
}

export async function settle(
  tx: Tx,
  key: { countyCode: string; id: string },
  outcome: Pick<SmsInsert, 'status' | 'providerMessageId' | 'error' | 'sentAt'>,
): Promise<void> {
  await tx
    .update(smsMessage)
    .set(outcome)
    .where(and(eq(smsMessage.countyCode, key.countyCode), eq(smsMessage.id, key.id)));
}

/** The log of the caller's jurisdiction, newest first, filtered by status and by a phone's hash. */
export async function messagePage(
  tx: Tx,
  scope: Scope,
  q: { status?: string; phoneHash?: string; offset: number; limit: number },
): Promise<{ items: SmsRow[]; total: number }> {
  const where = and(
    inScope(smsMessage.countyCode, scope),
    q.status ? eq(smsMessage.status, q.status) : undefined,
    q.phoneHash ? eq(smsMessage.phoneHash, q.phoneHash) : undefined,
  );
  const items = await tx
    .select()
    .from(smsMessage)
    .where(where)
    .orderBy(desc(smsMessage.createdAt), desc(smsMessage.id))
    .offset(q.offset)
    .limit(q.limit);
  const [{ total }] = await tx.select({ total: count() }).from(smsMessage).where(where);
  return { items, total };
}
