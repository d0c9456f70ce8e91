import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../../platform/columns.ts';

/** An event's current row: a projection of its actions (invariant 1). */
export const event = pgTable(
  'event',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseNo: text('case_no').notNull(),
    status: text('status').notNull(),
    /** Optimistic concurrency: each action increments it; an action names the version it saw. */
    version: integer('version').notNull().default(1),
    source: text('source').notNull(),
    itemCode: text('item_code').notNull(),
    /** The catalogue rule as it was when reported, so later catalogue edits don't move this case's deadlines. */
    rule: jsonb('rule').notNull(),
    severity: text('severity').notNull(),
    description: text('description').notNull(),
    lng: doublePrecision('lng').notNull(),
    lat: doublePrecision('lat').notNull(),
    gridCode: text('grid_code').notNull(),
    /** The area node that currently owns the case (village, township, county or city). */
    ownerCode: text('owner_code').notNull(),
    leadUnit: text('lead_unit'),
    coUnits: text('co_units').array().notNull().default(sql`'{}'::text[]`),
    /** Each co-handler's part: unit, signedAt, dueAt, repliedAt (ISO strings). */
    coParts: jsonb('co_parts').notNull().default(sql`'[]'::jsonb`),
    photos: jsonb('photos').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    reporterId: uuid('reporter_id'),
    /** Hotline caller or citizen; the phone is stored sealed (SM4) like every phone, shown masked. */
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    /** The keyed hash of the phone when it is a mainland mobile: a citizen's "my reports" finds their cases by it. */
    reporterPhoneHash: text('reporter_phone_hash'),
    /** The work-order number of the system it came from (12345 hotline, video platform). */
    externalNo: text('external_no'),
    /**
     * The base-data record the case is about (collect once: its place and address come from that record):
     * a record type as in record_change ('house', 'building', 'organisation', 'facility') and that record's key.
     */
    subjectType: text('subject_type'),
    subjectKey: text('subject_key'),
    /** Reports of this matter: 1, plus every "me too" and every duplicate merged into it. */
    reports: integer('reports').notNull().default(1),
    trackingCode: text('tracking_code'),
    /**
     * The open interface a citizen's report came in through ('open311'); null for the console, the phone view and
     * the public page. What came in through an interface may be read back through it, and nothing else.
     */
    channel: text('channel'),
    idempotencyKey: text('idempotency_key'),
    mergedInto: uuid('merged_into'),
    returnedFrom: text('returned_from'),
    returns: integer('returns').notNull().default(0),
    /** 'first_responsibility' or 'arbitrated': the lead unit may not send it back. */
    returnBar: text('return_bar'),
    /** 一般 normal · 紧急 urgent · 特急 very_urgent: shortens the limits. */
    urgency: text('urgency').notNull().default('normal'),
    extension: jsonb('extension'),
    /** Working days of extension granted so far, against the item's cap. */
    extensionDays: integer('extension_days').notNull().default(0),
    /** A special closing (特殊结案) waiting for the level above: reason, requestedAt. */
    specialClose: jsonb('special_close'),
    escalations: integer('escalations').notNull().default(0),
    reworks: integer('reworks').notNull().default(0),
    extensions: integer('extensions').notNull().default(0),
    reopens: integer('reopens').notNull().default(0),
    stage: text('stage'),
    stageDueAt: timestamptz('stage_due_at'),
    /** Who owes the current stage (area, grid or department code): reminded, lit, warned, tallied, and its to-do. */
    stageUnit: text('stage_unit'),
    /** The reply came after the handling deadline. */
    handledLate: boolean('handled_late').notNull().default(false),
    /** normal · overdue · error · special, once closed. */
    closingType: text('closing_type'),
    dueAt: timestamptz('due_at'),
    suspendedAt: timestamptz('suspended_at'),
    rating: text('rating'),
    reportedAt: timestamptz('reported_at').notNull(),
    closedAt: timestamptz('closed_at'),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'event_pkey', columns: [t.countyCode, t.id] }),
    uniqueIndex('event_county_code_reporter_id_idempotency_key_key').on(t.countyCode, t.reporterId, t.idempotencyKey),
    // Citizens have no reporter id, and null ids never collide: their keys are unique on their own.
    uniqueIndex('event_county_code_idempotency_key_citizen_key').on(t.countyCode, t.idempotencyKey).where(sql`reporter_id is null`),
    uniqueIndex('event_county_code_tracking_code_key').on(t.countyCode, t.trackingCode),
    uniqueIndex('event_county_code_case_no_key').on(t.countyCode, t.caseNo),
    /** A citizen's "my reports": their cases by the phone's hash, across counties. */
    index('event_reporter_phone_hash_idx').on(t.reporterPhoneHash).where(sql`reporter_phone_hash is not null`),
    index('event_grid_code_idx').on(t.gridCode),
    index('event_status_idx').on(t.status),
    index('event_reported_at_idx').on(t.reportedAt),
    /** Repeat detection: the same item reported recently. */
    index('event_item_code_reported_at_idx').on(t.itemCode, t.reportedAt),
    index('event_lead_unit_idx').on(t.leadUnit),
    /** The to-do lists: open cases by the unit that owes their stage. */
    index('event_stage_unit_status_idx').on(t.stageUnit, t.status),
    index('event_co_units_idx').using('gin', t.coUnits),
    index('event_subject_type_subject_key_idx').on(t.subjectType, t.subjectKey),
    /** An interface's read of its own reports (Open311 GET requests): by county, newest first. */
    index('event_county_code_channel_reported_at_idx').on(t.countyCode, t.channel, t.reportedAt).where(sql`channel is not null`),
  ],
);

/** Append-only history of every change to an event, written in the same transaction as the event row. */
export const eventAction = pgTable(
  'event_action',
  {
    countyCode: text('county_code').notNull(),
    eventId: uuid('event_id').notNull(),
    seq: integer('seq').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    at: timestamptz('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    photos: jsonb('photos').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    data: jsonb('data'),
    /**
     * The writing transaction's id (txid_current(), filled by the default): the province exchange takes whole ranges
     * of finished transactions, so an action that commits late is never skipped (decision 0028).
     */
    txid: bigint('txid', { mode: 'number' }).notNull().default(sql`txid_current()`),
  },
  (t) => [
    primaryKey({ name: 'event_action_pkey', columns: [t.countyCode, t.eventId, t.seq] }),
    index('event_action_county_code_txid_idx').on(t.countyCode, t.txid),
  ],
);
