import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { consoleActor } from '../server/access/console-actor.ts';
import { systemClock } from '../server/platform/clock.ts';
import { type Database, openDatabase } from '../server/platform/db.ts';
import { createFieldCrypto } from '../server/platform/field-crypto.ts';
import { firstRows } from '../server/platform/paging.ts';
import { createRandom } from '../server/platform/random.ts';
import { createRegistryImport } from '../server/registry/io/registry-import.service.ts';
import { readRows } from '../server/registry/io/spreadsheet-import.ts';
import { PERSON_TEMPLATE } from '../server/registry/io/templates.ts';
import { createRegistryService } from '../server/registry/people/people.service.ts';
import { seedTerritory } from '../server/testing/fixtures.ts';
import { PEOPLE_HEADER, seedPeopleHouses, writePeopleCsv } from '../server/testing/people-file.ts';
import { TEST_FIELD_KEYS } from '../server/testing/test-secrets.ts';

const fieldCrypto = createFieldCrypto({
  encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'),
  hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex'),
});

/** A people CSV in the import template's columns (made once per size, kept in the temp folder so PostgreSQL can COPY it). */
function peopleCsv(count: number) {
  const file = path.join(os.tmpdir(), `gezhi-bench-people-${count}.csv`);
  const made = writePeopleCsv(file, count);
  fs.chmodSync(file, 0o644);
  return { file, ...made };
}

async function prepare(database: Database, houses: number) {
  await database.migrate();
  await seedTerritory(database.db);
  await seedPeopleHouses(database.db, houses);
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function timedImport(database: Database, file: string) {
  const importer = createRegistryImport({ db: database.db, clock: systemClock, fieldCrypto });
  const start = process.hrtime.bigint();
  const result = await importer.importRows(consoleActor, 'person', readRows(file, { format: 'csv', template: PERSON_TEMPLATE }), {
    lang: 'zh-CN',
  });
  return { seconds: seconds(start), created: result.created, rejected: result.rejected };
}

async function searchLatencies(database: Database, names: string[], ids: string[]) {
  const registry = createRegistryService({ db: database.db, clock: systemClock, fieldCrypto, unmaskedExportMax: 200 });
  const random = createRandom('search');
  const time = async (q: string) => {
    const start = process.hrtime.bigint();
    await registry.findPeople(consoleActor, q, firstRows(50));
    return seconds(start) * 1000;
  };
  const byName: number[] = [];
  const byId: number[] = [];
  for (let i = 0; i < 200; i++) {
    const name = names[Math.floor(random() * names.length)];
    byName.push(await time(name.slice(1)));
    byId.push(await time(ids[Math.floor(random() * ids.length)]));
  }
  return { nameP95Ms: p95(byName), idP95Ms: p95(byId) };
}

/** People import on PostgreSQL beside a raw COPY of the same file, the same import on PGlite, and search p95. */
export async function benchRegistryImport(count: number, pgUrl: string | null) {
  const csv = peopleCsv(count);
  const lite = await openDatabase({ url: null, dataDir: null });
  await prepare(lite, csv.houses);
  const onPglite = await timedImport(lite, csv.file);
  await lite.close();
  if (!pgUrl) return { count, onPglite, onPostgres: null, copySeconds: null, search: null };

  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('drop database if exists gezhi_bench_import with (force)');
  await admin.query('create database gezhi_bench_import');
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = '/gezhi_bench_import';
  const database = await openDatabase({ url: url.toString(), dataDir: null });
  await prepare(database, csv.houses);
  const onPostgres = await timedImport(database, csv.file);
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`create table raw_people (${PEOPLE_HEADER.map((_, i) => `c${i} text`).join(', ')})`);
  const start = process.hrtime.bigint();
  await client.query(`copy raw_people from '${csv.file}' with (format csv, header true)`);
  const copySeconds = seconds(start);
  await client.end();
  const search = await searchLatencies(database, csv.names, csv.ids);
  await database.close();
  return { count, onPglite, onPostgres, copySeconds, search };
}
