import type { KeyHolder } from '../open311/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import { provinceRoutes } from './province.routes.ts';
import { createProvinceService, type KeysInScope } from './province.service.ts';

export type { ExchangeRecord } from './province.core.ts';
export { receiverSeal } from './province-seal.ts';
export { createFileReceiver, type ProvinceReceiver, pullAll, startProvinceSimulator } from './province-simulator.ts';

/**
 * Exchange with the province platform (docs/integrations/province.md): an incremental export of base data and cases
 * by county since a watermark, pulled with Open311's API keys issued for the province interface or written to a file.
 * It reads base data and cases through registry's and events' front doors.
 */
export function createProvince({
  app,
  db,
  clock,
  config,
  guard,
  keyHolder,
  keysInScope,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  keyHolder: KeyHolder;
  keysInScope: KeysInScope;
}) {
  const province = createProvinceService({ db, clock, keyHolder, keysInScope, fieldCrypto: openFieldCrypto(config) });
  provinceRoutes(app, { province, guard });
  return { province };
}
