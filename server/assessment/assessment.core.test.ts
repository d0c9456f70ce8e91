import { describe, expect, it } from 'vitest';
import { ASSESSEE_KINDS } from '../../shared/enums.ts';
import { INDICATORS } from '../figures/index.ts';
import {
  bandOf,
  checkBands,
  checkItems,
  countsActivity,
  indicatorValue,
  monthsOf,
  pointsOf,
  previousPeriod,
  rankScores,
  type SchemeItem,
  scoreOf,
  withChange,
} from './assessment.core.ts';
import { DEFAULT_SCHEMES, GRADE_BANDS, STAR_BANDS } from './assessment.defaults.ts';

const item = (over: Partial<SchemeItem> = {}): SchemeItem => ({
  key: 'k',
  name: 'n',
  weight: 100,
  source: 'indicator',
  indicator: 'closing_rate',
  method: 'rate',
  lowerIsBetter: false,
  whenEmpty: 'full',
  ...over,
});

describe('the default schemes', () => {
  it.each(ASSESSEE_KINDS)('%s: valid, and no item counts activity for its own sake', (kind) => {
    const s = DEFAULT_SCHEMES[kind];
    expect(checkItems(kind, s.items, INDICATORS)).toEqual([]);
    expect(checkBands(kind, s.bands)).toEqual([]);
    expect(s.items.filter(countsActivity)).toEqual([]);
  });
});

describe('scheme items', () => {
  it('refuses weights that do not sum to 100, naming the sum', () => {
    const d = checkItems('village', [item({ key: 'a', weight: 60 }), item({ key: 'b', weight: 30 })], INDICATORS);
    expect(d).toEqual([{ field: 'body.items', reason: 'assessment.weights_sum', value: 90 }]);
  });
  it('accepts weights in hundredths that sum to 100', () => {
    const items = [item({ key: 'a', weight: 33.33 }), item({ key: 'b', weight: 33.33 }), item({ key: 'c', weight: 33.34 })];
    expect(checkItems('village', items, INDICATORS)).toEqual([]);
  });
  it('names each field that is wrong', () => {
    const d = checkItems(
      'department',
      [
        item({ key: 'a', weight: 20, indicator: 'nope' }),
        item({ key: 'a', weight: 20, indicator: 'reported' }),
        item({ key: 'c', weight: 20, source: 'base_data', indicator: undefined }),
        item({ key: 'd', weight: 20, source: 'manual', method: 'target', target: 3 }),
        item({ key: 'e', weight: 20, method: 'target' }),
      ],
      INDICATORS,
    );
    expect(d.map((x) => `${x.field} ${x.reason}`)).toEqual([
      'body.items.0.indicator assessment.indicator_unknown',
      'body.items.1.key assessment.item_key_duplicate',
      'body.items.1.method assessment.rate_needs_share',
      'body.items.2.source assessment.source_not_for_kind',
      'body.items.2.days assessment.days_required',
      'body.items.3.method assessment.manual_is_rate',
      'body.items.4.target assessment.target_required',
    ]);
  });
  it('flags a report count and visits as counting activity', () => {
    expect(countsActivity(item({ indicator: 'reported', method: 'target', target: 30 }))).toBe(true);
    expect(countsActivity(item({ source: 'visits' }))).toBe(true);
    expect(countsActivity(item({ indicator: 'on_time_closing_rate' }))).toBe(false);
  });
});

describe('bands', () => {
  it('refuses a gap, naming the band and the missing range', () => {
    const bands = [
      { min: 90, max: 100, label: 'A' },
      { min: 0, max: 85, label: 'B' },
    ];
    expect(checkBands('village', bands)).toEqual([{ field: 'body.bands.0.min', reason: 'assessment.band_gap', value: '85–90' }]);
  });
  it('refuses an overlap, bands not reaching 0 or 100, and a better label lower down', () => {
    const reasons = (b: { min: number; max: number; label: string }[]) => checkBands('village', b).map((d) => d.reason);
    expect(
      reasons([
        { min: 0, max: 60, label: 'B' },
        { min: 50, max: 100, label: 'A' },
      ]),
    ).toEqual(['assessment.band_overlap']);
    expect(reasons([{ min: 10, max: 100, label: 'A' }])).toEqual(['assessment.band_gap']);
    expect(reasons([{ min: 0, max: 99, label: 'A' }])).toEqual(['assessment.band_gap']);
    expect(
      reasons([
        { min: 0, max: 50, label: 'A' },
        { min: 50, max: 100, label: 'B' },
      ]),
    ).toEqual(['assessment.band_order']);
  });
  it('takes stars for grid workers and grades for units, each once', () => {
    expect(checkBands('grid_worker', GRADE_BANDS).map((d) => d.reason)).toContain('assessment.band_label');
    expect(checkBands('township', STAR_BANDS).map((d) => d.reason)).toContain('assessment.band_label');
    const twice = [
      { min: 0, max: 50, label: 'A' },
      { min: 50, max: 100, label: 'A' },
    ];
    expect(checkBands('township', twice).map((d) => d.reason)).toEqual(['assessment.band_label_duplicate']);
  });
  it('gives each score exactly one band, 100 in the top one', () => {
    expect([0, 39.99, 40, 74.99, 75, 89.99, 90, 100].map((s) => bandOf(GRADE_BANDS, s))).toEqual(['E', 'E', 'D', 'C', 'B', 'B', 'A', 'A']);
    expect(bandOf(STAR_BANDS, 85)).toBe('4');
  });
});

