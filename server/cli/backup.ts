/**
 * `gezhi backup` and `gezhi restore` of the embedded database (PGlite): one .tar.gz holding a manifest, PGlite's
 * own dump of its data directory and — unless left out — the field key file, without which the sealed ID numbers
 * and phones cannot be read. A restore goes into an empty data folder only (or replaces one with --force), and
 * checks the whole archive, the database in it and the keys first, so bad input changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { SEALED_COLUMNS } from '../platform/columns.ts';
import type { Config } from '../platform/config.ts';
import { embeddedDatabaseDir, openDatabase, queryRows } from '../platform/db.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { fieldCryptoOfKeyFile, fieldKeyFile, openFieldCrypto } from '../platform/field-keys.ts';
import { CommandRefused } from './command-refused.ts';
import { refuseServedFolder } from './served-folder.ts';
import { readTar, TarError, writeTar } from './tar.ts';

const MANIFEST = 'gezhi-backup.json';
const DUMP = 'pglite.tar';
const KEYS = 'keys/field-keys.json';

interface Manifest {
  format: 'gezhi-backup';
  version: 1;
  createdAt: string;
  engine: 'pglite';
  keys: boolean;
  /** Rows per table when the backup was taken, so a restore can be checked. */
  rows: Record<string, number>;
}

function refuseWhileServing(config: Config) {
  if (config.databaseUrl)
    throw new CommandRefused('DATABASE_URL is set: back up PostgreSQL with pg_dump and restore with pg_restore (docs/backup.md)');
  refuseServedFolder(config);
}

const hasDatabase = (dataDir: string) => fs.existsSync(path.join(embeddedDatabaseDir(dataDir), 'PG_VERSION'));

