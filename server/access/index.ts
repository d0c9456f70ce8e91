import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { createFieldCrypto } from '../platform/field-crypto.ts';
import { resolveFieldKeys } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import { accessRoutes } from './access.routes.ts';
import { createAccessService } from './access.service.ts';
import { adminChangeRoutes } from './admin-change.routes.ts';
import { createAdminChangesService } from './admin-changes.service.ts';
import { auditRoutes } from './audit.routes.ts';
import { createGuard } from './guard.ts';
import { hostSignOnRoutes } from './host-sign-on.routes.ts';
import { createHostSignOnService } from './host-sign-on.service.ts';
import { sessionRoutes } from './sessions.routes.ts';
import { createSessionsService } from './sessions.service.ts';
import { twoFactorRoutes } from './two-factor.routes.ts';
import { createTwoFactorService } from './two-factor.service.ts';

export type { Guard } from '../platform/actor.ts';
export type { AccessService, Actor } from './access.service.ts';
/** Narrow reads other areas need: names of users, who belongs to a unit, what users are bound to, a department's staff. */
export {
  bindingsOf,
  holdersOfRole,
  staffCounts,
  staffOf,
  teamAccounts,
  teamsOfGrids,
  userNames,
  usersOfUnits,
} from './access.store.ts';
/** The accounts' phones as sealed: the SMS sender opens them where it sends. */
export { sealedPhonesOf } from './account-phones.ts';
export { consoleActor } from './console-actor.ts';
export { unitMembers } from './unit-members.ts';

export function createAccess({ app, db, clock, config }: { app: Http; db: Db; clock: Clock; config: Config }) {
  const adminChanges = createAdminChangesService({ db, clock });
  const fieldCrypto = createFieldCrypto(resolveFieldKeys(config));
  const service = createAccessService({ db, clock, config, adminChanges, fieldCrypto });
  const twoFactor = createTwoFactorService({ db, clock, config, fieldCrypto });
  const guard = createGuard(service);
  // who am I, sign out and the password change admit every step to take first; enrolment admits its own
  const signInGuard = createGuard(service, { admits: ['password_change', 'totp_enrolment'] });
  const enrolmentGuard = createGuard(service, { admits: ['totp_enrolment'] });
  accessRoutes(app, { access: service, twoFactor, guard, signInGuard, clock, config });
  twoFactorRoutes(app, { twoFactor, guard, enrolmentGuard });
  sessionRoutes(app, { sessions: createSessionsService({ db, clock, config }), guard });
  adminChangeRoutes(app, { adminChanges, guard });
  auditRoutes(app, { db, clock, guard });
  hostSignOnRoutes(app, { hostSignOn: createHostSignOnService({ db, clock, config, access: service }), guard, config, clock });
  return { service, guard };
}
