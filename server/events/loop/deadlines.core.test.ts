import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../platform/calendar/calendar.core.ts';
import {
  DEFAULT_WARNING_RULES,
  nearDueThreshold,
  overdueWorkingDays,
  type StageLimits,
  stageDueAt,
  trafficLight,
  type WarningFacts,
  type WarningRule,
  warningColour,
} from './deadlines.core.ts';

const cn = (local: string): Date => new Date(`${local}:00+08:00`);
const HOUR = 3_600_000;
const calendar = createCalendar();

const limits: StageLimits = {
  accept: { hours: 0.5 },
  dispatch: { clockHours: 1 / 6 },
  handle: { workingDays: 3 },
  check: { hours: 2 },
};

describe('stageDueAt', () => {
  it('counts working hours, working days and clock hours as the limit says', () => {
    expect(stageDueAt(limits, 'accept', cn('2025-03-14T17:20'), calendar)).toEqual(cn('2025-03-17T08:50'));
    expect(stageDueAt(limits, 'dispatch', cn('2025-03-14T23:55'), calendar)).toEqual(cn('2025-03-15T00:05'));
    expect(stageDueAt(limits, 'handle', cn('2025-09-30T10:00'), calendar)).toEqual(cn('2025-10-11T17:30'));
    expect(stageDueAt(limits, 'check', cn('2025-09-30T16:30'), calendar)).toEqual(cn('2025-10-09T09:30'));
  });

  it('gives a stage the item leaves unset its default limit, and a co-handler part the handling limit', () => {
    // Friday 09:00 + the default 2 working days of a return visit: Monday and Tuesday → Tuesday 17:30.
    expect(stageDueAt(limits, 'visit', cn('2025-03-14T09:00'), calendar)).toEqual(cn('2025-03-18T17:30'));
    // The sign window (the return window) is 2 working days for an item that sets none.
    expect(stageDueAt(limits, 'sign', cn('2025-03-14T09:00'), calendar)).toEqual(cn('2025-03-18T17:30'));
    expect(stageDueAt({ handle: { workingDays: 3 } }, 'assist', cn('2025-03-14T09:00'), calendar)).toEqual(cn('2025-03-19T17:30'));
  });

  it('shortens a limit by the urgency factor, counted the way the limit is counted', () => {
    // 紧急 gets half of 4 working hours, 特急 a quarter of 2 clock hours.
    const from = cn('2025-03-14T09:00');
    expect(stageDueAt({ handle: { hours: 4 } }, 'handle', from, calendar, 0.5)).toEqual(cn('2025-03-14T11:00'));
    expect(stageDueAt({ handle: { clockHours: 2 } }, 'handle', from, calendar, 0.25)).toEqual(cn('2025-03-14T09:30'));
  });
});

describe('trafficLight', () => {
  const handle = { workingDays: 3 } as const;
  const dueAt = cn('2025-03-19T17:30'); // Wednesday

  it('uses the last third of the allotted time, at most 3 working days', () => {
    expect(nearDueThreshold(handle, calendar)).toBe(7 * HOUR); // a third of 3 × 7 h
    expect(nearDueThreshold({ workingDays: 13 }, calendar)).toBe(21 * HOUR); // capped at 3 days
    expect(nearDueThreshold({ hours: 0.5 }, calendar)).toBe(10 * 60_000);
    expect(nearDueThreshold({ clockHours: 3 }, calendar)).toBe(HOUR);
  });

  it('is green before, yellow within the threshold, red after the due time', () => {
    expect(trafficLight({ now: cn('2025-03-18T17:00'), dueAt, limit: handle }, calendar)).toBe('green'); // 7.5 h left
    expect(trafficLight({ now: cn('2025-03-18T18:00'), dueAt, limit: handle }, calendar)).toBe('yellow'); // 7 h left
    expect(trafficLight({ now: dueAt, limit: handle, dueAt }, calendar)).toBe('yellow'); // due now is in time
    expect(trafficLight({ now: new Date(dueAt.getTime() + 1), dueAt, limit: handle }, calendar)).toBe('red');
  });

  it('counts only office time to the due time: a weekend before a Monday deadline is no time at all', () => {
    const monday = cn('2025-03-17T17:30');
    // Friday 17:30 → Monday 17:30 is 7 working hours, not 72 clock hours.
    expect(trafficLight({ now: cn('2025-03-14T17:30'), dueAt: monday, limit: { workingDays: 1 } }, calendar, 7 * HOUR)).toBe('yellow');
    expect(trafficLight({ now: cn('2025-03-14T17:30'), dueAt: monday, limit: { clockHours: 72 } }, calendar, 7 * HOUR)).toBe('green');
  });

  it('stands still while suspended', () => {
    const input = { now: cn('2025-03-25T09:00'), dueAt, limit: handle, suspendedAt: cn('2025-03-17T09:00') };
    expect(trafficLight(input, calendar)).toBe('green');
    expect(trafficLight({ ...input, suspendedAt: null }, calendar)).toBe('red');
  });

  it('takes an explicit threshold', () => {
    expect(trafficLight({ now: cn('2025-03-17T09:00'), dueAt, limit: handle }, calendar, 3 * 7 * HOUR)).toBe('yellow');
  });
});

