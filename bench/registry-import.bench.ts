import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../server/platform/db.ts';
import { systemClock } from '../server/platform/clock.ts';
import { consoleActor } from '../server/cli/runtime.ts';
import { FIXTURE, seedTerritory } from '../server/testing/fixtures.ts';
import { TEST_FIELD_KEYS } from '../server/testing/harness.ts';
import { createFieldCrypto } from '../server/registry/field-crypto.ts';
import { createRegistryImport } from '../server/registry/registry-import.service.ts';
import { createRegistryService } from '../server/registry/registry.service.ts';
import { applyHouses } from '../server/registry/registry-apply.ts';
import { readRows } from '../server/registry/spreadsheet-import.ts';
import { syntheticPeople } from '../server/registry/synthetic-people.ts';
import { chinaDate } from '../server/registry/identifiers.core.ts';
import { PERSON_TEMPLATE } from '../server/registry/templates.ts';
import { DEMO_LOCAL_COUNTIES } from '../server/demo/demo-city.ts';
import { createRandom } from '../server/platform/random.ts';

const fieldCrypto = createFieldCrypto({ encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'), hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex') });
const HEADER = ['公民身份号码', '姓名', '性别', '出生日期', '民族', '联系电话', '人员类型', '房屋编号', '与户主关系', '户籍地', '流入原因'];
const houseCode = (i: number) => `B-${FIXTURE.grids[i % FIXTURE.grids.length]}-${i}`;

/** A people CSV in the import template's columns (made once per size, kept in the temp folder so PostgreSQL can COPY it). */
function peopleCsv(count: number): { file: string; houses: number; names: string[]; ids: string[] } {
  const file = path.join(os.tmpdir(), `gezhi-bench-people-${count}.csv`);
  const houses = Math.ceil(count / 2.5);
  const slots = Array.from({ length: houses }, (_, i) => ({ code: houseCode(i), countyCode: FIXTURE.county }));
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${HEADER.join(',')}\n`);
  const names: string[] = [];
  const ids: string[] = [];
  let n = 0;
  let chunk = '';
  for (const p of syntheticPeople({ houses: slots, localCounties: DEMO_LOCAL_COUNTIES, originCounties: ['411723', '430124'], asOf: chinaDate(new Date()), seed: 'bench', limit: count })) {
    chunk += `${[p.idNumber, p.name, p.sex, p.birthDate, p.ethnicity, p.phone ?? '', p.residentType, p.houseCode, p.relation, p.hukouRegion, p.inflowReason ?? ''].join(',')}\n`;
    if (n % 997 === 0) { names.push(p.name); ids.push(p.idNumber); }
    if (++n % 10_000 === 0) { fs.writeSync(out, chunk); chunk = ''; }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  fs.chmodSync(file, 0o644);
  return { file, houses, names, ids };
}

async function prepare(database: Database, houses: number) {
  await database.migrate();
  await seedTerritory(database.db);
  const now = new Date();
  for (let i = 0; i < houses; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, houses - i) }, (_, k) => ({
      rowNumber: k + 2,
      record: { houseCode: houseCode(i + k), gridCode: FIXTURE.grids[(i + k) % FIXTURE.grids.length], address: `测试路${i + k}号`, buildingCode: null, use: '01', areaM2: null, ownerIdNumber: null, ownerName: null, ownerPhone: null, rented: false, rentalUse: null, rentalCategory: null, rentalLevel: null, hazards: [] },
    }));
    await database.db.transaction((tx) => applyHouses(tx, { rows, actor: consoleActor, now, today: chinaDate(now), crypto: fieldCrypto, scopeAllows: () => true }));
  }
}

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function timedImport(database: Database, file: string) {
  const importer = createRegistryImport({ db: database.db, clock: systemClock, fieldCrypto });
  const start = process.hrtime.bigint();
  const result = await importer.importRows(consoleActor, 'person', readRows(file, { format: 'csv', template: PERSON_TEMPLATE }), { lang: 'zh-CN' });
  return { seconds: seconds(start), created: result.created, rejected: result.rejected };
}

async function searchLatencies(database: Database, names: string[], ids: string[]) {
  const registry = createRegistryService({ db: database.db, clock: systemClock, fieldCrypto });
  const random = createRandom('search');
  const time = async (q: string) => {
    const start = process.hrtime.bigint();
    await registry.searchPeople(consoleActor, q, 50);
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
  await client.query(`create table raw_people (${HEADER.map((_, i) => `c${i} text`).join(', ')})`);
  const start = process.hrtime.bigint();
  await client.query(`copy raw_people from '${csv.file}' with (format csv, header true)`);
  const copySeconds = seconds(start);
  await client.end();
  const search = await searchLatencies(database, csv.names, csv.ids);
  await database.close();
  return { count, onPglite, onPostgres, copySeconds, search };
}
