import { date, index, integer, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * 培训: a training session held for an area's team — topic, day, hours (in tenths, so sums stay exact), trainer —
 * recorded by a centre of that area. Person-times and hours per area are counted from its attendees.
 */
export const trainingSession = pgTable(
  'training_session',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The area it was held for (a county, township or village node): what scopes it and what the figures group by. */
    areaCode: text('area_code').notNull(),
    topic: text('topic').notNull(),
    heldOn: date('held_on').notNull(),
    /** Hours × 10: 15 is an hour and a half. */
    tenthHours: integer('tenth_hours').notNull(),
    trainer: text('trainer').notNull(),
    recordedById: uuid('recorded_by_id').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'training_session_pkey', columns: [t.countyCode, t.id] }),
    index('training_session_area_code_held_on_idx').on(t.areaCode, t.heldOn),
  ],
);

/** Who attended: an account of the area's team, kept with the name it had then. */
export const trainingAttendee = pgTable(
  'training_attendee',
  {
    countyCode: text('county_code').notNull(),
    sessionId: uuid('session_id').notNull(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    /** The node the account was bound to (the first under the session's area), for the figures per area. */
    areaCode: text('area_code').notNull(),
  },
  (t) => [
    primaryKey({ name: 'training_attendee_pkey', columns: [t.countyCode, t.sessionId, t.userId] }),
    index('training_attendee_user_id_idx').on(t.userId),
  ],
);
