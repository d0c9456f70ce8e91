import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/** A county's own version of a warning rule (a default changed, switched off, or one it added). Absent: the default. */
export const disputeWarningRule = pgTable(
  'dispute_warning_rule',
  {
    countyCode: text('county_code').notNull(),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    enabled: boolean('enabled').notNull(),
    params: jsonb('params').notNull().default(sql`'{}'::jsonb`),
    updatedBy: uuid('updated_by').notNull(),
    updatedByName: text('updated_by_name').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [primaryKey({ name: 'dispute_warning_rule_pkey', columns: [t.countyCode, t.key] })],
);

/**
 * 矛盾纠纷预警: one pattern a rule found (`subject`: the party, the dispute, or the village), addressed to the unit at
 * the rule's level; open until the unit handles or dismisses it with a reason. The rule as it stood is kept with it.
 */
export const disputeWarning = pgTable(
  'dispute_warning',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    ruleKey: text('rule_key').notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    unitCode: text('unit_code').notNull(),
    subject: text('subject').notNull(),
    params: jsonb('params').notNull(),
    state: text('state').notNull(),
    raisedAt: timestamptz('raised_at').notNull(),
    /** When evidence was last added to it while open. */
    updatedAt: timestamptz('updated_at').notNull(),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
    closedAt: timestamptz('closed_at'),
    reason: text('reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'dispute_warning_pkey', columns: [t.countyCode, t.id] }),
    index('dispute_warning_id_idx').on(t.id),
    index('dispute_warning_county_code_rule_key_subject_idx').on(t.countyCode, t.ruleKey, t.subject),
    index('dispute_warning_unit_code_state_idx').on(t.unitCode, t.state),
  ],
);

/** The disputes a warning rests on; a dispute already here for the same rule and subject raises nothing again. */
export const disputeWarningEvidence = pgTable(
  'dispute_warning_evidence',
  {
    countyCode: text('county_code').notNull(),
    warningId: uuid('warning_id').notNull(),
    disputeId: uuid('dispute_id').notNull(),
    addedAt: timestamptz('added_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dispute_warning_evidence_pkey', columns: [t.countyCode, t.warningId, t.disputeId] }),
    index('dispute_warning_evidence_dispute_id_idx').on(t.countyCode, t.disputeId),
  ],
);

/**
 * The evidence of a missed_visits warning: the person and the follow-up they missed (its due date, or `never` when
 * never followed up). The same miss already here for the rule and person raises nothing again; a later miss does.
 */
export const disputeWarningMissedVisit = pgTable(
  'dispute_warning_missed_visit',
  {
    countyCode: text('county_code').notNull(),
    warningId: uuid('warning_id').notNull(),
    personId: uuid('person_id').notNull(),
    /** The missed follow-up's due date (YYYY-MM-DD), or `never`. */
    missKey: text('miss_key').notNull(),
    /** The last follow-up before the miss (YYYY-MM-DD), none when never followed up. */
    lastOn: text('last_on'),
    /** Whole days past due when found; none when never followed up. */
    daysOverdue: integer('days_overdue'),
    /** The person's tags when found (`special_group:03`): shown only to roles that may see tags. */
    tags: jsonb('tags').notNull().default(sql`'[]'::jsonb`),
    addedAt: timestamptz('added_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dispute_warning_missed_visit_pkey', columns: [t.countyCode, t.warningId, t.personId, t.missKey] }),
    index('dispute_warning_missed_visit_person_id_idx').on(t.countyCode, t.personId),
  ],
);
