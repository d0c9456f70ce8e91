import { and, asc, desc, eq, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { type Place, rowsPlaced, rowsShape, rowsValues, type ShapedPart } from '../platform/prepared.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import type { Cell } from './figures.core.ts';
import { figureCase, figureCount } from './figures.tables.ts';

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

/** The figure of every fact over the filter. */
export async function sumFacts(tx: Tx, f: FigureFilter, facts?: readonly string[]): Promise<Map<string, number>> {
  const rows = await tx
    .select({ fact: figureCount.fact, n: sql<number>`coalesce(sum(${figureCount.n}), 0)::int` })
    .from(figureCount)
    .where(and(where(figureCount, f), facts ? inArray(figureCount.fact, [...facts]) : undefined))
    .groupBy(figureCount.fact);
  return new Map(rows.map((r) => [r.fact, r.n]));
}

/** The figures of some facts split by source, report day, unit, grid or catalogue item. */
export async function sumFactsBy(
  tx: Tx,
  f: FigureFilter,
  facts: readonly string[],
  by: 'source' | 'day' | 'unitCode' | 'gridCode' | 'itemCode',
) {
  const column = figureCount[by];
  return tx
    .select({ key: column, fact: figureCount.fact, n: sql<number>`coalesce(sum(${figureCount.n}), 0)::int` })
    .from(figureCount)
    .where(and(where(figureCount, f), inArray(figureCount.fact, [...facts])))
    .groupBy(column, figureCount.fact)
    .orderBy(asc(column));
}

/** The figure of some facts per grid or per lead unit over report days under an area prefix (every grid's, not scoped: the caller chose the area). */
export async function sumFactsPer(
  tx: Tx,
  q: { prefix: string; fromDay: string; toDay: string; facts: readonly string[]; by: 'gridCode' | 'unitCode' },
) {
  const column = figureCount[q.by];
  return tx
    .select({ key: column, fact: figureCount.fact, n: sql<number>`coalesce(sum(${figureCount.n}), 0)::int` })
    .from(figureCount)
    .where(
      and(
        q.prefix.length >= 6 ? eq(figureCount.countyCode, q.prefix.slice(0, 6)) : undefined,
        gte(figureCount.day, q.fromDay),
        lt(figureCount.day, q.toDay),
        like(figureCount.gridCode, `${q.prefix}%`),
        inArray(figureCount.fact, [...q.facts]),
      ),
    )
    .groupBy(column, figureCount.fact);
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

/**
 * The cases' rows and each cell's n added to its counter (one key at most once; the caller sums and sorts them), as
 * data-modifying statements for a statement of the loop's own to carry (a report's: the events' filed writes),
 * shaped so that statement is built once and prepared (decision 0035).
 */
export function rollupWrites(tx: Tx, rows: FigureCaseRow[], cells: Cell[]): ShapedPart[] {
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
        ]
      : []),
  ];
}

/**
 * Writes the cases' rows and adds each cell's n to its counter, in one statement: one round trip inside the loop's
 * transaction, the counters' rows locked last.
 */
export async function writeRollups(tx: Tx, rows: FigureCaseRow[], cells: Cell[]): Promise<void> {
  if (cells.length === 0) return upsertCases(tx, rows);
  const cases = rows.length ? [tx.$with('figure_cases', {}).as(upsertCasesQuery(tx, rows).getSQL())] : [];
  await tx
    .with(...cases)
    .insert(figureCount)
    .values(cells)
    .onConflictDoUpdate(addToCounter);
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

/** Holds every change of the figures off until the transaction ends (a rebuild must not race the loop's writes). */
export async function lockAll(tx: Tx): Promise<void> {
  await tx.execute(sql`lock table ${figureCase} in exclusive mode`);
  await tx.execute(sql`lock table ${figureCount} in exclusive mode`);
}

export async function deleteBetween(tx: Tx, fromDay: string, toDay: string): Promise<void> {
  await tx.delete(figureCount).where(and(gte(figureCount.day, fromDay), lt(figureCount.day, toDay)));
  await tx.delete(figureCase).where(and(gte(figureCase.day, fromDay), lt(figureCase.day, toDay)));
}
