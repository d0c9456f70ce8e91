import { index, integer, pgTable, text, timestamptz } from '../columns.ts';

/** An administrator's override of one day of the official calendar (workday | holiday). Reference table. */
export const calendarDay = pgTable('calendar_day', {
  day: text('day').primaryKey(),
  kind: text('kind').notNull(),
  note: text('note'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

/**
 * A year an administrator entered in full from the State Council's notice, for a year the holiday package has no
 * data for yet: the calendar then covers it. Reference table.
 */
export const calendarYear = pgTable('calendar_year', {
  year: integer('year').primaryKey(),
  /** console | ics: typed in, or imported from an iCalendar file. */
  source: text('source').notNull(),
  note: text('note'),
  enteredBy: text('entered_by').notNull(),
  enteredAt: timestamptz('entered_at').notNull(),
});

/** One day off or adjusted working day (调休) of an entered year; the year's other days follow the week. Reference table. */
export const calendarYearDay = pgTable(
  'calendar_year_day',
  {
    day: text('day').primaryKey(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    /** The holiday as the notice names it: 元旦, 春节. */
    name: text('name'),
  },
  (t) => [index('calendar_year_day_year_idx').on(t.year)],
);
