import { FOLLOWERS } from '../../shared/followups.ts';
import { REASON } from '../../shared/limits.ts';
import { teamAccounts } from '../access/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { nodeNames } from '../territory/index.ts';
import { itemViews, mayAssign, scheduled } from './followups.schedule.ts';
import * as store from './followups.store.ts';

/**
 * Told when a person's follow-up moves to another grid (a follower named or taken back), inside that transaction:
 * the missed_visits warnings still open on them move to the units of that grid (disputes, handed in by app.ts).
 */
export type FollowerMoved = (
  tx: Tx,
  move: { countyCode: string; personId: string; gridCode: string },
) => Promise<{ warningId: string; from: string; to: string }[]>;

/**
 * 指定随访人: a village or township centre names one tagged person's follower over the plan's grid role, with a
 * reason, or gives them back to the grid team. Each change is audited, and the person's open missed_visits warnings
 * follow the grid the follow-up is then made from.
 */
export function createFollowUpAssignments({ db, clock, followerMoved }: { db: Db; clock: Clock; followerMoved: FollowerMoved }) {
  /** The person as the caller may name their follower: in scope and the caller a centre of their village or township. */
  async function assignable(tx: Tx, actor: Actor, personId: string) {
    const [one] = await scheduled(tx, actor.scope, { personId }, clock());
    if (!one) throw new AppError('followup.not_found', [{ field: 'personId', reason: 'not_found', value: personId }]);
    if (!mayAssign(actor, one.person))
      throw new AppError('followup.not_assigner', [{ field: 'personId', reason: 'outside_your_area', value: personId }]);
    return one;
  }

  /** The accounts of a follower role bound to grids of the caller's jurisdiction in the person's county. */
  async function candidates(tx: Tx, actor: Actor, countyCode: string) {
    const prefixes = actor.scope.prefixes.filter((p) => p.startsWith(countyCode));
    return (await teamAccounts(tx, { prefixes }, FOLLOWERS)).map((a) => ({
      ...a,
      areaCodes: a.areaCodes.filter((c) => codeInScope(c, actor.scope)),
    }));
  }

  const checkReason = (reason: string | undefined) => {
    const r = (reason ?? '').trim();
    return r.length < REASON.min || r.length > REASON.max
      ? [{ field: 'reason', reason: r.length === 0 ? 'required' : 'length', value: String(r.length) }]
      : [];
  };

  /** Writes the assignment (or takes it back), audits it and moves the open warnings, in one transaction. */
  async function putAssignment(actor: Actor, personId: string, input: { followerId: string | null; reason: string; version: number }) {
    return db.transaction(async (tx) => {
      const one = await assignable(tx, actor, personId);
      const problems = checkReason(input.reason);
      let gridCode: string | null = null;
      if (input.followerId === null && !one.person.assignment)
        problems.push({ field: 'followerId', reason: 'none_named', value: personId });
      if (input.followerId !== null) {
        const follower = (await candidates(tx, actor, one.person.countyCode)).find((c) => c.id === input.followerId);
        if (!follower) problems.push({ field: 'followerId', reason: 'not_a_follower_here', value: input.followerId });
        else gridCode = follower.areaCodes.includes(one.person.gridCode) ? one.person.gridCode : follower.areaCodes[0];
      }
      if (problems.length) throw new AppError('followup.assignment_invalid', problems);
      if (one.person.assignmentVersion !== input.version)
        throw new AppError('registry.record_changed', [{ field: 'version', reason: 'stale', value: String(one.person.assignmentVersion) }]);
      const now = clock();
      const key = { countyCode: one.person.countyCode, personId };
      const saved = await store.putAssignment(tx, key, input.version, {
        followerId: input.followerId,
        gridCode,
        reason: input.reason.trim(),
        assignedBy: actor.id,
        assignedByName: actor.displayName,
        assignedAt: now,
      });
      if (!saved) throw new AppError('registry.record_changed', [{ field: 'version', reason: 'stale', value: String(input.version) }]);
      const warningsMoved = await followerMoved(tx, { ...key, gridCode: gridCode ?? one.person.gridCode });
      const [after] = await scheduled(tx, actor.scope, { personId }, now);
      const [item] = await itemViews(tx, actor, [after]);
      await recordAudit(tx, {
        at: now,
        actorId: actor.id,
        action: input.followerId ? 'followup.assigned' : 'followup.assignment_removed',
        target: personId,
        detail: {
          followerId: input.followerId,
          before: one.named?.followerId ?? null,
          gridCode,
          reason: input.reason.trim(),
          warningsMoved,
        },
      });
      return item;
    });
  }

  return {
    /** Whom a village or township centre may name as this person's follower: the grid team accounts under it (audited). */
    async followers(actor: Actor, personId: string) {
      return db.transaction(async (tx) => {
        const one = await assignable(tx, actor, personId);
        const accounts = await candidates(tx, actor, one.person.countyCode);
        const names = await nodeNames(tx, [...new Set(accounts.flatMap((a) => a.areaCodes))]);
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'followup.read', target: personId, detail: { followers: true } });
        return {
          items: accounts.map((a) => ({
            id: a.id,
            name: a.name,
            roles: a.roles.filter((r) => (FOLLOWERS as readonly string[]).includes(r)),
            areas: a.areaCodes.map((code) => ({ code, name: names.get(code)?.name ?? null })),
            ofPersonGrid: a.areaCodes.includes(one.person.gridCode),
          })),
        };
      });
    },

    /** Names a person's follower over the grid team, with a reason, on the assignment's version (0: none yet). */
    async assign(actor: Actor, personId: string, input: { followerId: string; reason: string; version: number }) {
      return putAssignment(actor, personId, input);
    },

    /** Gives the person back to the plan's role of their grid team, with a reason. */
    async unassign(actor: Actor, personId: string, input: { reason: string; version: number }) {
      return putAssignment(actor, personId, { followerId: null, ...input });
    },
  };
}
