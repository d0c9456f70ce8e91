import { inArray } from 'drizzle-orm';
import type { Db } from '../platform/db.ts';
import { appUser } from '../access/access.tables.ts';
import { consoleActor } from '../access/console-actor.ts';
import { changesOf } from './registry.store.ts';

/**
 * The history of one record with the names of who made each change, and the name of who last verified it:
 * the record's drawer shows people, not user ids.
 */
export async function historyWithNames(db: Db, recordType: string, recordKey: string, verifiedBy: string | null) {
  const history = await changesOf(db, recordType, recordKey);
  const ids = [...new Set([verifiedBy, ...history.map((h) => h.actorId)].filter((x): x is string => !!x))];
  const names = new Map(ids.length ? (await db.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, ids))).map((u) => [u.id, u.name]) : []);
  names.set(consoleActor.id, consoleActor.displayName);
  return {
    verifiedBy: verifiedBy ? (names.get(verifiedBy) ?? null) : null,
    history: history.map((h) => ({ at: h.at.toISOString(), actorId: h.actorId, actorName: h.actorId ? (names.get(h.actorId) ?? null) : null, before: h.before, after: h.after })),
  };
}
