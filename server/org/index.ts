import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { Guard } from '../access/guard.ts';
import { createOrgService } from './org.service.ts';
import { orgRoutes } from './org.routes.ts';

export function createOrg({ app, db, clock, guard }: { app: Http; db: Db; clock: Clock; guard: Guard }) {
  const service = createOrgService({ db, clock });
  orgRoutes(app, { org: service, guard });
  return { service };
}