describe('overdueWorkingDays', () => {
  const dueAt = cn('2025-09-30T17:30');
  it('is 0 until due, then counts started working days, skipping holidays', () => {
    expect(overdueWorkingDays(cn('2025-09-30T17:30'), dueAt, calendar)).toBe(0);
    expect(overdueWorkingDays(cn('2025-10-05T10:00'), dueAt, calendar)).toBe(1); // overdue, but only on holidays
    expect(overdueWorkingDays(cn('2025-10-09T09:00'), dueAt, calendar)).toBe(1);
    expect(overdueWorkingDays(cn('2025-10-09T17:30'), dueAt, calendar)).toBe(1);
    expect(overdueWorkingDays(cn('2025-10-10T08:31'), dueAt, calendar)).toBe(2);
    expect(overdueWorkingDays(cn('2025-10-13T12:00'), dueAt, calendar)).toBe(4); // Oct 9, 10, 11 (Sat, worked), 13
  });
});

describe('warningColour', () => {
  const calm: WarningFacts = { severity: 'general', overdueWorkingDays: 0, escalations: 0, repeats: 1 };
  const colour = (f: Partial<WarningFacts>) => warningColour({ ...calm, ...f });

  it('gives no colour to a case in time', () => {
    expect(colour({})).toBeNull();
    expect(colour({ severity: 'extraordinary' })).toBeNull();
  });

  it('grades by working days overdue', () => {
    expect([1, 2, 3, 4, 5, 9, 10].map((d) => colour({ overdueWorkingDays: d }))).toEqual([
      'blue',
      'yellow',
      'light_red',
      'light_red',
      'purple',
      'purple',
      'red',
    ]);
  });

  it('grades by escalations and repeats, and severity raises an overdue case', () => {
    expect(colour({ repeats: 2 })).toBe('blue');
    expect(colour({ repeats: 3 })).toBe('light_red');
    expect(colour({ escalations: 1 })).toBe('yellow');
    expect(colour({ escalations: 2 })).toBe('light_red');
    expect(colour({ escalations: 3 })).toBe('red');
    expect(colour({ severity: 'significant', overdueWorkingDays: 1 })).toBe('yellow');
    expect(colour({ severity: 'major', overdueWorkingDays: 1 })).toBe('purple');
    expect(colour({ severity: 'extraordinary', overdueWorkingDays: 1 })).toBe('red');
  });

  it('takes the most serious colour that fires, whatever the order of an edited table', () => {
    const edited: WarningRule[] = [
      { colour: 'red', sanction: 'warning.year_end_account', anyOf: [{ minRepeats: 5 }] },
      { colour: 'blue', sanction: 'warning.online_notice', anyOf: [{ minRepeats: 1 }] },
    ];
    expect(warningColour({ ...calm, repeats: 5 }, edited)).toBe('red');
    expect(warningColour({ ...calm, repeats: 4 }, edited)).toBe('blue');
  });

  it('names one sanction per colour in the default table', () => {
    expect(DEFAULT_WARNING_RULES.map((r) => r.colour)).toEqual(['blue', 'yellow', 'light_red', 'purple', 'red']);
    expect(new Set(DEFAULT_WARNING_RULES.map((r) => r.sanction)).size).toBe(5);
  });
});
