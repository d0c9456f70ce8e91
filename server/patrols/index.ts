import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { TerritoryService } from '../territory/index.ts';
import { patrolRoutes } from './patrols.routes.ts';
import { createPatrolsService } from './patrols.service.ts';

/**
 * 巡查 and 零报告: a worker's or department's patrol kept as a summary (when, how long, which grids, the cases filed
 * during it, read from the loop), a GPS track only where the county keeps tracks and for its days, and a village's
 * daily zero report where the county offers it. Sits above events (it reads the cases a worker filed) and reads the
 * county's switches from burden.
 */
export async function createPatrols({
  app,
  db,
  clock,
  guard,
  territory,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  territory: TerritoryService;
}) {
  const patrols = createPatrolsService({ db, clock, locate: (lng, lat) => territory.locate(lng, lat) });
  await patrolRoutes(app, { patrols, guard });
  return { patrols };
}
