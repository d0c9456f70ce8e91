import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Database, openDatabase } from '../platform/db.ts';
import { openTestDatabaseIn } from '../testing/test-database.ts';
import { runGezhi } from './program.ts';

/**
 * What a test of a `gezhi` command stands on: a data folder of its own holding a copy of the migrated test database
 * (PGlite in the folder, or a database of its own on PostgreSQL when TEST_DATABASE_URL is set), the command run in
 * the test's process on that folder, and the database opened beside it. `open` in beforeAll, `close` in afterAll.
 */
export function cliTestFolder(name: string, extraEnv: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `gezhi-${name}-`));
  let url: string | null = null;
  let drop = async () => {};
  const env = () => ({ ...process.env, GEZHI_DATA_DIR: dir, DATABASE_URL: url ?? '', ...extraEnv });

  return {
    dir,
    env,
    /** The PostgreSQL database of the copy, or null on PGlite (the folder holds it). */
    url: () => url,

    /** Copies the migrated database into the folder and lets `seed` write to it before any command runs. */
    async open(seed?: (database: Database) => Promise<void>) {
      const copy = await openTestDatabaseIn(dir);
      url = copy.url;
      drop = copy.drop;
      await seed?.(copy.database);
      await copy.database.close();
    },

    async close() {
      await drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },

    /** `gezhi …` as bin/gezhi.js runs it, on this folder: its exit code and everything it wrote. */
    async gezhi(...args: string[]) {
      let out = '';
      const write = (s: string) => {
        out += s;
      };
      const code = await runGezhi(args, { env: env(), out: write, err: write, errIsTTY: false });
      return { code, out };
    },

    /** Opens the folder's database for one read or write between commands, and closes it again. */
    async withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
      const database = await openDatabase({ url, dataDir: dir });
      try {
        return await fn(database);
      } finally {
        await database.close();
      }
    },
  };
}
