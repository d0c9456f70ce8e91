/**
 * 考核 (assessment) as pure rules: what a scheme must be (weights summing to 100, bands covering 0–100 without gap
 * or overlap), how an item's value becomes points, a score its band, and how monthly results rank over a month,
 * quarter or year. The seeds score grid workers out of 100 each month with stars tied to pay (Yishui) and grade
 * units A–E (GB/T 30428.4); every default here judges outcomes, never activity counted for its own sake.
 */

import { levelOfCode } from '../../shared/codes.ts';
import { type AssesseeKind, GRADE_LABELS, type ItemSource, type ScoringMethod, STAR_LABELS } from '../../shared/enums.ts';
import type { ErrorDetail } from '../../shared/errors.ts';

export interface SchemeItem {
  /** Short key, unique in its scheme (`on_time`). */
  key: string;
  name: string;
  /** Points the item is worth; a scheme's weights sum to 100. */
  weight: number;
  source: ItemSource;
  /** The figures' indicator key (source indicator). */
  indicator?: string;
  /** Records verified within this many days before the period's end count (source base_data). */
  days?: number;
  /** rate: weight × share · target: weight × value/target (capped), or target/value when lower is better. */
  method: ScoringMethod;
  /** Lower is better (返工率, 重复件占比): rate scores 1 − share; target scores target/value above the target. */
  lowerIsBetter: boolean;
  target?: number;
  /** Points when there is nothing to judge (no cases, no records, nothing entered): all of them, or none. */
  whenEmpty: 'full' | 'zero';
}

/** A score range [min, max) (the top one [min, 100]) and the stars ('1'–'5') or grade ('A'–'E') it gives. */
export interface Band {
  min: number;
  max: number;
  label: string;
}

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

/** What the figures say an indicator is (figures' INDICATORS): enough to value it from fact sums. */
export interface IndicatorRef {
  key: string;
  kind: 'count' | 'rate';
  numerator: string;
  denominator: string | null;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

// ── schemes ───────────────────────────────────────────────────────────────────────────────────────────

/** Indicators that count activity rather than outcomes: a scheme may use them, and the page flags them. */
export const ACTIVITY_INDICATORS: readonly string[] = ['reported', 'dispatched', 'handled'];

/** Whether an item counts activity for its own sake (a report quota, a count of visits to reach). */
export function countsActivity(item: SchemeItem): boolean {
  return (item.source === 'indicator' && ACTIVITY_INDICATORS.includes(item.indicator ?? '')) || item.source === 'visits';
}

/** What JSON schema cannot say about a scheme's items; each detail names the field. */
export function checkItems(
  kind: AssesseeKind,
  items: readonly SchemeItem[],
  indicators: readonly IndicatorRef[],
  at = 'body.items',
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  items.forEach((item, i) => {
    const f = `${at}.${i}`;
    if (items.findIndex((o) => o.key === item.key) !== i)
      details.push({ field: `${f}.key`, reason: 'assessment.item_key_duplicate', value: item.key });
    if (item.source === 'indicator') {
      const def = indicators.find((d) => d.key === item.indicator);
      if (!def) details.push({ field: `${f}.indicator`, reason: 'assessment.indicator_unknown', value: item.indicator ?? null });
      else if (def.kind === 'count' && item.method === 'rate')
        details.push({ field: `${f}.method`, reason: 'assessment.rate_needs_share', value: item.method });
    }
    // A department has no grids of its own: base data and visits are counted by area.
    if (kind === 'department' && (item.source === 'base_data' || item.source === 'visits'))
      details.push({ field: `${f}.source`, reason: 'assessment.source_not_for_kind', value: item.source });
    if (item.source === 'base_data' && !item.days) details.push({ field: `${f}.days`, reason: 'assessment.days_required' });
    if (item.source === 'manual' && item.method !== 'rate')
      details.push({ field: `${f}.method`, reason: 'assessment.manual_is_rate', value: item.method });
    if (item.method === 'target' && !(item.target && item.target > 0))
      details.push({ field: `${f}.target`, reason: 'assessment.target_required', value: item.target ?? null });
  });
  const sum = round2(items.reduce((s, i) => s + i.weight, 0));
  if (sum !== 100) details.push({ field: at, reason: 'assessment.weights_sum', value: sum });
  return details;
}

const labelsOf = (kind: AssesseeKind): readonly string[] => (kind === 'grid_worker' ? STAR_LABELS : GRADE_LABELS);

/** Bands must cover 0–100 without gap or overlap, each with a label of its kind, a higher range never a worse label. */
export function checkBands(kind: AssesseeKind, bands: readonly Band[], at = 'body.bands'): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const labels = labelsOf(kind);
  bands.forEach((b, i) => {
    if (!labels.includes(b.label)) details.push({ field: `${at}.${i}.label`, reason: 'assessment.band_label', value: b.label });
    else if (bands.findIndex((o) => o.label === b.label) !== i)
      details.push({ field: `${at}.${i}.label`, reason: 'assessment.band_label_duplicate', value: b.label });
    if (!(b.min < b.max)) details.push({ field: `${at}.${i}.max`, reason: 'assessment.band_empty', value: b.max });
  });
  if (details.length) return details;
  const order = bands.map((b, i) => ({ ...b, i })).sort((a, b) => a.min - b.min);
  if (order.length === 0 || order[0].min !== 0)
    details.push({
      field: order.length ? `${at}.${order[0].i}.min` : at,
      reason: 'assessment.band_gap',
      value: `0–${order[0]?.min ?? 100}`,
    });
  for (let k = 1; k < order.length; k++) {
    const [prev, next] = [order[k - 1], order[k]];
    if (next.min > prev.max)
      details.push({ field: `${at}.${next.i}.min`, reason: 'assessment.band_gap', value: `${prev.max}–${next.min}` });
    if (next.min < prev.max)
      details.push({ field: `${at}.${next.i}.min`, reason: 'assessment.band_overlap', value: `${next.min}–${prev.max}` });
    // Labels are listed best first: a higher range must carry an earlier (better) label.
    if (labels.indexOf(next.label) > labels.indexOf(prev.label))
      details.push({ field: `${at}.${next.i}.label`, reason: 'assessment.band_order', value: next.label });
  }
  const top = order.at(-1);
  if (top && top.max !== 100) details.push({ field: `${at}.${top.i}.max`, reason: 'assessment.band_gap', value: `${top.max}–100` });
  return details;
}

/** The band a score falls in: [min, max), the top band closed at 100. */
export function bandOf(bands: readonly Band[], score: number): string {
  const hit = bands.find((b) => score >= b.min && (score < b.max || (b.max === 100 && score <= 100)));
  return hit?.label ?? '';
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
    return { code: latest.code, name: latest.name, areaCode: latest.areaCode, score, months: ms.length, band: bandOf(latest.bands, score) };
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
