/**
 * Counts sign-in attempts per key (an account name, a client address) in fixed windows, so a burst is slowed
 * before any password is checked. An attempt is counted when it starts (so concurrent guesses are counted too)
 * and handed back when it succeeds, so only failures use up the allowance: an office signing in behind one
 * address is not refused, a guesser is. In memory, per server: the lock in the database is what holds across
 * several servers; this only slows.
 */
export interface AttemptLimit {
  max: number;
  windowMinutes: number;
}

export type Taken = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Past this many keys, windows that have ended are dropped (a guesser spraying names cannot grow it forever). */
const PRUNE_AT = 10_000;

export function createAttemptLimiter({ max, windowMinutes }: AttemptLimit) {
  const windowMs = windowMinutes * 60_000;
  const windows = new Map<string, { count: number; resetAt: number }>();

  function prune(now: number) {
    for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
  }

  return {
    /** Counts one attempt under `key`, or refuses it (uncounted) when the window's allowance is used up. */
    take(key: string, now: Date): Taken {
      const at = now.getTime();
      if (windows.size >= PRUNE_AT) prune(at);
      let w = windows.get(key);
      if (!w || w.resetAt <= at) {
        w = { count: 0, resetAt: at + windowMs };
        windows.set(key, w);
      }
      if (w.count >= max) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - at) / 1000)) };
      w.count++;
      return { allowed: true };
    },
    /** Hands back an attempt that succeeded (or was refused by another limit). */
    refund(key: string) {
      const w = windows.get(key);
      if (w && w.count > 0) w.count--;
    },
  };
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;
