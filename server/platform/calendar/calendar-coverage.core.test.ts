import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.core.ts';
import { coverageWarning, explainDeadline, recomputeDeadline } from './calendar-coverage.core.ts';

const cn = (local: string): Date => new Date(`${local}:00+08:00`);

// The State Council's arrangement for 2027 as an administrator would enter it (the part these tests need):
// 元旦 Fri 01-01 … Sun 01-03 off; no adjusted working day for it.
const NEW_YEAR_2027 = [
  { day: '2027-01-01', kind: 'holiday', name: '元旦' },
  { day: '2027-01-02', kind: 'holiday', name: '元旦' },
  { day: '2027-01-03', kind: 'holiday', name: '元旦' },
] as const;

describe('a year chinese-days has no data for', () => {
  it('counts 2027-01-01 (元旦) as a working day, and the calendar knows it does not cover 2027', () => {
    const calendar = createCalendar();
    // Reported on Thursday 31 December 2026 with 1 working day: without 2027 data it is due on 元旦 itself.
    const due = calendar.addWorkingDays(cn('2026-12-31T10:00'), 1);
    expect(due).toEqual(cn('2027-01-01T17:30'));
    expect(calendar.covers(due)).toBe(false);
    expect(calendar.covers(cn('2026-12-31T10:00'))).toBe(true);
    expect(calendar.coveredYears).toContain(2026);
    expect(calendar.coveredYears).not.toContain(2027);
  });

  it('once the year is entered, 元旦 is a day off and the year is covered', () => {
    const calendar = createCalendar({ enteredYears: new Map([[2027, NEW_YEAR_2027]]) });
    expect(calendar.addWorkingDays(cn('2026-12-31T10:00'), 1)).toEqual(cn('2027-01-04T17:30'));
    expect(calendar.covers('2027-06-01')).toBe(true);
    expect(calendar.coveredYears).toContain(2027);
  });
});

// A 2027 arrangement as an administrator might enter it (hypothetical, for the tests): 元旦 as above, the Spring
// Festival Fri 02-05 … Thu 02-11 off with Sunday 01-31 and Saturday 02-20 worked.
const SCHEDULE_2027 = [
  ...NEW_YEAR_2027,
  ...['05', '06', '07', '08', '09', '10', '11'].map((d) => ({ day: `2027-02-${d}`, kind: 'holiday' as const, name: '春节' })),
  { day: '2027-01-31', kind: 'workday', name: '春节' },
  { day: '2027-02-20', kind: 'workday', name: '春节' },
] as const;
const before = createCalendar();
const after = createCalendar({ enteredYears: new Map([[2027, SCHEDULE_2027]]) });

describe('coverageWarning: from 60 days ahead', () => {
  it('is silent 61 days before an uncovered year, and names the year from 60 days on', () => {
    expect(coverageWarning(before, cn('2026-11-01T09:00'))).toBeNull();
    expect(coverageWarning(before, cn('2026-11-02T09:00'))).toEqual({ year: 2027, daysLeft: 60 });
    expect(coverageWarning(before, cn('2026-12-31T23:00'))).toEqual({ year: 2027, daysLeft: 1 });
  });

  it('keeps warning once the uncovered year has begun, and stops when the year is entered', () => {
    expect(coverageWarning(before, cn('2027-03-01T09:00'))).toEqual({ year: 2027, daysLeft: 0 });
    expect(coverageWarning(after, cn('2026-11-02T09:00'))).toBeNull();
    expect(coverageWarning(after, cn('2027-11-02T09:00'))).toEqual({ year: 2028, daysLeft: 60 });
  });
});

