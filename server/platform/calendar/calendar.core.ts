/**
 * The working-time calendar deadlines are counted on: official holidays and adjusted working days (调休)
 * from the chinese-days package, administrator overrides on top, office hours inside each working day.
 * All inputs and outputs are instants (JS Dates); day boundaries are China time (+08:00) whatever the
 * machine's time zone. China has had one zone and no daylight saving since 1991, so a fixed offset is exact.
 */
// The package's own isWorkday() reads dates with local-time getters and builds its table the same way, so
// on a server west of UTC it answers for the wrong day (with TZ=America/New_York it calls the adjusted
// working Saturday 2025-10-11 a holiday). Its JSON is the same table keyed by China date, read as data.
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { CHINA_OFFSET_MS, chinaDate } from '../../../shared/china-time.ts';
import type { DayKind } from '../../../shared/enums.ts';

export type { DayKind };

/** One block of office hours in China time, 'HH:MM'. */
export interface OfficePeriod {
  start: string;
  end: string;
}

/** One day of a year's official schedule as an administrator entered it: a day off or an adjusted working day (调休). */
export interface ScheduleDay {
  day: string;
  kind: DayKind;
  /** The holiday it belongs to, as the State Council's notice names it ('元旦', '春节'). */
  name: string | null;
}

/** Where a day's kind comes from: the package's table, a year entered in full, an override, or the week alone. */
export type DaySource = 'official' | 'entered' | 'override' | 'weekly';

/** Why a day is or is not a working day. */
export interface DayFacts {
  day: string;
  workday: boolean;
  /** Saturday or Sunday. */
  weekend: boolean;
  source: DaySource;
  /** The holiday's name (official or entered); null for an override or an ordinary day. */
  name: string | null;
  /** False in a year neither the package nor an administrator covers: the day was judged by the week alone. */
  covered: boolean;
}

export interface CalendarOptions {
  /** Administrator decisions by China date 'YYYY-MM-DD'; they win over the official table. */
  overrides?: ReadonlyMap<string, DayKind>;
  /**
   * Years an administrator entered in full from the State Council's notice: every day off and adjusted working
   * day of the year (other days follow the week). An entered year replaces the package's table for that year.
   */
  enteredYears?: ReadonlyMap<number, readonly ScheduleDay[]>;
  /** Office hours of a working day, in order; by default 08:30–12:00 and 14:00–17:30. */
  officeHours?: readonly OfficePeriod[];
}

export interface WorkingCalendar {
  /** A Date is read as the China date it falls on; a string must be 'YYYY-MM-DD'. */
  isWorkday(date: Date | string): boolean;
  addWorkingDays(start: Date, days: number): Date;
  addWorkingHours(start: Date, hours: number): Date;
  addWorkingMillis(start: Date, millis: number): Date;
  /** Office time on working days between a and b; negative when b is before a. */
  workingMillisBetween(a: Date, b: Date): number;
  /** Length of the office hours of one working day (7 h by default). */
  readonly officeDayMillis: number;
  /** Years with official data (chinese-days) or entered in full, ascending. */
  readonly coveredYears: readonly number[];
  /** Whether the China date (of an instant, or 'YYYY-MM-DD') lies in a covered year; elsewhere only weekends are known. */
  covers(date: Date | string): boolean;
  /** Why one China date 'YYYY-MM-DD' is or is not a working day. */
  describeDay(day: string): DayFacts;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficePeriod[] = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '17:30' },
];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A search that meets no working day in ten years means the overrides switched them all off. */
const MAX_DAYS_WITHOUT_WORK = 3_660;

