/**
 * Who belongs to some units (`usersOfUnits`), kept a few seconds per database and units (decision 0035): every
 * report asks who its new stage's unit is, and who may accept where it fell. The same forget-on-write rule as the
 * guard's actors (session-cache.ts, decision 0032): any write of accounts or bindings in this process makes every
 * kept answer stale at once, and an answer read while such a write was in flight is not kept; a change made by
 * another server on the same database shows within UNIT_MEMBERS_MS.
 */

import type { Db } from '../platform/db.ts';
import { usersOfUnits } from './access.store.ts';
import { accountsGeneration } from './session-cache.ts';

/** How long one read of a unit's members serves: the bound on a change seen from another server. */
export const UNIT_MEMBERS_MS = 5_000;
/** Answers kept at most per database; past that the oldest goes first. */
const MAX_ENTRIES = 10_000;

type Units = Parameters<typeof usersOfUnits>[1];
interface Entry {
  ids: Promise<string[]>;
  generation: number;
  at: number;
}

const kept = new WeakMap<Db, Map<string, Entry>>();

/** The enabled accounts of these units (a department's staff, an area's accounts holding one of `areaRoles`). */
export function unitMembers(db: Db, units: Units, now: () => number = Date.now): Promise<string[]> {
  const entries = kept.get(db) ?? new Map<string, Entry>();
  kept.set(db, entries);
  const key = JSON.stringify([[...units.departments].sort(), [...units.areas].sort(), [...units.areaRoles].sort()]);
  const e = entries.get(key);
  const at = now();
  if (e && e.generation === accountsGeneration() && at >= e.at && at - e.at < UNIT_MEMBERS_MS) return e.ids;
  const generation = accountsGeneration();
  const ids = usersOfUnits(db, units);
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  const entry = { ids, generation, at };
  entries.set(key, entry);
  // A failed read is not kept, nor one a write overtook while it ran.
  const forget = () => {
    if (entries.get(key) === entry) entries.delete(key);
  };
  ids.then(() => {
    if (accountsGeneration() !== generation) forget();
  }, forget);
  return ids;
}
