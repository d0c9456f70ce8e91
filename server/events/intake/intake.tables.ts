import { integer, pgTable, primaryKey, text, timestamptz, uuid } from '../../platform/columns.ts';

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
