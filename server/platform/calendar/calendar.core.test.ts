import { afterEach, describe, expect, it } from 'vitest';
import { chinaDate } from '../../../shared/china-time.ts';
import { createCalendar } from './calendar.core.ts';

/** An instant written in China time, so each test reads like the office clock. */
const cn = (local: string): Date => new Date(`${local}:00+08:00`);
const HOUR = 3_600_000;

// Official arrangements as published in chinese-days' data (checked against dist/years/2025.json, 2026.json):
// 2025 Spring Festival: holidays Tue 01-28 … Tue 02-04; working Sun 01-26 and Sat 02-08.
// 2025 National Day + Mid-Autumn: holidays Wed 10-01 … Wed 10-08; working Sun 09-28 and Sat 10-11.
// 2026 Spring Festival: holidays Sun 02-15 … Mon 02-23; working Sat 02-14 and Sat 02-28.
// 2026 National Day: holidays Thu 10-01 … Wed 10-07; working Sun 09-20 and Sat 10-10.
const calendar = createCalendar();

describe('isWorkday', () => {
  it('follows weekends, official holidays and adjusted working days', () => {
    expect(calendar.isWorkday('2025-03-14')).toBe(true); // an ordinary Friday
    expect(calendar.isWorkday('2025-03-15')).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkday('2025-10-08')).toBe(false); // Wednesday, last day of the golden week
    expect(calendar.isWorkday('2025-10-11')).toBe(true); // adjusted working Saturday
    expect(calendar.isWorkday('2025-09-28')).toBe(true); // adjusted working Sunday
    expect(calendar.isWorkday('2025-01-26')).toBe(true); // Sunday before the Spring Festival
    expect(calendar.isWorkday('2025-02-03')).toBe(false); // Monday inside the Spring Festival
    expect(calendar.isWorkday('2026-02-14')).toBe(true);
    expect(calendar.isWorkday('2026-02-23')).toBe(false);
    expect(calendar.isWorkday('2026-02-28')).toBe(true);
  });

  it('reads a Date by its China date, not the UTC one', () => {
    // 2025-10-10T20:00Z is Saturday 04:00 in China: the adjusted working day, though in UTC it is still Friday.
    expect(chinaDate(new Date('2025-10-10T20:00:00Z'))).toBe('2025-10-11');
    expect(calendar.isWorkday(new Date('2025-09-30T16:30:00Z'))).toBe(false); // Oct 1, 00:30 in China
  });

  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkday('2025-02-30')).toThrow(RangeError);
    expect(() => createCalendar({ overrides: new Map([['2025/10/09', 'holiday']]) })).toThrow(RangeError);
  });
});

