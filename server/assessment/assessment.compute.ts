/**
 * A month's results for every assessee of a scheme's area: the assessees found (grid workers by their grids,
 * villages and townships by their nodes, departments by their code), every item's value read once for all of them
 * (one query per source), and the points and score the core gives. Reads only, through the other areas' front doors.
 */

import { startOfChinaDay } from '../../shared/china-time.ts';
import { subtreePrefix } from '../../shared/codes.ts';
import type { AssesseeKind } from '../../shared/enums.ts';
import { holdersOfRole } from '../access/index.ts';
import { visitCoveragePerGrid } from '../fieldwork/index.ts';
import { factSumsPer, INDICATORS, type Period } from '../figures/index.ts';
import { listDepartments } from '../org/index.ts';
import type { Tx } from '../platform/db.ts';
import { verifiedPerGrid } from '../registry/index.ts';
import { areasOfLevel } from '../territory/index.ts';
import {
  type Band,
  bandOf,
  indicatorValue,
  pointsOf,
  type ResultItem,
  type SchemeItem,
  scoreOf,
  shareOf,
  type Valued,
} from './assessment.core.ts';

const DAY = 86_400_000;

/** Someone or something assessed: their code, name, where they sit, and the grid prefixes their figures sum over. */
export interface Assessee {
  code: string;
  name: string;
  areaCode: string;
  /** Grid-code prefixes (a worker's grids, a village or township node); empty for a department. */
  prefixes: string[];
}

/** Everyone a scheme of this kind assesses inside the area. */
export async function assesseesOf(tx: Tx, kind: AssesseeKind, areaCode: string): Promise<Assessee[]> {
  const prefix = subtreePrefix(areaCode);
  if (kind === 'grid_worker') {
    const workers = await holdersOfRole(tx, 'grid_worker', prefix);
    return workers
      .map((w) => ({ ...w, grids: w.codes.filter((c) => c.length === 15) }))
      .filter((w) => w.grids.length > 0)
      .map((w) => ({ code: w.id, name: w.name, areaCode: w.grids[0], prefixes: w.grids }));
  }
  if (kind === 'department') {
    const departments = await listDepartments(tx, { prefixes: [prefix], ancestors: [] });
    return departments.map((d) => ({ code: d.code, name: d.name, areaCode: d.areaCode, prefixes: [] }));
  }
  const nodes = await areasOfLevel(tx, prefix, kind);
  return nodes.map((n) => ({ code: n.code, name: n.name, areaCode: n.code, prefixes: [n.code] }));
}

/** The span a month's items read: its report days, and the instants base data and visits are counted in (to now while it runs). */
export function spanOf(period: Period, now: Date) {
  const from = startOfChinaDay(period.fromDay);
  const end = startOfChinaDay(period.toDay);
  return { fromDay: period.fromDay, toDay: period.toDay, from, until: end < now ? end : now };
}

type Span = ReturnType<typeof spanOf>;

/** The per-grid rows an assessee's prefixes cover: a grid code is looked up, a village or township prefix scanned. */
function* covered<T>(perGrid: Map<string, T>, prefixes: string[]): Generator<T> {
  for (const p of prefixes) {
    if (p.length === 15) {
      const row = perGrid.get(p);
      if (row) yield row;
    } else for (const [grid, row] of perGrid) if (grid.startsWith(p)) yield row;
  }
}

/** Sums per grid added up over an assessee's prefixes. */
function over<T extends Record<string, number>>(perGrid: Map<string, T>, prefixes: string[], zero: T): T {
  const out = { ...zero };
  for (const v of covered(perGrid, prefixes)) for (const k of Object.keys(out) as (keyof T)[]) (out[k] as number) += v[k] as number;
  return out;
}

function factsOver(perGrid: Map<string, Map<string, number>>, prefixes: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const facts of covered(perGrid, prefixes)) for (const [f, n] of facts) out.set(f, (out.get(f) ?? 0) + n);
  return out;
}

/** Every item's value for every assessee: one read per source and window, then sums per assessee. */
export async function valuesOf(
  tx: Tx,
  q: { kind: AssesseeKind; areaCode: string; items: SchemeItem[]; span: Span; assessees: Assessee[] },
): Promise<Map<string, Map<string, Valued>>> {
  const prefix = subtreePrefix(q.areaCode);
  const defs = q.items.filter((i) => i.source === 'indicator').map((i) => INDICATORS.find((d) => d.key === i.indicator)!);
  const facts = [...new Set(defs.flatMap((d) => [d.numerator, ...(d.denominator ? [d.denominator] : [])]))];
  const byUnit = q.kind === 'department';
  const sums = facts.length
    ? await factSumsPer(tx, { prefix, fromDay: q.span.fromDay, toDay: q.span.toDay, facts, by: byUnit ? 'unitCode' : 'gridCode' })
    : new Map<string, Map<string, number>>();
  const verified = new Map<number, Map<string, { total: number; verified: number }>>();
  for (const days of new Set(q.items.filter((i) => i.source === 'base_data').map((i) => i.days!)))
    verified.set(days, await verifiedPerGrid(tx, { prefix, since: new Date(q.span.until.getTime() - days * DAY), until: q.span.until }));
  const visits = q.items.some((i) => i.source === 'visits')
    ? await visitCoveragePerGrid(tx, { prefix, from: q.span.from, to: q.span.until })
    : new Map<string, { houses: number; visited: number }>();

  const out = new Map<string, Map<string, Valued>>();
  for (const a of q.assessees) {
    const facts = byUnit ? (sums.get(a.code) ?? new Map<string, number>()) : factsOver(sums, a.prefixes);
    const values = new Map<string, Valued>();
    for (const item of q.items) {
      if (item.source === 'indicator') values.set(item.key, indicatorValue(INDICATORS.find((d) => d.key === item.indicator)!, facts));
      else if (item.source === 'base_data') {
        const v = over(verified.get(item.days!)!, a.prefixes, { total: 0, verified: 0 });
        values.set(item.key, shareOf(v.verified, v.total));
      } else if (item.source === 'visits') {
        const v = over(visits, a.prefixes, { houses: 0, visited: 0 });
        values.set(item.key, shareOf(v.visited, v.houses));
      }
    }
    out.set(a.code, values);
  }
  return out;
}

/** One result's items and score: computed values, the manual entries already made, and the adjustment. */
export function resultOf(
  items: readonly SchemeItem[],
  bands: readonly Band[],
  values: ReadonlyMap<string, Valued>,
  entries: ReadonlyMap<string, ResultItem['entry']>,
  adjustment: number,
) {
  const scored: ResultItem[] = items.map((item) => {
    const entry = item.source === 'manual' ? (entries.get(item.key) ?? null) : null;
    const v: Valued =
      item.source === 'manual' ? { value: entry?.value ?? null, numerator: null, denominator: null } : values.get(item.key)!;
    return { key: item.key, ...v, ...pointsOf(item, v.value), entry };
  });
  const computedScore = scoreOf(scored, 0);
  const score = scoreOf(scored, adjustment);
  return { items: scored, computedScore, score, band: bandOf(bands, score) };
}
