import type { ChannelIntake } from '../events/index.ts';
import type { KeyHolder } from '../open311/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { hotlineRoutes } from './hotline.routes.ts';

export { pushOrder, startHotlineSimulator } from './hotline-simulator.ts';

import { createHotlineService } from './hotline.service.ts';

/**
 * The 12345 hotline both ways (docs/integrations/hotline.md): its work orders come in as hotline cases through the
 * loop's channel intake, authenticated with Open311's API keys issued for the hotline interface; every change it needs
 * goes back through the signed webhooks' outbox (a subscription for the hotline).
 */
export function createHotline({
  app,
  db,
  clock,
  channels,
  keyHolder,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  channels: ChannelIntake;
  keyHolder: KeyHolder;
}) {
  hotlineRoutes(app, { hotline: createHotlineService({ db, clock, channels, keyHolder }) });
}
