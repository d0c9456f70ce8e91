import { index, integer, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

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

/**
 * A named follower for one tagged person (指定随访人): a village or township centre chose this account over the plan's
 * grid role, with a reason. `grid_code` is the grid of the follower's the follow-up is made from (the person's own
 * when the follower is bound to it): the missed list and the missed_visits warnings follow it. No row, or a row whose
 * follower was taken back (null, kept so the version goes on): the plan's role of the person's grid team.
 */
export const followUpAssignment = pgTable(
  'follow_up_assignment',
  {
    countyCode: text('county_code').notNull(),
    personId: uuid('person_id').notNull(),
    followerId: uuid('follower_id'),
    gridCode: text('grid_code'),
    reason: text('reason').notNull(),
    assignedBy: uuid('assigned_by').notNull(),
    assignedByName: text('assigned_by_name').notNull(),
    assignedAt: timestamptz('assigned_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'follow_up_assignment_pkey', columns: [t.countyCode, t.personId] }),
    index('follow_up_assignment_follower_id_idx').on(t.followerId),
    index('follow_up_assignment_grid_code_idx').on(t.gridCode),
  ],
);
