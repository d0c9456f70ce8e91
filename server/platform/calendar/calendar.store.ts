import { asc, eq, like } from 'drizzle-orm';
import type { Tx } from '../db.ts';
import { calendarDay, calendarYear, calendarYearDay } from './calendar.tables.ts';

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

export type CalendarYearRow = typeof calendarYear.$inferSelect;
export type CalendarYearDayRow = typeof calendarYearDay.$inferSelect;

export async function calendarYears(tx: Tx): Promise<CalendarYearRow[]> {
  return tx.select().from(calendarYear).orderBy(asc(calendarYear.year));
}

export async function calendarYearDays(tx: Tx, year?: number): Promise<CalendarYearDayRow[]> {
  return tx
    .select()
    .from(calendarYearDay)
    .where(year === undefined ? undefined : eq(calendarYearDay.year, year))
    .orderBy(asc(calendarYearDay.day));
}

/** Enters a year, or enters it again: its earlier days go, the new ones take their place. */
export async function replaceCalendarYear(tx: Tx, row: CalendarYearRow, days: CalendarYearDayRow[]): Promise<CalendarYearRow> {
  const { year, ...rest } = row;
  const saved = (await tx.insert(calendarYear).values(row).onConflictDoUpdate({ target: calendarYear.year, set: rest }).returning())[0];
  await tx.delete(calendarYearDay).where(eq(calendarYearDay.year, year));
  if (days.length > 0) await tx.insert(calendarYearDay).values(days);
  return saved;
}

export async function deleteCalendarYear(tx: Tx, year: number): Promise<CalendarYearRow | undefined> {
  await tx.delete(calendarYearDay).where(eq(calendarYearDay.year, year));
  return (await tx.delete(calendarYear).where(eq(calendarYear.year, year)).returning())[0];
}
