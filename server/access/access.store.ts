import { and, arrayOverlaps, desc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { appUser, signInPending, userArea, userSession } from './access.tables.ts';
import { accountsChanged } from './session-cache.ts';

export type UserRow = typeof appUser.$inferSelect;

export async function findUserByUsername(tx: Tx, username: string): Promise<UserRow | undefined> {
  const rows = await tx.select().from(appUser).where(eq(appUser.username, username));
  return rows[0];
}

export async function findUserById(tx: Tx, id: string): Promise<UserRow | undefined> {
  const rows = await tx.select().from(appUser).where(eq(appUser.id, id));
  return rows[0];
}

export async function listUsers(tx: Tx): Promise<UserRow[]> {
  return tx.select().from(appUser).orderBy(appUser.username);
}

export async function insertUser(tx: Tx, values: typeof appUser.$inferInsert): Promise<UserRow> {
  const rows = await tx.insert(appUser).values(values).returning();
  return rows[0];
}

export async function updateUser(tx: Tx, id: string, values: Partial<typeof appUser.$inferInsert>): Promise<void> {
  accountsChanged();
  if (Object.keys(values).length === 0) return;
  await tx.update(appUser).set(values).where(eq(appUser.id, id));
}

/**
 * Claims one password check for an account, in one atomic UPDATE so concurrent guesses cannot overwrite each
 * other's count. An account that is locked gets no claim (null). An account whose checks in a row are used up
 * (`attempts` claimed without a success, some perhaps still being checked) is locked by this claim, which is then
 * refused (`lockedNow`). Otherwise the claim's number in the row is returned: the check numbered `attempts` locks
 * the account if it fails.
 */
export async function claimSignInCheck(
  tx: Tx,
  id: string,
  { now, attempts, lockUntil }: { now: Date; attempts: number; lockUntil: Date },
): Promise<{ lockedNow: true } | { lockedNow: false; claim: number } | null> {
  const usedUp = sql`${appUser.failedAttempts} >= ${attempts}`;
  const rows = await tx
    .update(appUser)
    .set({
      failedAttempts: sql`case when ${usedUp} then 0 else ${appUser.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${usedUp} then ${lockUntil.toISOString()}::timestamptz else ${appUser.lockedUntil} end`,
    })
    .where(and(eq(appUser.id, id), or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, now))))
    .returning({ failedAttempts: appUser.failedAttempts, lockedUntil: appUser.lockedUntil });
  if (!rows[0]) return null;
  if (rows[0].lockedUntil && rows[0].lockedUntil > now) return { lockedNow: true };
  return { lockedNow: false, claim: rows[0].failedAttempts };
}

