import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db.ts';
import { appUser, userArea, userSession } from './access.tables.ts';
import { area, grid } from '../territory/territory.tables.ts';

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
  if (Object.keys(values).length === 0) return;
  await tx.update(appUser).set(values).where(eq(appUser.id, id));
}

/** Bound nodes of the given users (areas or grids), with names and levels. */
export async function areasOfUsers(tx: Tx, userIds: string[]) {
  if (userIds.length === 0) return [];
  return queryRows<{ userId: string; code: string; name: string; level: string }>(tx, sql`
    select ua.user_id as "userId", ua.area_code as code,
           coalesce(a.name, g.name, ua.area_code) as name, coalesce(a.level, 'grid') as level
    from user_area ua
    left join area a on a.code = ua.area_code
    left join grid g on g.code = ua.area_code
    where ua.user_id in (${sql.join(userIds.map((id) => sql`${id}::uuid`), sql`, `)})
    order by ua.area_code`);
}

export async function replaceUserAreas(tx: Tx, userId: string, codes: string[]): Promise<void> {
  await tx.delete(userArea).where(eq(userArea.userId, userId));
  if (codes.length) await tx.insert(userArea).values(codes.map((areaCode) => ({ userId, areaCode })));
}

/** Which of these codes name an area or a grid. */
export async function existingAreaCodes(tx: Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const a = await tx.select({ code: area.code }).from(area).where(inArray(area.code, codes));
  const g = await tx.select({ code: grid.code }).from(grid).where(inArray(grid.code, codes));
  return new Set([...a, ...g].map((r) => r.code));
}

export async function insertSession(tx: Tx, values: typeof userSession.$inferInsert): Promise<void> {
  await tx.insert(userSession).values(values);
}

export async function findLiveSession(tx: Tx, tokenHash: string, now: Date) {
  const rows = await tx
    .select()
    .from(userSession)
    .where(and(eq(userSession.tokenHash, tokenHash), gt(userSession.expiresAt, now)));
  return rows[0];
}

export async function removeSession(tx: Tx, tokenHash: string): Promise<void> {
  await tx.delete(userSession).where(eq(userSession.tokenHash, tokenHash));
}

export async function removeSessionsOfUser(tx: Tx, userId: string, exceptTokenHash: string | null): Promise<void> {
  await tx
    .delete(userSession)
    .where(and(eq(userSession.userId, userId), exceptTokenHash ? sql`${userSession.tokenHash} <> ${exceptTokenHash}` : sql`true`));
}
