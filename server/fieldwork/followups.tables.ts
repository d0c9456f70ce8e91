import { integer, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * A county's follow-up plan for one tag (随访计划): how often a person with the tag is followed up and who of their
 * grid team does it. A tag without a row follows the default of followups.core.ts (GB/T 31000 §4.3–4.4); a row is
 * the county's own choice and replaces it.
 */
export const followUpPlan = pgTable(
  'follow_up_plan',
  {
    countyCode: text('county_code').notNull(),
    /** special_group or key_person, and the tag's code in that table. */
    tagKind: text('tag_kind').notNull(),
    tagCode: text('tag_code').notNull(),
    cadence: text('cadence').notNull(),
    /** Days between follow-ups when the cadence is `days`; null for a named cadence. */
    intervalDays: integer('interval_days'),
    follower: text('follower').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [primaryKey({ name: 'follow_up_plan_pkey', columns: [t.countyCode, t.tagKind, t.tagCode] })],
);
