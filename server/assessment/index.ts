import type { AssesseeKind } from '../../shared/enums.ts';
import { parsePeriod } from '../figures/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { scopeOf } from '../platform/scope.ts';
import { assessmentRoutes } from './assessment.routes.ts';
import { createAssessmentService } from './assessment.service.ts';
import { publishedStarsOf } from './assessment.store.ts';
import { rankingsOf, type UnitSanctions } from './rankings.ts';

export type { AssessmentService } from './assessment.service.ts';
export type { UnitSanctions } from './rankings.ts';

/**
 * 考核 (assessment): schemes per kind of assessee, monthly results computed from the figures, base data and visits,
 * reviewed, adjusted with a reason and published (then frozen), and the rankings read from published months
 * (decision 0023). The loop's five-colour sanctions come in through `unitSanctions` (app.ts hands them in).
 */
export function createAssessment({
  app,
  db,
  clock,
  guard,
  unitSanctions,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  unitSanctions: UnitSanctions;
}) {
  const service = createAssessmentService({ db, clock, unitSanctions });
  assessmentRoutes(app, { assessment: service, guard });
  return { service };
}

/**
 * The ranking of one kind of assessee in an area over a month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY), from
 * published results, with the change since the period before: what a briefing (通报) prints. `today` is the China
 * date the period must have begun by. The sanctioned units are left to the caller (events' unitSanctions).
 */
export function rankingsFor(db: Db, q: { areaCode: string; kind: AssesseeKind; period: string; today: string }) {
  return rankingsOf(db, {
    scope: scopeOf([q.areaCode]),
    areaCode: q.areaCode,
    kind: q.kind,
    period: parsePeriod(q.period, q.today, 'period'),
  });
}

/**
 * 以星定级: the stars (1–5) each grid worker of a county earned in a month's published assessment (the county's own
 * scheme before a city-wide one), with the result that explains them. Nothing for a month not published.
 */
export async function publishedStars(
  tx: Tx,
  q: { countyCode: string; period: string },
): Promise<{ workerId: string; name: string; stars: number; score: number; resultId: string }[]> {
  const rows = await publishedStarsOf(tx, q);
  const best = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!best.has(r.workerId) || r.runArea === q.countyCode) best.set(r.workerId, r);
  return [...best.values()].map((r) => ({
    workerId: r.workerId,
    name: r.name,
    stars: Number(r.band),
    score: r.score,
    resultId: r.resultId,
  }));
}
