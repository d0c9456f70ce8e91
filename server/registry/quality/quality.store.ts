import { type SQL, sql } from 'drizzle-orm';
import type { AnomalyKind } from '../../../shared/enums.ts';
import { queryRows, type Tx } from '../../platform/db.ts';
import { inScope, type Scope } from '../../platform/scope.ts';

/** The rows of a table under `prefix` that the caller may see: the subtree and the jurisdiction, both in SQL. */
const under = (column: string, scope: Scope, prefix: string) =>
  sql`${sql.raw(column)} like ${`${prefix}%`} and ${inScope(sql.raw(column), scope)}`;

/** A person with no current residence. */
const homeless = (p: string) =>
  sql`not exists (select 1 from residence r where r.county_code = ${sql.raw(p)}.county_code and r.person_id = ${sql.raw(p)}.id and r.moved_out is null)`;

/**
 * A house its record says someone lives in — a dwelling, or let as a home or dormitory — with nobody living
 * there now. There is no occupancy flag: use and rental use are what the record marks.
 */
/**
 * A person recorded by a resident ID number (GA/T 517 111): the only document with a check digit. A passport or
 * permit number is never checked by that algorithm, so it is neither failed nor waiting to be checked.
 */
const byIdCard = (p: string) => sql.raw(`${p}.id_type = '111'`);

const occupiedButEmpty = (
  h: string,
) => sql`(${sql.raw(h)}.use in ('01', '06') or (${sql.raw(h)}.rented and ${sql.raw(h)}.rental_use in ('01', '02')))
  and not exists (select 1 from residence r where r.county_code = ${sql.raw(h)}.county_code and r.house_code = ${sql.raw(h)}.code and r.moved_out is null)`;

export const FIGURES = [
  'people',
  'peopleVerified',
  'houses',
  'housesVerified',
  'buildings',
  'buildingsVerified',
  'organisations',
  'organisationsVerified',
  'facilities',
  'facilitiesVerified',
  'groups',
  'groupsVerified',
  'homeless',
  'emptyHouses',
  'housesWithoutBuilding',
  'housesInGroups',
  'idCheckFailed',
  'idUnchecked',
] as const;
export type Figure = (typeof FIGURES)[number];
/** The kinds of record counted, each with its figure of those verified within the window. */
export type Kind = 'people' | 'houses' | 'buildings' | 'organisations' | 'facilities' | 'groups';
export const VERIFIED: Partial<Record<string, Figure>> = {
  people: 'peopleVerified',
  houses: 'housesVerified',
  buildings: 'buildingsVerified',
  organisations: 'organisationsVerified',
  facilities: 'facilitiesVerified',
  groups: 'groupsVerified',
} satisfies Record<Kind, Figure>;

/**
 * Every figure per child node under `prefix`, a child being the first `childLength` digits of a grid code: one
 * scan of each table, grouped in SQL. Each branch yields (figure, grid code, verified at).
 */
export async function childFigures(tx: Tx, scope: Scope, prefix: string, childLength: number, since: Date) {
  const counted = (figure: string, table: string, where?: SQL) =>
    sql`select ${figure} as figure, t.grid_code, t.verified_at from ${sql.raw(table)} t where ${under('t.grid_code', scope, prefix)}${where ? sql` and ${where}` : sql``}`;
  const branches = [
    counted('people', 'person'),
    counted('houses', 'house'),
    counted('buildings', 'building'),
    counted('organisations', 'organisation'),
    counted('facilities', 'facility'),
    counted('groups', 'household_group'),
    counted('homeless', 'person', homeless('t')),
    counted('emptyHouses', 'house', occupiedButEmpty('t')),
    counted('housesWithoutBuilding', 'house', sql`t.building_code is null`),
    counted(
      'housesInGroups',
      'house',
      sql`exists (select 1 from household_group_member m where m.county_code = t.county_code and m.house_code = t.code)`,
    ),
    counted('idCheckFailed', 'person', sql`${byIdCard('t')} and t.id_check_ok = false`),
    counted('idUnchecked', 'person', sql`${byIdCard('t')} and t.id_check_ok is null`),
  ];
  return queryRows<{ figure: string; child: string; n: number; verified: number }>(
    tx,
    sql`
    select figure, left(grid_code, ${childLength}) as child, count(*)::int as n, count(*) filter (where verified_at >= ${since})::int as verified
    from (${sql.join(branches, sql` union all `)}) x group by 1, 2`,
  );
}

// ── anomaly lists ─────────────────────────────────────────────────────────────────────────────────────
// Each is paged on a stable order and names its records (house codes, person ids) so a row opens them.

export { ANOMALY_KINDS, type AnomalyKind } from '../../../shared/enums.ts';
export interface HouseRef {
  code: string;
  address: string;
  gridCode: string;
}
export interface PersonRef {
  id: string;
  name: string;
  idNumber: string;
  gridCode: string;
}
export interface AnomalyItem {
  key: string;
  houses: HouseRef[];
  people: PersonRef[];
  elsewhere: number;
}

const houseJson = (h: string) => sql.raw(`json_build_object('code', ${h}.code, 'address', ${h}.address, 'gridCode', ${h}.grid_code)`);
const personJson = (p: string) =>
  sql.raw(`json_build_object('id', ${p}.id, 'name', ${p}.name, 'idNumber', ${p}.id_number_masked, 'gridCode', ${p}.grid_code)`);

