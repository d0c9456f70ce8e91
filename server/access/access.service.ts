import crypto from 'node:crypto';
import type { ErrorDetail } from '../../shared/errors.ts';
import { conflictingRoles, isAdminRole, PERMISSIONS, type Permission, ROLES, type Role } from '../../shared/roles.ts';
import { departmentExists } from '../org/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { scopeOf } from '../platform/scope.ts';
import { nodeNames } from '../territory/index.ts';
import * as store from './access.store.ts';
import { revealPhone, sealPhone, sealPlainPhones } from './account-phones.ts';
import { needsSecondApproval, touchesGuardedFields } from './admin-change.core.ts';
import { pendingChangesOf } from './admin-change.store.ts';
import type { AdminChangesService } from './admin-changes.service.ts';
import { consoleActor } from './console-actor.ts';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { changingAccounts, createSessionCache } from './session-cache.ts';
import { newToken, openSession, type SignInMeta, sha256 } from './session-open.ts';
import { pendingStepOf } from './two-factor.core.ts';
import { applyUserChanges, changeSummary, type StoredChanges } from './user-changes.ts';

export type { Actor, AreaRef } from '../platform/actor.ts';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
  areaCodes: string[];
  departmentCode?: string | null;
  phone?: string | null;
}

export type UserChanges = Partial<Omit<UserInput, 'username'>> & { disabled?: boolean; resetTotp?: true };

/** Last seen is written at most this often per session (the idle limit is as precise as this). */
const LAST_SEEN_STEP_MS = 60_000;
/** How long a right password waits for the second factor. */
const PENDING_SIGN_IN_MS = 5 * 60_000;
const permissionsOf = (roles: string[]) =>
  (Object.keys(PERMISSIONS) as Permission[]).filter((p) => roles.some((r) => (PERMISSIONS[p] as readonly string[]).includes(r)));

/** The accounts' setup (tests, the demo) and the console operator act alone; a signed-in administrator needs a second. */
const actsAlone = (actor: Actor | null) => actor === null || actor.id === consoleActor.id;

