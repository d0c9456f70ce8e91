/** The only SQL of signed webhooks: subscriptions, the outbox of deliveries, and the log of their tries. */

import { and, asc, count, desc, eq, gte, inArray, type SQL, sql } from 'drizzle-orm';
import type { WebhookDeliveryStatus } from '../../shared/webhooks.ts';
import { queryRows, type Tx } from '../platform/db.ts';
import type { ShapedPart } from '../platform/prepared.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { webhookAttempt, webhookDelivery, webhookSubscription } from './webhooks.tables.ts';

export type SubscriptionRow = typeof webhookSubscription.$inferSelect;
export type DeliveryRow = typeof webhookDelivery.$inferSelect;
export type DeliveryInsert = typeof webhookDelivery.$inferInsert;
export type AttemptRow = typeof webhookAttempt.$inferSelect;

export async function insertSubscription(tx: Tx, row: typeof webhookSubscription.$inferInsert): Promise<SubscriptionRow> {
  return (await tx.insert(webhookSubscription).values(row).returning())[0];
}

/** The subscriptions whose area lies in the scope, newest first. */
export function listSubscriptions(tx: Tx, scope: Scope): Promise<SubscriptionRow[]> {
  return tx
    .select()
    .from(webhookSubscription)
    .where(inScope(webhookSubscription.areaCode, scope))
    .orderBy(desc(webhookSubscription.createdAt));
}

export async function getSubscription(tx: Tx, scope: Scope, id: string, lock = false): Promise<SubscriptionRow | undefined> {
  const q = tx
    .select()
    .from(webhookSubscription)
    .where(and(eq(webhookSubscription.id, id), inScope(webhookSubscription.areaCode, scope)));
  return (await (lock ? q.for('update') : q))[0];
}

export async function setStatus(tx: Tx, id: string, change: Pick<SubscriptionRow, 'status' | 'pausedReason' | 'pausedAt'>) {
  return (await tx.update(webhookSubscription).set(change).where(eq(webhookSubscription.id, id)).returning())[0];
}

/** A fact as the outbox matches it against the subscriptions: its kind, body, the areas that hear it (webhooks.core.ts). */
export interface HeardFact {
  countyCode: string;
  key: string;
  kind: string;
  payload: Record<string, unknown>;
  areas: string[];
  hotline: boolean;
}

/**
 * One outbox row per fact and subscription that asks for its kind in one of the fact's areas (the hotline's only for
 * the facts it hears), in the facts' order; a fact already recorded for a subscription (same key) is left as it is.
 * One statement that reads the subscriptions as it writes: a report adds it to its own statement (events' filed writes).
 */
export function deliveriesOf(facts: HeardFact[], now: Date): SQL {
  const values = deliveryValues(facts, now);
  return deliveriesSql(facts, (key) => sql`${values[key]}`);
}

/** The same statement as a shaped part (decision 0035): one text per number of facts and of their areas, the values apart. */
export function deliveriesPart(facts: HeardFact[], now: Date): ShapedPart {
  return {
    shape: `webhook_delivery:${facts.map((f) => f.areas.length).join(',')}`,
    values: deliveryValues(facts, now),
    build: (place) => deliveriesSql(facts, (key) => sql`${place(key)}`),
  };
}

function deliveryValues(facts: HeardFact[], now: Date): Record<string, unknown> {
  const values: Record<string, unknown> = { now };
  for (const [i, f] of facts.entries()) {
    Object.assign(values, {
      [`${i}.county`]: f.countyCode,
      [`${i}.key`]: f.key,
      [`${i}.kind`]: f.kind,
      [`${i}.payload`]: JSON.stringify(f.payload),
    });
    Object.assign(values, { [`${i}.hotline`]: f.hotline });
    for (const [j, a] of f.areas.entries()) values[`${i}.area.${j}`] = a;
  }
  return values;
}

/** The statement with each value put in by `value` (a parameter, or a prepared statement's placeholder). */
function deliveriesSql(facts: HeardFact[], value: (key: string) => SQL): SQL {
  const rows = facts.map(
    (f, i) =>
      sql`(${sql.raw(String(i))}::int, ${value(`${i}.county`)}, ${value(`${i}.key`)}, ${value(`${i}.kind`)}, ${value(`${i}.payload`)}, array[${sql.join(
        f.areas.map((_, j) => value(`${i}.area.${j}`)),
        sql`, `,
      )}]::text[], ${value(`${i}.hotline`)}::boolean)`,
  );
  return sql`insert into ${webhookDelivery} (county_code, subscription_id, fact_key, kind, payload, created_at, status, next_attempt_at)
    select f.county_code, s.id, f.fact_key, f.kind, f.payload::jsonb, ${value('now')}::timestamptz, 'pending', ${value('now')}::timestamptz
    from (values ${sql.join(rows, sql`, `)}) as f (n, county_code, fact_key, kind, payload, areas, hotline)
    join ${webhookSubscription} s on f.kind = any(s.kinds) and s.area_code = any(f.areas) and (s.purpose <> 'hotline' or f.hotline)
    order by f.n, s.created_at, s.id
    on conflict do nothing`;
}

export async function insertDeliveries(tx: Tx, facts: HeardFact[], now: Date): Promise<void> {
  for (let i = 0; i < facts.length; i += 500) await tx.execute(deliveriesOf(facts.slice(i, i + 500), now));
}

