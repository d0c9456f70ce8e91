import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { HousesService, PeopleEdits } from '../registry/index.ts';
import { alertRoutes } from './alerts.routes.ts';
import { createAlertsService, type NotifyIn, type RaiseDispute, type ReportEvent } from './alerts.service.ts';
import type { FollowerMoved } from './follow-up-assignment.service.ts';
import { followUpRoutes } from './followups.routes.ts';
import { createFollowUpsService } from './followups.service.ts';
import { visitRoutes } from './visits.routes.ts';
import { createVisitsService } from './visits.service.ts';

export type { AlertNotice, NotifyIn, RaiseDispute, ReportEvent } from './alerts.service.ts';
/**
 * For a warnings rule: the tagged people of a jurisdiction whose follow-up is missed on a day (past due or never); for
 * the to-do: how many of those a worker follows up are missed or due soon.
 */
export type { FollowerMoved } from './follow-up-assignment.service.ts';
export { followUpsDueOf, missedFollowUps } from './followups.schedule.ts';
export type { VisitsService } from './visits.service.ts';
/** 走访: houses visited in a span, per grid and one by one (what an assessment item counts). */
export { visitCoveragePerGrid, visitsMade } from './visits.store.ts';

/**
 * Field work: what grid workers do at the door, written to the base data — house visits (走访), the follow-ups of key
 * persons and special groups (随访, made as visits, by the grid team or a follower the village or township named), and the alerts of ten-household groups (十户联防). What it needs of
 * the areas above it (the inbox, filing a case, recording a dispute) app.ts hands in.
 */
export async function createFieldwork({
  app,
  db,
  clock,
  guard,
  registry,
  notifyIn,
  reportEvent,
  raiseDispute,
  followerMoved,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  registry: { houses: HousesService; people: PeopleEdits };
  notifyIn: NotifyIn;
  reportEvent: ReportEvent;
  raiseDispute: RaiseDispute;
  /** A person's follow-up moved to another grid: their open missed_visits warnings follow (disputes). */
  followerMoved: FollowerMoved;
}) {
  const visits = createVisitsService({ db, clock, houses: registry.houses, people: registry.people });
  await visitRoutes(app, { visits, guard });
  await followUpRoutes(app, { followUps: createFollowUpsService({ db, clock, visits, followerMoved }), guard });
  await alertRoutes(app, { alerts: createAlertsService({ db, clock, notifyIn, reportEvent, raiseDispute }), guard });
  return { visits };
}
