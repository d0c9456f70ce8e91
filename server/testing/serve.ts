/**
 * The server alone, for tests that must kill it: the app on DATABASE_URL (or PGlite in GEZHI_DATA_DIR) on a free
 * port, with the test keys and the test password cost; prints `listening <port>` once it answers. No web build,
 * no demo, no sweeper: only what the API needs.
 */
import { buildApp } from '../app.ts';
import { prepareDatabase } from '../db/index.ts';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { openDatabase } from '../platform/db.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD_COST } from './test-secrets.ts';

const config = loadConfig(process.env, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS, passwordCost: TEST_PASSWORD_COST });
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir });
await prepareDatabase(database);
const { app } = await buildApp({ config, database, clock: systemClock });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
