import { type AnyColumn, and, asc, desc, eq, gte, inArray, like, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { type Place, rowsPlaced, rowsShape, rowsValues, type ShapedPart } from '../platform/prepared.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import type { Cell } from './figures.core.ts';
import { type Dim, type MonthCell, monthCells, splitMonths } from './figures.grain.ts';
import { figureCase, figureCount, figureMonth } from './figures.tables.ts';

export type FigureCaseRow = typeof figureCase.$inferSelect;

/** Which counters or cases a figure sums: a period of report days, an area (grid-code prefix) in scope, and optionally a unit, item class, source. */
export interface FigureFilter {
  scope: Scope;
  fromDay: string;
  toDay: string;
  /** Code prefix of the area: every grid code inside it starts with it. */
  areaPrefix: string;
  unitCode?: string;
  itemPrefix?: string;
  source?: string;
  /** Only these grids (a grid worker's). */
  gridCodes?: string[];
}

type Cols = {
  countyCode: typeof figureCount.countyCode;
  day: typeof figureCount.day;
  gridCode: typeof figureCount.gridCode;
  unitCode: typeof figureCount.unitCode;
  itemCode: typeof figureCount.itemCode;
  source: typeof figureCount.source;
};

function where(t: Cols | typeof figureCase, f: FigureFilter): SQL {
  return and(
    // A county or anything below it names its county: the primary key's first column.
    f.areaPrefix.length >= 6 ? eq(t.countyCode, f.areaPrefix.slice(0, 6)) : undefined,
    gte(t.day, f.fromDay),
    lt(t.day, f.toDay),
    like(t.gridCode, `${f.areaPrefix}%`),
    inScope(t.gridCode, f.scope),
    f.unitCode !== undefined ? eq(t.unitCode, f.unitCode) : undefined,
    f.itemPrefix ? like(t.itemCode, `${f.itemPrefix}%`) : undefined,
    f.source ? eq(t.source, f.source) : undefined,
    f.gridCodes ? inArray(t.gridCode, f.gridCodes) : undefined,
  )!;
}

type By = 'source' | 'day' | 'unitCode' | 'gridCode' | 'itemCode';
const DIM_OF_BY: Record<By, Dim> = { source: 'source', day: 'day', unitCode: 'unit', gridCode: 'grid', itemCode: 'item' };
type Sum = { key: string; fact: string; n: number };

/** The filter's area is its whole county (or more) and all of it in scope: no grid needs naming. */
const wholeCounties = (f: FigureFilter) =>
  f.areaPrefix.length <= 6 && !f.gridCodes && f.scope.prefixes.some((p) => f.areaPrefix.startsWith(p));

/** The columns of the daily key a filter narrows by (the county aside). */
function narrowedBy(f: FigureFilter): Dim[] {
  return [
    ...(wholeCounties(f) ? [] : (['grid'] as const)),
    ...(f.unitCode !== undefined ? (['unit'] as const) : []),
    ...(f.itemPrefix ? (['item'] as const) : []),
    ...(f.source ? (['source'] as const) : []),
  ];
}

/** Month rows of one dimension over the filter's county (or counties), its key narrowed as the filter narrows that column. */
function monthWhere(f: FigureFilter, dim: Dim, facts: readonly string[] | undefined): SQL {
  const m = figureMonth;
  return and(
    f.areaPrefix.length >= 6 ? eq(m.countyCode, f.areaPrefix.slice(0, 6)) : like(m.countyCode, `${f.areaPrefix}%`),
    eq(m.dim, dim),
    facts ? inArray(m.fact, [...facts]) : undefined,
    dim === 'grid'
      ? and(like(m.key, `${f.areaPrefix}%`), inScope(m.key, f.scope), f.gridCodes ? inArray(m.key, f.gridCodes) : undefined)
      : undefined,
    dim === 'unit' && f.unitCode !== undefined ? eq(m.key, f.unitCode) : undefined,
    dim === 'item' && f.itemPrefix ? like(m.key, `${f.itemPrefix}%`) : undefined,
    dim === 'source' && f.source ? eq(m.key, f.source) : undefined,
  )!;
}

const sumOf = (n: AnyColumn) => sql<number>`coalesce(sum(${n}), 0)::int`;

function fromMonths(tx: Tx, f: FigureFilter, dim: Dim, facts: readonly string[] | undefined, range: SQL) {
  return tx
    .select({ key: figureMonth.key, fact: figureMonth.fact, n: sumOf(figureMonth.n) })
    .from(figureMonth)
    .where(and(monthWhere(f, dim, facts), range))
    .groupBy(figureMonth.key, figureMonth.fact);
}

function fromDays(tx: Tx, f: FigureFilter, facts: readonly string[] | undefined, by: By | undefined) {
  const key = by ? figureCount[by] : sql<string>`''`;
  return tx
    .select({ key: sql<string>`${key}`, fact: figureCount.fact, n: sumOf(figureCount.n) })
    .from(figureCount)
    .where(and(where(figureCount, f), facts ? inArray(figureCount.fact, [...facts]) : undefined))
    .groupBy(sql`1`, figureCount.fact);
}

/**
 * The sums of some facts (all when none are named) over a filter, split by one column or not at all, in the
 * fewest rows that give them exactly: a figure narrowed by at most one column reads the month grain for the whole
 * months of its period (by source when it names none), and the daily counters for the days at its edges (the month
 * grain by report day when it names none, as it does for a split by day); one narrowed by two columns reads the
 * daily counters.
 */
async function sums(tx: Tx, f: FigureFilter, facts: readonly string[] | undefined, by: By | undefined): Promise<Sum[]> {
  const dims = [...new Set([...narrowedBy(f), ...(by ? [DIM_OF_BY[by]] : [])])];
  const byDay = (e: { fromDay: string; toDay: string }) => {
    const lastMonth = new Date(Date.parse(`${e.toDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
    const range = and(
      gte(figureMonth.month, e.fromDay.slice(0, 7)),
      lte(figureMonth.month, lastMonth),
      gte(figureMonth.key, e.fromDay),
      lt(figureMonth.key, e.toDay),
    );
    return fromMonths(tx, f, 'day', facts, range!);
  };
  let parts: Promise<Sum[]>[];
  if (dims.length > 1) parts = [fromDays(tx, f, facts, by)];
  else if (dims[0] === 'day') parts = [byDay(f)];
  else {
    // Narrowed by nothing: whole months by source (a handful of rows a month and fact), the edges by day.
    const { months, edges } = splitMonths(f.fromDay, f.toDay);
    const dim = dims[0] ?? 'source';
    parts = [
      ...(months
        ? [fromMonths(tx, f, dim, facts, and(gte(figureMonth.month, months.fromMonth), lt(figureMonth.month, months.toMonth))!)]
        : []),
      ...edges.map((e) => (dims.length === 0 ? byDay(e) : fromDays(tx, { ...f, ...e }, facts, by))),
    ];
  }
  const all = new Map<string, Sum>();
  for (const rows of await Promise.all(parts))
    for (const r of rows) {
      const key = by ? r.key : '';
      const k = `${key}\u0001${r.fact}`;
      const seen = all.get(k);
      if (seen) seen.n += r.n;
      else all.set(k, { key, fact: r.fact, n: r.n });
    }
  return [...all.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The figure of every fact over the filter. */
export async function sumFacts(tx: Tx, f: FigureFilter, facts?: readonly string[]): Promise<Map<string, number>> {
  return new Map((await sums(tx, f, facts, undefined)).map((r) => [r.fact, r.n]));
}

/** The figures of some facts split by source, report day, unit, grid or catalogue item, in order of the key. */
export async function sumFactsBy(tx: Tx, f: FigureFilter, facts: readonly string[], by: By) {
  return sums(tx, f, facts, by);
}

/** The figure of some facts per grid or per lead unit over report days under an area prefix (every grid's, not scoped: the caller chose the area). */
export async function sumFactsPer(
  tx: Tx,
  q: { prefix: string; fromDay: string; toDay: string; facts: readonly string[]; by: 'gridCode' | 'unitCode' },
) {
  const f: FigureFilter = { scope: { prefixes: [q.prefix], ancestors: [] }, areaPrefix: q.prefix, fromDay: q.fromDay, toDay: q.toDay };
  return sums(tx, f, q.facts, q.by);
}

/** The cases a figure counts: those whose row holds the fact, a page at a time, newest first, with how many there are. */
export async function casesWith(tx: Tx, f: FigureFilter & { fact: string; day?: string }, page: { offset: number; limit: number }) {
  const cond = and(
    where(figureCase, f),
    sql`${figureCase.facts} @> array[${f.fact}]::text[]`,
    f.day ? eq(figureCase.day, f.day) : undefined,
  );
  const [{ total }] = await tx.select({ total: sql<number>`count(*)::int` }).from(figureCase).where(cond);
  const rows = await tx
    .select()
    .from(figureCase)
    .where(cond)
    .orderBy(desc(figureCase.day), desc(figureCase.caseNo))
    .offset(page.offset)
    .limit(page.limit);
  return { total, rows };
}

/** The rows of the cases with these numbers among those a filter covers (a briefing's hand-picked typical cases). */
export async function casesNumbered(tx: Tx, f: FigureFilter, caseNos: string[]): Promise<FigureCaseRow[]> {
  if (caseNos.length === 0) return [];
  return tx
    .select()
    .from(figureCase)
    .where(and(where(figureCase, f), inArray(figureCase.caseNo, caseNos)));
}

/** The cases' rows, locked until the transaction ends, so two changes of one case apply their differences one after the other. */
export async function lockCases(tx: Tx, refs: { countyCode: string; id: string }[]): Promise<FigureCaseRow[]> {
  if (refs.length === 0) return [];
  return tx
    .select()
    .from(figureCase)
    .where(or(...refs.map((r) => and(eq(figureCase.countyCode, r.countyCode), eq(figureCase.eventId, r.id)))))
    .orderBy(asc(figureCase.countyCode), asc(figureCase.eventId))
    .for('update');
}

const upsertCasesQuery = (tx: Tx, rows: FigureCaseRow[]) =>
  tx
    .insert(figureCase)
    .values(rows)
    .onConflictDoUpdate({
      target: [figureCase.countyCode, figureCase.eventId],
      set: {
        caseNo: sql`excluded.case_no`,
        day: sql`excluded.day`,
        gridCode: sql`excluded.grid_code`,
        unitCode: sql`excluded.unit_code`,
        itemCode: sql`excluded.item_code`,
        source: sql`excluded.source`,
        status: sql`excluded.status`,
        facts: sql`excluded.facts`,
      },
    });

export async function upsertCases(tx: Tx, rows: FigureCaseRow[]): Promise<void> {
  if (rows.length === 0) return;
  await upsertCasesQuery(tx, rows);
}

/** A counter's key: a cell's n is added to the row it already has. */
const addToCounter = {
  target: [
    figureCount.countyCode,
    figureCount.day,
    figureCount.gridCode,
    figureCount.unitCode,
    figureCount.itemCode,
    figureCount.source,
    figureCount.fact,
  ],
  set: { n: sql`${figureCount.n} + excluded.n` },
};

const countersQuery = (tx: Tx, cells: Cell[]) => tx.insert(figureCount).values(cells).onConflictDoUpdate(addToCounter);

/** A month counter's key: the same, one column at a time. */
const addToMonth = {
  target: [figureMonth.countyCode, figureMonth.dim, figureMonth.fact, figureMonth.month, figureMonth.key],
  set: { n: sql`${figureMonth.n} + excluded.n` },
};

const monthsQuery = (tx: Tx, cells: MonthCell[]) => tx.insert(figureMonth).values(cells).onConflictDoUpdate(addToMonth);

/**
 * The cases' rows and each cell's n added to its daily counter and to its month counters (one key at most once;
 * the caller sums and sorts them), as data-modifying statements for a statement of the loop's own to carry (a
 * report's: the events' filed writes), shaped so that statement is built once and prepared (decision 0035). Every
 * writer takes case rows, then daily counters, then month counters.
 */
export function rollupWrites(tx: Tx, rows: FigureCaseRow[], cells: Cell[]): ShapedPart[] {
  const months = monthCells(cells);
  return [
    ...(rows.length
      ? [
          {
            shape: `figure_case:${rowsShape(rows)}`,
            values: rowsValues(rows),
            build: (p: Place) => upsertCasesQuery(tx, rowsPlaced(rows, p)).getSQL(),
          },
        ]
      : []),
    ...(cells.length
      ? [
          {
            shape: `figure_count:${rowsShape(cells)}`,
            values: rowsValues(cells),
            build: (p: Place) => countersQuery(tx, rowsPlaced(cells, p)).getSQL(),
          },
          {
            shape: `figure_month:${rowsShape(months)}`,
            values: rowsValues(months),
            build: (p: Place) => monthsQuery(tx, rowsPlaced(months, p)).getSQL(),
          },
        ]
      : []),
  ];
}

/**
 * Writes the cases' rows and adds each cell's n to its daily and month counters, in one statement: one round trip
 * inside the loop's transaction, the counters' rows locked last (daily, then month).
 */
export async function writeRollups(tx: Tx, rows: FigureCaseRow[], cells: Cell[]): Promise<void> {
  if (cells.length === 0) return upsertCases(tx, rows);
  const cases = rows.length ? [tx.$with('figure_cases', {}).as(upsertCasesQuery(tx, rows).getSQL())] : [];
  const daily = tx.$with('figure_counts', {}).as(countersQuery(tx, cells).getSQL());
  await tx
    .with(...cases, daily)
    .insert(figureMonth)
    .values(monthCells(cells))
    .onConflictDoUpdate(addToMonth);
}

/** Adds cells to their daily counters alone (a rebuild's, a chunk at a time; it writes the month grain itself). */
export async function writeCounters(tx: Tx, cells: Cell[]): Promise<void> {
  if (cells.length) await countersQuery(tx, cells);
}

/** Adds month cells to their counters (a rebuild's, a chunk at a time). */
export async function writeMonths(tx: Tx, cells: MonthCell[]): Promise<void> {
  if (cells.length) await monthsQuery(tx, cells);
}

// ── the check and the rebuild: whole periods, every county ────────────────────────────────────────────

/** Every counter of report days in [fromDay, toDay), zeros left out. */
export async function countersBetween(tx: Tx, fromDay: string, toDay: string) {
  return tx
    .select()
    .from(figureCount)
    .where(and(gte(figureCount.day, fromDay), lt(figureCount.day, toDay), sql`${figureCount.n} <> 0`));
}

/** Every case row of report days in [fromDay, toDay). */
export async function casesBetween(tx: Tx, fromDay: string, toDay: string): Promise<FigureCaseRow[]> {
  return tx
    .select()
    .from(figureCase)
    .where(and(gte(figureCase.day, fromDay), lt(figureCase.day, toDay)));
}

/** Every month counter of report months [fromMonth, toMonth), zeros left out. */
export async function monthsBetween(tx: Tx, fromMonth: string, toMonth: string) {
  return tx
    .select()
    .from(figureMonth)
    .where(and(gte(figureMonth.month, fromMonth), lt(figureMonth.month, toMonth), sql`${figureMonth.n} <> 0`));
}

/** Holds every change of the figures off until the transaction ends (a rebuild must not race the loop's writes). */
export async function lockAll(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table ${figureCase} in exclusive mode`);
  await tx.execute(sql`lock table ${figureCount} in exclusive mode`);
  await tx.execute(sql`lock table ${figureMonth} in exclusive mode`);
}

/** The roll-up of report days [fromDay, toDay), whole months (the month grain goes by month). */
export async function deleteBetween(tx: Tx, fromDay: string, toDay: string): Promise<void> {
  await tx.delete(figureMonth).where(and(gte(figureMonth.month, fromDay.slice(0, 7)), lt(figureMonth.month, toDay.slice(0, 7))));
  await tx.delete(figureCount).where(and(gte(figureCount.day, fromDay), lt(figureCount.day, toDay)));
  await tx.delete(figureCase).where(and(gte(figureCase.day, fromDay), lt(figureCase.day, toDay)));
}
