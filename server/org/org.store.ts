import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { areaNameOf } from '../territory/index.ts';
import { department, departmentGridClaim } from './org.tables.ts';

/** A department is visible when it sits inside the caller's jurisdiction or above it (a county bureau serves its townships). */
const visible = (scope: Scope) =>
  scope.ancestors.length
    ? or(inScope(department.areaCode, scope), inArray(department.areaCode, scope.ancestors))!
    : inScope(department.areaCode, scope);

const areaName = sql<string>`${areaNameOf(sql`"department"."area_code"`)}`;

export async function departmentExists(tx: Tx, code: string): Promise<boolean> {
  return (await tx.select({ code: department.code }).from(department).where(eq(department.code, code))).length > 0;
}

export async function listDepartments(tx: Tx, scope: Scope) {
  return tx
    .select({
      code: department.code,
      name: department.name,
      areaCode: department.areaCode,
      areaName,
      claimCount: sql<number>`(select count(*)::int from department_grid_claim c where c.department_code = "department"."code")`,
    })
    .from(department)
    .where(visible(scope))
    .orderBy(department.code);
}

export async function getDepartment(tx: Tx, scope: Scope, code: string) {
  const rows = await tx
    .select({ code: department.code, name: department.name, areaCode: department.areaCode, areaName })
    .from(department)
    .where(and(eq(department.code, code), visible(scope)));
  return rows[0];
}

export async function insertDepartment(tx: Tx, values: typeof department.$inferInsert) {
  await tx.insert(department).values(values);
}

/** Grids a department claimed, limited to the caller's scope. */
export async function claimedGrids(tx: Tx, scope: Scope, departmentCode: string): Promise<string[]> {
  const rows = await tx
    .select({ gridCode: departmentGridClaim.gridCode })
    .from(departmentGridClaim)
    .where(and(eq(departmentGridClaim.departmentCode, departmentCode), inScope(departmentGridClaim.gridCode, scope)))
    .orderBy(departmentGridClaim.gridCode);
  return rows.map((r) => r.gridCode);
}

export async function insertClaim(tx: Tx, values: typeof departmentGridClaim.$inferInsert) {
  await tx.insert(departmentGridClaim).values(values).onConflictDoNothing();
}

export async function removeClaim(tx: Tx, departmentCode: string, gridCode: string) {
  await tx
    .delete(departmentGridClaim)
    .where(and(eq(departmentGridClaim.departmentCode, departmentCode), eq(departmentGridClaim.gridCode, gridCode)));
}

/** The departments that claimed a grid. */
export async function claimsOfGrid(tx: Tx, gridCode: string) {
  return tx
    .select({ code: department.code, name: department.name })
    .from(departmentGridClaim)
    .innerJoin(department, eq(department.code, departmentGridClaim.departmentCode))
    .where(eq(departmentGridClaim.gridCode, gridCode))
    .orderBy(department.code);
}

/** Names and areas of departments by code; codes not found are left out. */
export async function departmentsByCode(tx: Tx, codes: string[]): Promise<Map<string, { name: string; areaCode: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ code: department.code, name: department.name, areaCode: department.areaCode })
    .from(department)
    .where(inArray(department.code, codes));
  return new Map(rows.map((d) => [d.code, { name: d.name, areaCode: d.areaCode }]));
}

/**
 * Whether the department of `code` (an SQL expression of the caller's query) lies in the scope: a correlated
 * `exists` other areas' SQL uses, so no other area names the department table.
 */
export const departmentInScope = (code: SQL, scope: Scope): SQL =>
  sql`exists (select 1 from ${department} d where d.code = ${code} and ${inScope(sql`d.area_code`, scope)})`;

/** A department's name by its code (an SQL expression of the caller's query), null for none: a scalar subquery. */
export const departmentNameOf = (code: SQL): SQL<string | null> => sql`(select d.name from ${department} d where d.code = ${code})`;
