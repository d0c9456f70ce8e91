/**
 * What the calendar knows and how it counted: which years it covers, when to warn that deadlines can run past
 * them, and, for one deadline, which days between its start and its due time were skipped or worked and why.
 */
import { chinaDate, startOfChinaDay } from '../../../shared/china-time.ts';
import type { DayFacts, WorkingCalendar } from './calendar.core.ts';

/** Warn this many days before deadlines can reach a year the calendar does not cover. */
export const COVERAGE_WARNING_DAYS = 60;
/** The longest span one explanation lists, so a typo in a query cannot make the server walk a century. */
export const EXPLAIN_MAX_DAYS = 731;

const DAY_MS = 86_400_000;
const nextDay = (key: string): string => new Date(Date.parse(`${key}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

export interface CoverageWarning {
  /** The first year from today on that deadlines can reach and the calendar does not cover. */
  year: number;
  /** Days from today to 1 January of that year; 0 when the year has begun. */
  daysLeft: number;
}

/**
 * The first uncovered year reached within COVERAGE_WARNING_DAYS of `now`, or null. The current year counts too:
 * a server still running on last year's package in February warns with 0 days left.
 */
export function coverageWarning(calendar: WorkingCalendar, now: Date): CoverageWarning | null {
  const today = chinaDate(now);
  const horizon = chinaDate(new Date(now.getTime() + COVERAGE_WARNING_DAYS * DAY_MS));
  for (let year = Number(today.slice(0, 4)); year <= Number(horizon.slice(0, 4)); year++) {
    if (!calendar.coveredYears.includes(year)) return { year, daysLeft: Math.max(0, daysBetween(today, `${year}-01-01`)) };
  }
  return null;
}

/** Why a day was skipped or worked, for a person reading a deadline. */
export type DayReason = 'weekend' | 'holiday' | 'adjusted_workday' | 'override';

export interface ExplainedDay extends DayFacts {
  reason: DayReason;
}

export interface DeadlineExplanation {
  /** Days off between the two instants (the start day included), with why. */
  skipped: ExplainedDay[];
  /** Days that were worked though a week alone would have them off (调休), or that an override made working days. */
  worked: ExplainedDay[];
  /** Working days after the start day up to and including the due day: what "N working days" counted. */
  workingDays: number;
  /** Office time between the two instants, in hours. */
  workingHours: number;
  /** Years in the span the calendar does not cover: there only weekends were known, so the due time may move. */
  uncoveredYears: number[];
  provisional: boolean;
}

const reasonOf = (facts: DayFacts): DayReason => {
  if (facts.source === 'override') return 'override';
  if (facts.workday) return 'adjusted_workday';
  return facts.name ? 'holiday' : 'weekend';
};

/** How a deadline from `from` to `to` was counted; `to` must not be before `from` nor too far after it (the caller checks). */
export function explainDeadline(calendar: WorkingCalendar, from: Date, to: Date): DeadlineExplanation {
  const first = chinaDate(from);
  const last = chinaDate(to);
  const skipped: ExplainedDay[] = [];
  const worked: ExplainedDay[] = [];
  const uncovered = new Set<number>();
  let workingDays = 0;
  for (let key = first; key <= last; key = nextDay(key)) {
    const facts = calendar.describeDay(key);
    if (!facts.covered) uncovered.add(Number(key.slice(0, 4)));
    if (facts.workday && key !== first) workingDays++;
    if (!facts.workday) skipped.push({ ...facts, reason: reasonOf(facts) });
    else if (facts.source !== 'weekly') worked.push({ ...facts, reason: reasonOf(facts) });
  }
  const uncoveredYears = [...uncovered].sort((a, b) => a - b);
  return {
    skipped,
    worked,
    workingDays,
    workingHours: calendar.workingMillisBetween(from, to) / 3_600_000,
    uncoveredYears,
    provisional: uncoveredYears.length > 0,
  };
}

/** Days from the China date of `from` to that of `to`, for the caller's range check. */
export const spanDays = (from: Date, to: Date): number => daysBetween(chinaDate(from), chinaDate(to));

/** The first instant of 1 January of `year`, China time. */
export const startOfChinaYear = (year: number): Date => startOfChinaDay(`${year}-01-01`);

/**
 * A stored deadline moved onto a calendar that changed only inside `year` (the year was entered, or entered
 * again). Both calendars agree before 1 January, so the working time left at that moment is what the deadline
 * still owed: the new due time spends the same working time on the new calendar. This is exact for any deadline
 * set before the year began (what the coverage warning asks for). A deadline last set inside the year (`setAt`)
 * keeps the days up to that day as they were counted, and the time left after it is recounted from the next
 * morning, which is exact for working-day limits; hour limits set on a day whose own kind changed may be off by
 * the hours of that day.
 */
export function recomputeDeadline(before: WorkingCalendar, after: WorkingCalendar, year: number, due: Date, setAt: Date): Date {
  const yearStart = startOfChinaYear(year);
  const anchor = setAt < yearStart ? yearStart : startOfChinaDay(nextDay(chinaDate(setAt)));
  const owed = due <= anchor ? 0 : before.workingMillisBetween(anchor, due);
  // Nothing owed past the anchor (due before it, or in the small hours of a day): the due time stays.
  return owed === 0 ? due : after.addWorkingMillis(anchor, owed);
}
