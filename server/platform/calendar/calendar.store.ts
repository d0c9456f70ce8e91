import { asc, eq, like } from 'drizzle-orm';
import type { Tx } from '../db.ts';
import { calendarDay } from './calendar.tables.ts';

export type CalendarDayRow = typeof calendarDay.$inferSelect;

export async function calendarDays(tx: Tx, year?: number): Promise<CalendarDayRow[]> {
  return tx
    .select()
    .from(calendarDay)
    .where(year === undefined ? undefined : like(calendarDay.day, `${year}-%`))
    .orderBy(asc(calendarDay.day));
}

export async function upsertCalendarDay(tx: Tx, row: CalendarDayRow): Promise<CalendarDayRow> {
  const { day, ...rest } = row;
  return (await tx.insert(calendarDay).values(row).onConflictDoUpdate({ target: calendarDay.day, set: rest }).returning())[0];
}

export async function deleteCalendarDay(tx: Tx, day: string): Promise<CalendarDayRow | undefined> {
  return (await tx.delete(calendarDay).where(eq(calendarDay.day, day)).returning())[0];
}
