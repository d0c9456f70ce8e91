import { buildApp } from '../app.ts';
import { prepareDatabase } from '../db/index.ts';
import { systemClock } from '../platform/clock.ts';
import { type Config, loadConfig } from '../platform/config.ts';
import { type Database, openDatabase } from '../platform/db.ts';

/** Opens the configured database, migrated, and composes the app around it (without listening). */
export async function openRuntime(overrides: Partial<Config> = {}, env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(env, overrides);
  const database: Database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await prepareDatabase(database);
  const { app, services } = await buildApp({ config, database, clock: systemClock });
  return { config, database, app, services, clock: systemClock };
}

export type Runtime = Awaited<ReturnType<typeof openRuntime>>;
