import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';

const under = (column: string, scope: Scope, prefix: string) =>
  sql`${sql.raw(column)} like ${`${prefix}%`} and ${inScope(sql.raw(column), scope)}`;

/** Per grid under `prefix`: people, houses, share verified since `since`, buildings and ten-household groups. */
export async function gridFigures(tx: Tx, scope: Scope, prefix: string, since: Date) {
  return queryRows<{
    gridCode: string; people: number; houses: number; verified: number; emptyHouses: number; homeless: number;
    buildings: number; housesWithoutBuilding: number; groups: number; housesInGroups: number;
  }>(tx, sql`
    select g.code as "gridCode",
      (select count(*)::int from person p where p.grid_code = g.code) as people,
      (select count(*)::int from house h where h.grid_code = g.code) as houses,
      (select count(*)::int from person p where p.grid_code = g.code and p.verified_at >= ${since}) as verified,
      (select count(*)::int from house h where h.grid_code = g.code and h.use = '01'
         and not exists (select 1 from residence r where r.house_code = h.code and r.moved_out is null)) as "emptyHouses",
      (select count(*)::int from person p where p.grid_code = g.code
         and not exists (select 1 from residence r where r.person_id = p.id and r.moved_out is null)) as homeless,
      (select count(*)::int from building b where b.grid_code = g.code) as buildings,
      (select count(*)::int from house h where h.grid_code = g.code and h.building_code is null) as "housesWithoutBuilding",
      (select count(*)::int from household_group hg where hg.grid_code = g.code) as groups,
      (select count(*)::int from household_group hg join household_group_member m on m.county_code = hg.county_code and m.group_id = hg.id
         where hg.grid_code = g.code) as "housesInGroups"
    from grid g where ${under('g.code', scope, prefix)}
    order by g.code`);
}

/** The same address under different house codes. */
export async function sameAddressDifferentCodes(tx: Tx, scope: Scope, prefix: string, limit: number) {
  return queryRows<{ address: string; codes: string[] }>(tx, sql`
    select address, array_agg(code order by code) as codes from house
    where ${under('grid_code', scope, prefix)}
    group by address having count(*) > 1 order by address limit ${limit}`);
}

/** The same house code at different addresses (possible across counties, or after a bad import elsewhere). */
export async function sameCodeDifferentAddresses(tx: Tx, scope: Scope, prefix: string, limit: number) {
  return queryRows<{ code: string; addresses: string[] }>(tx, sql`
    select code, array_agg(address order by address) as addresses from house
    where ${under('grid_code', scope, prefix)}
    group by code having count(distinct address) > 1 order by code limit ${limit}`);
}

/** People registered more than once (same ID number in two counties): masked ID and where. */
export async function duplicatePeople(tx: Tx, scope: Scope, prefix: string, limit: number) {
  return queryRows<{ idNumber: string; names: string[]; gridCodes: string[] }>(tx, sql`
    select min(id_number_masked) as "idNumber", array_agg(name order by grid_code) as names, array_agg(grid_code order by grid_code) as "gridCodes"
    from person where id_number_hash in (select id_number_hash from person where ${under('grid_code', scope, prefix)})
    group by id_number_hash having count(*) > 1 limit ${limit}`);
}
