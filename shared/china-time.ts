/**
 * China's calendar and clock (UTC+8 all year, no daylight saving): the one place server and web turn an instant
 * into the date, month or minute a user in China reads, and a China date back into its first instant.
 */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

const shifted = (instant: Date) => new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();

/** The China date an instant falls on, YYYY-MM-DD. */
export const chinaDate = (instant: Date): string => shifted(instant).slice(0, 10);

/** The China month an instant falls in, YYYY-MM. */
export const chinaMonth = (instant: Date): string => shifted(instant).slice(0, 7);

/** The China date and minute, YYYY-MM-DD HH:mm (as a spreadsheet shows it). */
export const chinaMinute = (instant: Date): string => shifted(instant).slice(0, 16).replace('T', ' ');

/** The first instant of a China date (YYYY-MM-DD). */
export const startOfChinaDay = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);

/** The first instant of the China month `month` months after year-month (0 = that month itself). */
export const startOfChinaMonth = (year: number, month: number): Date => new Date(Date.UTC(year, month - 1, 1) - CHINA_OFFSET_MS);
