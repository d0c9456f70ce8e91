import { describe, expect, it } from 'vitest';
import { checkPlan, DEFAULT_PLANS, effectivePlans, nextDueOn, type Plan, plansFor, scheduleOf } from './followups.core.ts';

/** 09:00 China time on a China date. */
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const plan = (over: Partial<Plan>): Plan => ({
  tagKind: 'special_group',
  tagCode: '01',
  cadence: 'monthly',
  intervalDays: null,
  follower: 'grid_worker',
  ...over,
});

describe('the default plans (GB/T 31000 §4.3–4.4)', () => {
  it('a released prisoner monthly, a severe mental disorder weekly, every one by the grid worker', () => {
    const of = (kind: Plan['tagKind'], code: string) => DEFAULT_PLANS.find((p) => p.tagKind === kind && p.tagCode === code);
    expect(of('special_group', '01')?.cadence).toBe('monthly');
    expect(of('special_group', '03')?.cadence).toBe('weekly');
    expect(DEFAULT_PLANS.every((p) => p.follower === 'grid_worker')).toBe(true);
    expect(DEFAULT_PLANS.filter((p) => p.tagKind === 'special_group').map((p) => p.tagCode)).toEqual(['01', '02', '03', '04', '05']);
  });

  it('a county’s own plan replaces the default of its tag only, and a tag of its own is added', () => {
    const own = [plan({ tagCode: '01', cadence: 'days', intervalDays: 10, follower: 'grid_leader' }), plan({ tagCode: '88' })];
    const plans = effectivePlans(own);
    expect(plans.find((p) => p.tagKind === 'special_group' && p.tagCode === '01')).toMatchObject({
      intervalDays: 10,
      follower: 'grid_leader',
    });
    expect(plans.find((p) => p.tagKind === 'special_group' && p.tagCode === '03')?.cadence).toBe('weekly');
    expect(plans).toHaveLength(DEFAULT_PLANS.length + 1);
  });
});

describe('checking a plan', () => {
  it('days needs a number of days in range; a named cadence takes none', () => {
    expect(checkPlan({ cadence: 'days', follower: 'grid_worker' })).toEqual([{ field: 'intervalDays', reason: 'required_when_days' }]);
    expect(checkPlan({ cadence: 'days', intervalDays: 0, follower: 'grid_worker' })[0]).toMatchObject({
      field: 'intervalDays',
      reason: 'out_of_range',
    });
    expect(checkPlan({ cadence: 'days', intervalDays: 400, follower: 'grid_worker' })[0]?.reason).toBe('out_of_range');
    expect(checkPlan({ cadence: 'weekly', intervalDays: 7, follower: 'grid_worker' })[0]).toMatchObject({
      field: 'intervalDays',
      reason: 'only_when_days',
    });
    expect(checkPlan({ cadence: 'days', intervalDays: 10, follower: 'grid_worker' })).toEqual([]);
  });

  it('names every wrong field at once', () => {
    expect(checkPlan({ cadence: 'hourly', follower: 'police' }).map((p) => p.field)).toEqual(['cadence', 'follower']);
  });
});

describe('the next due date', () => {
  it('counts weeks in days and months on the calendar, the month end kept', () => {
    expect(nextDueOn('2026-11-02', { cadence: 'weekly', intervalDays: null })).toBe('2026-11-09');
    expect(nextDueOn('2026-11-02', { cadence: 'fortnightly', intervalDays: null })).toBe('2026-11-16');
    expect(nextDueOn('2026-01-31', { cadence: 'monthly', intervalDays: null })).toBe('2026-02-28');
    expect(nextDueOn('2026-12-15', { cadence: 'monthly', intervalDays: null })).toBe('2027-01-15');
    expect(nextDueOn('2026-11-30', { cadence: 'quarterly', intervalDays: null })).toBe('2027-02-28');
    expect(nextDueOn('2026-11-02', { cadence: 'days', intervalDays: 10 })).toBe('2026-11-12');
  });
});

describe('a person’s schedule', () => {
  const released = plan({ tagCode: '01', cadence: 'monthly' });
  const mental = plan({ tagCode: '03', cadence: 'weekly', follower: 'grid_leader' });

  it('never followed up: missed at once, by the most frequent of their plans', () => {
    const s = scheduleOf([released, mental], null, at('2026-11-02'));
    expect(s).toMatchObject({ state: 'missed', dueOn: null, lastOn: null, daysOverdue: null });
    expect(s.plan.tagCode).toBe('03');
  });

  it('on time, then due soon within three days, then missed the day after the due date', () => {
    const last = at('2026-11-02');
    expect(scheduleOf([released], last, at('2026-11-20'))).toMatchObject({ state: 'on_time', dueOn: '2026-12-02', daysOverdue: 0 });
    expect(scheduleOf([released], last, at('2026-11-29')).state).toBe('due_soon');
    expect(scheduleOf([released], last, at('2026-12-02')).state).toBe('due_soon');
    expect(scheduleOf([released], last, at('2026-12-04'))).toMatchObject({ state: 'missed', daysOverdue: 2 });
  });

  it('a follow-up late at night counts on its China date', () => {
    const late = new Date('2026-11-02T23:30:00+08:00');
    expect(scheduleOf([mental], late, at('2026-11-05')).dueOn).toBe('2026-11-09');
  });

  it('the plans of a person’s tags; a tag with no plan is followed monthly by the grid worker', () => {
    const plans = plansFor({ specialGroups: ['03'], keyPersonTags: ['77'] }, DEFAULT_PLANS);
    expect(plans.map((p) => `${p.tagKind}:${p.tagCode}:${p.cadence}`)).toEqual(['special_group:03:weekly', 'key_person:77:monthly']);
  });
});