describe('points', () => {
  it('scales a share to the weight, or its complement when lower is better', () => {
    expect(pointsOf(item({ weight: 25 }), 0.8)).toEqual({ points: 20, empty: false });
    expect(pointsOf(item({ weight: 10, lowerIsBetter: true }), 0.25)).toEqual({ points: 7.5, empty: false });
  });
  it('scores a manual entry 0–100 as a share of the weight', () => {
    expect(pointsOf(item({ weight: 10, source: 'manual' }), 85)).toEqual({ points: 8.5, empty: false });
  });
  it('scores against a target, capped at the weight, either direction', () => {
    const higher = item({ weight: 20, indicator: 'closed', method: 'target', target: 40 });
    expect(pointsOf(higher, 30).points).toBe(15);
    expect(pointsOf(higher, 80).points).toBe(20);
    const lower = item({ weight: 20, indicator: 'closed_overdue', method: 'target', target: 2, lowerIsBetter: true });
    expect(pointsOf(lower, 1).points).toBe(20);
    expect(pointsOf(lower, 8).points).toBe(5);
  });
  it('gives all or none of the weight when there is nothing to judge, as the scheme says', () => {
    expect(pointsOf(item({ weight: 15 }), null)).toEqual({ points: 15, empty: true });
    expect(pointsOf(item({ weight: 15, whenEmpty: 'zero' }), null)).toEqual({ points: 0, empty: true });
  });
  it('values a rate indicator from its facts, null with no denominator', () => {
    const def = INDICATORS.find((d) => d.key === 'on_time_closing_rate')!;
    expect(
      indicatorValue(
        def,
        new Map([
          ['closed_on_time', 3],
          ['registered', 4],
        ]),
      ),
    ).toEqual({ value: 0.75, numerator: 3, denominator: 4 });
    expect(indicatorValue(def, new Map()).value).toBeNull();
  });
  it('adds the adjustment and keeps the score within 0–100', () => {
    expect(scoreOf([{ points: 60 }, { points: 25.5 }], -3)).toBe(82.5);
    expect(scoreOf([{ points: 99 }], 5)).toBe(100);
    expect(scoreOf([{ points: 2 }], -5)).toBe(0);
  });
});

describe('periods and rankings', () => {
  it('lists the months of a quarter and a year, and the period before', () => {
    expect(monthsOf('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf('2026')).toHaveLength(12);
    expect(['2026-01', '2026-Q1', '2026'].map(previousPeriod)).toEqual(['2025-12', '2025-Q4', '2025']);
  });
  const m = (code: string, month: string, score: number, runArea = '420923') => ({
    resultId: `${code}:${month}:${runArea}`,
    code,
    name: code,
    areaCode: '420923100',
    month,
    score,
    runArea,
    bands: GRADE_BANDS,
  });
  it('ranks on the mean of published months, ties sharing a rank', () => {
    const r = rankScores([m('a', '2026-10', 80), m('a', '2026-11', 90), m('b', '2026-10', 85), m('c', '2026-11', 70)]);
    expect(r.map((x) => [x.code, x.score, x.rank, x.band])).toEqual([
      ['a', 85, 1, 'B'],
      ['b', 85, 1, 'B'],
      ['c', 70, 3, 'C'],
    ]);
  });
  it('counts one result a month, the nearer scheme’s', () => {
    const r = rankScores([m('a', '2026-11', 60, '420900'), m('a', '2026-11', 92, '420923')]);
    expect(r).toMatchObject([{ code: 'a', score: 92, months: 1, resultId: 'a:2026-11:420923' }]);
  });
  it('tells the change since the period before', () => {
    const now = rankScores([m('a', '2026-11', 90), m('b', '2026-11', 80)]);
    const before = rankScores([m('b', '2026-10', 88), m('a', '2026-10', 70)]);
    expect(withChange(now, before).map((x) => [x.code, x.rankChange, x.scoreChange])).toEqual([
      ['a', 1, 20],
      ['b', -1, -8],
    ]);
    expect(withChange(now, [])[0].rankChange).toBeNull();
  });
});
