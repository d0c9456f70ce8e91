/**
 * An import killed halfway (SIGKILL, nothing gets to clean up) leaves whole rows only, and running it again
 * finishes the file without writing anything twice. Runs the real `gezhi registry import` in a child process, on
 * PGlite in a data folder, or on a fresh PostgreSQL database when TEST_DATABASE_URL is set.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, queryRows } from '../platform/db.ts';
import { IMPORT_BATCH_ROWS } from '../registry/index.ts';
import { seedTerritory } from '../testing/fixtures.ts';
import { seedPeopleHouses, writePeopleCsv } from '../testing/people-file.ts';
import { openTestDatabaseIn } from '../testing/test-database.ts';

const PEOPLE = 12_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-killed-import-'));
const file = path.join(dir, 'people.csv');
/** The database the child imports into: PGlite in `dir`, or PostgreSQL at dbUrl when TEST_DATABASE_URL is set. */
let dbUrl: string | null = null;
let drop = async () => {};
const open = () => openDatabase({ url: dbUrl, dataDir: dir });

/** What the database holds: people, current residences, and people without one (a half-written row). */
async function holdings() {
  const database: Database = await open();
  try {
    const [r] = await queryRows<{ people: number; residences: number; homeless: number }>(
      database.db,
      sql`select
      (select count(*)::int from person) as people,
      (select count(*)::int from residence where moved_out is null) as residences,
      (select count(*)::int from person p where not exists (select 1 from residence r where r.person_id = p.id)) as homeless`,
    );
    return r;
  } finally {
    await database.close();
  }
}

/** Runs the CLI import; `killWhen` sees each progress line and answers true to kill the process there and then. */
function runImport(killWhen: (line: string) => boolean = () => false) {
  return new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
    const env = { ...process.env, GEZHI_DATA_DIR: dir, DATABASE_URL: dbUrl ?? '', LOG_LEVEL: 'warn' };
    const child = spawn(
      process.execPath,
      ['bin/gezhi.js', 'registry', 'import', 'person', file, '--report', path.join(dir, 'report.xlsx')],
      { env, cwd: process.cwd() },
    );
    let output = '';
    const take = (chunk: Buffer) => {
      output += chunk.toString();
      if (child.exitCode === null && output.split('\n').some(killWhen)) child.kill('SIGKILL');
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

beforeAll(async () => {
  const { houses } = writePeopleCsv(file, PEOPLE);
  // A copy of the run's migrated template (starting PGlite on disk and migrating would cost more than the import).
  const copy = await openTestDatabaseIn(dir);
  ({ url: dbUrl, drop } = copy);
  await seedTerritory(copy.database.db);
  await seedPeopleHouses(copy.database.db, houses);
  await copy.database.close();
}, 120_000);

afterAll(async () => {
  await drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an import killed halfway', () => {
  it('keeps whole batches only, and a second run finishes the file without duplicating anything', async () => {
    const imported = (line: string) => Number(/imported (\d+)/.exec(line)?.[1] ?? 0);
    const killed = await runImport((line) => imported(line) >= 2 * IMPORT_BATCH_ROWS);
    expect(killed.signal).toBe('SIGKILL');

    const half = await holdings();
    expect(half.people).toBeGreaterThanOrEqual(2 * IMPORT_BATCH_ROWS);
    expect(half.people).toBeLessThan(PEOPLE);
    expect(half.people % IMPORT_BATCH_ROWS).toBe(0);
    expect(half).toMatchObject({ residences: half.people, homeless: 0 });

    const again = await runImport();
    expect(again.code, again.output).toBe(0);
    expect(again.output).toContain(`unchanged ${half.people}`);
    expect(again.output).toContain(`created ${PEOPLE - half.people}`);
    expect(await holdings()).toEqual({ people: PEOPLE, residences: PEOPLE, homeless: 0 });
  }, 300_000);
});
