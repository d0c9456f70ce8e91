import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { open311Client, open311Request } from './open311.tables.ts';

export type ClientRow = typeof open311Client.$inferSelect;
export type RequestRow = typeof open311Request.$inferSelect;

// ── clients and their keys ──

export async function insertClient(tx: Tx, row: typeof open311Client.$inferInsert): Promise<ClientRow> {
  return (await tx.insert(open311Client).values(row).returning())[0];
}

/** The clients of the counties in the caller's jurisdiction, live ones first, newest first. */
export async function listClients(tx: Tx, scope: Scope): Promise<ClientRow[]> {
  return tx
    .select()
    .from(open311Client)
    .where(inScope(open311Client.countyCode, scope))
    .orderBy(asc(open311Client.revokedAt), desc(open311Client.createdAt));
}

export async function getClient(tx: Tx, scope: Scope, id: string, lock = false): Promise<ClientRow | undefined> {
  const query = tx
    .select()
    .from(open311Client)
    .where(and(eq(open311Client.id, id), inScope(open311Client.countyCode, scope)));
  return (await (lock ? query.for('update') : query))[0];
}

/** The live client holding this key hash: undefined for a key never issued or revoked. */
export async function clientByKeyHash(tx: Tx, keyHash: string): Promise<ClientRow | undefined> {
  return (await tx.select().from(open311Client).where(eq(open311Client.keyHash, keyHash)))[0];
}

/** Revokes a live key; undefined when it was revoked already (someone was first). */
export async function revokeClient(tx: Tx, id: string, by: string, at: Date): Promise<ClientRow | undefined> {
  return (
    await tx
      .update(open311Client)
      .set({ revokedAt: at, revokedBy: by })
      .where(and(eq(open311Client.id, id), isNull(open311Client.revokedAt)))
      .returning()
  )[0];
}

export async function touchClient(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(open311Client).set({ lastUsedAt: at }).where(eq(open311Client.id, id));
}

// ── requests ──

/** The request a client made under this idempotency key, if any. */
export async function requestByKey(tx: Tx, countyCode: string, key: string): Promise<RequestRow | undefined> {
  return (
    await tx
      .select()
      .from(open311Request)
      .where(and(eq(open311Request.countyCode, countyCode), eq(open311Request.idempotencyKey, key)))
  )[0];
}

/** A new request row; undefined when one under the same key got there first. */
export async function insertRequest(tx: Tx, row: typeof open311Request.$inferInsert): Promise<RequestRow | undefined> {
  return (await tx.insert(open311Request).values(row).onConflictDoNothing().returning())[0];
}

export async function requestByToken(tx: Tx, countyCode: string, token: string, lock = false): Promise<RequestRow | undefined> {
  const query = tx
    .select()
    .from(open311Request)
    .where(and(eq(open311Request.countyCode, countyCode), eq(open311Request.token, token)));
  return (await (lock ? query.for('update') : query))[0];
}

/** The request rows of these cases, by case id. */
export async function requestsOfEvents(tx: Tx, countyCode: string, eventIds: string[]): Promise<Map<string, RequestRow>> {
  if (eventIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(open311Request)
    .where(and(eq(open311Request.countyCode, countyCode), inArray(open311Request.eventId, eventIds)));
  return new Map(rows.map((r) => [r.eventId!, r]));
}

/** Requests waiting to be placed on the map, in the counties of the caller's jurisdiction, oldest first. */
export async function pendingRequests(tx: Tx, scope: Scope, limit: number): Promise<RequestRow[]> {
  return tx
    .select()
    .from(open311Request)
    .where(and(inScope(open311Request.countyCode, scope), eq(open311Request.status, 'pending')))
    .orderBy(asc(open311Request.requestedAt))
    .limit(limit);
}

/** A pending request's outcome; undefined when it was no longer pending (someone was first). */
export async function decideRequest(
  tx: Tx,
  row: Pick<RequestRow, 'countyCode' | 'token'>,
  set: Pick<RequestRow, 'status' | 'decidedAt' | 'decidedBy'> &
    Partial<Pick<RequestRow, 'eventId' | 'caseNo' | 'refusedReason' | 'lng' | 'lat' | 'serviceCode'>>,
): Promise<RequestRow | undefined> {
  return (
    await tx
      .update(open311Request)
      .set({ ...set, phoneSealed: null, deviceIdSealed: null })
      .where(and(eq(open311Request.countyCode, row.countyCode), eq(open311Request.token, row.token), eq(open311Request.status, 'pending')))
      .returning()
  )[0];
}
