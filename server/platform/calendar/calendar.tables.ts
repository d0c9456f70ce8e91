import { pgTable, text, timestamptz } from '../columns.ts';

/** An administrator's override of one day of the official calendar (workday | holiday). Reference table. */
export const calendarDay = pgTable('calendar_day', {
  day: text('day').primaryKey(),
  kind: text('kind').notNull(),
  note: text('note'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});
