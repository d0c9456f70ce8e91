import { type AnyColumn, and, count, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import type { Stamp } from '../records/record-lifecycle.core.ts';
import { bulkUpsert } from '../records/records.store.ts';
import { house, person } from '../records/records.tables.ts';
import { building, householdGroup, householdGroupMember, standardAddress } from './places.tables.ts';

export type AddressRow = typeof standardAddress.$inferSelect;
export type BuildingRow = typeof building.$inferSelect;
export type HouseRow = typeof house.$inferSelect;
export type GroupRow = typeof householdGroup.$inferSelect;

export interface PlaceFilter {
  /** Part of the address or name. */
  text?: string;
  /** A whole code. */
  code?: string;
  /** Only under this area (a code prefix). */
  areaPrefix?: string;
}

const like = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;
const under = (column: AnyColumn, prefix?: string) => (prefix ? sql`${column} like ${`${prefix}%`}` : undefined);

/** Current residents of a house, as a correlated count. */
const residentsOf = (houseCode: AnyColumn) =>
  sql<number>`(select count(*)::int from residence r where r.house_code = ${houseCode} and r.moved_out is null)`;

// ── standard addresses ────────────────────────────────────────────────────────────────────────────────

export async function getAddress(tx: Tx, scope: Scope, code: string): Promise<AddressRow | undefined> {
  return (
    await tx
      .select()
      .from(standardAddress)
      .where(and(eq(standardAddress.code, code), inScope(standardAddress.gridCode, scope)))
  )[0];
}

const addressMatch = (scope: Scope, f: PlaceFilter) =>
  and(
    f.code ? eq(standardAddress.code, f.code) : f.text ? ilike(standardAddress.fullText, like(f.text)) : undefined,
    under(standardAddress.gridCode, f.areaPrefix),
    inScope(standardAddress.gridCode, scope),
  );

export async function searchAddresses(tx: Tx, scope: Scope, f: PlaceFilter, page: PageAsked) {
  return tx
    .select()
    .from(standardAddress)
    .where(addressMatch(scope, f))
    .orderBy(standardAddress.fullText, standardAddress.code)
    .offset(page.offset)
    .limit(page.limit);
}

export async function countAddresses(tx: Tx, scope: Scope, f: PlaceFilter) {
  return (await tx.select({ n: count() }).from(standardAddress).where(addressMatch(scope, f)))[0].n;
}

/**
 * The next free serial of addresses in a village. A transaction-scoped advisory lock on the village makes
 * two servers recording there one after the other instead of picking the same serial.
 */
export async function nextAddressSerial(tx: Tx, countyCode: string, village: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`address:${village}`}))`);
  const [row] = await tx
    .select({ max: sql<string | null>`max(substr(${standardAddress.code}, 13))` })
    .from(standardAddress)
    .where(and(eq(standardAddress.countyCode, countyCode), sql`${standardAddress.code} like ${`${village}%`}`));
  return (row?.max ? Number(row.max) : 0) + 1;
}

export async function insertAddresses(tx: Tx, rows: (typeof standardAddress.$inferInsert)[]) {
  if (rows.length) await tx.insert(standardAddress).values(rows);
}

export async function updateAddress(tx: Tx, countyCode: string, code: string, values: Partial<typeof standardAddress.$inferInsert>) {
  await tx
    .update(standardAddress)
    .set(values)
    .where(and(eq(standardAddress.countyCode, countyCode), eq(standardAddress.code, code)));
}

/** Addresses with these exact texts in these grids: how an imported building finds its standard address. */
export async function addressesByText(tx: Tx, texts: string[], gridCodes: string[]) {
  if (texts.length === 0 || gridCodes.length === 0) return [];
  return tx
    .select({ code: standardAddress.code, fullText: standardAddress.fullText, gridCode: standardAddress.gridCode })
    .from(standardAddress)
    .where(and(inArray(standardAddress.fullText, texts), inArray(standardAddress.gridCode, gridCodes)));
}

// ── buildings ─────────────────────────────────────────────────────────────────────────────────────────

/** Buildings with these codes in any county: a code is registered once, wherever it is. */
export async function buildingsByCode(tx: Tx, codes: string[]): Promise<BuildingRow[]> {
  if (codes.length === 0) return [];
  return tx.select().from(building).where(inArray(building.code, codes));
}

export async function getBuilding(tx: Tx, scope: Scope, code: string): Promise<BuildingRow | undefined> {
  return (
    await tx
      .select()
      .from(building)
      .where(and(eq(building.code, code), inScope(building.gridCode, scope)))
  )[0];
}

/** Buildings by part of the address or name, or a whole code (building or standard address), with their houses counted. */
export async function searchBuildings(tx: Tx, scope: Scope, f: PlaceFilter, page: PageAsked) {
  // The outer columns are named with their table: drizzle writes a bare "code", which inside the subquery is the house's.
  return tx
    .select({
      b: building,
      houses: sql<number>`(select count(*)::int from house h where h.county_code = building.county_code and h.building_code = building.code)`,
    })
    .from(building)
    .where(buildingMatch(scope, f))
    .orderBy(building.address, building.code)
    .offset(page.offset)
    .limit(page.limit);
}

export async function countBuildings(tx: Tx, scope: Scope, f: PlaceFilter) {
  return (await tx.select({ n: count() }).from(building).where(buildingMatch(scope, f)))[0].n;
}

function buildingMatch(scope: Scope, f: PlaceFilter) {
  const match = f.code
    ? or(eq(building.code, f.code), eq(building.addressCode, f.code))
    : f.text
      ? or(ilike(building.address, like(f.text)), ilike(building.name, like(f.text)), ilike(building.estate, like(f.text)))
      : undefined;
  return and(match, under(building.gridCode, f.areaPrefix), inScope(building.gridCode, scope));
}

export async function upsertBuildings(tx: Tx, rows: (typeof building.$inferInsert)[]) {
  await bulkUpsert(tx, 'building', rows, ['county_code', 'code'], []);
}

/** The distribution column cannot change in place (Citus): a move to another county is a delete and an insert. */
export async function deleteBuildings(tx: Tx, keys: { countyCode: string; code: string }[]) {
  for (const k of keys) await tx.delete(building).where(and(eq(building.countyCode, k.countyCode), eq(building.code, k.code)));
}

/** Writes a verification's stamp: who and when, and the raised version. */
export async function markBuildingVerified(tx: Tx, row: { countyCode: string; code: string }, stamp: Stamp) {
  await tx
    .update(building)
    .set(stamp)
    .where(and(eq(building.countyCode, row.countyCode), eq(building.code, row.code)));
}

/** People on record in a county with these phones (by keyed hash): candidates for a building leader. */
export async function peopleByPhone(tx: Tx, countyCode: string, phoneHashes: string[]) {
  if (phoneHashes.length === 0) return [];
  return tx
    .select({ id: person.id, name: person.name, phoneHash: person.phoneHash })
    .from(person)
    .where(and(eq(person.countyCode, countyCode), inArray(person.phoneHash, phoneHashes)));
}

/**
 * Planner statistics after a bulk load of houses and people. PGlite runs no autovacuum, so without them the
 * joins below pick index skip-scans that take seconds instead of a hash join that takes a tenth of one.
 */
export async function analyzeHousesAndPeople(tx: Tx) {
  await tx.execute(sql`analyze house, residence, person`);
}

/**
 * For each building with houses under `prefix`, one resident with a phone (the eldest): whom the demo makes its
 * 楼栋长. The sealed phone is copied as it is: the same keys sealed it.
 */
export async function leaderCandidates(tx: Tx, prefix: string) {
  return queryRows<{ buildingCode: string; id: string; name: string; phoneEnc: string; phoneHash: string; phoneMasked: string }>(
    tx,
    sql`
    select distinct on (h.building_code) h.building_code as "buildingCode", p.id, p.name,
      p.phone_enc as "phoneEnc", p.phone_hash as "phoneHash", p.phone_masked as "phoneMasked"
    from house h
    join residence r on r.county_code = h.county_code and r.house_code = h.code and r.moved_out is null
    join person p on p.county_code = r.county_code and p.id = r.person_id
    where h.grid_code like ${`${prefix}%`} and h.building_code is not null and p.phone_hash is not null
    order by h.building_code, p.birth_date, p.id`,
  );
}

// ── houses ────────────────────────────────────────────────────────────────────────────────────────────

export interface HouseFilter {
  buildingCode?: string;
  gridCode?: string;
  text?: string;
}

const houseMatch = (scope: Scope, f: HouseFilter) =>
  and(
    f.buildingCode ? eq(house.buildingCode, f.buildingCode) : undefined,
    f.gridCode ? eq(house.gridCode, f.gridCode) : undefined,
    f.text ? or(ilike(house.address, like(f.text)), ilike(house.code, like(f.text))) : undefined,
    inScope(house.gridCode, scope),
  );

/** Houses in scope by building, grid or part of the address/code, with residents counted and their group. */
export async function listHouses(tx: Tx, scope: Scope, f: HouseFilter, page: PageAsked) {
  return tx
    .select({
      code: house.code,
      address: house.address,
      gridCode: house.gridCode,
      buildingCode: house.buildingCode,
      use: house.use,
      rented: house.rented,
      residents: residentsOf(house.code),
      groupId: householdGroupMember.groupId,
    })
    .from(house)
    .leftJoin(
      householdGroupMember,
      and(eq(householdGroupMember.countyCode, house.countyCode), eq(householdGroupMember.houseCode, house.code)),
    )
    .where(houseMatch(scope, f))
    .orderBy(house.code)
    .offset(page.offset)
    .limit(page.limit);
}

export async function countHouses(tx: Tx, scope: Scope, f: HouseFilter) {
  return (await tx.select({ n: count() }).from(house).where(houseMatch(scope, f)))[0].n;
}

/** The same houses as whole records (sealed owner fields included), with residents counted: what an export writes. */
export async function housesWithResidents(tx: Tx, scope: Scope, f: HouseFilter, limit: number) {
  return tx
    .select({ h: house, residents: residentsOf(house.code) })
    .from(house)
    .where(houseMatch(scope, f))
    .orderBy(house.code)
    .limit(limit);
}

export async function getHouse(tx: Tx, scope: Scope, code: string) {
  return (
    await tx
      .select()
      .from(house)
      .where(and(eq(house.code, code), inScope(house.gridCode, scope)))
  )[0];
}

/** Writes a verification's stamp: who and when, and the raised version. */
export async function markHouseVerified(tx: Tx, row: { countyCode: string; code: string }, stamp: Stamp) {
  await tx
    .update(house)
    .set(stamp)
    .where(and(eq(house.countyCode, row.countyCode), eq(house.code, row.code)));
}

/** Who lives in a house now. */
export async function residentsOfHouse(tx: Tx, countyCode: string, code: string) {
  return queryRows<{ id: string; name: string; relation: string | null; movedIn: string }>(
    tx,
    sql`
    select p.id, p.name, r.relation, r.moved_in::text as "movedIn" from residence r
    join person p on p.county_code = r.county_code and p.id = r.person_id
    where r.county_code = ${countyCode} and r.house_code = ${code} and r.moved_out is null order by r.moved_in, p.name`,
  );
}

// ── ten-household groups ──────────────────────────────────────────────────────────────────────────────

export async function getGroup(tx: Tx, scope: Scope, id: string): Promise<GroupRow | undefined> {
  return (
    await tx
      .select()
      .from(householdGroup)
      .where(and(eq(householdGroup.id, id), inScope(householdGroup.gridCode, scope)))
  )[0];
}

type GroupFilter = { gridCode?: string; areaPrefix?: string };
const groupMatch = (scope: Scope, f: GroupFilter) =>
  and(
    f.gridCode ? eq(householdGroup.gridCode, f.gridCode) : undefined,
    under(householdGroup.gridCode, f.areaPrefix),
    inScope(householdGroup.gridCode, scope),
  );

export async function listGroups(tx: Tx, scope: Scope, f: GroupFilter, page: PageAsked) {
  return tx
    .select({
      g: householdGroup,
      members: sql<number>`(select count(*)::int from household_group_member m where m.county_code = ${householdGroup.countyCode} and m.group_id = ${householdGroup.id})`,
    })
    .from(householdGroup)
    .where(groupMatch(scope, f))
    .orderBy(householdGroup.gridCode, householdGroup.name)
    .offset(page.offset)
    .limit(page.limit);
}

export async function countGroups(tx: Tx, scope: Scope, f: GroupFilter) {
  return (await tx.select({ n: count() }).from(householdGroup).where(groupMatch(scope, f)))[0].n;
}

/** The member houses of a group with their address, building and residents. */
export async function groupMembers(tx: Tx, g: Pick<GroupRow, 'countyCode' | 'id'>) {
  return tx
    .select({
      houseCode: householdGroupMember.houseCode,
      address: house.address,
      buildingCode: house.buildingCode,
      gridCode: house.gridCode,
      residents: residentsOf(householdGroupMember.houseCode),
    })
    .from(householdGroupMember)
    .leftJoin(house, and(eq(house.countyCode, householdGroupMember.countyCode), eq(house.code, householdGroupMember.houseCode)))
    .where(and(eq(householdGroupMember.countyCode, g.countyCode), eq(householdGroupMember.groupId, g.id)))
    .orderBy(householdGroupMember.houseCode);
}

/** Which of these houses already belong to a group, and to which. */
export async function groupsOfHouses(tx: Tx, countyCode: string, houseCodes: string[]) {
  if (houseCodes.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ houseCode: householdGroupMember.houseCode, groupId: householdGroupMember.groupId })
    .from(householdGroupMember)
    .where(and(eq(householdGroupMember.countyCode, countyCode), inArray(householdGroupMember.houseCode, houseCodes)));
  return new Map(rows.map((r) => [r.houseCode, r.groupId]));
}

export async function insertGroups(tx: Tx, rows: (typeof householdGroup.$inferInsert)[]) {
  if (rows.length) await tx.insert(householdGroup).values(rows);
}

export async function insertMembers(tx: Tx, rows: (typeof householdGroupMember.$inferInsert)[]) {
  if (rows.length) await tx.insert(householdGroupMember).values(rows);
}

export async function updateGroup(tx: Tx, g: Pick<GroupRow, 'countyCode' | 'id'>, values: Partial<typeof householdGroup.$inferInsert>) {
  await tx
    .update(householdGroup)
    .set(values)
    .where(and(eq(householdGroup.countyCode, g.countyCode), eq(householdGroup.id, g.id)));
}

/** A group and its members, so its houses are free to join another. */
export async function deleteGroup(tx: Tx, g: Pick<GroupRow, 'countyCode' | 'id'>) {
  await tx
    .delete(householdGroupMember)
    .where(and(eq(householdGroupMember.countyCode, g.countyCode), eq(householdGroupMember.groupId, g.id)));
  await tx.delete(householdGroup).where(and(eq(householdGroup.countyCode, g.countyCode), eq(householdGroup.id, g.id)));
}

export async function replaceMembers(tx: Tx, g: Pick<GroupRow, 'countyCode' | 'id'>, houseCodes: string[]) {
  await tx
    .delete(householdGroupMember)
    .where(and(eq(householdGroupMember.countyCode, g.countyCode), eq(householdGroupMember.groupId, g.id)));
  await insertMembers(
    tx,
    houseCodes.map((houseCode) => ({ countyCode: g.countyCode, groupId: g.id, houseCode })),
  );
}
