import type { ChannelIntake } from '../events/index.ts';
import type { FileStore } from '../files/index.ts';
import type { KeyHolder } from '../open311/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { TerritoryService } from '../territory/index.ts';
import { alarmsRoutes } from './alarms.routes.ts';
import { createAlarmsService } from './alarms.service.ts';
import { createDevicesService } from './devices.service.ts';

/**
 * Alarms from video and sensor platforms (docs/integrations/alarms.md): each becomes a case of the loop through its
 * channel intake, once per device, item and de-duplication window, authenticated with Open311's API keys issued for
 * the alarms interface; the county centre registers the devices and the points they watch.
 */
export function createAlarms(deps: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  channels: ChannelIntake;
  keyHolder: KeyHolder;
  files: FileStore;
  territory: TerritoryService;
}) {
  const alarms = createAlarmsService(deps);
  const devices = createDevicesService(deps);
  alarmsRoutes(deps.app, { alarms, devices, guard: deps.guard });
}
