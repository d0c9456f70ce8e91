import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { createCalendar } from '../platform/calendar.core.ts';
import type { Guard } from '../access/guard.ts';
import type { TerritoryService } from '../territory/index.ts';
import { createEventsService } from './events.service.ts';
import { eventsRoutes } from './events.routes.ts';

export function createEvents({ app, db, clock, guard, territory }: { app: Http; db: Db; clock: Clock; guard: Guard; territory: TerritoryService }) {
  const service = createEventsService({ db, clock, calendar: createCalendar(), territory });
  eventsRoutes(app, { events: service, guard });
  return { service };
}