/** A transaction-scoped advisory lock: held until the transaction ends, false at once if another holds it. */
export async function tryAdvisoryXactLock(tx: Tx, key: number): Promise<boolean> {
  const rows = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${key}::bigint) as locked`);
  return rows[0].locked;
}

/**
 * Takes, until `until`, the active subscriptions no other sender holds whose first pending delivery is due: the
 * first one only, as nothing overtakes a delivery waiting for its next try.
 */
export async function claimDue(tx: Tx, now: Date, until: Date): Promise<SubscriptionRow[]> {
  const head = sql`(select d.next_attempt_at from ${webhookDelivery} d
    where d.subscription_id = ${webhookSubscription.id} and d.status = 'pending' order by d.id limit 1)`;
  return tx
    .update(webhookSubscription)
    .set({ leaseUntil: until })
    .where(
      and(
        eq(webhookSubscription.status, 'active'),
        sql`(${webhookSubscription.leaseUntil} is null or ${webhookSubscription.leaseUntil} < ${now})`,
        sql`${head} <= ${now}`,
      ),
    )
    .returning();
}

export async function releaseLease(tx: Tx, id: string): Promise<void> {
  await tx.update(webhookSubscription).set({ leaseUntil: null }).where(eq(webhookSubscription.id, id));
}

/** A subscription's pending deliveries, first recorded first. */
export function queueHead(tx: Tx, subscriptionId: string, limit: number): Promise<DeliveryRow[]> {
  return tx
    .select()
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.subscriptionId, subscriptionId), eq(webhookDelivery.status, 'pending')))
    .orderBy(asc(webhookDelivery.id))
    .limit(limit);
}

/**
 * One try's outcome: the attempt row, and the delivery delivered, waiting for `nextAttemptAt`, or failed. Answers
 * whether the subscription is still active and held by this sender until `leaseUntil`, extended here.
 */
export async function recordTry(
  tx: Tx,
  q: {
    delivery: DeliveryRow;
    attempt: Omit<typeof webhookAttempt.$inferInsert, 'countyCode' | 'deliveryId' | 'attempt'>;
    outcome: { status: WebhookDeliveryStatus; failures: number; nextAttemptAt: Date; deliveredAt: Date | null };
    leaseUntil: Date;
  },
): Promise<boolean> {
  const { delivery: d } = q;
  const attempt = d.attempts + 1;
  await tx.insert(webhookAttempt).values({ ...q.attempt, countyCode: d.countyCode, deliveryId: d.id, attempt });
  await tx
    .update(webhookDelivery)
    .set({ ...q.outcome, attempts: attempt, lastStatusCode: q.attempt.statusCode ?? null })
    .where(and(eq(webhookDelivery.countyCode, d.countyCode), eq(webhookDelivery.id, d.id)));
  const held = await tx
    .update(webhookSubscription)
    .set({ leaseUntil: q.leaseUntil })
    .where(and(eq(webhookSubscription.id, d.subscriptionId), eq(webhookSubscription.status, 'active')))
    .returning({ id: webhookSubscription.id });
  return held.length > 0;
}

/** Queues again what a subscription recorded since `since` (delivered or failed), each with a fresh budget of tries. */
export async function requeueSince(tx: Tx, subscriptionId: string, since: Date, now: Date): Promise<number> {
  const rows = await tx
    .update(webhookDelivery)
    .set({ status: 'pending', failures: 0, nextAttemptAt: now })
    .where(and(eq(webhookDelivery.subscriptionId, subscriptionId), gte(webhookDelivery.createdAt, since)))
    .returning({ id: webhookDelivery.id });
  return rows.length;
}

/** Queues again the deliveries a subscription gave up on, first in line once it resumes. */
export async function requeueFailed(tx: Tx, subscriptionId: string, now: Date): Promise<number> {
  const rows = await tx
    .update(webhookDelivery)
    .set({ status: 'pending', failures: 0, nextAttemptAt: now })
    .where(and(eq(webhookDelivery.subscriptionId, subscriptionId), eq(webhookDelivery.status, 'failed')))
    .returning({ id: webhookDelivery.id });
  return rows.length;
}

/** Deliveries by status, per subscription. */
export async function countsOf(tx: Tx, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ subscriptionId: webhookDelivery.subscriptionId, status: webhookDelivery.status, n: count() })
    .from(webhookDelivery)
    .where(inArray(webhookDelivery.subscriptionId, ids))
    .groupBy(webhookDelivery.subscriptionId, webhookDelivery.status);
}

/** A page of a subscription's log, newest first, and how many match. */
export async function deliveryPage(
  tx: Tx,
  q: { subscriptionId: string; status?: WebhookDeliveryStatus; orderNo?: string; offset: number; limit: number },
): Promise<{ items: DeliveryRow[]; total: number }> {
  const where = and(
    eq(webhookDelivery.subscriptionId, q.subscriptionId),
    q.status ? eq(webhookDelivery.status, q.status) : undefined,
    q.orderNo ? sql`${webhookDelivery.payload} -> 'case' ->> 'externalNo' = ${q.orderNo}` : undefined,
  );
  const [items, [{ n }]] = await Promise.all([
    tx.select().from(webhookDelivery).where(where).orderBy(desc(webhookDelivery.id)).limit(q.limit).offset(q.offset),
    tx.select({ n: count() }).from(webhookDelivery).where(where),
  ]);
  return { items, total: n };
}

/** The tries of these deliveries, in order. */
export async function attemptsOf(tx: Tx, deliveries: Pick<DeliveryRow, 'countyCode' | 'id'>[]): Promise<AttemptRow[]> {
  if (deliveries.length === 0) return [];
  return tx
    .select()
    .from(webhookAttempt)
    .where(
      and(
        inArray(webhookAttempt.countyCode, [...new Set(deliveries.map((d) => d.countyCode))]),
        inArray(
          webhookAttempt.deliveryId,
          deliveries.map((d) => d.id),
        ),
      ),
    )
    .orderBy(asc(webhookAttempt.deliveryId), asc(webhookAttempt.attempt));
}
