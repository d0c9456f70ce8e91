import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { prepareDatabase } from '../server/db/index.ts';
import { loadDemoCity } from '../server/demo/demo-city.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { TEST_FIELD_KEYS } from '../server/testing/test-secrets.ts';
import { fillFigures } from './figures.bench.ts';

const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
await admin.connect();
await admin.query('drop database if exists gezhi_fig_dev with (force)');
await admin.query('create database gezhi_fig_dev');
await admin.end();
const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/gezhi_fig_dev', dataDir: null });
await prepareDatabase(database);
const { app, services } = await buildApp({
  config: loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS }),
  database,
  clock: systemClock,
});
await loadDemoCity({ db: database.db, clock: systemClock, access: services.access });
const t0 = performance.now();
await fillFigures(database, Number(process.argv[2]), console.log);
console.log('filled', (performance.now() - t0) / 1000);
await app.close();
await database.close();
