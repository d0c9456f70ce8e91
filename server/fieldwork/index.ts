import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { HousesService, PeopleEdits } from '../registry/index.ts';
import { visitRoutes } from './visits.routes.ts';
import { createVisitsService } from './visits.service.ts';

export type { VisitsService } from './visits.service.ts';
/** 走访: houses visited in a span, per grid and one by one (what an assessment item counts). */
export { visitCoveragePerGrid, visitsMade } from './visits.store.ts';

/** Field work (走访 now; patrols and tasks later): what grid workers do at the door, written to the base data. */
export async function createFieldwork({
  app,
  db,
  clock,
  guard,
  registry,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  registry: { houses: HousesService; people: PeopleEdits };
}) {
  const visits = createVisitsService({ db, clock, houses: registry.houses, people: registry.people });
  await visitRoutes(app, { visits, guard });
  return { visits };
}
