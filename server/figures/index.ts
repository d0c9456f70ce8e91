import { caseLogs, caseLogsReported, catalogueItemNames, REPEAT_REPORTS } from '../events/index.ts';
import { departmentsByCode } from '../org/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { nodeNames } from '../territory/index.ts';
import { createCommandCentre } from './command.service.ts';
import { figuresRoutes } from './figures.routes.ts';
import { createFiguresService } from './figures.service.ts';
import * as store from './figures.store.ts';

export { FACTS, type Fact, INDICATORS, nextDay, type Period, PeriodError, parsePeriod } from './figures.core.ts';
export type { FiguresService } from './figures.service.ts';

/**
 * The fact sums of report days [fromDay, toDay) per grid or per lead unit, under an area prefix (assessment reads
 * every assessee of a run from one query; the caller has checked the area is the reader's).
 */
export async function factSumsPer(
  tx: Tx,
  q: { prefix: string; fromDay: string; toDay: string; facts: readonly string[]; by: 'gridCode' | 'unitCode' },
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const row of await store.sumFactsPer(tx, q)) {
    const m = out.get(row.key) ?? new Map<string, number>();
    m.set(row.fact, row.n);
    out.set(row.key, m);
  }
  return out;
}

/** The cases one fact counts in an area (or some grids of it, or for a lead unit) over report days: the figures' drill-down. */
export async function countedCases(
  tx: Tx,
  q: { prefix: string; gridCodes?: string[]; unitCode?: string; fromDay: string; toDay: string; fact: string },
  page: { offset: number; limit: number },
) {
  const { prefix, ...rest } = q;
  return store.casesWith(tx, { ...rest, scope: { prefixes: [prefix], ancestors: [] }, areaPrefix: prefix }, page);
}

/** Of some case numbers, those of cases reported in an area over report days [fromDay, toDay), with their rows. */
export async function casesNumbered(tx: Tx, q: { prefix: string; fromDay: string; toDay: string }, caseNos: string[]) {
  return store.casesNumbered(tx, { ...q, scope: { prefixes: [q.prefix], ancestors: [] }, areaPrefix: q.prefix }, caseNos);
}

/**
 * 指标 (figures): indicators over areas, units and periods, from roll-ups kept as cases move (decision 0016). The
 * loop tells the figures of each change through `service.track`, which app.ts registers on events.
 */
export function createFigures({
  app,
  db,
  clock,
  guard,
  tiandituKey,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  tiandituKey: string | null;
}) {
  const service = createFiguresService({
    db,
    clock,
    repeatReports: REPEAT_REPORTS,
    caseLogs,
    caseLogsReported,
    nodeNames,
    departmentsByCode,
  });
  const command = createCommandCentre({ db, clock, nodeNames, departmentsByCode, itemNames: catalogueItemNames, tiandituKey });
  figuresRoutes(app, { figures: service, command, guard });
  return { service };
}
