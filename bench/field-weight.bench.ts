/**
 * The field shell's weight (issue 11): on a production build, served by the real server, headless Chromium at 390 px
 * opens the phone home (/m) and the report page (/m/report) with an empty cache and counts the JavaScript and CSS
 * each loads before it is usable — the home's report button and to-do shown, the report form's submit button shown —
 * in bytes as sent with gzip (the build's .gz twins) and with brotli (what Chromium is sent). Goal: ≤ 150 KB of gzipped JS.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { buildApp, webDist } from '../server/app.ts';
import { prepareDatabase } from '../server/db/index.ts';
import { createDiskFileStore } from '../server/files/file-store.ts';
import { systemClock } from '../server/platform/clock.ts';
import { loadConfig } from '../server/platform/config.ts';
import { openDatabase } from '../server/platform/db.ts';
import { bboxOf } from '../server/territory/geometry.core.ts';
import { FIXTURE, gridBox, seedTerritory } from '../server/testing/fixtures.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD } from '../server/testing/test-secrets.ts';

export const JS_GOAL_KB = 150;

export interface Weight {
  page: string;
  usableWhen: string;
  files: number;
  jsGzip: number;
  cssGzip: number;
  jsBrotli: number;
  cssBrotli: number;
  /** What the page loads later (the map of the report page), gzipped, once the network is idle. */
  laterJsGzip: number;
  /** The heaviest scripts before usable, gzipped: where the weight is. */
  heaviest: { file: string; gzip: number }[];
}

/** A production build into web/dist (NODE_ENV must say so before Vite loads, or React comes in its dev build). */
async function productionBuild() {
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ configFile: path.resolve(webDist, '../vite.config.ts'), mode: 'production', logLevel: 'warn' });
}

const twin = (url: string, ext: 'gz' | 'br') => {
  const file = path.join(webDist, new URL(url).pathname);
  // Files under the compression threshold have no twin: they go as they are.
  return fs.existsSync(`${file}.${ext}`) ? fs.statSync(`${file}.${ext}`).size : fs.statSync(file).size;
};

async function measure(browser: Browser, base: string, cookie: string, page: string, usable: string): Promise<Weight> {
  const [west, south, east, north] = bboxOf(gridBox(0, 0));
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    geolocation: { longitude: (west + east) / 2, latitude: (south + north) / 2 }, // inside the worker's grid
    permissions: ['geolocation'],
    serviceWorkers: 'block', // an empty cache: what a first visit costs
  });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: base }]);
  const tab = await context.newPage();
  const before = new Set<string>();
  const after = new Set<string>();
  let ready = false;
  tab.on('request', (r) => {
    if (!['script', 'stylesheet'].includes(r.resourceType()) || !r.url().startsWith(base)) return;
    (ready ? after : before).add(r.url());
  });
  await tab.goto(`${base}${page}`);
  await tab.locator(usable).first().waitFor({ timeout: 60_000 });
  ready = true;
  await tab.waitForLoadState('networkidle');
  await context.close();
  const sum = (urls: Iterable<string>, kind: RegExp, ext: 'gz' | 'br') =>
    [...urls].filter((u) => kind.test(u)).reduce((n, u) => n + twin(u, ext), 0);
  return {
    page,
    usableWhen: usable,
    files: before.size,
    jsGzip: sum(before, /\.js$/, 'gz'),
    cssGzip: sum(before, /\.css$/, 'gz'),
    jsBrotli: sum(before, /\.js$/, 'br'),
    cssBrotli: sum(before, /\.css$/, 'br'),
    laterJsGzip: sum(after, /\.js$/, 'gz'),
    heaviest: [...before]
      .filter((u) => u.endsWith('.js'))
      .map((u) => ({ file: new URL(u).pathname, gzip: twin(u, 'gz') }))
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 5),
  };
}

export async function benchFieldWeight(): Promise<Weight[]> {
  await productionBuild();
  const database = await openDatabase({ url: null, dataDir: null });
  await prepareDatabase(database);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-bench-files-'));
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS });
  const { app, services } = await buildApp({ config, database, clock: systemClock, files: createDiskFileStore(filesDir) });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await seedTerritory(database.db);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    await services.access.createUser(null, {
      username: 'benchworker',
      displayName: '网格员 测试',
      password: TEST_PASSWORD,
      roles: ['grid_worker'],
      areaCodes: [FIXTURE.grids[0]],
    });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'benchworker', password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    return [
      await measure(browser, base, cookie, '/m', '[data-testid=field-todo]'),
      await measure(browser, base, cookie, '/m/report', '.report-submit'),
    ];
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}
