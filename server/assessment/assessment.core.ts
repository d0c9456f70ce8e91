/**
 * 考核 (assessment) as pure rules: what a scheme must be (weights summing to 100, bands covering 0–100 without gap
 * or overlap), how an item's value becomes points, a score its band, and how monthly results rank over a month,
 * quarter or year. The seeds score grid workers out of 100 each month with stars tied to pay (Yishui) and grade
 * units A–E (GB/T 30428.4); every default here judges outcomes, never activity counted for its own sake.
 */

import { type Band, bandOf, type IndicatorRef, round2, type SchemeItem } from '../../shared/assessment.ts';
import { levelOfCode } from '../../shared/codes.ts';
import type { RUN_STATUSES } from '../../shared/enums.ts';
import type { StepFlow } from '../platform/step-flow.ts';

export {
  ACTIVITY_INDICATORS,
  type Band,
  bandOf,
  checkBands,
  checkItems,
  countsActivity,
  type IndicatorRef,
  round2,
  type SchemeItem,
} from '../../shared/assessment.ts';

const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

/** What one item of one result was worth, and from what: the explanation kept (and frozen) with the result. */
export interface ResultItem {
  key: string;
  /** The value scored: a share 0–1, a count, or a manual entry 0–100; null when there was nothing to judge. */
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  points: number;
  empty: boolean;
  /** A manual entry: who entered it and why. */
  entry: { value: number; note: string; by: string; at: string } | null;
}

// ── points ────────────────────────────────────────────────────────────────────────────────────────────

/** The raw value of an item for one assessee, before points. */
export interface Valued {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** An indicator's value from the sums of its facts, as the figures compute it. */
export function indicatorValue(def: IndicatorRef, sums: ReadonlyMap<string, number>): Valued {
  const numerator = sums.get(def.numerator) ?? 0;
  if (def.kind === 'count') return { value: numerator, numerator, denominator: null };
  const denominator = sums.get(def.denominator!) ?? 0;
  return { value: denominator === 0 ? null : numerator / denominator, numerator, denominator };
}

/** A share of parts (records verified of all, houses visited of all): null when there is no whole. */
export const shareOf = (part: number, whole: number): Valued => ({
  value: whole === 0 ? null : part / whole,
  numerator: part,
  denominator: whole,
});

/** The points an item earns from its value (a manual entry is a 0–100 score, a share once divided). */
export function pointsOf(item: SchemeItem, value: number | null): { points: number; empty: boolean } {
  if (value === null) return { points: item.whenEmpty === 'full' ? item.weight : 0, empty: true };
  if (item.method === 'rate') {
    const share = clamp(item.source === 'manual' ? value / 100 : value, 0, 1);
    return { points: round2(item.weight * (item.lowerIsBetter ? 1 - share : share)), empty: false };
  }
  const target = item.target!;
  const fraction = item.lowerIsBetter ? (value <= target ? 1 : target / value) : value / target;
  return { points: round2(item.weight * clamp(fraction, 0, 1)), empty: false };
}

/** A result's score: its items' points plus the assessor's adjustment, kept within 0–100. */
export const scoreOf = (items: readonly { points: number }[], adjustment: number) =>
  round2(clamp(items.reduce((s, i) => s + i.points, 0) + adjustment, 0, 100));

// ── periods ───────────────────────────────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');

/** The months a ranking period covers: a month itself, a quarter's three, a year's twelve. */
export function monthsOf(period: string): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return [0, 1, 2].map((k) => `${q[1]}-${pad(Number(q[2]) * 3 - 2 + k)}`);
  if (/^\d{4}$/.test(period)) return Array.from({ length: 12 }, (_, k) => `${period}-${pad(k + 1)}`);
  return [period];
}

/** The period before: last month, last quarter, last year. */
export function previousPeriod(period: string): string {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return Number(q[2]) === 1 ? `${Number(q[1]) - 1}-Q4` : `${q[1]}-Q${Number(q[2]) - 1}`;
  if (/^\d{4}$/.test(period)) return String(Number(period) - 1);
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** 每月一通报、每季一排名、年度总评比: what a period's ranking is called. */
export const noticeKind = (period: string) =>
  /Q/.test(period) ? 'quarterly_ranking' : /^\d{4}$/.test(period) ? 'yearly_review' : 'monthly_notice';

// ── rankings ──────────────────────────────────────────────────────────────────────────────────────────

/** How far down the tree a scheme's area is: a county's scheme is nearer its assessees than the city's. */
const depth = (code: string) => (levelOfCode(code) === 'city' ? 0 : code.length);

/** One published monthly result, as a ranking reads it. */
export interface MonthlyScore {
  resultId: string;
  code: string;
  name: string;
  areaCode: string;
  month: string;
  score: number;
  /** The run's scheme area: when two runs score one assessee in a month, the nearer one (a county's before the city's) counts. */
  runArea: string;
  bands: Band[];
}

export interface Ranked {
  /** The latest month's result: where the row's explanation opens. */
  resultId: string;
  code: string;
  name: string;
  areaCode: string;
  score: number;
  months: number;
  band: string;
  rank: number;
}

/**
 * A period's ranking from its published months: each assessee's mean monthly score (one result a month, the
 * nearest scheme's), ranked highest first; equal scores share a rank (1, 2, 2, 4). The band is the latest
 * month's scheme's, applied to the mean.
 */
export function rankScores(monthly: readonly MonthlyScore[]): Ranked[] {
  const chosen = new Map<string, MonthlyScore>();
  for (const m of monthly) {
    const k = `${m.code}\u0001${m.month}`;
    const seen = chosen.get(k);
    if (!seen || depth(m.runArea) > depth(seen.runArea)) chosen.set(k, m);
  }
  const by = new Map<string, MonthlyScore[]>();
  for (const m of chosen.values()) by.set(m.code, [...(by.get(m.code) ?? []), m]);
  const rows = [...by.values()].map((ms) => {
    const latest = ms.reduce((a, b) => (b.month > a.month ? b : a));
    const score = round2(ms.reduce((s, m) => s + m.score, 0) / ms.length);
    return {
      resultId: latest.resultId,
      code: latest.code,
      name: latest.name,
      areaCode: latest.areaCode,
      score,
      months: ms.length,
      band: bandOf(latest.bands, score),
    };
  });
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh') || a.code.localeCompare(b.code));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || rows[i - 1].score !== r.score) rank = i + 1;
    return { ...r, rank };
  });
}

/** Each row's change since the period before: places moved up (positive) and points gained; null when it was not ranked. */
export function withChange(current: readonly Ranked[], previous: readonly Ranked[]) {
  const before = new Map(previous.map((r) => [r.code, r]));
  return current.map((r) => {
    const p = before.get(r.code);
    return {
      ...r,
      previousRank: p?.rank ?? null,
      rankChange: p ? p.rank - r.rank : null,
      scoreChange: p ? round2(r.score - p.score) : null,
    };
  });
}

export type RunStep = 'review' | 'publish';

/**
 * A month's run is reviewed (again, while its results change) and then published, once it has ended; a published
 * run is frozen.
 */
export const RUN_FLOW: StepFlow<(typeof RUN_STATUSES)[number], RunStep> = {
  frozen: 'published',
  steps: { review: { from: ['computed', 'reviewed'], to: 'reviewed' }, publish: { from: ['reviewed'], to: 'published' } },
};