export function createAccessService({
  db,
  clock,
  config,
  adminChanges,
  fieldCrypto,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  adminChanges: AdminChangesService;
  fieldCrypto: FieldCrypto;
}) {
  const dummyHash = hashPassword(crypto.randomUUID(), config.passwordCost);
  const sessionIdleSince = (now: Date) => new Date(now.getTime() - config.session.idleMinutes * 60_000);
  const sessions = createSessionCache({ idleMs: config.session.idleMinutes * 60_000, lastSeenStepMs: LAST_SEEN_STEP_MS });

  async function toActors(users: store.UserRow[]) {
    const bindings = await store.bindingsOf(
      db,
      users.map((u) => u.id),
    );
    return actorsOf(users, bindings);
  }

  async function actorsOf(users: store.UserRow[], bindings: { userId: string; code: string }[]) {
    const names = await nodeNames(
      db,
      bindings.map((b) => b.code),
    );
    const areas = bindings.map((b) => ({ ...b, name: names.get(b.code)?.name ?? b.code, level: names.get(b.code)?.level ?? 'grid' }));
    return users.map((u) => {
      const mine = areas.filter((a) => a.userId === u.id).map(({ code, name, level }) => ({ code, name, level }));
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        roles: u.roles as Role[],
        permissions: permissionsOf(u.roles),
        departmentCode: u.departmentCode,
        areas: mine,
        scope: scopeOf(mine.map((a) => a.code)),
        phone: u.phoneMasked,
        locked: !!u.lockedUntil && u.lockedUntil > clock(),
        disabled: u.disabled,
        pendingStep: pendingStepOf(u),
        totpEnabled: u.totpSecret !== null,
      };
    });
  }

  /** The accounts as administrators see them: with the change awaiting a second approval, if any. */
  async function withPendingChange<T extends { id: string }>(users: T[]) {
    const pending = await pendingChangesOf(
      db,
      users.map((u) => u.id),
    );
    return users.map((u) => ({ ...u, pendingChange: pending.get(u.id) ?? null }));
  }

  async function checkUserFields(input: Partial<UserInput>, username: string | undefined) {
    const details: ErrorDetail[] = [];
    for (const [i, r] of (input.roles ?? []).entries()) {
      if (!(ROLES as readonly string[]).includes(r)) details.push({ field: `body.roles.${i}`, reason: 'user.role_unknown', value: r });
    }
    const conflict = conflictingRoles(input.roles ?? []);
    if (conflict.length) details.push({ field: 'body.roles', reason: 'user.roles_conflict', value: conflict.join(', ') });
    if (input.areaCodes) {
      const known = await nodeNames(db, input.areaCodes);
      input.areaCodes.forEach((c, i) => {
        if (!known.has(c)) details.push({ field: `body.areaCodes.${i}`, reason: 'user.area_unknown', value: c });
      });
    }
    if (input.departmentCode && !(await departmentExists(db, input.departmentCode))) {
      details.push({ field: 'body.departmentCode', reason: 'user.department_unknown', value: input.departmentCode });
    }
    const problem = input.password === undefined ? null : passwordProblem(input.password, username ?? '');
    if (problem) details.push({ field: 'body.password', reason: problem });
    if (details.length) throw new AppError('request.invalid', details);
  }

  return {
    /**
     * Password sign-in with lockout. Each check is claimed in the database before the password is compared, so
     * at most `lockout.attempts` guesses are ever checked in a row, however many arrive at once; a locked, unknown
     * or disabled account answers exactly like a wrong password, after the same work. Returns the session token.
     */
    async login(username: string, password: string, meta: SignInMeta) {
      const now = clock();
      const refuse = async () => {
        await verifyPassword(await dummyHash, password); // the same work whether or not a password was checked
        return new AppError('auth.invalid_credentials');
      };
      const user = await store.findUserByUsername(db, username);
      if (!user || user.disabled) throw await refuse();
      const lock = { attempts: config.lockout.attempts, lockUntil: new Date(now.getTime() + config.lockout.minutes * 60_000) };
      const claimed = await store.claimSignInCheck(db, user.id, { now, ...lock });
      if (!claimed || claimed.lockedNow) {
        await recordAudit(db, {
          at: now,
          actorId: user.id,
          action: claimed ? 'auth.locked' : 'auth.login_failed',
          detail: { ip: meta.ip, checked: false, locked: true },
        });
        throw await refuse();
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        await changingAccounts(db, async (tx) => {
          const locked = claimed.claim >= lock.attempts && (await store.lockIfUsedUp(tx, user.id, lock));
          await recordAudit(tx, { at: now, actorId: user.id, action: 'auth.login_failed', detail: { ip: meta.ip, checked: true } });
          if (locked) await recordAudit(tx, { at: now, actorId: user.id, action: 'auth.locked', detail: { ip: meta.ip } });
        });
        throw new AppError('auth.invalid_credentials');
      }
      if (user.totpSecret) {
        // Not a session yet: the code must follow, and only the codes count towards the lock from here.
        const pendingToken = newToken();
        const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_MS);
        await changingAccounts(db, async (tx) => {
          await store.refundSignInCheck(tx, user.id);
          await store.insertPendingSignIn(tx, {
            tokenHash: sha256(pendingToken),
            userId: user.id,
            expiresAt,
            ip: meta.ip,
            userAgent: meta.userAgent ?? null,
          });
          await recordAudit(tx, { at: now, actorId: user.id, action: 'auth.password_accepted', detail: { ip: meta.ip } });
        });
        return { secondFactor: { pendingToken, expiresAt: expiresAt.toISOString() } } as const;
      }
      const token = await changingAccounts(db, async (tx) => {
        await store.updateUser(tx, user.id, { failedAttempts: 0, lockedUntil: null });
        const opened = await openSession(tx, user.id, { now, meta, maxHours: config.session.maxHours });
        await recordAudit(tx, { at: now, actorId: user.id, action: 'auth.login', detail: { ip: meta.ip, method: 'password' } });
        return opened;
      });
      const [actor] = await toActors([user]);
      return { token, actor } as const;
    },

    async logout(token: string, actor: Actor) {
      await changingAccounts(db, async (tx) => {
        await store.removeSession(tx, sha256(token));
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'auth.logout' });
      });
    },

    /**
     * The actor behind a session token, or null when the token is unknown, past its idle or absolute limit, or the
     * user disabled. Last seen is moved at most once a minute; the actor read serves the session's next requests
     * for a few seconds (session-cache.ts), so most requests make no read at all.
     */
    async authenticate(token: string): Promise<Actor | null> {
      const now = clock();
      const tokenHash = sha256(token);
      const cached = sessions.get(tokenHash, now.getTime());
      if (cached) return cached;
      const generation = sessions.begin();
      const found = await store.liveSessionUser(db, tokenHash, { now, idleSince: sessionIdleSince(now) });
      if (!found || found.user.disabled) return null;
      const staleBefore = new Date(now.getTime() - LAST_SEEN_STEP_MS);
      const touched = found.lastSeenAt < staleBefore;
      if (touched) await store.touchSession(db, tokenHash, { now, staleBefore });
      const [actor] = await actorsOf(
        [found.user],
        found.areaCodes.map((code) => ({ userId: found.user.id, code })),
      );
      // Shared by the requests the entry serves: nobody may change it.
      for (const part of [actor.roles, actor.permissions, actor.areas, actor]) Object.freeze(part);
      sessions.put(tokenHash, generation, {
        actor,
        loadedAt: now.getTime(),
        expiresAt: found.expiresAt.getTime(),
        lastSeenAt: (touched ? now : found.lastSeenAt).getTime(),
      });
      return actor;
    },

    async changePassword(actor: Actor, token: string, current: string, next: string) {
      const user = await store.findUserById(db, actor.id);
      if (!user || !(await verifyPassword(user.passwordHash, current))) throw new AppError('auth.wrong_password');
      const problem = passwordProblem(next, user.username);
      if (problem) throw new AppError(problem, [{ field: 'body.newPassword', reason: problem }]);
      const passwordHash = await hashPassword(next, config.passwordCost);
      await changingAccounts(db, async (tx) => {
        await store.updateUser(tx, actor.id, { passwordHash, mustChangePassword: false });
        const ended = await store.removeSessionsOfUser(tx, actor.id, sha256(token)); // other devices sign in again
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'auth.password_changed', detail: { sessionsEnded: ended } });
      });
    },

    async findUsers() {
      return withPendingChange(await toActors(await store.listUsers(db)));
    },

    async getUser(id: string) {
      const user = await store.findUserById(db, id);
      if (!user) throw new AppError('user.not_found');
      return (await withPendingChange(await toActors([user])))[0];
    },

    /** An account's phone in full, for an administrator giving a reason; audited. */
    async revealPhone(actor: Actor, id: string, reason: string) {
      const revealed = await revealPhone(db, fieldCrypto, actor.id, id, reason, clock());
      if (!revealed) throw new AppError('user.not_found', [{ field: 'params.id', reason: 'not_found' }]);
      return revealed;
    },

    /** Seals the plain phones left from before migration 0041 (account-phones.ts); run at start. */
    sealPlainPhones: () => sealPlainPhones(db, fieldCrypto, clock()),

    /**
     * Creates an account. One holding an administrator role, created by a signed-in administrator, starts disabled
     * and a pending change asks a second administrator to enable it (`pending` in the answer). Only the setup (no
     * actor: the demo loader, the tests) may exempt an administrator from the second factor.
     */
    async createUser(actor: Actor | null, input: UserInput, { secondFactorExempt = false } = {}) {
      await checkUserFields(input, input.username);
      if (await store.findUserByUsername(db, input.username)) {
        throw new AppError('user.username_taken', [{ field: 'body.username', reason: 'taken' }]);
      }
      const waits = !actsAlone(actor) && input.roles.some(isAdminRole);
      const passwordHash = await hashPassword(input.password, config.passwordCost);
      const id = await changingAccounts(db, async (tx) => {
        const user = await store.insertUser(tx, {
          username: input.username,
          displayName: input.displayName,
          ...sealPhone(fieldCrypto, input.phone ?? null),
          passwordHash,
          roles: [...new Set(input.roles)],
          departmentCode: input.departmentCode ?? null,
          disabled: waits,
          mustChangePassword: actor !== null, // someone else chose this password
          secondFactorExempt: actor === null && secondFactorExempt,
        });
        await store.replaceUserAreas(tx, user.id, [...new Set(input.areaCodes)]);
        const change = waits && actor ? await adminChanges.request(tx, actor, user.id, 'create', {}) : null;
        await recordAudit(tx, {
          at: clock(),
          actorId: actor?.id ?? null,
          action: 'user.created',
          target: user.id,
          detail: {
            username: input.username,
            roles: input.roles,
            areaCodes: input.areaCodes,
            departmentCode: input.departmentCode ?? null,
            ...(change && { awaitingApproval: change.id }),
          },
        });
        return user.id;
      });
      return this.getUser(id);
    },

    /**
     * Changes an account. Nobody changes their own roles, password or status here. A change of roles, password or
     * status of an administrator account (or one granting an administrator role) does not apply: it becomes a
     * pending change a second administrator must approve (`pending` in the answer); the rest applies at once.
     */
    async updateUser(actor: Actor, id: string, changes: UserChanges) {
      const target = await this.getUser(id);
      if (id === actor.id && touchesGuardedFields(changes))
        throw new AppError('user.own_account', [{ field: 'params.id', reason: 'user.own_account' }]);
      await checkUserFields(changes, target.username);
      const { password, phone, ...rest } = changes;
      const stored: StoredChanges = {
        ...rest,
        ...(phone !== undefined && { phone: sealPhone(fieldCrypto, phone) }),
        ...(password !== undefined && { passwordHash: await hashPassword(password, config.passwordCost) }),
      };
      const waits = !actsAlone(actor) && needsSecondApproval(target.roles, changes);
      const pending = await changingAccounts(db, async (tx) => {
        const change = waits ? await adminChanges.request(tx, actor, id, 'update', stored) : null;
        if (!change) await applyUserChanges(tx, id, stored);
        await recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: change ? 'admin_change.requested' : 'user.updated',
          target: id,
          detail: { ...changeSummary(stored), ...(change && { changeId: change.id }) },
        });
        return change?.id ?? null;
      });
      return { user: await this.getUser(id), pending };
    },

    async unlockUser(actor: Actor, id: string) {
      await this.getUser(id);
      await changingAccounts(db, async (tx) => {
        await store.updateUser(tx, id, { failedAttempts: 0, lockedUntil: null });
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'user.unlocked', target: id });
      });
      return this.getUser(id);
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
