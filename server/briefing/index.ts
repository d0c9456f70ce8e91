import { userNames } from '../access/index.ts';
import { rankingsFor, type UnitSanctions } from '../assessment/index.ts';
import { catalogueItemNames, supervisedCaseNos } from '../events/index.ts';
import { casesNumbered, countedCases, FACTS, factSumsPer, INDICATORS, PeriodError, parsePeriod } from '../figures/index.ts';
import { departmentsByCode } from '../org/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { PdfRenderer } from '../platform/pdf.ts';
import { nodeNames } from '../territory/index.ts';
import { createContent } from './briefing.content.ts';
import { briefingRoutes } from './briefing.routes.ts';
import { createBriefingService } from './briefing.service.ts';

export type { BriefingService } from './briefing.service.ts';

/** Grid codes with cases reported in report days [fromDay, toDay), every area (the figures' roll-up). */
async function gridsWithCases(tx: Tx, fromDay: string, toDay: string) {
  return [...(await factSumsPer(tx, { prefix: '', fromDay, toDay, facts: ['reported'], by: 'gridCode' })).keys()];
}

/**
 * 通报 (briefing): a month's or quarter's notice of an area — the figures from the roll-up, the rankings, the units
 * under sanction, repeat orders and typical cases — generated on demand or by the schedule, frozen, printed as a
 * PDF with charts and as a workbook (decision 0024). The loop's sanctions come in through `unitSanctions`.
 */
export function createBriefing({
  app,
  db,
  clock,
  guard,
  pdf,
  unitSanctions,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  pdf: PdfRenderer;
  unitSanctions: UnitSanctions;
}) {
  const content = createContent({
    db,
    indicators: INDICATORS,
    facts: FACTS,
    factSumsPer,
    casesNumbered,
    countedCases,
    rankingsFor,
    unitSanctions,
    nodeNames,
    departmentsByCode,
    itemNames: catalogueItemNames,
    supervisedCaseNos,
    parsePeriod,
  });
  const service = createBriefingService({
    db,
    clock,
    content,
    pdf,
    nodeNames,
    userNames,
    parsePeriod,
    isPeriodError: (e): e is PeriodError => e instanceof PeriodError,
    gridsWithCases,
  });
  briefingRoutes(app, { briefings: service, guard });
  return { service };
}
