import { buildApp } from '../server/app.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { TEST_FIELD_KEYS } from '../server/testing/test-secrets.ts';

const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/gezhi_fig_dev', dataDir: null });
const { app } = await buildApp({
  config: loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS }),
  database,
  clock: systemClock,
});
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'county', password: 'Gezhi2026' } });
const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
for (const url of ['/api/figures/dashboard?area=420923', '/api/figures/dashboard?area=420923&period=2025', '/api/health']) {
  const ms: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (r.statusCode !== 200) throw new Error(r.body);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(url, ms.map((m) => m.toFixed(0)).join(' '));
}
await app.close();
await database.close();
