import { startOfChinaDay } from '../../shared/china-time.ts';
import type { CaseLog, CaseRef } from '../events/index.ts';
import type { Actor } from '../platform/actor.ts';
import type { Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { ShapedPart } from '../platform/prepared.ts';
import { type CaseFacts, type Cell, caseFacts, cellKey, cellsOf, delta, type Fact, INDICATORS, ratio, sumCells } from './figures.core.ts';
import { type MonthCell, monthCellKey, monthCells, wholeMonths } from './figures.grain.ts';
import { createFigureScope, type FiguresQuery, type ScopeDeps } from './figures.scope.ts';
import * as store from './figures.store.ts';

export type { FiguresQuery } from './figures.scope.ts';

export interface FiguresDeps extends ScopeDeps {
  /** Reports of one matter that make it a repeat (events' REPEAT_REPORTS). */
  repeatReports: number;
  /** The logs of some cases, and of the cases reported in a span (events' front door). */
  caseLogs(tx: Tx, refs: CaseRef[]): Promise<CaseLog[]>;
  caseLogsReported(tx: Tx, q: { from: Date; to: Date }): AsyncGenerator<CaseLog[]>;
}

/** A case's roll-up row from its facts. */
const caseRow = (log: Pick<CaseLog, 'countyCode' | 'id' | 'caseNo'>, f: CaseFacts): store.FigureCaseRow => ({
  countyCode: log.countyCode,
  eventId: log.id,
  caseNo: log.caseNo,
  day: f.day,
  gridCode: f.gridCode,
  unitCode: f.unitCode,
  itemCode: f.itemCode,
  source: f.source,
  status: f.status,
  facts: f.facts,
});

const CHUNK = 1000;
async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<void>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export function createFiguresService(deps: FiguresDeps) {
  const { db } = deps;

  /** Each case's row and the counters' moves, from its facts now and what it counted for before (none: just filed). */
  function rollups(logs: CaseLog[], before: Map<string, store.FigureCaseRow>) {
    const cells: Cell[] = [];
    const rows: store.FigureCaseRow[] = [];
    for (const log of logs) {
      const after = caseFacts(log, deps.repeatReports);
      const was = before.get(`${log.countyCode}:${log.id}`);
      cells.push(...delta(log.countyCode, was ? { ...was, facts: was.facts as Fact[] } : null, after));
      rows.push(caseRow(log, after));
    }
    return { rows, cells: sumCells(cells) };
  }

  /**
   * The hook the loop calls inside each transaction that wrote these cases' actions or warnings: each case's
   * facts are read again from its log, and the counters move by the difference from what it counted for before.
   */
  async function track(tx: Tx, refs: CaseRef[]): Promise<void> {
    const unique = [...new Map(refs.map((r) => [`${r.countyCode}:${r.id}`, r])).values()].sort((a, b) =>
      a.countyCode === b.countyCode ? (a.id < b.id ? -1 : 1) : a.countyCode < b.countyCode ? -1 : 1,
    );
    const before = new Map((await store.lockCases(tx, unique)).map((r) => [`${r.countyCode}:${r.eventId}`, r]));
    const { rows, cells } = rollups(await deps.caseLogs(tx, unique), before);
    await store.writeRollups(tx, rows, cells);
  }

  /** Cases being filed come with their logs and have counted for nothing yet: their rows and counters, as statements of the report's own. */
  function filedWrites(filed: CaseLog[]): ShapedPart[] {
    const { rows, cells } = rollups(filed, new Map());
    return store.rollupWrites(db, rows, cells);
  }

  const { today, resolve, scopeView, periodOf } = createFigureScope(deps);

  return {
    track,
    filedWrites,

    /** Every indicator over one area (and unit, item class) and period, each with its definition and its parts. */
    async indicators(actor: Actor, q: FiguresQuery) {
      const r = await resolve(actor, q);
      const sums = await store.sumFacts(db, r.filter);
      const of = (fact: Fact | null) => (fact ? (sums.get(fact) ?? 0) : 0);
      return {
        ...scopeView(r, q),
        indicators: INDICATORS.map((d) => {
          const numerator = of(d.numerator);
          const denominator = d.denominator ? of(d.denominator) : null;
          return {
            key: d.key,
            kind: d.kind,
            group: d.group,
            name: d.name,
            standard: d.standard,
            definition: d.definition,
            value: d.kind === 'rate' ? ratio(numerator, denominator ?? 0) : numerator,
            numerator: { fact: d.numerator, value: numerator },
            denominator: d.denominator ? { fact: d.denominator, value: denominator ?? 0 } : null,
          };
        }),
      };
    },

    /** The cases one fact counts over the same filter: exactly as many as its figure, a page at a time. */
    async cases(actor: Actor, q: FiguresQuery & { fact: Fact; source?: string; day?: string }, page: { offset: number; limit: number }) {
      const r = await resolve(actor, q);
      if (q.day) periodOf(q.day, 'querystring.day');
      const { total, rows } = await store.casesWith(db, { ...r.filter, fact: q.fact, source: q.source, day: q.day }, page);
      const names = await deps.nodeNames(db, [...new Set(rows.map((c) => c.gridCode))]);
      return {
        ...scopeView(r, q),
        fact: q.fact,
        total,
        items: rows.map((c) => ({
          id: c.eventId,
          caseNo: c.caseNo,
          status: c.status,
          reportedOn: c.day,
          gridCode: c.gridCode,
          gridName: names.get(c.gridCode)?.name ?? c.gridCode,
          unitCode: c.unitCode || null,
          itemCode: c.itemCode,
          source: c.source,
        })),
      };
    },

    /**
     * Recomputes the report days [fromDay, toDay), widened to the whole months they touch, from the action log and
     * compares with the roll-up: every daily counter, every month counter and every case's facts. With `repair`, the
     * months' roll-up is then rewritten from the recomputation, with the loop's writes to the figures held off meanwhile.
     */
    async verify(asked: { fromDay: string; toDay: string; repair?: boolean }) {
      const { fromDay, toDay } = wholeMonths(asked.fromDay, asked.toDay);
      const repair = asked.repair ?? false;
      return db.transaction(
        async (tx) => {
          if (repair) await store.lockAll(tx);
          const recomputedCells = new Map<string, Cell>();
          const recomputedCases = new Map<string, store.FigureCaseRow>();
          const span = { from: startOfChinaDay(fromDay), to: startOfChinaDay(toDay) };
          for await (const logs of deps.caseLogsReported(tx, span)) {
            for (const log of logs) {
              const f = caseFacts(log, deps.repeatReports);
              recomputedCases.set(`${log.countyCode}:${log.id}`, caseRow(log, f));
              for (const c of cellsOf(log.countyCode, f, 1)) {
                const k = cellKey(c);
                const seen = recomputedCells.get(k);
                if (seen) seen.n += 1;
                else recomputedCells.set(k, c);
              }
            }
          }
          const rolled = new Map((await store.countersBetween(tx, fromDay, toDay)).map((c) => [cellKey(c as Cell), c as Cell]));
          const counters: { cell: Omit<Cell, 'n'>; rollup: number; recomputed: number }[] = [];
          for (const k of new Set([...rolled.keys(), ...recomputedCells.keys()])) {
            const a = rolled.get(k)?.n ?? 0;
            const b = recomputedCells.get(k)?.n ?? 0;
            if (a !== b) {
              const { n: _, ...cell } = (rolled.get(k) ?? recomputedCells.get(k))!;
              counters.push({ cell, rollup: a, recomputed: b });
            }
          }
          const recomputedMonths = new Map(monthCells(recomputedCells.values()).map((c) => [monthCellKey(c), c]));
          const rolledMonths = new Map(
            (await store.monthsBetween(tx, fromDay.slice(0, 7), toDay.slice(0, 7))).map((c) => [
              monthCellKey(c as MonthCell),
              c as MonthCell,
            ]),
          );
          const months: { cell: Omit<MonthCell, 'n'>; rollup: number; recomputed: number }[] = [];
          for (const k of new Set([...rolledMonths.keys(), ...recomputedMonths.keys()])) {
            const a = rolledMonths.get(k)?.n ?? 0;
            const b = recomputedMonths.get(k)?.n ?? 0;
            if (a !== b) {
              const { n: _, ...cell } = (rolledMonths.get(k) ?? recomputedMonths.get(k))!;
              months.push({ cell, rollup: a, recomputed: b });
            }
          }
          const rolledCases = new Map((await store.casesBetween(tx, fromDay, toDay)).map((c) => [`${c.countyCode}:${c.eventId}`, c]));
          const cases: { caseNo: string; rollup: string[] | null; recomputed: string[] | null }[] = [];
          for (const k of new Set([...rolledCases.keys(), ...recomputedCases.keys()])) {
            const a = rolledCases.get(k);
            const b = recomputedCases.get(k);
            const same = a && b && a.unitCode === b.unitCode && a.status === b.status && a.facts.join() === b.facts.join();
            if (!same) cases.push({ caseNo: (a ?? b)!.caseNo, rollup: a?.facts ?? null, recomputed: b?.facts ?? null });
          }
          const differs = counters.length > 0 || months.length > 0 || cases.length > 0;
          if (repair && differs) {
            await store.deleteBetween(tx, fromDay, toDay);
            await inChunks(sumCells(recomputedCells.values()), (chunk) => store.writeCounters(tx, chunk));
            await inChunks([...recomputedMonths.values()], (chunk) => store.writeMonths(tx, chunk));
            await inChunks([...recomputedCases.values()], (chunk) => store.upsertCases(tx, chunk));
          }
          return { fromDay, toDay, cases: recomputedCases.size, counters, months, caseDifferences: cases, repaired: repair && differs };
        },
        { isolationLevel: 'repeatable read' },
      );
    },

    /** A period as the CLI gives it (--from/--to, inclusive China dates), checked like the API's. */
    span(from: string | undefined, to: string | undefined) {
      const t = today();
      const first = from ? periodOf(from, 'from') : periodOf(t.slice(0, 7), 'from');
      const last = to ? periodOf(to, 'to') : periodOf(t, 'to');
      if (first.kind !== 'day' && from)
        throw new AppError('request.invalid', [{ field: 'from', reason: 'figures.period_invalid', value: from }]);
      if (last.kind !== 'day' && to) throw new AppError('request.invalid', [{ field: 'to', reason: 'figures.period_invalid', value: to }]);
      if (first.fromDay > last.fromDay)
        throw new AppError('request.invalid', [{ field: 'from', reason: 'event.date_range_invalid', value: `${from} > ${to}` }]);
      return { fromDay: first.fromDay, toDay: last.toDay };
    },
  };
}

export type FiguresService = ReturnType<typeof createFiguresService>;