describe('addWorkingDays: the Nth working day after the start day, at the end of office hours', () => {
  it('Friday afternoon + 3 working days is due Wednesday 17:30', () => {
    expect(calendar.addWorkingDays(cn('2025-03-14T15:00'), 3)).toEqual(cn('2025-03-19T17:30'));
    // The start day never counts, whatever the hour: Friday 07:00 gives the same Wednesday.
    expect(calendar.addWorkingDays(cn('2025-03-14T07:00'), 3)).toEqual(cn('2025-03-19T17:30'));
    // A case registered on Saturday starts counting on Monday.
    expect(calendar.addWorkingDays(cn('2025-03-15T10:00'), 1)).toEqual(cn('2025-03-17T17:30'));
  });

  it('counts the adjusted Sunday before the 2025 golden week and the adjusted Saturday after it', () => {
    expect(calendar.addWorkingDays(cn('2025-09-26T15:00'), 3)).toEqual(cn('2025-09-30T17:30')); // Sun 28, Mon 29, Tue 30
    expect(calendar.addWorkingDays(cn('2025-09-30T10:00'), 3)).toEqual(cn('2025-10-11T17:30')); // Thu 9, Fri 10, Sat 11
    expect(calendar.addWorkingDays(cn('2025-09-30T10:00'), 4)).toEqual(cn('2025-10-13T17:30'));
  });

  it('skips the 2026 National Day holidays', () => {
    expect(calendar.addWorkingDays(cn('2026-09-30T16:00'), 2)).toEqual(cn('2026-10-09T17:30'));
    expect(calendar.addWorkingDays(cn('2026-09-30T16:00'), 3)).toEqual(cn('2026-10-10T17:30')); // adjusted Saturday
    expect(calendar.addWorkingDays(cn('2026-09-18T09:00'), 1)).toEqual(cn('2026-09-20T17:30')); // adjusted Sunday
  });

  it('skips the Spring Festival and counts its adjusted weekend days (2025 and 2026)', () => {
    expect(calendar.addWorkingDays(cn('2025-01-24T14:00'), 2)).toEqual(cn('2025-01-27T17:30')); // Sun 26, Mon 27
    expect(calendar.addWorkingDays(cn('2025-01-24T14:00'), 3)).toEqual(cn('2025-02-05T17:30'));
    expect(calendar.addWorkingDays(cn('2025-02-07T09:00'), 1)).toEqual(cn('2025-02-08T17:30')); // Saturday
    expect(calendar.addWorkingDays(cn('2026-02-13T11:00'), 1)).toEqual(cn('2026-02-14T17:30')); // Saturday
    expect(calendar.addWorkingDays(cn('2026-02-13T11:00'), 2)).toEqual(cn('2026-02-24T17:30'));
    // The 12-working-day hotline limit from Feb 13, 2026: 14, 24, 25, 26, 27, 28, Mar 2, 3, 4, 5, 6, 9.
    expect(calendar.addWorkingDays(cn('2026-02-13T11:00'), 12)).toEqual(cn('2026-03-09T17:30'));
  });

  it('0 days means the end of the same working day, or of the next one once office hours are over', () => {
    expect(calendar.addWorkingDays(cn('2025-03-14T09:00'), 0)).toEqual(cn('2025-03-14T17:30'));
    expect(calendar.addWorkingDays(cn('2025-03-14T18:00'), 0)).toEqual(cn('2025-03-17T17:30'));
    expect(calendar.addWorkingDays(cn('2025-10-03T09:00'), 0)).toEqual(cn('2025-10-09T17:30'));
  });

  it('rejects fractional and negative day counts', () => {
    expect(() => calendar.addWorkingDays(cn('2025-03-14T09:00'), 1.5)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays(cn('2025-03-14T09:00'), -1)).toThrow(RangeError);
  });
});

describe('addWorkingHours counts office hours only', () => {
  it('stays inside one period, and skips the lunch break', () => {
    expect(calendar.addWorkingHours(cn('2025-03-14T09:00'), 0.5)).toEqual(cn('2025-03-14T09:30'));
    expect(calendar.addWorkingHours(cn('2025-03-14T11:30'), 1)).toEqual(cn('2025-03-14T14:30'));
  });

  it('ends exactly at closing time rather than at the next morning', () => {
    expect(calendar.addWorkingHours(cn('2025-03-14T16:30'), 1)).toEqual(cn('2025-03-14T17:30'));
  });

  it('starts the clock at the next office period when reported out of hours', () => {
    // 3.5 h on Monday morning, the last half hour after lunch.
    expect(calendar.addWorkingHours(cn('2025-03-14T22:00'), 4)).toEqual(cn('2025-03-17T14:30'));
    expect(calendar.addWorkingHours(cn('2025-03-14T12:40'), 0.5)).toEqual(cn('2025-03-14T14:30'));
  });

  it('jumps the golden week: 1 h left on Sep 30, then 3 h on Oct 9', () => {
    expect(calendar.addWorkingHours(cn('2025-09-30T16:30'), 4)).toEqual(cn('2025-10-09T11:30'));
  });

  it('uses the office hours given', () => {
    const longDay = createCalendar({ officeHours: [{ start: '09:00', end: '18:00' }] });
    expect(longDay.officeDayMillis).toBe(9 * HOUR);
    expect(longDay.addWorkingHours(cn('2025-03-14T17:00'), 2)).toEqual(cn('2025-03-17T10:00'));
    expect(() => createCalendar({ officeHours: [{ start: '14:00', end: '12:00' }] })).toThrow(RangeError);
    expect(() =>
      createCalendar({
        officeHours: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
      }),
    ).toThrow(RangeError);
  });
});

