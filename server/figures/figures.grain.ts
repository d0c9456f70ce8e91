/**
 * The month grain (decision 0040), as pure rules: the month counters a daily counter moves, and how a read over
 * a period splits into whole months (read from the month grain) and the days at its edges.
 */
import type { Cell, Fact } from './figures.core.ts';

/** The daily key's columns the month grain keeps one at a time. */
export const DIMS = ['grid', 'unit', 'item', 'source', 'day'] as const;
export type Dim = (typeof DIMS)[number];

/** One counter of the month grain: a month of a county, one column of the daily key, a fact, and how much to add. */
export interface MonthCell {
  countyCode: string;
  /** YYYY-MM. */
  month: string;
  dim: Dim;
  key: string;
  fact: Fact;
  n: number;
}

const KEY_OF: Record<Dim, (c: Cell) => string> = {
  grid: (c) => c.gridCode,
  unit: (c) => c.unitCode,
  item: (c) => c.itemCode,
  source: (c) => c.source,
  day: (c) => c.day,
};

export const monthCellKey = (c: Omit<MonthCell, 'n'>) => [c.countyCode, c.dim, c.fact, c.month, c.key].join('\u0001');

/**
 * The month counters some daily moves make: each daily cell adds its n to one row per dimension of its month.
 * Summed per key, zeros dropped, sorted by key so concurrent writers take the rows in one order.
 */
export function monthCells(cells: Iterable<Cell>): MonthCell[] {
  const sum = new Map<string, MonthCell>();
  for (const c of cells) {
    for (const dim of DIMS) {
      const m: MonthCell = { countyCode: c.countyCode, month: c.day.slice(0, 7), dim, key: KEY_OF[dim](c), fact: c.fact, n: c.n };
      const k = monthCellKey(m);
      const seen = sum.get(k);
      if (seen) seen.n += c.n;
      else sum.set(k, m);
    }
  }
  return [...sum.entries()]
    .filter(([, c]) => c.n !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

const isFirst = (day: string) => day.endsWith('-01');
/** The first day of the month after a day's. */
export function nextMonthStart(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return m === 12 ? `${String(y + 1).padStart(4, '0')}-01-01` : `${day.slice(0, 4)}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Report days [fromDay, toDay) as the whole months inside them, [fromMonth, toMonth) as YYYY-MM (null when none),
 * and the days left at either edge, each [fromDay, toDay).
 */
export function splitMonths(fromDay: string, toDay: string) {
  const first = isFirst(fromDay) ? fromDay : nextMonthStart(fromDay);
  const end = `${toDay.slice(0, 7)}-01`;
  if (first >= end) return { months: null, edges: fromDay < toDay ? [{ fromDay, toDay }] : [] };
  const edges = [...(fromDay < first ? [{ fromDay, toDay: first }] : []), ...(end < toDay ? [{ fromDay: end, toDay }] : [])];
  return { months: { fromMonth: first.slice(0, 7), toMonth: end.slice(0, 7) }, edges };
}

/** Report days [fromDay, toDay) widened to the whole months they touch (what `figures verify` checks). */
export function wholeMonths(fromDay: string, toDay: string) {
  const last = new Date(Date.parse(`${toDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { fromDay: `${fromDay.slice(0, 7)}-01`, toDay: nextMonthStart(last) };
}
