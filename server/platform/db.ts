import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

/** Queries go through the query builder and raw SQL, never the relational API: the handle needs no schema. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A database handle or an open transaction: store functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: its data directory as a tarball, consistent as of the call (`gezhi backup`). */
  dumpDataDir?(): Promise<Blob>;
}

/** Where the embedded database of a data folder lives. */
export const embeddedDatabaseDir = (dataDir: string) => path.join(dataDir, 'pglite');

/** Connections each server keeps to PostgreSQL (the bench's bare loop uses the same number). */
export const POOL_SIZE = 10;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

/**
 * `url` null → PGlite in `dataDir` (or in memory when dataDir is null); otherwise PostgreSQL. `dump`, a PGlite
 * `dumpDataDir()` tarball, starts PGlite from that data directory instead of an empty one (in `dataDir`, only
 * when no database is there yet).
 */
export async function openDatabase(opts: { url: string | null; dataDir: string | null; dump?: Blob }): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: POOL_SIZE });
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () => migratePg(db as never, { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  if (opts.dataDir) {
    const dir = embeddedDatabaseDir(opts.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    client = new PGlite(dir, opts.dump ? { loadDataDir: opts.dump } : {});
  } else {
    client = new PGlite({ loadDataDir: opts.dump });
  }
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** Raw SQL through Drizzle's template, rows typed by the caller (both drivers return `{ rows }`). */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
