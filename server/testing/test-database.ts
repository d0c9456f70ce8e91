import fs from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../platform/db.ts';
import { withFileLock } from './file-lock.ts';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './postgres-databases.ts';
import { buildPgliteDump, buildPostgresDatabase, dumpFile, sourceDatabase, type TemplateDatabase } from './template-database.ts';

function runTemplate(): TemplateDatabase {
  const template = inject('testDatabaseTemplate');
  if (!template) throw new Error('no test database template: run the tests through vitest.config.ts, whose globalSetup prepares it');
  return template;
}

/** Whether this file runs on PostgreSQL (the `postgres` project of vitest.config.ts) rather than PGlite. */
export const onPostgres = (): boolean => runTemplate().kind === 'postgres';

/**
 * A fresh, migrated and seeded database for one test file, copied from the run's template (global-setup.ts):
 * PGlite in memory loaded from the template's dump, or — in the `postgres` project — a new database on
 * the TEST_DATABASE_URL server copied from the template database, dropped again by `close()`.
 */
export function openTestDatabase(): Promise<Database> {
  return openCopy(runTemplate(), 'template');
}

/**
 * A fresh copy of a database that `build` fills once per run, starting from the template: for test files that
 * all begin with the same costly data (the browser tests' demo city). `key` names that data; the first file to
 * ask builds it while the others wait.
 */
export async function openSnapshotDatabase(key: string, build: (database: Database) => Promise<void>): Promise<Database> {
  if (!/^[a-z0-9_]+$/.test(key)) throw new Error(`snapshot key '${key}': lower-case letters, digits and _ only (it names a database)`);
  const template = runTemplate();
  const ready = path.join(template.dir, `${key}.ready`);
  await withFileLock(path.join(template.dir, `${key}.lock`), async () => {
    if (fs.existsSync(ready)) return;
    if (template.kind === 'pglite') await buildPgliteDump(() => openCopy(template, 'template'), dumpFile(template, key), build);
    else await buildPostgresDatabase(template.adminUrl, sourceDatabase(template.name, key), template.name, build);
    fs.writeFileSync(ready, '');
  });
  return openCopy(template, key);
}

/**
 * A copy of the template that a child process opens too (the `gezhi` command run as a process): PGlite in
 * `dataDir` (the folder GEZHI_DATA_DIR names), or (in the `postgres` project) a new database on the
 * TEST_DATABASE_URL server whose `url` is the child's DATABASE_URL (null for PGlite). `database` is open for the test to fill and close; `drop()`
 * removes the PostgreSQL database once the file is done (the test removes its folder).
 */
export async function openTestDatabaseIn(dataDir: string): Promise<{ database: Database; url: string | null; drop(): Promise<void> }> {
  const template = runTemplate();
  if (template.kind === 'pglite') {
    const dump = new Blob([fs.readFileSync(dumpFile(template, 'template'))]);
    return { database: await openDatabase({ url: null, dataDir, dump }), url: null, drop: async () => {} };
  }
  const name = uniqueDatabaseName('gezhi_test');
  await createDatabase(template.adminUrl, name, template.name);
  const url = databaseUrl(template.adminUrl, name);
  return { database: await openDatabase({ url, dataDir: null }), url, drop: () => dropDatabase(template.adminUrl, name) };
}

/** An empty database, for the tests that must build it by the migrations themselves (the schema test). */
export async function openEmptyTestDatabase(): Promise<Database> {
  const template = runTemplate();
  return template.kind === 'postgres' ? openPostgres(template.adminUrl) : openDatabase({ url: null, dataDir: null });
}

function openCopy(template: TemplateDatabase, source: string): Promise<Database> {
  if (template.kind === 'pglite')
    return openDatabase({ url: null, dataDir: null, dump: new Blob([fs.readFileSync(dumpFile(template, source))]) });
  return openPostgres(template.adminUrl, sourceDatabase(template.name, source));
}

async function openPostgres(adminUrl: string, template?: string): Promise<Database> {
  const name = uniqueDatabaseName('gezhi_test');
  await createDatabase(adminUrl, name, template);
  const database = await openDatabase({ url: databaseUrl(adminUrl, name), dataDir: null });
  return {
    ...database,
    async close() {
      await database.close();
      await dropDatabase(adminUrl, name);
    },
  };
}
