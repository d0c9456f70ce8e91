import { type SQL, sql } from 'drizzle-orm';
import { house, person, residence } from './records.tables.ts';

/**
 * The base records as other areas' SQL may read them (visits, follow-ups, tasks): fragments registry owns, so no
 * other area names its tables. Each is a plain derived table or a correlated subquery the planner inlines, so the
 * caller's query keeps one statement and its speed.
 */

/** Houses on record, as a derived table: `from ${housesOnRecord} h` with h.county_code, h.code, h.grid_code, h.address. */
export const housesOnRecord: SQL = sql`(select ${house.countyCode} as county_code, ${house.code} as code,
  ${house.gridCode} as grid_code, ${house.address} as address from ${house})`;

/**
 * People on record, as a derived table: id, county_code, name, grid_code, the masked ID number and phone, and their
 * special-group and key-person tags.
 */
export const peopleOnRecord: SQL = sql`(select ${person.id} as id, ${person.countyCode} as county_code, ${person.name} as name,
  ${person.gridCode} as grid_code, ${person.idNumberMasked} as id_number_masked, ${person.phoneMasked} as phone_masked,
  ${person.specialGroups} as special_groups, ${person.keyPersonTags} as key_person_tags from ${person})`;

/**
 * A person's current home (the latest residence not moved out of) with its house's address: a lateral subquery of
 * one row (house_code, address) for `left join lateral ${currentHome(...)} home on true`.
 */
export const currentHome = (countyCode: SQL, personId: SQL): SQL => sql`(
  select r.house_code, h.address from ${residence} r
  left join ${house} h on h.county_code = r.county_code and h.code = r.house_code
  where r.county_code = ${countyCode} and r.person_id = ${personId} and r.moved_out is null
  order by r.moved_in desc limit 1)`;

/** How many houses or people are on record in a grid: a scalar subquery on the caller's grid code. */
export const recordsInGrid = (kind: 'house' | 'person', gridCode: SQL): SQL =>
  kind === 'house'
    ? sql`(select count(*) from ${house} s where s.grid_code = ${gridCode})`
    : sql`(select count(*) from ${person} s where s.grid_code = ${gridCode})`;
