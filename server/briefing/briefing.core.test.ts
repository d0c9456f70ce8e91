import { describe, expect, it } from 'vitest';
import {
  briefingPeriodError,
  changeText,
  type FigureLine,
  lastEnded,
  periodText,
  pickTypical,
  previousLabel,
  summaryOf,
  TOTAL_KEYS,
  title,
} from './briefing.core.ts';

const month = (label: string, fromDay: string, toDay: string) => ({ kind: 'month', label, fromDay, toDay });

describe('which periods a briefing covers', () => {
  it('a month or quarter that has ended; not a day or year, not one still running', () => {
    expect(briefingPeriodError(month('2026-11', '2026-11-01', '2026-12-01'), '2026-12-01', 'body.period')).toBeNull();
    expect(briefingPeriodError(month('2026-11', '2026-11-01', '2026-12-01'), '2026-11-30', 'body.period')).toEqual({
      field: 'body.period',
      reason: 'briefing.period_not_ended',
      value: '2026-11',
    });
    expect(
      briefingPeriodError({ kind: 'year', label: '2025', fromDay: '2025-01-01', toDay: '2026-01-01' }, '2026-12-01', 'f')?.reason,
    ).toBe('briefing.period_kind');
    expect(
      briefingPeriodError({ kind: 'day', label: '2026-11-05', fromDay: '2026-11-05', toDay: '2026-11-06' }, '2026-12-01', 'f')?.reason,
    ).toBe('briefing.period_kind');
  });

  it('names periods and the one before, across a year’s turn', () => {
    expect(previousLabel('2026-01')).toBe('2025-12');
    expect(previousLabel('2026-11')).toBe('2026-10');
    expect(previousLabel('2026-Q1')).toBe('2025-Q4');
    expect(previousLabel('2026-Q4')).toBe('2026-Q3');
    expect(periodText('2026-03')).toBe('2026年3月');
    expect(periodText('2026-Q4')).toBe('2026年第四季度');
    expect(title('2026-Q2')).toBe('关于2026年第二季度网格化服务管理工作情况的通报');
  });

  it('the schedule briefs last month, and the quarter when that month closed one', () => {
    expect(lastEnded('2026-10-05')).toEqual(['2026-09', '2026-Q3']);
    expect(lastEnded('2026-11-02')).toEqual(['2026-10']);
    expect(lastEnded('2026-12-15')).toEqual(['2026-11']);
    expect(lastEnded('2027-01-01')).toEqual(['2026-12', '2026-Q4']);
  });
});

describe('the words of a notice', () => {
  it('says a change in cases or in percentage points, or that nothing changed', () => {
    expect(changeText({ kind: 'count', value: 12, previous: 9 })).toBe('增加 3 件');
    expect(changeText({ kind: 'count', value: 4, previous: 9 })).toBe('减少 5 件');
    expect(changeText({ kind: 'rate', value: 0.9506, previous: 0.93 })).toBe('上升 2.06 个百分点');
    expect(changeText({ kind: 'rate', value: 0.5, previous: 0.5 })).toBe('持平');
    expect(changeText({ kind: 'rate', value: 0.5, previous: null })).toBe('—');
  });

  it('writes 总体情况 with the change only where the period before can be compared', () => {
    const totals: FigureLine[] = TOTAL_KEYS.map((key) => {
      const rate = /rate|share/.test(key);
      return { key, name: key, kind: rate ? 'rate' : 'count', value: rate ? 0.9 : 10, previous: rate ? null : 8 };
    });
    const text = summaryOf('云梦县', '2026-11', totals);
    expect(text).toContain('2026年11月，云梦县共受理上报事件 10 件（较上月增加 2 件）');
    expect(text).toContain('结案率 90.00%；');
    expect(summaryOf('云梦县', '2026-Q4', totals)).toContain('（较上季度增加 2 件）');
  });
});

describe('typical cases', () => {
  it('takes a few per rule in order, each case once, up to the maximum', () => {
    const c = (n: number) => ({ caseNo: `C${n}` });
    const picked = pickTypical([
      { reason: 'reopened', cases: [c(1), c(2), c(3)] },
      { reason: 'dissatisfied', cases: [c(1), c(4)] },
      { reason: 'overdue', cases: [c(5), c(6), c(7)] },
      { reason: 'late', cases: [c(8), c(9)] },
    ]);
    expect(picked.map((x) => [x.caseNo, x.reason])).toEqual([
      ['C1', 'reopened'],
      ['C2', 'reopened'],
      ['C4', 'dissatisfied'],
      ['C5', 'overdue'],
      ['C6', 'overdue'],
      ['C8', 'late'],
    ]);
  });
});
