import crypto from 'node:crypto';
import pg from 'pg';
import { testDatabaseUrl } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db.ts';
import { prepareDatabase } from '../db/index.ts';

/**
 * A fresh, migrated database for one test file: PGlite in memory, or — when TEST_DATABASE_URL is set —
 * a new database on that PostgreSQL server, dropped again by `close()`.
 */
export async function openTestDatabase(): Promise<Database> {
  const adminUrl = testDatabaseUrl();
  if (!adminUrl) {
    const database = await openDatabase({ url: null, dataDir: null });
    await prepareDatabase(database);
    return database;
  }
  const name = `gezhi_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: null });
  await prepareDatabase(database);
  return {
    ...database,
    async close() {
      await database.close();
      const again = new pg.Client({ connectionString: adminUrl });
      await again.connect();
      // pool.end() resolves once its clients are told to end, not once their backends are gone; forcing the drop
      // while one is still closing makes that client raise an uncaught "terminating connection". Let them go first.
      for (let i = 0; i < 100; i++) {
        const { rows } = await again.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}