/** The groups of one kind under the area, each a key and the text it is listed by: counted, and paged. */
function groupsOf(kind: AnomalyKind, scope: Scope, prefix: string): SQL {
  const seen = (column: string) => inScope(sql.raw(column), scope);
  switch (kind) {
    case 'sameAddressDifferentCodes':
      return sql`select address as key, address as sort from house where ${under('grid_code', scope, prefix)} group by address having count(distinct code) > 1`;
    // A house code is unique within a county, so the twin is usually in another county: all of its houses are counted.
    case 'sameCodeDifferentAddresses':
      return sql`select code as key, code as sort from house where code in (select code from house where ${under('grid_code', scope, prefix)})
        group by code having count(distinct address) > 1`;
    // Listed by the first in-scope registration, so the order says nothing about records the caller may not see.
    case 'duplicatePeople':
      return sql`select id_number_hash as key, min(case when ${seen('grid_code')} then grid_code || name end) as sort from person
        where id_number_hash in (select id_number_hash from person where ${under('grid_code', scope, prefix)})
        group by id_number_hash having count(*) > 1`;
    case 'peopleWithoutHouse':
      return sql`select p.id::text as key, p.grid_code || p.name as sort from person p where ${under('p.grid_code', scope, prefix)} and ${homeless('p')}`;
    case 'occupiedHousesWithoutPeople':
      return sql`select h.code as key, h.code as sort from house h where ${under('h.grid_code', scope, prefix)} and ${occupiedButEmpty('h')}`;
    case 'idCheckDigitFails':
      return sql`select p.id::text as key, p.grid_code || p.name as sort from person p where ${under('p.grid_code', scope, prefix)} and ${byIdCard('p')} and p.id_check_ok = false`;
  }
}

/**
 * One page of the groups, with their records. Records outside the caller's jurisdiction are never listed,
 * only counted (`elsewhere`), so a worker knows to ask the other area without seeing its people.
 */
function pageOf(kind: AnomalyKind, scope: Scope, prefix: string, page: SQL): SQL {
  const none = sql`'[]'::json`;
  const seen = (column: string) => inScope(sql.raw(column), scope);
  switch (kind) {
    case 'sameAddressDifferentCodes':
      return sql`select g.key, json_agg(${houseJson('h')} order by h.code) as houses, ${none} as people, 0 as elsewhere
        from (${page}) g join house h on h.address = g.key and ${under('h.grid_code', scope, prefix)} group by g.key, g.sort order by g.sort, g.key`;
    case 'sameCodeDifferentAddresses':
      return sql`select g.key, coalesce(json_agg(${houseJson('h')} order by h.address, h.grid_code) filter (where ${seen('h.grid_code')}), ${none}) as houses,
        ${none} as people, (count(*) filter (where not ${seen('h.grid_code')}))::int as elsewhere
        from (${page}) g join house h on h.code = g.key group by g.key, g.sort order by g.sort, g.key`;
    case 'duplicatePeople':
      // The key shown is a person's id, never the keyed hash of the ID number.
      return sql`select min(p.id::text) filter (where ${seen('p.grid_code')}) as key, ${none} as houses,
        coalesce(json_agg(${personJson('p')} order by p.grid_code, p.name) filter (where ${seen('p.grid_code')}), ${none}) as people,
        (count(*) filter (where not ${seen('p.grid_code')}))::int as elsewhere
        from (${page}) g join person p on p.id_number_hash = g.key group by g.key, g.sort order by g.sort, g.key`;
    case 'peopleWithoutHouse':
    case 'idCheckDigitFails':
      return sql`select g.key, ${none} as houses, json_build_array(${personJson('p')}) as people, 0 as elsewhere
        from (${page}) g join person p on p.id = g.key::uuid order by g.sort, g.key`;
    case 'occupiedHousesWithoutPeople':
      return sql`select g.key, json_build_array(${houseJson('h')}) as houses, ${none} as people, 0 as elsewhere
        from (${page}) g join house h on h.code = g.key and ${under('h.grid_code', scope, prefix)} order by g.sort, g.key`;
  }
}

export async function anomalies(tx: Tx, scope: Scope, prefix: string, kind: AnomalyKind, offset: number, limit: number) {
  const groups = groupsOf(kind, scope, prefix);
  const [{ total }] = await queryRows<{ total: number }>(tx, sql`select count(*)::int as total from (${groups}) g`);
  const items =
    total > offset
      ? await queryRows<AnomalyItem>(
          tx,
          pageOf(kind, scope, prefix, sql`select key, sort from (${groups}) g order by sort, key limit ${limit} offset ${offset}`),
        )
      : [];
  return { total, items };
}

// ── ID check digits ───────────────────────────────────────────────────────────────────────────────────

/** People under the area whose ID check digit was never checked (written before the flag existed): a batch. */
export async function uncheckedIds(tx: Tx, scope: Scope, prefix: string, limit: number) {
  return queryRows<{ countyCode: string; id: string; idNumberEnc: string }>(
    tx,
    sql`
    select county_code as "countyCode", id, id_number_enc as "idNumberEnc" from person
    where ${under('grid_code', scope, prefix)} and ${byIdCard('person')} and id_check_ok is null limit ${limit}`,
  );
}

export async function markIdChecks(tx: Tx, rows: { countyCode: string; id: string; ok: boolean }[]) {
  if (rows.length === 0) return;
  await tx.execute(sql`update person set id_check_ok = x.ok
    from json_to_recordset(${JSON.stringify(rows)}::json) as x("countyCode" text, id uuid, ok boolean)
    where person.county_code = x."countyCode" and person.id = x.id`);
}
