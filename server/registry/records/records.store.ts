import { and, count, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { house, person, recordChange, residence } from './records.tables.ts';

export type HouseRow = typeof house.$inferSelect;
export type PersonRow = typeof person.$inferSelect;

export async function housesByCode(tx: Tx, scope: Scope, codes: string[]): Promise<HouseRow[]> {
  if (codes.length === 0) return [];
  return tx
    .select()
    .from(house)
    .where(and(inArray(house.code, codes), inScope(house.gridCode, scope)));
}

export async function peopleByIdHash(tx: Tx, hashes: string[]): Promise<PersonRow[]> {
  if (hashes.length === 0) return [];
  return tx.select().from(person).where(inArray(person.idNumberHash, hashes));
}

/**
 * Bulk writes send the whole batch as one JSON parameter expanded by json_populate_recordset: one
 * statement and one parameter for a thousand rows, several times faster than a thousand-row VALUES list.
 * A row that meets an existing key updates it, except the columns in `keep`; with `update: false` it is skipped.
 */
export async function bulkUpsert(
  tx: Tx,
  table: string,
  rows: Record<string, unknown>[],
  conflict: string[],
  keep: string[],
  update = true,
) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).map(snake);
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v]))));
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  const updates = columns
    .filter((c) => !conflict.includes(c) && !keep.includes(c))
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  const action = sql.raw(update && updates ? `do update set ${updates}` : 'do nothing');
  await tx.execute(sql`insert into ${sql.raw(`"${table}"`)} (${list})
    select ${list} from json_populate_recordset(null::${sql.raw(`"${table}"`)}, ${json}::json)
    on conflict (${sql.raw(conflict.map((c) => `"${c}"`).join(', '))}) ${action}`);
}

export async function upsertHouses(tx: Tx, rows: (typeof house.$inferInsert)[]) {
  await bulkUpsert(tx, 'house', rows, ['county_code', 'code'], []);
}

export async function upsertPeople(tx: Tx, rows: (typeof person.$inferInsert)[]) {
  await bulkUpsert(tx, 'person', rows, ['county_code', 'id_number_hash'], ['id']);
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Current residences of these people (moved_out is null). */
export async function currentResidences(tx: Tx, personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select()
    .from(residence)
    .where(and(inArray(residence.personId, personIds), isNull(residence.movedOut)));
}

/** New residences; one already recorded (same person, house and day) stays as it is. */
export async function insertResidences(tx: Tx, rows: (typeof residence.$inferInsert)[]) {
  await bulkUpsert(tx, 'residence', rows, ['county_code', 'person_id', 'house_code', 'moved_in'], [], false);
}

export async function moveOut(tx: Tx, personId: string, houseCode: string, on: string) {
  await tx
    .update(residence)
    .set({ movedOut: on })
    .where(and(eq(residence.personId, personId), eq(residence.houseCode, houseCode), isNull(residence.movedOut)));
}

export async function insertChanges(tx: Tx, rows: (typeof recordChange.$inferInsert)[]) {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      county_code: r.countyCode,
      record_type: r.recordType,
      record_key: r.recordKey,
      at: r.at,
      actor_id: r.actorId,
      before: r.before,
      after: r.after,
    })),
  );
  await tx.execute(sql`insert into record_change (county_code, record_type, record_key, at, actor_id, before, after)
    select county_code, record_type, record_key, at, actor_id, before, after from json_populate_recordset(null::record_change, ${json}::json)`);
}

export async function changesOf(tx: Tx, recordType: string, recordKey: string) {
  return tx
    .select()
    .from(recordChange)
    .where(and(eq(recordChange.recordType, recordType), eq(recordChange.recordKey, recordKey)))
    .orderBy(recordChange.at, recordChange.id);
}

/**
 * The grams a name must hold to contain `text`: its pairs of neighbouring characters, or the one character of a
 * one-character query, lower-cased — the query side of the `name_grams` index (migration 0010).
 */
export function nameGrams(text: string): string[] {
  const chars = Array.from(text.toLowerCase());
  return chars.length === 1 ? chars : [...new Set(chars.slice(1).map((c, i) => chars[i] + c))];
}

type PeopleTerms = { name?: string; idHash?: string; phoneHash?: string; areaPrefix?: string };

/** People in scope (optionally under an area) matching a name fragment, or exactly an ID number or phone (by keyed hash). */
export async function searchPeople(tx: Tx, scope: Scope, q: PeopleTerms, page: PageAsked) {
  return tx.select().from(person).where(peopleMatch(scope, q)).orderBy(person.name, person.id).offset(page.offset).limit(page.limit);
}

/** How many people `searchPeople` finds over all its pages. */
export async function countPeople(tx: Tx, scope: Scope, q: PeopleTerms) {
  return (await tx.select({ n: count() }).from(person).where(peopleMatch(scope, q)))[0].n;
}

function peopleMatch(scope: Scope, q: PeopleTerms) {
  const grams = q.name ? nameGrams(q.name) : [];
  const match = or(
    q.name
      ? and(
          sql`name_grams(${person.name}) @> array[${sql.join(
            grams.map((g) => sql`${g}`),
            sql`, `,
          )}]::text[]`,
          ilike(person.name, `%${q.name.replace(/[%_\\]/g, '\\$&')}%`),
        )
      : undefined,
    q.idHash ? eq(person.idNumberHash, q.idHash) : undefined,
    q.phoneHash ? eq(person.phoneHash, q.phoneHash) : undefined,
  );
  const under = q.areaPrefix ? sql`${person.gridCode} like ${`${q.areaPrefix}%`}` : undefined;
  return and(match, under, inScope(person.gridCode, scope));
}

export async function getPerson(tx: Tx, scope: Scope, id: string): Promise<PersonRow | undefined> {
  return (
    await tx
      .select()
      .from(person)
      .where(and(eq(person.id, id), inScope(person.gridCode, scope)))
  )[0];
}

/** The people living in a house now, each with their record and residence. */
export async function residentRecords(tx: Tx, countyCode: string, houseCode: string) {
  return tx
    .select({ person, relation: residence.relation, movedIn: residence.movedIn })
    .from(residence)
    .innerJoin(person, and(eq(person.countyCode, residence.countyCode), eq(person.id, residence.personId)))
    .where(and(eq(residence.countyCode, countyCode), eq(residence.houseCode, houseCode), isNull(residence.movedOut)))
    .orderBy(residence.movedIn, person.name);
}

export async function residencesOfPerson(tx: Tx, personId: string) {
  return tx
    .select({
      houseCode: residence.houseCode,
      address: house.address,
      relation: residence.relation,
      movedIn: residence.movedIn,
      movedOut: residence.movedOut,
    })
    .from(residence)
    .leftJoin(house, eq(house.code, residence.houseCode))
    .where(eq(residence.personId, personId))
    .orderBy(residence.movedIn);
}

/** Refreshes the planner's statistics of tables a large write has just filled (names from the code, never input). */
export async function analyzeTables(tx: Tx, tables: readonly string[]) {
  await tx.execute(sql.raw(`analyze ${tables.map((t) => `"${t}"`).join(', ')}`));
}

/** The people of these ids within the scope; an id outside it is simply left out. */
export async function peopleInScope(tx: Tx, scope: Scope, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(person)
    .where(and(inArray(person.id, ids), inScope(person.gridCode, scope)));
}
