import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
  versionedColumns,
} from '../platform/columns.ts';

/** 排查轮次: a township or county asks every grid it covers to report its disputes, or that it has none. */
export const screeningRound = pgTable(
  'screening_round',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    /** The township or county that opened it: the round is read within it. */
    areaCode: text('area_code').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedAt: timestamptz('opened_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'screening_round_pkey', columns: [t.countyCode, t.id] }),
    index('screening_round_area_code_idx').on(t.areaCode),
  ],
);

/** One covered grid of a round: who declared it clear (零报告) and when; a grid with disputes is counted from them. */
export const screeningGrid = pgTable(
  'screening_grid',
  {
    countyCode: text('county_code').notNull(),
    roundId: uuid('round_id').notNull(),
    gridCode: text('grid_code').notNull(),
    declaredNone: boolean('declared_none').notNull().default(false),
    reportedBy: uuid('reported_by'),
    reportedAt: timestamptz('reported_at'),
  },
  (t) => [
    primaryKey({ name: 'screening_grid_pkey', columns: [t.countyCode, t.roundId, t.gridCode] }),
    index('screening_grid_grid_code_idx').on(t.gridCode),
  ],
);

/** 矛盾纠纷 (GB/T 31000 table 30): the record, its tier and the unit at that tier that owns it now. */
export const dispute = pgTable(
  'dispute',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    typeCode: text('type_code').notNull(),
    occurredOn: date('occurred_on').notNull(),
    place: text('place').notNull(),
    gridCode: text('grid_code').notNull(),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    peopleInvolved: integer('people_involved').notNull(),
    amountInvolved: doublePrecision('amount_involved'),
    riskLevel: text('risk_level').notNull(),
    summary: text('summary').notNull(),
    roundId: uuid('round_id'),
    tier: text('tier').notNull(),
    /** The area code that owns the current tier (the grid, its village, township or county). */
    ownerCode: text('owner_code').notNull(),
    status: text('status').notNull(),
    /** How it ended: the agreement (人民调解协议) and its follow-up visit date, or the referral. */
    agreement: text('agreement'),
    followUpOn: date('follow_up_on'),
    referredTo: text('referred_to'),
    /** The loop event it raised for a department to act. */
    eventId: uuid('event_id'),
    /** The loop case it was turned from (a field report, a dispute item, a 12345 order): once per case. */
    sourceEventId: uuid('source_event_id'),
    sourceKind: text('source_kind'),
    sourceCaseNo: text('source_case_no'),
    /**
     * The current tier's mediation: when it was accepted, the working days it may take (the county's limit then) and
     * when that runs out on the working-day calendar; none while the tier has not accepted it or once it ended.
     */
    mediationStartedAt: timestamptz('mediation_started_at'),
    mediationDays: integer('mediation_days'),
    mediationDueAt: timestamptz('mediation_due_at'),
    /** The agreement's follow-up (回访) once made: when, and how the agreement was performed. */
    followedUpAt: timestamptz('followed_up_at'),
    performance: text('performance'),
    /** How many times it went up a tier: the warning rules read it. */
    escalations: integer('escalations').notNull().default(0),
    /** When it was resolved (agreement) or referred, and the working days from its recording to then. */
    closedAt: timestamptz('closed_at'),
    workingDays: doublePrecision('working_days'),
    reportedBy: uuid('reported_by').notNull(),
    reportedAt: timestamptz('reported_at').notNull(),
    ...versionedColumns(),
  },
  (t) => [
    primaryKey({ name: 'dispute_pkey', columns: [t.countyCode, t.id] }),
    index('dispute_id_idx').on(t.id),
    index('dispute_grid_code_idx').on(t.gridCode),
    index('dispute_round_id_grid_code_idx').on(t.roundId, t.gridCode),
    index('dispute_owner_code_status_idx').on(t.ownerCode, t.status),
    // The warning rules' windows and the figures' drill-down read a county's disputes by date.
    index('dispute_county_code_occurred_on_idx').on(t.countyCode, t.occurredOn),
    index('dispute_county_code_reported_at_idx').on(t.countyCode, t.reportedAt),
    uniqueIndex('dispute_county_code_source_event_id_key').on(t.countyCode, t.sourceEventId).where(sql`source_event_id is not null`),
    index('dispute_event_id_idx').on(t.eventId),
    // The follow-ups owed: resolved, not yet followed up, by the date they fall due.
    index('dispute_county_code_follow_up_on_idx').on(t.countyCode, t.followUpOn).where(sql`status = 'resolved' and followed_up_at is null`),
    // The overdue mediations: open ones by their due time.
    index('dispute_county_code_mediation_due_at_idx').on(t.countyCode, t.mediationDueAt).where(sql`mediation_due_at is not null`),
  ],
);

/** A party of a dispute: a person or an organisation on record (names, IDs and phones stay in the record), and what they ask. */
export const disputeParty = pgTable(
  'dispute_party',
  {
    countyCode: text('county_code').notNull(),
    disputeId: uuid('dispute_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id'),
    creditCode: text('credit_code'),
    claim: text('claim').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dispute_party_pkey', columns: [t.countyCode, t.disputeId, t.seq] }),
    // The same party in other disputes (the warning rule 同一当事人多次纠纷).
    index('dispute_party_person_id_idx').on(t.personId),
    index('dispute_party_credit_code_idx').on(t.creditCode),
  ],
);

/** One mediation session at a tier: when, who mediated, which parties came, what it came to. */
export const mediationSession = pgTable(
  'mediation_session',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    disputeId: uuid('dispute_id').notNull(),
    tier: text('tier').notNull(),
    heldOn: date('held_on').notNull(),
    /** Where it was held, and how it was mediated (people's, administrative, judicial or trade mediation). */
    place: text('place'),
    method: text('method').notNull().default('people'),
    mediator: text('mediator').notNull(),
    /** The seq numbers of the parties present. */
    present: jsonb('present').$type<number[]>().notNull().default(sql`'[]'::jsonb`),
    result: text('result').notNull(),
    note: text('note'),
    actorId: uuid('actor_id').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'mediation_session_pkey', columns: [t.countyCode, t.id] }),
    index('mediation_session_dispute_id_idx').on(t.disputeId),
  ],
);

/** 回访: one follow-up of an agreement — how it was performed, by whom and when, and what it led to. */
export const disputeFollowUp = pgTable(
  'dispute_follow_up',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    disputeId: uuid('dispute_id').notNull(),
    /** The tier and unit that resolved it and owed the follow-up. */
    tier: text('tier').notNull(),
    ownerCode: text('owner_code').notNull(),
    dueOn: date('due_on').notNull(),
    performance: text('performance').notNull(),
    outcome: text('outcome').notNull(),
    note: text('note'),
    actorId: uuid('actor_id').notNull(),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dispute_follow_up_pkey', columns: [t.countyCode, t.id] }),
    index('dispute_follow_up_dispute_id_idx').on(t.countyCode, t.disputeId),
    index('dispute_follow_up_county_code_at_idx').on(t.countyCode, t.at),
  ],
);

/** A county's own mediation time limits per tier and follow-up delay; absent: the defaults (shared/disputes.ts). */
export const disputeSetting = pgTable(
  'dispute_setting',
  {
    countyCode: text('county_code').notNull(),
    mediationDays: jsonb('mediation_days').$type<Record<string, number>>().notNull(),
    followUpDays: integer('follow_up_days').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [primaryKey({ name: 'dispute_setting_pkey', columns: [t.countyCode] })],
);
