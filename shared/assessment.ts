/**
 * The rules of an assessment scheme, held by both sides: the server refuses a scheme that breaks them and the
 * console's editor shows the same checks live (weights summing to 100, bands covering 0–100 without gap or overlap).
 */

import { type AssesseeKind, GRADE_LABELS, type ItemSource, type ScoringMethod, STAR_LABELS } from './enums.ts';
import type { ErrorDetail } from './errors.ts';

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

/** What the figures say an indicator is (figures' INDICATORS): enough to value it from fact sums. */
export interface IndicatorRef {
  key: string;
  kind: 'count' | 'rate';
  numerator: string;
  denominator: string | null;
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

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
