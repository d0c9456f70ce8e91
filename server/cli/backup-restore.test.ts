/**
 * `gezhi backup` of an embedded database with people on record, and `gezhi restore` into a new folder: every table
 * holds as many rows, and a person's ID number reveals the same. Bad input — an unknown file, a damaged archive, a
 * folder not empty, keys that do not open — is refused and changes nothing. PGlite only (PostgreSQL: docs/backup.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { embeddedDatabaseDir, openDatabase, queryRows } from '../platform/db.ts';
import { fieldKeyFile, openFieldCrypto } from '../platform/field-keys.ts';
import { seedTerritory } from '../testing/fixtures.ts';
import { seedPeopleHouses, writePeopleCsv } from '../testing/people-file.ts';
import { onPostgres, openTestDatabaseIn } from '../testing/test-database.ts';
import { runGezhi } from './program.ts';
import { serverPidFile } from './served-folder.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-backup-'));
const folder = (name: string) => path.join(root, name);
const source = folder('source');
const backup = path.join(root, 'gezhi.tar.gz');

async function gezhi(dataDir: string, ...args: string[]) {
  let out = '';
  const write = (s: string) => {
    out += s;
  };
  const env = { ...process.env, GEZHI_DATA_DIR: dataDir, DATABASE_URL: '', GEZHI_FIELD_ENC_KEY: '', GEZHI_FIELD_ENC_KEYS: '' };
  const code = await runGezhi(args, { env, out: write, err: write, errIsTTY: false });
  return { code, out };
}

/** Rows per table, and one person's ID number as a reveal opens it (found by its search hash). */
async function holdings(dataDir: string, hash?: string) {
  const database = await openDatabase({ url: null, dataDir });
  try {
    const tables = await queryRows<{ name: string }>(
      database.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const rows: Record<string, number> = {};
    for (const t of tables) {
      const [r] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from ${sql.identifier(t.name)}`);
      rows[t.name] = r.n;
    }
    const [person] = await queryRows<{ hash: string; enc: string }>(
      database.db,
      hash
        ? sql`select id_number_hash as hash, id_number_enc as enc from person where id_number_hash = ${hash}`
        : sql`select id_number_hash as hash, id_number_enc as enc from person order by id_number_hash limit 1`,
    );
    const config = loadConfig({ GEZHI_DATA_DIR: dataDir });
    return { rows, hash: person.hash, idNumber: openFieldCrypto(config).decrypt(person.enc) };
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  if (onPostgres()) return;
  const copy = await openTestDatabaseIn(source);
  const { houses } = writePeopleCsv(path.join(root, 'people.csv'), 400);
  await seedTerritory(copy.database.db);
  await seedPeopleHouses(copy.database.db, houses);
  await copy.database.close();
  const imported = await gezhi(
    source,
    'registry',
    'import',
    'person',
    path.join(root, 'people.csv'),
    '--report',
    path.join(root, 'r.xlsx'),
  );
  expect(imported.code, imported.out).toBe(0);
}, 120_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe.skipIf(onPostgres())('gezhi backup and restore of the embedded database', () => {
  it('restores into a new folder every row of every table, and the keys: an ID number reveals the same', async () => {
    const before = await holdings(source);
    const res = await gezhi(source, 'backup', '-o', backup);
    expect(res.code, res.out).toBe(0);
    expect(res.out).toContain('WARNING: the backup holds the field keys');
    expect(fs.statSync(backup).mode & 0o777).toBe(0o600);

    const restored = await gezhi(folder('restored'), 'restore', backup);
    expect(restored.code, restored.out).toBe(0);
    const after = await holdings(folder('restored'), before.hash);
    expect(after.rows).toEqual(before.rows);
    expect(after.rows.person).toBe(400);
    expect(after.idNumber).toBe(before.idNumber);
  }, 120_000);

  it('refuses a folder that holds a database unless --force, and says so', async () => {
    const target = folder('restored');
    const refused = await gezhi(target, 'restore', backup);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('the data folder is not empty');
    expect(refused.out).toContain('--force');
    const forced = await gezhi(target, 'restore', backup, '--force');
    expect(forced.code, forced.out).toBe(0);
    expect((await holdings(target)).rows.person).toBe(400);
    // Four child processes, each opening PGlite: on a loaded two-core machine that takes minutes, not a hang.
  }, 300_000);

  it('refuses an unknown file and a damaged archive, leaving the folder empty', async () => {
    const empty = folder('empty');
    expect((await gezhi(empty, 'restore', path.join(root, 'nope.tar.gz'))).out).toContain('no such file');
    const damaged = path.join(root, 'damaged.tar.gz');
    fs.writeFileSync(damaged, fs.readFileSync(backup).subarray(0, 4096));
    const res = await gezhi(empty, 'restore', damaged);
    expect(res.code).toBe(1);
    expect(res.out).toContain('is not a readable gezhi backup');
    fs.writeFileSync(damaged, 'not a backup');
    expect((await gezhi(empty, 'restore', damaged)).out).toContain('is not a readable gezhi backup');
    expect(fs.existsSync(embeddedDatabaseDir(empty))).toBe(false);
  });

  it('a backup without keys: refused where no keys or the wrong ones are at hand, restored beside its own key file', async () => {
    const bare = path.join(root, 'bare.tar.gz');
    const res = await gezhi(source, 'backup', '-o', bare, '--without-keys');
    expect(res.code, res.out).toBe(0);
    expect(res.out).toContain('not in the backup');

    const target = folder('bare');
    const none = await gezhi(target, 'restore', bare);
    expect(none.code).toBe(1);
    expect(none.out).toContain('taken without keys');
    const keyFile = fieldKeyFile(loadConfig({ GEZHI_DATA_DIR: target }));
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    fs.writeFileSync(keyFile, JSON.stringify({ enc: 'aa'.repeat(16), hash: 'bb'.repeat(32) }));
    const wrong = await gezhi(target, 'restore', bare);
    expect(wrong.out).toContain('do not open its sealed values');
    expect(fs.existsSync(embeddedDatabaseDir(target))).toBe(false);

    fs.copyFileSync(fieldKeyFile(loadConfig({ GEZHI_DATA_DIR: source })), keyFile);
    const right = await gezhi(target, 'restore', bare);
    expect(right.code, right.out).toBe(0);
    expect((await holdings(target)).rows.person).toBe(400);
    // Four child processes, each opening PGlite: on a loaded two-core machine that takes minutes, not a hang.
  }, 300_000);

  it('refuses to back up while a server serves the folder', async () => {
    fs.writeFileSync(serverPidFile(source), String(process.pid));
    try {
      const res = await gezhi(source, 'backup', '-o', path.join(root, 'busy.tar.gz'));
      expect(res.code).toBe(1);
      expect(res.out).toContain(`a server (process ${process.pid}) is running`);
      expect(fs.existsSync(path.join(root, 'busy.tar.gz'))).toBe(false);
    } finally {
      fs.rmSync(serverPidFile(source));
    }
  });
});