describe('workingMillisBetween', () => {
  it('counts office time on working days only, signed', () => {
    expect(calendar.officeDayMillis).toBe(7 * HOUR);
    expect(calendar.workingMillisBetween(cn('2025-03-14T08:00'), cn('2025-03-14T20:00'))).toBe(7 * HOUR);
    expect(calendar.workingMillisBetween(cn('2025-09-30T17:00'), cn('2025-10-09T09:30'))).toBe(1.5 * HOUR);
    expect(calendar.workingMillisBetween(cn('2025-10-09T09:30'), cn('2025-09-30T17:00'))).toBe(-1.5 * HOUR);
    expect(calendar.workingMillisBetween(cn('2025-10-02T09:00'), cn('2025-10-05T09:00'))).toBe(0);
  });

  it('moves a due time by the working time spent suspended (clock stopped over the Spring Festival)', () => {
    const dueAt = cn('2025-02-06T17:30');
    const suspended = calendar.workingMillisBetween(cn('2025-01-27T15:00'), cn('2025-02-05T10:00'));
    expect(suspended).toBe(2.5 * HOUR + 1.5 * HOUR); // Mon 27 afternoon + Wed Feb 5 morning
    expect(calendar.addWorkingMillis(dueAt, suspended)).toEqual(cn('2025-02-07T14:30')); // 3.5 h + 0.5 h
  });
});

describe('administrator overrides', () => {
  it('win over the official table in both directions', () => {
    const local = createCalendar({
      overrides: new Map([
        ['2025-10-09', 'holiday'], // e.g. a local day off after a flood
        ['2025-10-12', 'workday'], // a Sunday worked instead
      ]),
    });
    expect(local.isWorkday('2025-10-09')).toBe(false);
    expect(local.isWorkday('2025-10-12')).toBe(true);
    expect(local.addWorkingDays(cn('2025-09-30T10:00'), 3)).toEqual(cn('2025-10-12T17:30')); // Fri 10, Sat 11, Sun 12
    expect(local.addWorkingHours(cn('2025-09-30T16:30'), 4)).toEqual(cn('2025-10-10T11:30'));
    expect(calendar.isWorkday('2025-10-09')).toBe(true); // other calendars are untouched
  });

  it('can fill in a year the official table does not cover yet', () => {
    const covered = createCalendar({ overrides: new Map([['2027-10-01', 'holiday']]) });
    expect(calendar.isWorkday('2027-10-01')).toBe(true); // a Friday, weekends only without data
    expect(covered.isWorkday('2027-10-01')).toBe(false);
  });

  it('refuses to search forever when every day is switched off', () => {
    const days = Array.from({ length: 4000 }, (_, i) => chinaDate(new Date(Date.UTC(2030, 0, 1) + i * 86_400_000)));
    const never = createCalendar({ overrides: new Map(days.map((d) => [d, 'holiday'] as const)) });
    expect(() => never.addWorkingDays(cn('2030-01-01T09:00'), 1)).toThrow(/no working day/);
  });
});

describe('independent of the machine time zone', () => {
  const saved = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would leave the string "undefined", a zone the next file in this worker would run in.
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it.each(['America/New_York', 'Pacific/Kiritimati', 'UTC'])('gives the same answers with TZ=%s', (tz) => {
    process.env.TZ = tz;
    const c = createCalendar();
    expect(c.isWorkday(cn('2025-10-11T09:00'))).toBe(true);
    expect(c.isWorkday(cn('2025-10-01T09:00'))).toBe(false);
    expect(c.addWorkingDays(cn('2025-09-30T10:00'), 3)).toEqual(cn('2025-10-11T17:30'));
    expect(c.addWorkingHours(cn('2025-09-30T16:30'), 4)).toEqual(cn('2025-10-09T11:30'));
  });
});
