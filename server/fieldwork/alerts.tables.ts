import { sql } from 'drizzle-orm';
import { doublePrecision, index, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * 十户联防 at work: an alert a household of a ten-household group raised (a stranger, a fire, a theft, someone in
 * need), recorded by the grid team for it. The group's alerts are its history; an alert may become a loop event or a
 * dispute, and then names it. The group's name and grid are kept as they were, so the history outlives the group.
 */
export const householdAlert = pgTable(
  'household_alert',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    groupId: uuid('group_id').notNull(),
    groupName: text('group_name').notNull(),
    gridCode: text('grid_code').notNull(),
    /** The member household that raised it; null when the grid worker saw it for the group. */
    houseCode: text('house_code'),
    kind: text('kind').notNull(),
    note: text('note'),
    photos: jsonb('photos').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    at: timestamptz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    /** What it became: a case of the loop or a dispute, by whom and when. */
    eventId: uuid('event_id'),
    caseNo: text('case_no'),
    disputeId: uuid('dispute_id'),
    convertedBy: uuid('converted_by'),
    convertedAt: timestamptz('converted_at'),
  },
  (t) => [
    primaryKey({ name: 'household_alert_pkey', columns: [t.countyCode, t.id] }),
    index('household_alert_group_id_at_idx').on(t.groupId, t.at),
    index('household_alert_grid_code_idx').on(t.gridCode),
  ],
);
