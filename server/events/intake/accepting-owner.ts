/**
 * Who takes a new case when nobody can where it belongs. A case is owned by the grid's area at the item's
 * level; when no enabled centre account is bound to that area, no one could accept it and the level above
 * would only see it to supervise. Then the case is owned by the nearest area above that has a centre account
 * (township → county → city), which accepts it or assigns it down once the area below is staffed. Checked
 * at intake only: the state machine's owner rule stays as it is.
 */
import { ancestorCodes } from '../../../shared/codes.ts';
import { unitMembers } from '../../access/index.ts';
import type { Db } from '../../platform/db.ts';
import { CENTRE_ROLES } from './intake.core.ts';

export type AcceptingOwner = (ownerCode: string) => Promise<{ code: string; widenedFrom: string | null }>;

/** Accounts change rarely and every report asks: the members are kept a few seconds, forgotten on any account write (unitMembers). */
export function createAcceptingOwner(db: Db, now: () => number = Date.now): AcceptingOwner {
  const hasCentre = async (code: string) =>
    (await unitMembers(db, { departments: [], areas: [code], areaRoles: CENTRE_ROLES }, now)).length > 0;
  return async (ownerCode) => {
    if (await hasCentre(ownerCode)) return { code: ownerCode, widenedFrom: null };
    for (const above of ancestorCodes(ownerCode).reverse()) {
      if (await hasCentre(above)) return { code: above, widenedFrom: ownerCode };
    }
    return { code: ownerCode, widenedFrom: null }; // nobody anywhere: it waits where it belongs
  };
}