async function rowCounts(db: Parameters<typeof queryRows>[0]): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const rows: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t.name)}`);
    rows[t.name] = r.n;
  }
  return rows;
}

/** Writes the backup to `out` and answers what it holds. */
export async function backupEmbedded(config: Config, out: string, opts: { keys: boolean; now: Date }) {
  refuseWhileServing(config);
  if (!hasDatabase(config.dataDir)) throw new CommandRefused(`no embedded database in ${config.dataDir} (GEZHI_DATA_DIR)`);
  const keyFile = fieldKeyFile(config);
  if (opts.keys && !config.fieldKeys && !fs.existsSync(keyFile)) throw new CommandRefused(`no key file at ${keyFile}`);
  const database = await openDatabase({ url: null, dataDir: config.dataDir });
  let dump: Buffer;
  let rows: Record<string, number>;
  try {
    rows = await rowCounts(database.db);
    const blob = await database.dumpDataDir?.();
    if (!blob) throw new Error('the embedded database gave no dump');
    dump = Buffer.from(await blob.arrayBuffer());
  } finally {
    await database.close();
  }
  // Configured keys live with the operator, not in the data folder: the backup cannot carry them.
  const withKeys = opts.keys && !config.fieldKeys;
  const manifest: Manifest = {
    format: 'gezhi-backup',
    version: 1,
    createdAt: opts.now.toISOString(),
    engine: 'pglite',
    keys: withKeys,
    rows,
  };
  const entries = [
    { name: MANIFEST, data: Buffer.from(JSON.stringify(manifest, null, 2)) },
    { name: DUMP, data: dump },
    ...(withKeys ? [{ name: KEYS, data: fs.readFileSync(keyFile) }] : []),
  ];
  const next = `${out}.partial`;
  fs.writeFileSync(next, gzipSync(writeTar(entries, opts.now)), { mode: 0o600 });
  fs.renameSync(next, out);
  return { bytes: fs.statSync(out).size, rows, keys: withKeys, configuredKeys: config.fieldKeys !== null };
}

function readBackup(file: string): { manifest: Manifest; dump: Buffer; keys: Buffer | undefined } {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new CommandRefused(`no such file: ${file}`);
  let files: Map<string, Buffer>;
  try {
    files = readTar(gunzipSync(fs.readFileSync(file)));
  } catch (e) {
    const why = e instanceof TarError ? e.message : 'not a gzip file, or a damaged one';
    throw new CommandRefused(`${file} is not a readable gezhi backup: ${why}`);
  }
  let manifest: Manifest | undefined;
  try {
    manifest = JSON.parse(files.get(MANIFEST)?.toString('utf8') ?? 'null') as Manifest;
  } catch {
    manifest = undefined;
  }
  const dump = files.get(DUMP);
  if (manifest?.format !== 'gezhi-backup' || manifest.version !== 1 || !dump)
    throw new CommandRefused(`${file} is not a gezhi backup (no ${MANIFEST} of format 1, or no database in it)`);
  return { manifest, dump, keys: files.get(KEYS) };
}

/** The first sealed value of the database, if any: what the keys at hand must open. */
async function someSealedValue(db: Parameters<typeof queryRows>[0]): Promise<string | null> {
  for (const [table, columns] of Object.entries(SEALED_COLUMNS))
    for (const column of columns) {
      const [row] = await queryRows<{ v: string }>(
        db,
        sql`select ${sql.identifier(column)} as v from ${sql.identifier(table)} where ${sql.identifier(column)} is not null limit 1`,
      );
      if (row) return row.v;
    }
  return null;
}

/**
 * Restores `file` into the configured data folder: refused when the folder already holds a database (or a key file
 * the backup would replace) unless `force`. The database is first unpacked beside it and checked — its row counts
 * against the manifest's, a sealed value against the keys it will be read with — and only then moved into place.
 */
export async function restoreEmbedded(config: Config, file: string, opts: { force: boolean }) {
  refuseWhileServing(config);
  const { manifest, dump, keys } = readBackup(file);
  const target = embeddedDatabaseDir(config.dataDir);
  const keyFile = fieldKeyFile(config);
  const occupied = [
    ...(fs.existsSync(target) && fs.readdirSync(target).length > 0 ? [`a database in ${target}`] : []),
    ...(keys && fs.existsSync(keyFile) ? [`a key file at ${keyFile}`] : []),
  ];
  if (occupied.length && !opts.force)
    throw new CommandRefused(
      `the data folder is not empty: it holds ${occupied.join(' and ')}. Restore into an empty folder (GEZHI_DATA_DIR), or add --force to replace what is there`,
    );

  let crypto: FieldCrypto | null = null;
  try {
    if (keys) crypto = fieldCryptoOfKeyFile(keys.toString('utf8'));
    else if (config.fieldKeys || fs.existsSync(keyFile)) crypto = openFieldCrypto(config);
  } catch {
    throw new CommandRefused(`${file}: its key file is damaged`);
  }

  const staging = path.join(config.dataDir, `.restore-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const database = await openDatabase({ url: null, dataDir: staging, dump: new Blob([new Uint8Array(dump)]) }).catch(() => {
      throw new CommandRefused(`${file}: the database in it does not open`);
    });
    try {
      const rows = await rowCounts(database.db);
      const differ = Object.keys(manifest.rows).filter((t) => rows[t] !== manifest.rows[t]);
      if (differ.length)
        throw new CommandRefused(`${file}: the restored tables do not hold what the backup counted (${differ.slice(0, 5).join(', ')})`);
      const sealed = await someSealedValue(database.db);
      if (sealed && !crypto)
        throw new CommandRefused(
          `${file} was taken without keys and there are none at hand: put its key file at ${keyFile} or set GEZHI_FIELD_ENC_KEYS and GEZHI_FIELD_HASH_KEY, then run this again`,
        );
      if (sealed && crypto) {
        try {
          crypto.decrypt(sealed);
        } catch {
          throw new CommandRefused(`${file}: the keys at hand do not open its sealed values (a wrong key file or configured key)`);
        }
      }
    } finally {
      await database.close();
    }
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(embeddedDatabaseDir(staging), target);
    if (keys) {
      fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
      fs.writeFileSync(keyFile, keys, { mode: 0o600 });
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return { manifest, keys: keys !== undefined };
}
