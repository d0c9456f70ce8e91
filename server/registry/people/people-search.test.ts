/**
 * Searching people at scale: the name index (characters and neighbouring pairs, migration 0010) finds a name by any
 * part of it and nothing else, and a large import leaves the planner fresh statistics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../access/index.ts';
import { systemClock } from '../../platform/clock.ts';
import { type Database, queryRows } from '../../platform/db.ts';
import { createFieldCrypto } from '../../platform/field-crypto.ts';
import { firstRows } from '../../platform/paging.ts';
import { seedTerritory } from '../../testing/fixtures.ts';
import { TEST_FIELD_KEYS } from '../../testing/harness.ts';
import { seedPeopleHouses, writePeopleCsv } from '../../testing/people-file.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { ANALYZE_AFTER_ROWS, createRegistryImport } from '../io/registry-import.service.ts';
import { readRows } from '../io/spreadsheet-import.ts';
import { PERSON_TEMPLATE } from '../io/templates.ts';
import { nameGrams } from '../records/records.store.ts';
import { createRegistryService } from './people.service.ts';

const fieldCrypto = createFieldCrypto({
  encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'),
  hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex'),
});
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-people-search-'));
const file = path.join(dir, 'people.csv');
let database: Database;
let sample: { names: string[]; ids: string[] };

/** What the planner believes a table holds: -1 until it is first analysed. */
const plannedRows = async (table: string) =>
  (await queryRows<{ n: number }>(database.db, sql`select reltuples::float8 as n from pg_class where relname = ${table}`))[0].n;

beforeAll(async () => {
  database = await openTestDatabase();
  await seedTerritory(database.db);
  const made = writePeopleCsv(file, ANALYZE_AFTER_ROWS);
  sample = made;
  await seedPeopleHouses(database.db, made.houses);
}, 120_000);

afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('people search at scale', () => {
  it('a large import leaves the tables it filled analysed', async () => {
    expect(await plannedRows('person')).toBeLessThanOrEqual(0);
    const importer = createRegistryImport({ db: database.db, clock: systemClock, fieldCrypto });
    const result = await importer.importRows(consoleActor, 'person', readRows(file, { format: 'csv', template: PERSON_TEMPLATE }), {
      lang: 'zh-CN',
    });
    expect(result.created).toBe(ANALYZE_AFTER_ROWS);
    expect(await plannedRows('person')).toBeGreaterThan(ANALYZE_AFTER_ROWS * 0.9);
    expect(await plannedRows('residence')).toBeGreaterThan(ANALYZE_AFTER_ROWS * 0.9);
  }, 180_000);

  it('finds a name by one character or by a part, and never by characters that do not stand together', async () => {
    const registry = createRegistryService({ db: database.db, clock: systemClock, fieldCrypto, unmaskedExportMax: 200 });
    const names = async (q: string) => (await registry.findPeople(consoleActor, q, firstRows(200))).items.map((p) => p.name);
    const full = sample.names.find((n) => Array.from(n).length === 3)!;
    const [first, second, third] = Array.from(full);
    for (const part of [full, second + third, first + second, third]) {
      const found = await names(part);
      expect(found.length).toBeGreaterThan(0);
      expect(found.every((n) => n.includes(part))).toBe(true);
    }
    expect(await names(full)).toContain(full);
    // The first and last characters are in the name but not side by side: no match from this name.
    expect(await names(first + third)).not.toContain(full);
    expect((await registry.findPeople(consoleActor, sample.ids[0], firstRows(10))).items).toHaveLength(1);
  });

  it('asks for each pair of neighbouring characters of the query, lower-cased, or its one character', () => {
    expect(nameGrams('张')).toEqual(['张']);
    expect(nameGrams('建华')).toEqual(['建华']);
    expect(nameGrams('欧阳建华')).toEqual(['欧阳', '阳建', '建华']);
    expect(nameGrams('AnNa')).toEqual(['an', 'nn', 'na']);
    expect(nameGrams('哈哈哈')).toEqual(['哈哈']);
  });
});
