import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import * as store from './access.store.ts';
import { changingAccounts } from './session-cache.ts';
import { sha256 } from './session-open.ts';

/** A user's own sessions: seen, and ended one by one or all but this one. */
export function createSessionsService({ db, clock, config }: { db: Db; clock: Clock; config: Config }) {
  const limits = () => {
    const now = clock();
    return { now, idleSince: new Date(now.getTime() - config.session.idleMinutes * 60_000) };
  };

  return {
    async findSessions(actor: Actor, token: string) {
      const rows = await store.sessionsOf(db, actor.id, sha256(token), limits());
      return rows.map((r) => ({
        ...r,
        createdAt: r.createdAt.toISOString(),
        lastSeenAt: r.lastSeenAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
      }));
    },

    /** Ends another of the caller's sessions; this one ends by signing out. */
    async endSession(actor: Actor, token: string, id: string) {
      await changingAccounts(db, async (tx) => {
        if (!(await store.removeSessionOfUser(tx, actor.id, id, sha256(token)))) {
          throw new AppError('session.not_found', [{ field: 'params.id', reason: 'session.not_found', value: id }]);
        }
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'auth.session_ended', target: id });
      });
    },

    async endOtherSessions(actor: Actor, token: string) {
      return changingAccounts(db, async (tx) => {
        const ended = await store.removeSessionsOfUser(tx, actor.id, sha256(token));
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'auth.other_sessions_ended', detail: { ended } });
        return ended;
      });
    },
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
