/**
 * Who takes a new case when nobody can where it belongs. A case is owned by the grid's area at the item's
 * level; when no enabled centre account is bound to that area, no one could accept it and the level above
 * would only see it to supervise. Then the case is owned by the nearest area above that has a centre account
 * (township → county → city), which accepts it or assigns it down once the area below is staffed. Checked
 * at intake only: the state machine's owner rule stays as it is.
 */
import { ancestorCodes } from '../../../shared/codes.ts';
import { usersOfUnits } from '../../access/index.ts';
import type { Db } from '../../platform/db.ts';
import { CENTRE_ROLES } from './intake.core.ts';

/** Accounts change rarely; every report asks, so a short memory spares a query per report. */
const TTL_MS = 5_000;

export type AcceptingOwner = (ownerCode: string) => Promise<{ code: string; widenedFrom: string | null }>;

export function createAcceptingOwner(db: Db, now: () => number = Date.now): AcceptingOwner {
  const staffed = new Map<string, { at: number; yes: boolean }>();
  async function hasCentre(code: string): Promise<boolean> {
    const known = staffed.get(code);
    if (known && now() - known.at < TTL_MS) return known.yes;
    const yes = (await usersOfUnits(db, { departments: [], areas: [code], areaRoles: CENTRE_ROLES })).length > 0;
    staffed.set(code, { at: now(), yes });
    return yes;
  }
  return async (ownerCode) => {
    if (await hasCentre(ownerCode)) return { code: ownerCode, widenedFrom: null };
    for (const above of ancestorCodes(ownerCode).reverse()) {
      if (await hasCentre(above)) return { code: above, widenedFrom: ownerCode };
    }
    return { code: ownerCode, widenedFrom: null }; // nobody anywhere: it waits where it belongs
  };
}
