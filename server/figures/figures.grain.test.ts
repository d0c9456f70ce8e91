import { describe, expect, it } from 'vitest';
import type { Cell } from './figures.core.ts';
import { monthCells, splitMonths, wholeMonths } from './figures.grain.ts';

const cell = (day: string, fact: Cell['fact'], n: number, gridCode = '420923100001001'): Cell => ({
  countyCode: '420923',
  day,
  gridCode,
  unitCode: 'YM-CG',
  itemCode: 'CG06010',
  source: 'hotline',
  fact,
  n,
});

describe('the month grain', () => {
  it('moves one row per column of a daily cell’s month, summed, zeros dropped', () => {
    const m = monthCells([
      cell('2026-11-02', 'reported', 1),
      cell('2026-11-03', 'reported', 1, '420923100001002'),
      cell('2026-11-03', 'open', -1),
      cell('2026-11-02', 'open', 1),
    ]);
    const of = (dim: string, fact: string) => m.filter((c) => c.dim === dim && c.fact === fact).map((c) => [c.key, c.n]);
    expect(of('source', 'reported')).toEqual([['hotline', 2]]);
    expect(of('grid', 'reported')).toEqual([
      ['420923100001001', 1],
      ['420923100001002', 1],
    ]);
    expect(of('day', 'open')).toEqual([
      ['2026-11-02', 1],
      ['2026-11-03', -1],
    ]);
    // The open case moved within the grid's month: nothing left to add there.
    expect(of('grid', 'open')).toEqual([]);
    expect(m.every((c) => c.month === '2026-11')).toBe(true);
  });

  it('splits a period into its whole months and the days at its edges', () => {
    expect(splitMonths('2025-01-01', '2026-01-01')).toEqual({ months: { fromMonth: '2025-01', toMonth: '2026-01' }, edges: [] });
    expect(splitMonths('2026-11-03', '2026-12-01')).toEqual({ months: null, edges: [{ fromDay: '2026-11-03', toDay: '2026-12-01' }] });
    expect(splitMonths('2026-10-15', '2026-12-05')).toEqual({
      months: { fromMonth: '2026-11', toMonth: '2026-12' },
      edges: [
        { fromDay: '2026-10-15', toDay: '2026-11-01' },
        { fromDay: '2026-12-01', toDay: '2026-12-05' },
      ],
    });
    expect(splitMonths('2026-12-01', '2026-12-05')).toEqual({ months: null, edges: [{ fromDay: '2026-12-01', toDay: '2026-12-05' }] });
    expect(splitMonths('2026-12-31', '2027-01-01').edges).toEqual([{ fromDay: '2026-12-31', toDay: '2027-01-01' }]);
  });

  it('widens a span of days to the months it touches', () => {
    expect(wholeMonths('2026-11-01', '2026-11-11')).toEqual({ fromDay: '2026-11-01', toDay: '2026-12-01' });
    expect(wholeMonths('2026-10-31', '2026-12-01')).toEqual({ fromDay: '2026-10-01', toDay: '2026-12-01' });
    expect(wholeMonths('2026-12-05', '2027-01-01')).toEqual({ fromDay: '2026-12-01', toDay: '2027-01-01' });
  });
});
