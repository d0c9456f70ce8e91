import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../../platform/columns.ts';

/**
 * 督办 (supervision) and 催办 (reminder) orders, on one event or on a unit as a whole, issued by a leader or a
 * centre by phone, in writing, on site or at a meeting, with their own deadline; the unit replies; the issuer closes.
 */
export const supervisionOrder = pgTable(
  'supervision_order',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** supervise (督办) | urge (催办). */
    kind: text('kind').notNull(),
    /** phone | written | on_site | meeting. */
    method: text('method').notNull(),
    eventId: uuid('event_id'),
    /** The unit that must answer: a department code or an area code. */
    unitCode: text('unit_code').notNull(),
    note: text('note').notNull(),
    dueAt: timestamptz('due_at'),
    /** open → replied → closed. */
    status: text('status').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamptz('issued_at').notNull(),
    reply: text('reply'),
    repliedByName: text('replied_by_name'),
    repliedAt: timestamptz('replied_at'),
    closedByName: text('closed_by_name'),
    closedAt: timestamptz('closed_at'),
  },
  (t) => [
    primaryKey({ name: 'supervision_order_pkey', columns: [t.countyCode, t.id] }),
    index('supervision_order_unit_code_idx').on(t.unitCode),
    index('supervision_order_event_id_idx').on(t.eventId),
  ],
);

/**
 * A user's inbox: what needs them (to accept, to sign for, due soon, overdue, supervision orders, returned
 * dispatches). `dedupeKey` makes writing one idempotent, so a sweep run twice tells nobody twice.
 */
export const notification = pgTable(
  'notification',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    eventId: uuid('event_id'),
    orderId: uuid('order_id'),
    /** Values for the message (case number, item name, due time): the screen words it in the user's language. */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    readAt: timestamptz('read_at'),
  },
  (t) => [
    primaryKey({ name: 'notification_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('notification_county_code_user_id_dedupe_key_key').on(t.countyCode, t.userId, t.dedupeKey),
    index('notification_user_id_idx').on(t.userId, t.createdAt),
  ],
);

/** A warning colour a unit earned on a case: written once per (case, unit, colour) when the case first reaches it. */
export const unitWarning = pgTable(
  'unit_warning',
  {
    countyCode: text('county_code').notNull(),
    eventId: uuid('event_id').notNull(),
    unitCode: text('unit_code').notNull(),
    colour: text('colour').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'unit_warning_pkey', columns: [t.countyCode, t.eventId, t.unitCode, t.colour] }),
    index('unit_warning_at_idx').on(t.at),
  ],
);

/** The five-colour warning rule table as a city edits it; empty means DEFAULT_WARNING_RULES. Reference table. */
export const warningRule = pgTable('warning_rule', {
  colour: text('colour').primaryKey(),
  /** WarningCondition[]: the rule fires when any one holds. */
  anyOf: jsonb('any_of').notNull(),
  sanction: text('sanction').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});
