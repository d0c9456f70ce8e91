import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { subtreePrefix } from '../../shared/codes.ts';
import { queryRows, type Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { area, grid, gridMember, gridUnitLink, professionalNetwork, professionalUnit } from './territory.tables.ts';

export type AreaRow = typeof area.$inferSelect;
export type GridRow = typeof grid.$inferSelect;
export type GridInsert = typeof grid.$inferInsert;

/** Areas (not grids) the caller may see, by code. */
export async function findAreas(tx: Tx, scope: Scope, codes: string[]) {
  if (codes.length === 0) return [];
  return tx
    .select({
      code: area.code,
      name: area.name,
      level: area.level,
      parentCode: area.parentCode,
      // Correlated subqueries name the outer row explicitly: inside them a bare "code" would be the inner table's.
      childCount: sql<number>`(select count(*)::int from area c where c.parent_code = "area"."code")
        + (select count(*)::int from grid g where g.village_code = "area"."code")`,
      gridCount: sql<number>`(select count(*)::int from grid g
        where g.code like (case when "area"."level" = 'city' then left("area"."code", 4) else "area"."code" end) || '%')`,
    })
    .from(area)
    .where(and(inArray(area.code, codes), inScope(area.code, scope)))
    .orderBy(area.code);
}

export async function childAreas(tx: Tx, scope: Scope, parentCode: string) {
  const rows = await tx
    .select({ code: area.code })
    .from(area)
    .where(and(eq(area.parentCode, parentCode), inScope(area.code, scope)));
  return findAreas(
    tx,
    scope,
    rows.map((r) => r.code),
  );
}

export async function getArea(tx: Tx, scope: Scope, code: string): Promise<AreaRow | undefined> {
  const rows = await tx
    .select()
    .from(area)
    .where(and(eq(area.code, code), inScope(area.code, scope)));
  return rows[0];
}

/** Names of areas by code, unscoped: used only to label paths and locate answers the caller may see. */
export async function areaNames(tx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  return tx.select({ code: area.code, name: area.name, level: area.level }).from(area).where(inArray(area.code, codes));
}

/** An area's name by its code (an SQL expression of the caller's query), null for none: a scalar subquery for other areas' SQL. */
export const areaNameOf = (code: SQL): SQL<string | null> => sql`(select a.name from ${area} a where a.code = ${code})`;

/** The outlined areas inside an area (and the area itself), larger first: the offline base map of the command centre. */
export async function outlinesUnder(tx: Tx, scope: Scope, code: string) {
  return tx
    .select({ code: area.code, name: area.name, level: area.level, geometry: area.geometry })
    .from(area)
    .where(and(sql`${area.code} like ${`${subtreePrefix(code)}%`}`, inScope(area.code, scope), isNotNull(area.geometry)))
    .orderBy(area.code);
}

export async function gridsUnder(tx: Tx, scope: Scope, prefix: string): Promise<GridRow[]> {
  return tx
    .select()
    .from(grid)
    .where(and(sql`${grid.code} like ${`${prefix}%`}`, inScope(grid.code, scope)))
    .orderBy(grid.code);
}

export async function getGrid(tx: Tx, scope: Scope, code: string): Promise<GridRow | undefined> {
  const rows = await tx
    .select()
    .from(grid)
    .where(and(eq(grid.code, code), inScope(grid.code, scope)));
  return rows[0];
}

/** The names of a grid and its ancestor areas in one round trip, without the grid's outline (point → grid on a report). */
export async function namesAlongPath(tx: Tx, gridCode: string, areaCodes: string[]): Promise<{ code: string; name: string }[]> {
  const areas = tx.select({ code: area.code, name: area.name }).from(area).where(inArray(area.code, areaCodes));
  const grids = tx.select({ code: grid.code, name: grid.name }).from(grid).where(eq(grid.code, gridCode));
  return areas.unionAll(grids);
}

/** Every grid's outline, unscoped: feeds the in-process spatial index and import checks. */
export async function allGridShapes(tx: Tx) {
  return tx.select({ code: grid.code, villageCode: grid.villageCode, geometry: grid.geometry }).from(grid);
}

/** A cheap fingerprint of the grid table, so each server notices changes made through another. */
export async function gridRevision(tx: Tx): Promise<string> {
  const [row] = await queryRows<{ rev: string }>(
    tx,
    sql`select count(*)::text || '/' || coalesce(max(updated_at)::text, '') as rev from grid`,
  );
  return row.rev;
}

export async function villageShapes(tx: Tx, codes: string[]) {
  if (codes.length === 0) return [];
  return tx
    .select({ code: area.code, geometry: area.geometry })
    .from(area)
    .where(and(inArray(area.code, codes), eq(area.level, 'village')));
}

export async function upsertGrids(tx: Tx, rows: GridInsert[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(grid)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [grid.countyCode, grid.code],
        set: {
          villageCode: sql`excluded.village_code`,
          name: sql`excluded.name`,
          geometry: sql`excluded.geometry`,
          minLng: sql`excluded.min_lng`,
          minLat: sql`excluded.min_lat`,
          maxLng: sql`excluded.max_lng`,
          maxLat: sql`excluded.max_lat`,
          areaM2: sql`excluded.area_m2`,
          households: sql`excluded.households`,
          population: sql`excluded.population`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export async function existingGridCodes(tx: Tx, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx.select({ code: grid.code }).from(grid).where(inArray(grid.code, codes));
  return new Set(rows.map((r) => r.code));
}

export async function teamOfGrid(tx: Tx, gridCode: string) {
  return tx.select().from(gridMember).where(eq(gridMember.gridCode, gridCode)).orderBy(gridMember.role, gridMember.name);
}

export async function unitsOfGrid(tx: Tx, gridCode: string) {
  return tx
    .select({
      networkCode: gridUnitLink.networkCode,
      networkName: professionalNetwork.name,
      unitCode: gridUnitLink.unitCode,
      unitName: professionalUnit.name,
      overlapM2: gridUnitLink.overlapM2,
    })
    .from(gridUnitLink)
    .innerJoin(professionalNetwork, eq(professionalNetwork.code, gridUnitLink.networkCode))
    .innerJoin(
      professionalUnit,
      and(eq(professionalUnit.networkCode, gridUnitLink.networkCode), eq(professionalUnit.code, gridUnitLink.unitCode)),
    )
    .where(eq(gridUnitLink.gridCode, gridCode))
    .orderBy(gridUnitLink.networkCode, gridUnitLink.unitCode);
}

export async function insertAreas(tx: Tx, rows: (typeof area.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insert(area)
      .values(rows.slice(i, i + 500))
      .onConflictDoNothing();
}

export async function insertMembers(tx: Tx, rows: (typeof gridMember.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await tx.insert(gridMember).values(rows.slice(i, i + 500));
}

/** Gives the first team member with this role an account (and the account's name). */
export async function linkMemberAccount(tx: Tx, gridCode: string, role: string, userId: string, name: string): Promise<void> {
  await tx.execute(sql`
    update grid_member set user_id = ${userId}, name = ${name}
    where id = (select id from grid_member where grid_code = ${gridCode} and role = ${role} order by id limit 1)`);
}

/** Which of these grid codes exist in the caller's jurisdiction. */
export async function gridsInScope(tx: Tx, scope: Scope, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await tx
    .select({ code: grid.code })
    .from(grid)
    .where(and(inArray(grid.code, codes), inScope(grid.code, scope)));
  return new Set(rows.map((r) => r.code));
}

/** Names and levels of area nodes and grids by code (a grid's level is 'grid'); codes not found are left out. */
export async function nodeNames(tx: Tx, codes: string[]): Promise<Map<string, { name: string; level: string }>> {
  if (codes.length === 0) return new Map();
  const areas = tx.select({ code: area.code, name: area.name, level: area.level }).from(area).where(inArray(area.code, codes));
  const grids = tx.select({ code: grid.code, name: grid.name, level: sql<string>`'grid'` }).from(grid).where(inArray(grid.code, codes));
  return new Map((await areas.unionAll(grids)).map((n) => [n.code, { name: n.name, level: n.level }] as const));
}

/**
 * The nodes right below an area, with names, by code: its child areas, or (`grids`) a village's grids — a grid code
 * answers itself.
 */
export async function childNodes(tx: Tx, code: string, below: 'areas' | 'grids'): Promise<{ code: string; name: string; level: string }[]> {
  if (below === 'grids') {
    return tx
      .select({ code: grid.code, name: grid.name, level: sql<string>`'grid'` })
      .from(grid)
      .where(code.length === 15 ? eq(grid.code, code) : eq(grid.villageCode, code))
      .orderBy(grid.code);
  }
  return tx.select({ code: area.code, name: area.name, level: area.level }).from(area).where(eq(area.parentCode, code)).orderBy(area.code);
}

/** The area nodes of one level under a prefix, by code (a county's villages or townships), unscoped: the caller chose the prefix. */
export async function areasOfLevel(tx: Tx, prefix: string, level: string) {
  return tx
    .select({ code: area.code, name: area.name })
    .from(area)
    .where(and(eq(area.level, level), sql`${area.code} like ${`${prefix}%`}`))
    .orderBy(area.code);
}
