import { describe, expect, it } from 'vitest';
import { createCalendar } from './calendar.core.ts';

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
