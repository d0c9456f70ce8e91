import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { Guard } from '../platform/actor.ts';
import { createOrgService, type StaffOf } from './org.service.ts';
import { orgRoutes } from './org.routes.ts';

/** Narrow reads other areas need: which departments exist, their names and areas, the grids they claimed. */
export { claimsOfGrid, departmentExists, departmentsByCode, listDepartments } from './org.store.ts';
/** Writes the demo loader and the test fixtures make. */
export { insertClaim, insertDepartment } from './org.store.ts';

export function createOrg({ app, db, clock, guard, staffOf }: { app: Http; db: Db; clock: Clock; guard: Guard; staffOf: StaffOf }) {
  const service = createOrgService({ db, clock, staffOf });
  orgRoutes(app, { org: service, guard });
  return { service };
}
