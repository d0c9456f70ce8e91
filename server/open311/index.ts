import type { ChannelIntake } from '../events/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import { clientsRoutes } from './clients.routes.ts';
import { createClientsService } from './clients.service.ts';
import { open311Routes } from './open311.routes.ts';
import { createOpen311Service } from './open311.service.ts';

/**
 * Open311 GeoReport v2 (docs/integrations/open311.md): any civic client reads the services and posts citizen reports of the loop
 * with its county's API key, and reads them back with their state. It uses the loop only through the channel intake
 * events/index.ts hands over (app.ts passes it in).
 */
export function createOpen311({
  app,
  db,
  clock,
  config,
  guard,
  channels,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  channels: ChannelIntake;
}) {
  const fieldCrypto = openFieldCrypto(config);
  const open311 = createOpen311Service({ db, clock, channels, fieldCrypto });
  const clients = createClientsService({ db, clock, channels, fieldCrypto });
  open311Routes(app, { open311, config });
  clientsRoutes(app, { clients, guard });
  return {
    open311,
    clients,
    /** The live client holding an API key for an interface (the hotline's push uses Open311's keys). */
    keyHolder: clients.holder,
  };
}

export type KeyHolder = ReturnType<typeof createOpen311>['keyHolder'];
