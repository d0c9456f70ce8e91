import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../platform/columns.ts';

/**
 * 事件订阅: an outside system told of the loop's facts at its URL, signed with a secret only Gezhi and it hold. The
 * secret is sealed (SM4), not hashed: every delivery is signed with it. Reference table: a handful of rows, read by
 * every transaction that records a fact.
 */
export const webhookSubscription = pgTable(
  'webhook_subscription',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** The area whose facts it receives: a case's grid, or the county of an order on a unit, must lie inside it. */
    areaCode: text('area_code').notNull(),
    /** The kinds asked for (shared/webhooks.ts). */
    kinds: text('kinds').array().notNull(),
    /** webhook · hotline (shared/webhooks.ts WEBHOOK_PURPOSES): the hotline's hears only its own orders, and never gives up. */
    purpose: text('purpose').notNull().default('webhook'),
    /** hmac-sha256 · hmac-sm3 */
    algorithm: text('algorithm').notNull(),
    secretSealed: text('secret_sealed').notNull(),
    /** active · paused */
    status: text('status').notNull(),
    /** Why it is paused: `by_admin`, or `failing` when a delivery ran out of tries. */
    pausedReason: text('paused_reason'),
    pausedAt: timestamptz('paused_at'),
    /** A sender holds the subscription until then while it delivers; another node leaves it alone. */
    leaseUntil: timestamptz('lease_until'),
    createdAt: timestamptz('created_at').notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [index('webhook_subscription_status_idx').on(t.status)],
);

/**
 * The outbox and its log: one row per fact per subscription, written in the transaction that recorded the fact (so a
 * change and its delivery commit together or not at all), unique on the fact's key (a fact recorded twice is one
 * delivery). The sender takes each subscription's pending rows in `id` order, one at a time.
 */
export const webhookDelivery = pgTable(
  'webhook_delivery',
  {
    countyCode: text('county_code').notNull(),
    id: bigserial('id', { mode: 'number' }).notNull(),
    subscriptionId: uuid('subscription_id').notNull(),
    factKey: text('fact_key').notNull(),
    kind: text('kind').notNull(),
    /** The body as signed and sent, fixed when the fact was recorded. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamptz('created_at').notNull(),
    /** pending · delivered · failed */
    status: text('status').notNull(),
    /** Every try so far, numbering the attempt rows. */
    attempts: integer('attempts').notNull().default(0),
    /** Failed tries since it was last queued (recorded, resumed or replayed): the backoff counts these. */
    failures: integer('failures').notNull().default(0),
    nextAttemptAt: timestamptz('next_attempt_at').notNull(),
    deliveredAt: timestamptz('delivered_at'),
    lastStatusCode: integer('last_status_code'),
  },
  (t) => [
    primaryKey({ name: 'webhook_delivery_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('webhook_delivery_county_code_subscription_id_fact_key_key').on(t.countyCode, t.subscriptionId, t.factKey),
    /** A subscription's queue in order, and its log newest first. */
    index('webhook_delivery_subscription_id_status_id_idx').on(t.subscriptionId, t.status, t.id),
    index('webhook_delivery_subscription_id_id_idx').on(t.subscriptionId, t.id),
  ],
);

/** Each try of a delivery: when, the reply's status and its first characters, or why there was no reply. */
export const webhookAttempt = pgTable(
  'webhook_attempt',
  {
    countyCode: text('county_code').notNull(),
    deliveryId: bigint('delivery_id', { mode: 'number' }).notNull(),
    attempt: integer('attempt').notNull(),
    at: timestamptz('at').notNull(),
    statusCode: integer('status_code'),
    /** The reply body's first characters (REPLY_KEPT in webhooks.core.ts). */
    reply: text('reply'),
    /** No reply: timeout, refused, unreachable. */
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    /** The signature's timestamp header as sent. */
    signedAt: timestamptz('signed_at').notNull(),
  },
  (t) => [primaryKey({ name: 'webhook_attempt_pkey', columns: [t.countyCode, t.deliveryId, t.attempt] })],
);
