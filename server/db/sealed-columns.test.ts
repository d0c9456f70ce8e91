/** The list of sealed columns that `gezhi keys rotate` walks names every sealed column of the declared schema. */
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { SEALED_COLUMN_NAME, SEALED_COLUMNS } from '../platform/columns.ts';
import * as schema from './schema.ts';

const declared = (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable).map((t) => getTableConfig(t));

describe('SEALED_COLUMNS', () => {
  it('lists every column named as sealed (…_enc, …_sealed), so a rotation re-seals it', () => {
    const named = declared.flatMap((t) => t.columns.filter((c) => SEALED_COLUMN_NAME.test(c.name)).map((c) => `${t.name}.${c.name}`));
    const listed = new Set(Object.entries(SEALED_COLUMNS).flatMap(([table, columns]) => columns.map((c) => `${table}.${c}`)));
    expect(named.filter((c) => !listed.has(c))).toEqual([]);
    expect(named.length).toBeGreaterThan(5);
  });

  it('names only columns that exist, as text', () => {
    const columns = new Map(declared.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c.getSQLType()] as const)));
    for (const [table, names] of Object.entries(SEALED_COLUMNS))
      for (const name of names) expect(columns.get(`${table}.${name}`), `${table}.${name}`).toBe('text');
  });
});
