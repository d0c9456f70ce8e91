import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { burdenRoutes } from './burden.routes.ts';
import { createBurdenService } from './burden.service.ts';

/** The field settings in force in a county (the county's own over the defaults, every switch off by default). */
export { fieldSettingsOf } from './burden.service.ts';

/**
 * Field burden (基层减负): a county's switches for what may be asked of field workers — tracks, zero reports, and any
 * such feature to come — each off by default and changed only by the county, audited; and the time each entry took
 * its worker, shown back to them as this week's figure. Imports no area, so any area may read the switches.
 */
export async function createBurden({ app, db, clock, guard }: { app: Http; db: Db; clock: Clock; guard: Guard }) {
  const burden = createBurdenService({ db, clock });
  await burdenRoutes(app, { burden, guard });
  return { burden };
}
