import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TagKind } from '../../shared/followups.ts';
import { queryRows, type Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { currentHome, peopleOnRecord } from '../registry/index.ts';
import type { Plan } from './followups.core.ts';
import { followUpAssignment, followUpPlan } from './followups.tables.ts';
import { houseVisit } from './visits.tables.ts';

export type PlanRow = typeof followUpPlan.$inferSelect;

/** The plans the counties set themselves (the defaults are not rows). */
export async function plansOfCounties(tx: Tx, countyCodes: readonly string[]): Promise<PlanRow[]> {
  if (countyCodes.length === 0) return [];
  return tx
    .select()
    .from(followUpPlan)
    .where(inArray(followUpPlan.countyCode, [...new Set(countyCodes)]));
}

export async function getPlan(tx: Tx, countyCode: string, tagKind: TagKind, tagCode: string): Promise<PlanRow | undefined> {
  return (
    await tx
      .select()
      .from(followUpPlan)
      .where(and(eq(followUpPlan.countyCode, countyCode), eq(followUpPlan.tagKind, tagKind), eq(followUpPlan.tagCode, tagCode)))
  )[0];
}

export async function insertPlan(tx: Tx, row: typeof followUpPlan.$inferInsert): Promise<void> {
  await tx.insert(followUpPlan).values(row);
}

/** Updates the plan on the version it was read at; false when someone changed it first. */
export async function updatePlan(tx: Tx, before: PlanRow, values: Partial<PlanRow>): Promise<boolean> {
  const rows = await tx
    .update(followUpPlan)
    .set(values)
    .where(
      and(
        eq(followUpPlan.countyCode, before.countyCode),
        eq(followUpPlan.tagKind, before.tagKind),
        eq(followUpPlan.tagCode, before.tagCode),
        eq(followUpPlan.version, before.version),
      ),
    )
    .returning({ version: followUpPlan.version });
  return rows.length === 1;
}

export const planOf = (r: PlanRow): Plan => ({
  tagKind: r.tagKind as TagKind,
  tagCode: r.tagCode,
  cadence: r.cadence as Plan['cadence'],
  intervalDays: r.intervalDays,
  follower: r.follower as Plan['follower'],
});

export interface TaggedPersonRow {
  id: string;
  countyCode: string;
  name: string;
  gridCode: string;
  idNumberMasked: string;
  phoneMasked: string | null;
  specialGroups: string[];
  keyPersonTags: string[];
  /** The house they live in now (the latest residence not ended), where a follow-up visit goes. */
  houseCode: string | null;
  address: string | null;
  lastAt: Date | null;
  /** The named follower (指定随访人) over the grid team, and the grid the follow-up is made from; null: none. */
  assignment: AssignmentRow | null;
  /** The version of the assignment row (0: never assigned), sent back with a change. */
  assignmentVersion: number;
}

export interface AssignmentRow {
  followerId: string;
  gridCode: string;
  reason: string;
  assignedByName: string;
  assignedAt: Date;
}

/**
 * The tagged people in scope (under `areaPrefix` when given, or just `personId`), each with the house they live in now,
 * their last follow-up and their named follower. A person whose named follower follows them up from a grid in scope is
 * in scope too: the assignment brings them to that grid's team and village. The people and their homes are read through
 * registry's fragments (peopleOnRecord, currentHome).
 */
export async function taggedPeople(tx: Tx, scope: Scope, filter: { areaPrefix?: string; personId?: string }): Promise<TaggedPersonRow[]> {
  const rows = await queryRows<{
    id: string;
    county_code: string;
    name: string;
    grid_code: string;
    id_number_masked: string;
    phone_masked: string | null;
    special_groups: string[];
    key_person_tags: string[];
    house_code: string | null;
    address: string | null;
    last_at: string | Date | null;
    follower_id: string | null;
    assigned_grid: string | null;
    reason: string | null;
    assigned_by_name: string | null;
    assigned_at: string | Date | null;
    assignment_version: number | null;
  }>(
    tx,
    sql`
      select p.id, p.county_code, p.name, p.grid_code, p.id_number_masked, p.phone_masked, p.special_groups,
             p.key_person_tags, home.house_code, home.address, last.last_at, a.follower_id, a.grid_code as assigned_grid,
             a.reason, a.assigned_by_name, a.assigned_at, a.version as assignment_version
      from ${peopleOnRecord} p
      left join ${followUpAssignment} a on a.county_code = p.county_code and a.person_id = p.id
      left join lateral ${currentHome(sql`p.county_code`, sql`p.id`)} home on true
      left join lateral (
        select max(v.at) as last_at from ${houseVisit} v where v.county_code = p.county_code and v.person_id = p.id
      ) last on true
      where (${inScope(sql`p.grid_code`, scope)} or (a.follower_id is not null and ${inScope(sql`a.grid_code`, scope)}))
        and (cardinality(p.special_groups) > 0 or cardinality(p.key_person_tags) > 0)
        ${
          filter.areaPrefix
            ? sql`and (p.grid_code like ${`${filter.areaPrefix}%`} or (a.follower_id is not null and a.grid_code like ${`${filter.areaPrefix}%`}))`
            : sql``
        }
        ${filter.personId ? sql`and p.id = ${filter.personId}` : sql``}`,
  );
  return rows.map((r) => ({
    id: r.id,
    countyCode: r.county_code,
    name: r.name,
    gridCode: r.grid_code,
    idNumberMasked: r.id_number_masked,
    phoneMasked: r.phone_masked,
    specialGroups: r.special_groups,
    keyPersonTags: r.key_person_tags,
    houseCode: r.house_code,
    address: r.address,
    lastAt: r.last_at === null ? null : new Date(r.last_at),
    assignment:
      r.follower_id === null || r.assigned_grid === null
        ? null
        : {
            followerId: r.follower_id,
            gridCode: r.assigned_grid,
            reason: r.reason ?? '',
            assignedByName: r.assigned_by_name ?? '',
            assignedAt: new Date(r.assigned_at as string | Date),
          },
    assignmentVersion: r.assignment_version ?? 0,
  }));
}

export type AssignmentValues = Omit<typeof followUpAssignment.$inferInsert, 'countyCode' | 'personId' | 'version'>;

/**
 * Sets a person's named follower (or takes it back: follower null) on the version read, 0 for none yet; false when
 * someone changed it first.
 */
export async function putAssignment(
  tx: Tx,
  key: { countyCode: string; personId: string },
  version: number,
  values: AssignmentValues,
): Promise<boolean> {
  if (version === 0) {
    const rows = await tx
      .insert(followUpAssignment)
      .values({ ...key, ...values, version: 1 })
      .onConflictDoNothing()
      .returning({ version: followUpAssignment.version });
    return rows.length === 1;
  }
  const rows = await tx
    .update(followUpAssignment)
    .set({ ...values, version: version + 1 })
    .where(
      and(
        eq(followUpAssignment.countyCode, key.countyCode),
        eq(followUpAssignment.personId, key.personId),
        eq(followUpAssignment.version, version),
      ),
    )
    .returning({ version: followUpAssignment.version });
  return rows.length === 1;
}
