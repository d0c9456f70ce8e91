import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import type { SmsCodes } from '../sms/index.ts';
import { citizensRoutes } from './citizens.routes.ts';
import { createCitizensService } from './citizens.service.ts';

/**
 * Citizens without an account (docs/integrations/sms.md, "My reports"): the public pages' "my reports", opened by a
 * one-time code sent through the SMS gateway and bound to the phone's keyed hash.
 */
export function createCitizens({ app, db, clock, config, codes }: { app: Http; db: Db; clock: Clock; config: Config; codes: SmsCodes }) {
  const citizens = createCitizensService({
    db,
    clock,
    fieldCrypto: openFieldCrypto(config),
    codes,
    sessionMinutes: config.sms.citizenSessionMinutes,
    resendSeconds: config.sms.codes.resendSeconds,
    ttlMinutes: config.sms.codes.ttlMinutes,
  });
  citizensRoutes(app, { citizens, config });
}
