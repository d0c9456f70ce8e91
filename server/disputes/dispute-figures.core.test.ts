import { describe, expect, it } from 'vitest';
import { checkMonths, counts, figureKeyOf, summarise, workingDaysOf } from './dispute-figures.core.ts';

describe('dispute figures', () => {
  it('a dispute counts in its village and the China month it was recorded in', () => {
    const key = figureKeyOf({
      countyCode: '420923',
      gridCode: '420923100001001',
      reportedAt: new Date('2026-10-31T17:00:00Z'), // 01:00 on 1 November in China
      typeCode: '0902',
      tier: 'village',
      status: 'mediating',
    });
    expect(key).toEqual({
      countyCode: '420923',
      villageCode: '420923100001',
      month: '2026-11',
      typeCode: '0902',
      tier: 'village',
      outcome: 'open',
    });
  });

  it('小事不出村 and 大事不出镇 are shares of the disputes that ended', () => {
    const [row] = summarise([
      { key: '0902', tier: 'grid', outcome: 'resolved', n: 3, timed: 3, workingDays: 6 },
      { key: '0902', tier: 'village', outcome: 'resolved', n: 1, timed: 1, workingDays: 4 },
      { key: '0902', tier: 'township', outcome: 'resolved', n: 2, timed: 2, workingDays: 20 },
      { key: '0902', tier: 'county', outcome: 'referred', n: 2, timed: 2, workingDays: 60 },
      { key: '0902', tier: 'county', outcome: 'open', n: 5, timed: 0, workingDays: 0 },
    ]);
    expect(row).toEqual({
      key: '0902',
      total: 13,
      open: 5,
      resolved: 6,
      referred: 2,
      atVillage: 4,
      atTownship: 6,
      villageShare: 0.5,
      townshipShare: 0.75,
      // Resolved only: (6 + 4 + 20) / 6; the referred ones' 60 days are not a resolution.
      resolutionWorkingDays: 5,
    });
  });

  it('a row where nothing ended has no shares and no time', () => {
    const [row] = summarise([{ key: 'x', tier: 'grid', outcome: 'open', n: 2, timed: 0, workingDays: 0 }]);
    expect([row.villageShare, row.townshipShare, row.resolutionWorkingDays]).toEqual([null, null, null]);
  });

  it('measures: at village counts grid and village resolutions only', () => {
    expect(counts('atVillage', 'village', 'resolved')).toBe(true);
    expect(counts('atVillage', 'township', 'resolved')).toBe(false);
    expect(counts('atVillage', 'grid', 'referred')).toBe(false);
    expect(counts('atTownship', 'township', 'resolved')).toBe(true);
  });

  it('working days to a tenth; month ranges in order and at most two years', () => {
    expect(workingDaysOf(10.5 * 3_600_000, 7 * 3_600_000)).toBe(1.5);
    expect(checkMonths('2026-01', '2026-12')).toEqual([]);
    expect(checkMonths('2026-13', '2026-12').map((p) => `${p.field}:${p.reason}`)).toEqual(['from:month']);
    expect(checkMonths('2026-05', '2026-04').map((p) => `${p.field}:${p.reason}`)).toEqual(['from:after_to']);
    expect(checkMonths('2024-01', '2026-01').map((p) => `${p.field}:${p.reason}`)).toEqual(['to:at_most_24_months']);
  });
});
