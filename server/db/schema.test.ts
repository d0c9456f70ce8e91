import { sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../platform/db.ts';
import { openEmptyTestDatabase } from '../testing/test-database.ts';
import { DISTRIBUTION_COLUMN, REFERENCE_TABLES } from './distribution.ts';
import * as schema from './schema.ts';

let database: Database;
// Not the run's template: this test is what vouches that the migrations themselves build the declared schema.
beforeAll(async () => {
  database = await openEmptyTestDatabase();
  await database.migrate();
});
afterAll(() => database.close());

const declared = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable).map((t) => getTableConfig(t));

async function actualColumns() {
  return queryRows<{ table_name: string; column_name: string; is_nullable: string }>(
    database.db,
    sql`select table_name, column_name, is_nullable from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position`,
  );
}

/** Primary-key columns of every public table, in key order, as the database has them. */
async function actualPrimaryKeys() {
  const rows = await queryRows<{ table_name: string; columns: string }>(
    database.db,
    sql`select c.relname as table_name, string_agg(a.attname, ',' order by k.ord) as columns
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary
        group by c.relname`,
  );
  return new Map(rows.map((r) => [r.table_name, r.columns.split(',')]));
}

describe('schema', () => {
  it('the database built by the migrations matches the declared schema (tables, columns, nullability)', async () => {
    const fromDb = (await actualColumns())
      .map((c) => `${c.table_name}.${c.column_name}:${c.is_nullable === 'YES' ? 'null' : 'not null'}`)
      .sort();
    const fromSchema = declared.flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}:${c.notNull ? 'not null' : 'null'}`)).sort();
    expect(fromDb).toEqual(fromSchema);
  });

  it('every table has a primary key, and every table that is not a reference table leads it with the county code', async () => {
    const keys = await actualPrimaryKeys();
    const tables = declared.map((t) => t.name);
    const offenders = tables.filter((name) => {
      const key = keys.get(name);
      if (!key) return true;
      return !(REFERENCE_TABLES as readonly string[]).includes(name) && key[0] !== DISTRIBUTION_COLUMN;
    });
    expect(offenders).toEqual([]);
    expect(REFERENCE_TABLES.filter((r) => !tables.includes(r))).toEqual([]);
  });
});
