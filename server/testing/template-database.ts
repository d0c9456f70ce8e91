import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { prepareDatabase } from '../db/index.ts';
import { type Database, openDatabase } from '../platform/db.ts';
import { createDatabase, databaseUrl, dropDatabase, uniqueDatabaseName } from './postgres-databases.ts';

/**
 * The migrated, reference-seeded database of one test run, which every test file copies: a PGlite data
 * directory dumped into the run's folder, or a template database on the TEST_DATABASE_URL server. Snapshots
 * built from it during the run (see test-database.ts) live beside it: dumps in `dir`, databases named after it.
 */
export type TemplateDatabase = { dir: string } & ({ kind: 'pglite' } | { kind: 'postgres'; adminUrl: string; name: string });

/** The PGlite dump of the template (`source` 'template') or of a snapshot. */
export const dumpFile = (template: TemplateDatabase, source: string) => path.join(template.dir, `${source}.tar`);

/** The PostgreSQL database holding the template or a snapshot. */
export const sourceDatabase = (name: string, source: string) => (source === 'template' ? name : `${name}_${source}`);

/** Opens a PGlite database, fills it and dumps it to `file`, whole or not at all (written aside, then renamed). */
export async function buildPgliteDump(
  open: () => Promise<Database>,
  file: string,
  fill: (database: Database) => Promise<void>,
): Promise<void> {
  const database = await open();
  try {
    await fill(database);
    // Drizzle keeps the client it was given; Database hides it because only these dumps need it.
    const client = (database.db as unknown as { $client: PGlite }).$client;
    // Uncompressed: every test file loads it, and gunzipping 40 MB each time would cost more than it saves.
    const dump = await client.dumpDataDir('none');
    fs.writeFileSync(`${file}.part`, new Uint8Array(await dump.arrayBuffer()));
    fs.renameSync(`${file}.part`, file);
  } finally {
    await database.close();
  }
}

/**
 * Creates database `name` (a copy of `template` when given) and fills it; drops it again when that fails. It is
 * closed on return: PostgreSQL refuses to copy a template another session is connected to.
 */
export async function buildPostgresDatabase(
  adminUrl: string,
  name: string,
  template: string | undefined,
  fill: (database: Database) => Promise<void>,
): Promise<void> {
  await createDatabase(adminUrl, name, template);
  const database = await openDatabase({ url: databaseUrl(adminUrl, name), dataDir: null });
  try {
    await fill(database);
  } catch (err) {
    await database.close();
    await dropDatabase(adminUrl, name);
    throw err;
  }
  await database.close();
}

/**
 * Builds the template by the migrations and the seed, once per run (on the PostgreSQL server at `adminUrl`, or in
 * PGlite when null), so it can never be older than either.
 * Starting PGlite (initdb) and migrating cost most of a test file's setup; loading a dump skips both.
 */
export async function prepareTemplate(adminUrl: string | null): Promise<TemplateDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-template-'));
  if (!adminUrl) {
    const template: TemplateDatabase = { dir, kind: 'pglite' };
    await buildPgliteDump(() => openDatabase({ url: null, dataDir: null }), dumpFile(template, 'template'), prepareDatabase);
    return template;
  }
  const name = uniqueDatabaseName('gezhi_template');
  await buildPostgresDatabase(adminUrl, name, undefined, prepareDatabase);
  return { dir, kind: 'postgres', adminUrl, name };
}

/** Removes the template and every snapshot built from it. */
export async function dropTemplate(template: TemplateDatabase): Promise<void> {
  fs.rmSync(template.dir, { recursive: true, force: true });
  if (template.kind === 'pglite') return;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `select datname from pg_database where datname = $1 or starts_with(datname, $1 || '_')`,
    [template.name],
  );
  await admin.end();
  for (const { datname } of rows) await dropDatabase(template.adminUrl, datname);
}