const OFFICIAL_HOLIDAYS: Readonly<Record<string, string>> = chineseDays.holidays;
const OFFICIAL_WORKDAYS: Readonly<Record<string, string>> = chineseDays.workdays;
/** Years the package has a State Council notice for: each has at least one holiday in its table. */
export const OFFICIAL_YEARS: readonly number[] = [...new Set(Object.keys(OFFICIAL_HOLIDAYS).map((k) => Number(k.slice(0, 4))))].sort(
  (a, b) => a - b,
);
/** The package keeps 'English,中文,days' ("New Year's Day,元旦,1"); the Chinese name is what a notice says. */
const officialName = (value: string): string => value.split(',')[1] ?? value;
const isWeekend = (key: string): boolean => {
  const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

const startOfChinaDay = (key: string): number => Date.parse(`${key}T00:00:00Z`) - CHINA_OFFSET_MS;
/** Date arithmetic on the key itself, so the day always advances whatever the offset. */
const nextDay = (key: string): string => new Date(Date.parse(`${key}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

function checkDateKey(key: string): string {
  const ms = Date.parse(`${key}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== key) {
    throw new RangeError(`calendar: '${key}' is not a date 'YYYY-MM-DD'`);
  }
  return key;
}

/**
 * A day as the year's schedule has it: an entered year's own days, else the package's table. Years neither
 * covers (past the package's last State Council notice) count weekends only, and say so (`covered: false`),
 * until the package is updated or an administrator enters the year.
 */
/** The same answer as scheduledDay(key).workday without building the facts: deadlines ask it for every day they pass. */
function scheduledWorkday(key: string, entered: ReadonlyMap<number, ReadonlyMap<string, ScheduleDay>>): boolean {
  const year = entered.get(Number(key.slice(0, 4)));
  const day = year ? year.get(key) : undefined;
  if (day) return day.kind === 'workday';
  if (!year && key in OFFICIAL_WORKDAYS) return true;
  if (!year && key in OFFICIAL_HOLIDAYS) return false;
  return !isWeekend(key);
}

function scheduledDay(key: string, entered: ReadonlyMap<number, ReadonlyMap<string, ScheduleDay>>): DayFacts {
  const weekend = isWeekend(key);
  const year = entered.get(Number(key.slice(0, 4)));
  if (year) {
    const day = year.get(key);
    if (day) return { day: key, workday: day.kind === 'workday', weekend, source: 'entered', name: day.name, covered: true };
    return { day: key, workday: !weekend, weekend, source: 'weekly', name: null, covered: true };
  }
  if (key in OFFICIAL_WORKDAYS)
    return { day: key, workday: true, weekend, source: 'official', name: officialName(OFFICIAL_WORKDAYS[key]), covered: true };
  if (key in OFFICIAL_HOLIDAYS)
    return { day: key, workday: false, weekend, source: 'official', name: officialName(OFFICIAL_HOLIDAYS[key]), covered: true };
  const covered = OFFICIAL_YEARS.includes(Number(key.slice(0, 4)));
  return { day: key, workday: !weekend, weekend, source: 'weekly', name: null, covered };
}

/** Office periods as minute offsets from China midnight, validated once. */
function parseOfficeHours(periods: readonly OfficePeriod[]): [number, number][] {
  const minutes = (hhmm: string): number => {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    if (!m) throw new RangeError(`calendar: office time '${hhmm}' is not 'HH:MM'`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  const parsed = periods.map((p): [number, number] => [minutes(p.start), minutes(p.end)]);
  if (parsed.length === 0) throw new RangeError('calendar: office hours are empty');
  parsed.forEach(([start, end], i) => {
    if (end <= start) throw new RangeError(`calendar: office period ${periods[i].start}–${periods[i].end} ends before it starts`);
    if (i > 0 && start < parsed[i - 1][1]) throw new RangeError('calendar: office periods overlap or are out of order');
  });
  return parsed;
}

export function createCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const overrides = new Map<string, DayKind>();
  for (const [key, kind] of options.overrides ?? []) overrides.set(checkDateKey(key), kind);
  const entered = new Map<number, Map<string, ScheduleDay>>();
  for (const [year, days] of options.enteredYears ?? []) {
    const byDay = new Map<string, ScheduleDay>();
    for (const day of days) {
      if (Number(checkDateKey(day.day).slice(0, 4)) !== year) throw new RangeError(`calendar: ${day.day} is not in ${year}`);
      byDay.set(day.day, day);
    }
    entered.set(year, byDay);
  }
  const coveredYears = [...new Set([...OFFICIAL_YEARS, ...entered.keys()])].sort((a, b) => a - b);
  const describeDay = (key: string): DayFacts => {
    const facts = scheduledDay(key, entered);
    const kind = overrides.get(key);
    return kind ? { ...facts, workday: kind === 'workday', source: 'override', name: null } : facts;
  };
  const periods = parseOfficeHours(options.officeHours ?? DEFAULT_OFFICE_HOURS);
  const officeDayMillis = periods.reduce((sum, [start, end]) => sum + (end - start) * MINUTE_MS, 0);
  const lastEndMinute = periods[periods.length - 1][1];

  const isWorkdayKey = (key: string): boolean => {
    const kind = overrides.get(key);
    return kind ? kind === 'workday' : scheduledWorkday(key, entered);
  };

  /** The first working day on or after `key`. */
  const workdayFrom = (key: string): string => {
    for (let i = 0; i < MAX_DAYS_WITHOUT_WORK; i++, key = nextDay(key)) if (isWorkdayKey(key)) return key;
    throw new RangeError(`calendar: no working day within ${MAX_DAYS_WITHOUT_WORK} days of ${key}`);
  };

  /** Office intervals [start, end) in ms on working days, from `from` on, the first one clipped at `from`. */
  function* officeIntervals(from: number): Generator<[number, number]> {
    for (let key = workdayFrom(chinaDate(new Date(from))); ; key = workdayFrom(nextDay(key))) {
      const midnight = startOfChinaDay(key);
      for (const [start, end] of periods) {
        const s = Math.max(midnight + start * MINUTE_MS, from);
        const e = midnight + end * MINUTE_MS;
        if (s < e) yield [s, e];
      }
    }
  }

  const addWorkingMillis = (start: Date, millis: number): Date => {
    if (!(millis >= 0) || !Number.isFinite(millis)) throw new RangeError(`calendar: cannot add ${millis} ms of working time`);
    let left = Math.round(millis);
    if (left === 0) return new Date(start);
    // `<=`: time that runs out exactly at the end of a period is due then, not at the next morning's start.
    for (const [s, e] of officeIntervals(start.getTime())) {
      if (left <= e - s) return new Date(s + left);
      left -= e - s;
    }
    throw new Error('unreachable: officeIntervals never ends');
  };

  const workingMillisBetween = (a: Date, b: Date): number => {
    if (b < a) return -workingMillisBetween(b, a);
    let total = 0;
    for (const [s, e] of officeIntervals(a.getTime())) {
      if (s >= b.getTime()) break;
      total += Math.min(e, b.getTime()) - s;
    }
    return total;
  };

  /**
   * Due at the end of office hours of the Nth working day after the day of `start`; the day of `start`
   * itself never counts, whatever the hour. This is the rule of the Civil Code (民法典 art. 201: a period
   * counted in days starts on the next day; art. 203: it ends when business stops on its last day) and what
   * a citizen understands: registered on Friday afternoon with 3 working days, due Wednesday at 17:30.
   * 0 days means "the same working day": the end of the first office day that has not yet ended.
   */
  const addWorkingDays = (start: Date, days: number): Date => {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`calendar: working days must be a whole number ≥ 0, got ${days}`);
    const endOf = (key: string): number => startOfChinaDay(key) + lastEndMinute * MINUTE_MS;
    let key = chinaDate(start);
    if (days === 0) {
      key = workdayFrom(key);
      return new Date(endOf(key) > start.getTime() ? endOf(key) : endOf(workdayFrom(nextDay(key))));
    }
    for (let left = days; left > 0; left--) key = workdayFrom(nextDay(key));
    return new Date(endOf(key));
  };

  return {
    isWorkday: (date) => isWorkdayKey(typeof date === 'string' ? checkDateKey(date) : chinaDate(date)),
    addWorkingDays,
    addWorkingHours: (start, hours) => addWorkingMillis(start, hours * 3_600_000),
    addWorkingMillis,
    workingMillisBetween,
    officeDayMillis,
    coveredYears,
    covers: (date) => coveredYears.includes(Number((typeof date === 'string' ? checkDateKey(date) : chinaDate(date)).slice(0, 4))),
    describeDay: (day) => describeDay(checkDateKey(day)),
  };
}
