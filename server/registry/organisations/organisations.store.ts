import { and, arrayOverlaps, count, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import type { Stamp } from '../records/record-lifecycle.core.ts';
import { bulkUpsert } from '../records/records.store.ts';
import { facility, organisation } from './organisations.tables.ts';

export type OrganisationRow = typeof organisation.$inferSelect;
export type FacilityRow = typeof facility.$inferSelect;

export interface OrganisationFilter {
  /** Part of the name. */
  name?: string;
  /** A whole credit code, normalized. */
  creditCode?: string;
  /** Only under this area (a code prefix). */
  areaPrefix?: string;
  orgType?: string;
  hazard?: string;
}

export interface FacilityFilter {
  /** A major class (2 digits) or a class (5 digits). */
  classCode?: string;
  areaPrefix?: string;
  state?: string;
  name?: string;
}

const like = (text: string) => `%${text.replace(/[%_\\]/g, '\\$&')}%`;
const under = (column: typeof organisation.gridCode | typeof facility.gridCode, prefix?: string) =>
  prefix ? sql`${column} like ${`${prefix}%`}` : undefined;

/** Organisations with these credit codes in any county: a code is registered once, wherever it is. */
export async function organisationsByCode(tx: Tx, codes: string[]): Promise<OrganisationRow[]> {
  if (codes.length === 0) return [];
  return tx.select().from(organisation).where(inArray(organisation.creditCode, codes));
}

export async function getOrganisation(tx: Tx, scope: Scope, creditCode: string): Promise<OrganisationRow | undefined> {
  return (
    await tx
      .select()
      .from(organisation)
      .where(and(eq(organisation.creditCode, creditCode), inScope(organisation.gridCode, scope)))
  )[0];
}

export async function upsertOrganisations(tx: Tx, rows: (typeof organisation.$inferInsert)[]) {
  await bulkUpsert(tx, 'organisation', rows, ['county_code', 'credit_code'], []);
}

/** The distribution column cannot change in place (Citus): a move to another county is a delete and an insert. */
export async function deleteOrganisations(tx: Tx, keys: { countyCode: string; creditCode: string }[]) {
  for (const k of keys)
    await tx.delete(organisation).where(and(eq(organisation.countyCode, k.countyCode), eq(organisation.creditCode, k.creditCode)));
}

/** Writes a verification's stamp: who and when, and the raised version. */
export async function markOrganisationVerified(tx: Tx, row: { countyCode: string; creditCode: string }, stamp: Stamp) {
  await tx
    .update(organisation)
    .set(stamp)
    .where(and(eq(organisation.countyCode, row.countyCode), eq(organisation.creditCode, row.creditCode)));
}

export async function searchOrganisations(tx: Tx, scope: Scope, f: OrganisationFilter, page: PageAsked) {
  return tx
    .select()
    .from(organisation)
    .where(organisationMatch(scope, f))
    .orderBy(organisation.name, organisation.creditCode)
    .offset(page.offset)
    .limit(page.limit);
}

export async function countOrganisations(tx: Tx, scope: Scope, f: OrganisationFilter) {
  return (await tx.select({ n: count() }).from(organisation).where(organisationMatch(scope, f)))[0].n;
}

function organisationMatch(scope: Scope, f: OrganisationFilter) {
  const conditions: (SQL | undefined)[] = [
    f.name ? ilike(organisation.name, like(f.name)) : undefined,
    f.creditCode ? eq(organisation.creditCode, f.creditCode) : undefined,
    under(organisation.gridCode, f.areaPrefix),
    f.orgType ? eq(organisation.orgType, f.orgType) : undefined,
    f.hazard ? arrayOverlaps(organisation.hazards, [f.hazard]) : undefined,
    inScope(organisation.gridCode, scope),
  ];
  return and(...conditions);
}

/**
 * The next free serial of a component class in a county. A transaction-scoped advisory lock on the code
 * prefix makes two servers recording the same class one after the other instead of picking the same serial.
 */
export async function nextFacilitySerial(tx: Tx, prefix: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`facility:${prefix}`}))`);
  const [row] = await tx
    .select({ max: sql<string | null>`max(substr(${facility.code}, 12))` })
    .from(facility)
    .where(and(eq(facility.countyCode, prefix.slice(0, 6)), sql`${facility.code} like ${`${prefix}%`}`));
  return (row?.max ? Number(row.max) : 0) + 1;
}

/** Components with these codes in any county: a code is given once, wherever it is. */
export async function facilitiesByCode(tx: Tx, codes: string[]): Promise<FacilityRow[]> {
  if (codes.length === 0) return [];
  return tx.select().from(facility).where(inArray(facility.code, codes));
}

/** Components of these classes at exactly these points: how an import row without a code finds its component. */
export async function facilitiesAt(tx: Tx, places: { classCode: string; lng: number; lat: number }[]): Promise<FacilityRow[]> {
  if (places.length === 0) return [];
  const json = JSON.stringify(places.map((p) => ({ class_code: p.classCode, lng: p.lng, lat: p.lat })));
  return tx
    .select()
    .from(facility)
    .where(sql`(${facility.classCode}, ${facility.lng}, ${facility.lat}) in
    (select class_code, lng, lat from json_to_recordset(${json}::json) as x(class_code text, lng float8, lat float8))`);
}

export async function upsertFacilities(tx: Tx, rows: (typeof facility.$inferInsert)[]) {
  await bulkUpsert(tx, 'facility', rows, ['county_code', 'code'], []);
}

export async function insertFacility(tx: Tx, row: typeof facility.$inferInsert) {
  await tx.insert(facility).values(row);
}

export async function updateFacility(tx: Tx, countyCode: string, code: string, values: Partial<typeof facility.$inferInsert>) {
  await tx
    .update(facility)
    .set(values)
    .where(and(eq(facility.countyCode, countyCode), eq(facility.code, code)));
}

export async function getFacility(tx: Tx, scope: Scope, code: string): Promise<FacilityRow | undefined> {
  return (
    await tx
      .select()
      .from(facility)
      .where(and(eq(facility.code, code), inScope(facility.gridCode, scope)))
  )[0];
}

export async function listFacilities(tx: Tx, scope: Scope, f: FacilityFilter, page: PageAsked) {
  return tx.select().from(facility).where(facilityMatch(scope, f)).orderBy(facility.code).offset(page.offset).limit(page.limit);
}

export async function countFacilities(tx: Tx, scope: Scope, f: FacilityFilter) {
  return (await tx.select({ n: count() }).from(facility).where(facilityMatch(scope, f)))[0].n;
}

function facilityMatch(scope: Scope, f: FacilityFilter) {
  const conditions: (SQL | undefined)[] = [
    f.classCode ? sql`${facility.classCode} like ${`${f.classCode}%`}` : undefined,
    under(facility.gridCode, f.areaPrefix),
    f.state ? eq(facility.state, f.state) : undefined,
    f.name ? ilike(facility.name, like(f.name)) : undefined,
    inScope(facility.gridCode, scope),
  ];
  return and(...conditions);
}

/** The organisations of these credit codes within the scope; a code outside it is simply left out. */
export async function organisationsInScope(tx: Tx, scope: Scope, codes: string[]): Promise<OrganisationRow[]> {
  if (codes.length === 0) return [];
  return tx
    .select()
    .from(organisation)
    .where(and(inArray(organisation.creditCode, codes), inScope(organisation.gridCode, scope)));
}
