import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../../platform/columns.ts';

/**
 * The last case serial given out per county and China day (decision 0014). One short statement takes the
 * next number before the report's transaction starts, so the row is locked for that statement only and a
 * county's reports never wait on each other to commit; a report that fails after it leaves a gap.
 */
export const caseSerial = pgTable(
  'case_serial',
  {
    countyCode: text('county_code').notNull(),
    /** The China date as YYYYMMDD, the first eight characters of the case numbers it counts. */
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ name: 'case_serial_pkey', columns: [t.countyCode, t.day] })],
);

/**
 * Who has counted towards a case besides the one who opened it: one row per person (`user:<id>`) or citizen
 * device (`device:<keyed hash>`), so a second "me too" from the same one is refused instead of counted.
 * A citizen's report also records its device here, so their own case cannot be joined by them again.
 */
export const eventReporter = pgTable(
  'event_reporter',
  {
    countyCode: text('county_code').notNull(),
    eventId: uuid('event_id').notNull(),
    reporterKey: text('reporter_key').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [primaryKey({ name: 'event_reporter_pkey', columns: [t.countyCode, t.eventId, t.reporterKey] })],
);

/**
 * A hotline call that gave only an address nobody could find on record (待定位): kept here, not as a case, until
 * the grid team of the area the caller named places it on the map; then it is filed as the case it describes.
 * A case always has its point; a call never needs one.
 */
export const callToLocate = pgTable(
  'call_to_locate',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The village or township the caller named: its grid team and centre see the call and place it. */
    areaCode: text('area_code').notNull(),
    /** waiting · filed */
    status: text('status').notNull(),
    address: text('address').notNull(),
    /** What the case will say: item, description, source, urgency, caller's name, work-order number (no phone). */
    report: jsonb('report').$type<CallReport>().notNull(),
    /** The caller's phone, sealed (SM4) like every phone. */
    phoneSealed: text('phone_sealed'),
    idempotencyKey: text('idempotency_key'),
    /** Who took the call; null for an order an open interface pushed (the 12345 platform's), keyed by its order. */
    receivedBy: uuid('received_by'),
    receivedAt: timestamptz('received_at').notNull(),
    placedBy: uuid('placed_by'),
    eventId: uuid('event_id'),
    caseNo: text('case_no'),
  },
  (t) => [
    primaryKey({ name: 'call_to_locate_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('call_to_locate_receiver_key_key').on(t.countyCode, t.receivedBy, t.idempotencyKey),
    /** One call per pushed order: the interface's key (the order number) within the county. */
    uniqueIndex('call_to_locate_channel_key_key').on(t.countyCode, t.idempotencyKey).where(sql`received_by is null`),
    index('call_to_locate_waiting_idx').on(t.countyCode, t.status, t.areaCode),
  ],
);

export interface CallReport {
  itemCode: string;
  description: string;
  source: string;
  urgency?: string;
  reporterName?: string;
  externalNo?: string;
  /** The open interface a pushed order came through (`hotline`): its case is that channel's, as if it came with a point. */
  channel?: string;
}
