/**
 * The guard's actors, kept a few seconds per session token (decision 0032): a request in that time makes no read
 * of the session, the user, the bindings or the area names. Revocation stays prompt:
 * - in this process at once: every write to accounts, bindings or sessions (`accountsChanged`, from the store's
 *   writes and again after each such transaction ends, `changingAccounts`) makes every cached actor stale, and an
 *   actor read while such a write was in flight is not kept;
 * - in another server on the same database within SESSION_CACHE_MS, when the entry is read again.
 * An entry never outlives its session's absolute limit, its idle limit, or the minute after which last seen is
 * written again (the read that writes it is not skipped).
 */

import type { Actor } from '../platform/actor.ts';
import type { Db, Tx } from '../platform/db.ts';

/** How long one read of a session serves its requests: the bound on revocation seen from another server. */
export const SESSION_CACHE_MS = 5_000;
/** Sessions kept at most; past that the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

let generation = 0;

/** The count of account writes so far: a copy read under an older one is stale (also the units' members: unit-members.ts). */
export const accountsGeneration = () => generation;

/** Every cached actor is stale from now on: an account, a binding or a session was written (or is being). */
export function accountsChanged() {
  generation++;
}

/** A transaction that writes accounts, bindings or sessions: cached actors are stale before it starts and after it ends. */
export async function changingAccounts<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  accountsChanged();
  try {
    return await db.transaction(work);
  } finally {
    accountsChanged();
  }
}

interface Entry {
  actor: Actor;
  generation: number;
  loadedAt: number;
  /** The session's absolute end, and its last seen as read (or as just written). */
  expiresAt: number;
  lastSeenAt: number;
}

export function createSessionCache({ idleMs, lastSeenStepMs }: { idleMs: number; lastSeenStepMs: number }) {
  const entries = new Map<string, Entry>();
  return {
    /** The generation a read starts under: `put` keeps its result only if nothing was written meanwhile. */
    begin: accountsGeneration,

    get(tokenHash: string, now: number): Actor | null {
      const e = entries.get(tokenHash);
      if (!e) return null;
      const fresh =
        e.generation === generation &&
        now >= e.loadedAt &&
        now - e.loadedAt < SESSION_CACHE_MS &&
        now < e.expiresAt &&
        now - e.lastSeenAt < Math.min(idleMs, lastSeenStepMs);
      if (fresh) return e.actor;
      entries.delete(tokenHash);
      return null;
    },

    put(tokenHash: string, startedUnder: number, e: Omit<Entry, 'generation'>) {
      if (startedUnder !== generation) return;
      entries.delete(tokenHash);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(tokenHash, { ...e, generation: startedUnder });
    },
  };
}
