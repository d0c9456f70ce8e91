/**
 * 三员分立: a change to an administrator account asked for by one administrator waits here until a second one,
 * holding another administrator role and not the account's owner, approves or rejects it. Each step is audited.
 */
import { ADMIN_ROLES, conflictingRoles } from '../../shared/roles.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/idempotency.ts';
import type { PageAsked } from '../platform/paging.ts';
import { userNames } from './access.store.ts';
import { decisionProblem } from './admin-change.core.ts';
import * as store from './admin-change.store.ts';
import { changingAccounts } from './session-cache.ts';
import { applyUserChanges, changeSummary, type StoredChanges } from './user-changes.ts';

export type AdminChangeKind = 'create' | 'update';

export function createAdminChangesService({ db, clock }: { db: Db; clock: Clock }) {
  function view(row: store.AdminChangeRow, names: Map<string, string>, caller: Actor) {
    const pending = row.status === 'pending';
    return {
      id: row.id,
      kind: row.kind as AdminChangeKind,
      targetUserId: row.targetUserId,
      targetName: names.get(row.targetUserId) ?? null,
      changes: changeSummary(row.payload as StoredChanges),
      requestedBy: row.requestedBy,
      requestedByName: names.get(row.requestedBy) ?? null,
      requestedAt: row.requestedAt.toISOString(),
      status: row.status as store.AdminChangeStatus,
      decidedBy: row.decidedBy,
      decidedByName: row.decidedBy ? (names.get(row.decidedBy) ?? null) : null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      reason: row.reason,
      abilities: { decide: pending && decisionProblem(caller, row) === null },
    };
  }

  async function get(actor: Actor, id: string) {
    const row = await store.findAdminChange(db, id);
    if (!row) throw new AppError('admin_change.not_found');
    const names = await userNames(db, [row.targetUserId, row.requestedBy, ...(row.decidedBy ? [row.decidedBy] : [])]);
    return view(row, names, actor);
  }

  async function decide(actor: Actor, id: string, status: 'approved' | 'rejected', reason: string | null) {
    await changingAccounts(db, async (tx) => {
      const change = await store.lockAdminChange(tx, id);
      if (!change) throw new AppError('admin_change.not_found');
      if (change.status !== 'pending') throw new AppError('admin_change.decided', [{ field: 'params.id', reason: change.status }]);
      const problem = decisionProblem(actor, change);
      if (problem === 'admin_change.same_role') {
        const needed = ADMIN_ROLES.filter((r) => !change.requestedByRoles.includes(r));
        throw new AppError(problem, [{ field: 'actor.roles', reason: problem, value: needed.join(', ') }]);
      }
      if (problem) throw new AppError(problem, [{ field: 'params.id', reason: problem }]);
      const payload = change.payload as StoredChanges;
      if (status === 'approved') {
        const conflict = conflictingRoles(payload.roles ?? []);
        if (conflict.length)
          throw new AppError('user.roles_conflict', [{ field: 'roles', reason: 'user.roles_conflict', value: conflict.join(', ') }]);
        await applyUserChanges(tx, change.targetUserId, change.kind === 'create' ? { disabled: false } : payload);
      }
      const decidedAt = clock();
      await store.decideAdminChange(tx, id, { status, decidedBy: actor.id, decidedAt, reason });
      await recordAudit(tx, {
        at: decidedAt,
        actorId: actor.id,
        action: `admin_change.${status}`,
        target: change.targetUserId,
        detail: { changeId: id, kind: change.kind, requestedBy: change.requestedBy, ...changeSummary(payload), reason },
      });
    });
    return get(actor, id);
  }

  return {
    /** Asks for a change, inside the caller's transaction (which writes the audit row last). One pending change per account. */
    async request(tx: Tx, actor: Actor, targetUserId: string, kind: AdminChangeKind, payload: StoredChanges) {
      const pendingExists = () =>
        new AppError('admin_change.pending_exists', [{ field: 'params.id', reason: 'admin_change.pending_exists' }]);
      if (await store.findPendingChangeOf(tx, targetUserId)) throw pendingExists();
      try {
        return await store.insertAdminChange(tx, {
          targetUserId,
          kind,
          payload,
          requestedBy: actor.id,
          requestedByRoles: actor.roles,
          requestedAt: clock(),
        });
      } catch (err) {
        // Another administrator asked for a change to the same account at the same moment: the index kept one.
        if (isUniqueViolation(err)) throw pendingExists();
        throw err;
      }
    },

    async find(actor: Actor, status: store.AdminChangeStatus | undefined, page: PageAsked) {
      const { rows, total } = await store.findAdminChanges(db, status, page);
      const names = await userNames(
        db,
        rows.flatMap((r) => [r.targetUserId, r.requestedBy, ...(r.decidedBy ? [r.decidedBy] : [])]),
      );
      return { items: rows.map((r) => view(r, names, actor)), total };
    },

    get,
    approve: (actor: Actor, id: string, reason: string | null) => decide(actor, id, 'approved', reason),
    reject: (actor: Actor, id: string, reason: string | null) => decide(actor, id, 'rejected', reason),
  };
}

export type AdminChangesService = ReturnType<typeof createAdminChangesService>;
