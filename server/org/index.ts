import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { orgRoutes } from './org.routes.ts';
import { createOrgService, type StaffCounts, type StaffOf } from './org.service.ts';

/** Narrow reads other areas need: which departments exist, their names and areas, the grids they claimed. */
/** Writes the demo loader and the test fixtures make. */
export {
  claimedGrids,
  claimsOfGrid,
  departmentExists,
  departmentInScope,
  departmentNameOf,
  departmentsByCode,
  insertClaim,
  insertDepartment,
  listDepartments,
} from './org.store.ts';

export function createOrg({
  app,
  db,
  clock,
  guard,
  staffOf,
  staffCounts,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  staffOf: StaffOf;
  staffCounts: StaffCounts;
}) {
  const service = createOrgService({ db, clock, staffOf, staffCounts });
  orgRoutes(app, { org: service, guard });
  return { service };
}