describe('explainDeadline: which days were skipped and which worked, and why', () => {
  it('names the 2026 Spring Festival, its adjusted Saturdays and the weekends of a 12-working-day hotline limit', () => {
    const from = cn('2026-02-13T11:00');
    const to = createCalendar().addWorkingDays(from, 12);
    const e = explainDeadline(createCalendar(), from, to);
    expect(e.workingDays).toBe(12);
    expect(e.provisional).toBe(false);
    expect(e.worked.map((d) => [d.day, d.reason, d.name])).toEqual([
      ['2026-02-14', 'adjusted_workday', '春节'],
      ['2026-02-28', 'adjusted_workday', '春节'],
    ]);
    const skipped = e.skipped.map((d) => `${d.day} ${d.reason} ${d.name ?? ''}`.trim());
    expect(skipped).toEqual([
      ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => `2026-02-${d} holiday 春节`),
      '2026-03-01 weekend',
      '2026-03-07 weekend',
      '2026-03-08 weekend',
    ]);
    expect(e.workingHours).toBe(12 * 7 + 4.5); // and the start day's own office time after 11:00 (1 h + 3.5 h)
  });

  it('says when an administrator override decided a day', () => {
    const local = createCalendar({
      overrides: new Map([
        ['2026-11-03', 'holiday'],
        ['2026-11-07', 'workday'],
      ]),
    });
    const e = explainDeadline(local, cn('2026-11-02T09:00'), cn('2026-11-09T17:30'));
    expect(e.skipped.map((d) => [d.day, d.reason, d.source])).toEqual([
      ['2026-11-03', 'override', 'override'],
      ['2026-11-08', 'weekend', 'weekly'],
    ]);
    expect(e.worked.map((d) => [d.day, d.reason, d.weekend])).toEqual([['2026-11-07', 'override', true]]);
    expect(e.workingDays).toBe(5); // 4, 5, 6, 7, 9
  });

  it('marks a span reaching an uncovered year provisional, and counts its weekends only', () => {
    const e = explainDeadline(before, cn('2026-12-31T10:00'), cn('2027-01-04T17:30'));
    expect(e).toMatchObject({ provisional: true, uncoveredYears: [2027], workingDays: 2 });
    expect(e.skipped.map((d) => [d.day, d.reason, d.covered])).toEqual([
      ['2027-01-02', 'weekend', false],
      ['2027-01-03', 'weekend', false],
    ]);
    const entered = explainDeadline(after, cn('2026-12-31T10:00'), cn('2027-01-04T17:30'));
    expect(entered).toMatchObject({ provisional: false, uncoveredYears: [], workingDays: 1 });
    expect(entered.skipped.map((d) => [d.day, d.reason, d.source, d.name])).toContainEqual(['2027-01-01', 'holiday', 'entered', '元旦']);
  });
});

describe('recomputeDeadline: a stored deadline moved onto the calendar with the year entered', () => {
  const starts = ['2026-11-20T15:00', '2026-12-24T09:00', '2026-12-31T10:00', '2026-12-31T16:00', '2027-01-01T09:00'].map(cn);

  it('gives what the new calendar would have counted, for working-day limits set before the year', () => {
    for (const start of starts.slice(0, 4))
      for (let days = 0; days <= 40; days++) {
        const stored = before.addWorkingDays(start, days);
        expect(recomputeDeadline(before, after, 2027, stored, start), `${start.toISOString()} + ${days} d`).toEqual(
          after.addWorkingDays(start, days),
        );
      }
  });

  it('gives what the new calendar would have counted, for working-hour limits set before the year', () => {
    for (const start of starts.slice(0, 4))
      for (const hours of [0.5, 1, 2, 4, 7, 10, 24, 100]) {
        const stored = before.addWorkingHours(start, hours);
        expect(recomputeDeadline(before, after, 2027, stored, start), `${start.toISOString()} + ${hours} h`).toEqual(
          after.addWorkingHours(start, hours),
        );
      }
  });

  it('recounts from the day after a deadline was set inside the year, exact for working-day limits', () => {
    for (const start of [cn('2027-01-01T09:00'), cn('2027-01-20T10:00'), cn('2027-02-03T16:00')])
      for (let days = 1; days <= 30; days++) {
        const stored = before.addWorkingDays(start, days);
        expect(recomputeDeadline(before, after, 2027, stored, start), `${start.toISOString()} + ${days} d`).toEqual(
          after.addWorkingDays(start, days),
        );
      }
  });

  it('leaves a deadline before the year alone', () => {
    const due = cn('2026-12-31T17:30');
    expect(recomputeDeadline(before, after, 2027, due, cn('2026-12-01T09:00'))).toEqual(due);
  });
});