/** The last allowed check failed: lock, unless a right password reset the count meanwhile. True when it locked. */
export async function lockIfUsedUp(tx: Tx, id: string, { attempts, lockUntil }: { attempts: number; lockUntil: Date }) {
  const rows = await tx
    .update(appUser)
    .set({ failedAttempts: 0, lockedUntil: lockUntil })
    .where(and(eq(appUser.id, id), gte(appUser.failedAttempts, attempts)))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/** The nodes (area or grid codes) the given users are bound to. */
export async function bindingsOf(tx: Tx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return tx
    .select({ userId: userArea.userId, code: userArea.areaCode })
    .from(userArea)
    .where(inArray(userArea.userId, userIds))
    .orderBy(userArea.areaCode);
}

export async function replaceUserAreas(tx: Tx, userId: string, codes: string[]): Promise<void> {
  accountsChanged();
  await tx.delete(userArea).where(eq(userArea.userId, userId));
  if (codes.length) await tx.insert(userArea).values(codes.map((areaCode) => ({ userId, areaCode })));
}

export async function insertSession(tx: Tx, values: typeof userSession.$inferInsert): Promise<void> {
  await tx.insert(userSession).values(values);
}

/**
 * The user behind a live session token (within both the absolute and the idle limit), with the nodes they are
 * bound to and when the session was last seen: one read, made on every request.
 */
export async function liveSessionUser(
  tx: Tx,
  tokenHash: string,
  { now, idleSince }: { now: Date; idleSince: Date },
): Promise<{ user: UserRow; areaCodes: string[]; lastSeenAt: Date; expiresAt: Date } | undefined> {
  const rows = await tx
    .select({
      user: appUser,
      areaCodes: sql<string[]>`array(select ${userArea.areaCode} from ${userArea} where ${userArea.userId} = ${appUser.id} order by 1)`,
      lastSeenAt: userSession.lastSeenAt,
      expiresAt: userSession.expiresAt,
    })
    .from(userSession)
    .innerJoin(appUser, eq(appUser.id, userSession.userId))
    .where(and(eq(userSession.tokenHash, tokenHash), gt(userSession.expiresAt, now), gt(userSession.lastSeenAt, idleSince)));
  return rows[0];
}

/** Moves a session's last seen to now, unless another request did so since `staleBefore` (at most one write a minute). */
export async function touchSession(tx: Tx, tokenHash: string, { now, staleBefore }: { now: Date; staleBefore: Date }) {
  await tx
    .update(userSession)
    .set({ lastSeenAt: now })
    .where(and(eq(userSession.tokenHash, tokenHash), lt(userSession.lastSeenAt, staleBefore)));
}

/** A user's live sessions, newest first; `current` marks the one with this token. */
export async function sessionsOf(tx: Tx, userId: string, tokenHash: string, { now, idleSince }: { now: Date; idleSince: Date }) {
  return tx
    .select({
      id: userSession.id,
      createdAt: userSession.createdAt,
      lastSeenAt: userSession.lastSeenAt,
      expiresAt: userSession.expiresAt,
      ip: userSession.ip,
      userAgent: userSession.userAgent,
      current: sql<boolean>`${userSession.tokenHash} = ${tokenHash}`,
    })
    .from(userSession)
    .where(and(eq(userSession.userId, userId), gt(userSession.expiresAt, now), gt(userSession.lastSeenAt, idleSince)))
    .orderBy(desc(userSession.createdAt));
}

/** Ends one of a user's sessions by its id, never the one with `exceptTokenHash`; true when one was ended. */
export async function removeSessionOfUser(tx: Tx, userId: string, id: string, exceptTokenHash: string): Promise<boolean> {
  accountsChanged();
  const rows = await tx
    .delete(userSession)
    .where(and(eq(userSession.userId, userId), eq(userSession.id, id), ne(userSession.tokenHash, exceptTokenHash)))
    .returning({ id: userSession.id });
  return rows.length > 0;
}

export async function removeSession(tx: Tx, tokenHash: string): Promise<void> {
  accountsChanged();
  await tx.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
}

/** Ends a user's sessions, all but the one with `exceptTokenHash` if given; returns how many. */
export async function removeSessionsOfUser(tx: Tx, userId: string, exceptTokenHash: string | null): Promise<number> {
  accountsChanged();
  const rows = await tx
    .delete(userSession)
    .where(and(eq(userSession.userId, userId), exceptTokenHash ? ne(userSession.tokenHash, exceptTokenHash) : sql`true`))
    .returning({ id: userSession.id });
  return rows.length;
}

/** Display names of users by id; ids not found are left out. */
export async function userNames(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await tx.select({ id: appUser.id, name: appUser.displayName }).from(appUser).where(inArray(appUser.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The accounts of a department's staff. */
export async function staffOf(tx: Tx, departmentCode: string) {
  return tx
    .select({ id: appUser.id, username: appUser.username, displayName: appUser.displayName })
    .from(appUser)
    .where(eq(appUser.departmentCode, departmentCode))
    .orderBy(appUser.username);
}

/** How many accounts each of these departments has (a department without any is left out). */
export async function staffCounts(tx: Tx, departmentCodes: string[]): Promise<Map<string, number>> {
  if (departmentCodes.length === 0) return new Map();
  const rows = await tx
    .select({ code: appUser.departmentCode, n: sql<number>`count(*)::int` })
    .from(appUser)
    .where(inArray(appUser.departmentCode, departmentCodes))
    .groupBy(appUser.departmentCode);
  return new Map(rows.map((r) => [r.code!, r.n]));
}

/**
 * Active accounts that belong to any of these units: a department's staff by their department code, an area
 * unit's people by their binding to exactly that node and one of `areaRoles`.
 */
export async function usersOfUnits(
  tx: Tx,
  units: { departments: string[]; areas: string[]; areaRoles: readonly string[] },
): Promise<string[]> {
  const conditions = [
    units.departments.length ? inArray(appUser.departmentCode, units.departments) : undefined,
    units.areas.length ? and(inArray(userArea.areaCode, units.areas), arrayOverlaps(appUser.roles, [...units.areaRoles])) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  const rows = await tx
    .selectDistinct({ id: appUser.id })
    .from(appUser)
    .leftJoin(userArea, eq(userArea.userId, appUser.id))
    .where(and(eq(appUser.disabled, false), or(...conditions)));
  return rows.map((r) => r.id);
}

/** The accounts bound to each of these grids holding one of `roles` (a grid's team: its worker, its leader), enabled only. */
export async function teamsOfGrids(
  tx: Tx,
  gridCodes: readonly string[],
  roles: readonly string[],
): Promise<{ gridCode: string; id: string; name: string; roles: string[] }[]> {
  const grids = [...new Set(gridCodes)];
  if (grids.length === 0) return [];
  return tx
    .select({ gridCode: userArea.areaCode, id: appUser.id, name: appUser.displayName, roles: appUser.roles })
    .from(userArea)
    .innerJoin(appUser, eq(appUser.id, userArea.userId))
    .where(and(inArray(userArea.areaCode, grids), arrayOverlaps(appUser.roles, [...roles]), eq(appUser.disabled, false)))
    .orderBy(userArea.areaCode, appUser.displayName);
}

/** A right password hands back its claim when the second factor follows: only the codes then count. */
export async function refundSignInCheck(tx: Tx, id: string): Promise<void> {
  await tx
    .update(appUser)
    .set({ failedAttempts: sql`greatest(${appUser.failedAttempts} - 1, 0)` })
    .where(eq(appUser.id, id));
}

export async function insertPendingSignIn(tx: Tx, values: typeof signInPending.$inferInsert): Promise<void> {
  await tx.insert(signInPending).values(values);
}

/** The account a live pending sign-in belongs to, with where it came from. */
export async function findPendingSignIn(tx: Tx, tokenHash: string, now: Date) {
  const rows = await tx
    .select({ user: appUser, ip: signInPending.ip, userAgent: signInPending.userAgent })
    .from(signInPending)
    .innerJoin(appUser, eq(appUser.id, signInPending.userId))
    .where(and(eq(signInPending.tokenHash, tokenHash), gt(signInPending.expiresAt, now)));
  return rows[0];
}

/** Removes a pending sign-in, and any that have expired; true when this one was still there (used once). */
export async function removePendingSignIn(tx: Tx, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await tx
    .delete(signInPending)
    .where(or(eq(signInPending.tokenHash, tokenHash), lte(signInPending.expiresAt, now)))
    .returning({ tokenHash: signInPending.tokenHash });
  return rows.some((r) => r.tokenHash === tokenHash);
}

/** Takes a TOTP time step for the account unless it, or a later one, was taken: concurrent replays get one success. */
export async function takeTotpStep(tx: Tx, id: string, step: number): Promise<boolean> {
  const rows = await tx
    .update(appUser)
    .set({ totpLastStep: step })
    .where(and(eq(appUser.id, id), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, step))))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/** Uses up one recovery code by its keyed hash, atomically: true when it was there. */
export async function takeRecoveryCode(tx: Tx, id: string, hash: string): Promise<boolean> {
  const rows = await tx
    .update(appUser)
    .set({ recoveryCodes: sql`array_remove(${appUser.recoveryCodes}, ${hash})` })
    .where(and(eq(appUser.id, id), sql`${hash} = any(${appUser.recoveryCodes})`))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/** Confirms enrolment of the secret that was shown (unless another enrolment replaced it meanwhile). */
export async function confirmTotp(
  tx: Tx,
  id: string,
  { sealedSecret, step, recoveryCodes }: { sealedSecret: string; step: number; recoveryCodes: string[] },
): Promise<boolean> {
  accountsChanged();
  const rows = await tx
    .update(appUser)
    .set({ totpSecret: sealedSecret, totpPendingSecret: null, totpLastStep: step, recoveryCodes })
    .where(and(eq(appUser.id, id), eq(appUser.totpPendingSecret, sealedSecret)))
    .returning({ id: appUser.id });
  return rows.length > 0;
}

/** What removing an account's second factor sets. */
export const NO_SECOND_FACTOR = { totpSecret: null, totpPendingSecret: null, totpLastStep: null, recoveryCodes: [] as string[] };

/** Active accounts holding a role and bound to a node under a prefix, with those nodes (a county's grid workers and their grids). */
export async function holdersOfRole(tx: Tx, role: string, prefix: string) {
  const rows = await tx
    .select({ id: appUser.id, name: appUser.displayName, code: userArea.areaCode })
    .from(appUser)
    .innerJoin(userArea, eq(userArea.userId, appUser.id))
    .where(and(eq(appUser.disabled, false), arrayOverlaps(appUser.roles, [role]), sql`${userArea.areaCode} like ${`${prefix}%`}`))
    .orderBy(appUser.displayName, appUser.id, userArea.areaCode);
  const users = new Map<string, { id: string; name: string; codes: string[] }>();
  for (const r of rows) {
    const u = users.get(r.id) ?? { id: r.id, name: r.name, codes: [] };
    u.codes.push(r.code);
    users.set(r.id, u);
  }
  return [...users.values()];
}

/**
 * Enabled accounts holding one of `roles`, each with the nodes they are bound to: those with these ids, or those bound
 * to a node under one of `prefixes` (only the bindings under them are listed then). Whom a follow-up may be given to.
 */
export async function teamAccounts(
  tx: Tx,
  which: { ids: readonly string[] } | { prefixes: readonly string[] },
  roles: readonly string[],
): Promise<{ id: string; name: string; roles: string[]; areaCodes: string[] }[]> {
  const where =
    'ids' in which
      ? which.ids.length
        ? inArray(appUser.id, [...new Set(which.ids)])
        : undefined
      : which.prefixes.length
        ? or(...which.prefixes.map((p) => sql`${userArea.areaCode} like ${`${p}%`}`))
        : undefined;
  if (!where) return [];
  const rows = await tx
    .select({ id: appUser.id, name: appUser.displayName, roles: appUser.roles, code: userArea.areaCode })
    .from(appUser)
    .innerJoin(userArea, eq(userArea.userId, appUser.id))
    .where(and(where, arrayOverlaps(appUser.roles, [...roles]), eq(appUser.disabled, false)))
    .orderBy(appUser.displayName, appUser.id, userArea.areaCode);
  const users = new Map<string, { id: string; name: string; roles: string[]; areaCodes: string[] }>();
  for (const r of rows) {
    const u = users.get(r.id) ?? { id: r.id, name: r.name, roles: r.roles, areaCodes: [] };
    u.areaCodes.push(r.code);
    users.set(r.id, u);
  }
  return [...users.values()];
}
