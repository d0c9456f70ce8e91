import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { consoleActor } from '../../server/access/console-actor.ts';
import { buildApp } from '../../server/app.ts';
import { ensureWebBuilt } from '../../server/cli/web-build.ts';
import { DEMO_LOCAL_COUNTIES, loadDemoCity } from '../../server/demo/demo-city.ts';
import { loadDemoRegistry } from '../../server/demo/demo-registry.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { systemClock } from '../../server/platform/clock.ts';
import { type Config, loadConfig } from '../../server/platform/config.ts';
import { withFileLock } from '../../server/testing/file-lock.ts';
import { TEST_FIELD_KEYS, TEST_PASSWORD_COST } from '../../server/testing/harness.ts';
import { openSnapshotDatabase } from '../../server/testing/test-database.ts';

const CHROMIUM = '/usr/bin/chromium';

/**
 * Every page is opened as the users are: Chinese locale, China time (dates and times on screen read as they would for
 * them), and less motion asked for, which the console honours: dialogs and drawers are on screen at once, so a
 * journey on a loaded machine never presses a button while it is still zooming in.
 */
const AS_A_USER = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', reducedMotion: 'reduce' } as const;
/** Screenshots land here; CI keeps them as artifacts (the folder is git-ignored). */
export const shots = path.resolve('artifacts/browser');

/**
 * Builds a stale web bundle once. Browser test files start in parallel: each would build at once, and one build
 * empties web/dist under the server another file has started, whose pages then miss their chunks. So one builds
 * while the others wait, then find the bundle current.
 */
function buildWebOnce() {
  return withFileLock(path.resolve('tmp/web-build.lock'), () => ensureWebBuilt(() => {}));
}

/**
 * A fresh database with the demo city (and the base data of `registryVillage`), copied from a snapshot built
 * once per run: generating the city's grids and the village's people costs more than a whole journey.
 */
function openDemoDatabase(config: Config, registryVillage: string | undefined) {
  return openSnapshotDatabase(registryVillage ? `demo_${registryVillage}` : 'demo', async (database) => {
    const built = await buildApp({ config, database, clock: systemClock });
    try {
      await loadDemoCity({ db: database.db, clock: systemClock, access: built.services.access });
      if (registryVillage) {
        await loadDemoRegistry({
          db: database.db,
          clock: systemClock,
          config,
          actor: consoleActor,
          areaPrefix: registryVillage,
          localCounties: DEMO_LOCAL_COUNTIES,
        });
      }
    } finally {
      await built.app.close();
    }
  });
}

/**
 * The platform as a user meets it: the current web build served by a real server on a free port, on a fresh
 * database with the demo city (and, when asked, the demo base data of one village), and headless Chromium. A journey
 * that must know the address before the server starts (a host's registered callback) names the port.
 */
export async function startDemo(opts: { registryVillage?: string; port?: number; config?: Partial<Config> } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  await buildWebOnce();
  // Journeys subscribe receivers on 127.0.0.1: private receivers allowed, as GEZHI_WEBHOOK_ALLOW_PRIVATE=1 does.
  const config = loadConfig(
    {},
    { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS, passwordCost: TEST_PASSWORD_COST, webhookAllowPrivate: true, ...opts.config },
  );
  const database = await openDemoDatabase(config, opts.registryVillage);
  const built = await buildApp({ config, database, clock: systemClock });
  await built.app.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  const address = built.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  fs.mkdirSync(shots, { recursive: true });
  return {
    database,
    app: built.app,
    services: built.services,
    base,
    browser,
    /** A page of its own (its own cookies), opened as the users are. */
    newPage: (options: BrowserContextOptions = {}) => browser.newPage({ ...AS_A_USER, ...options }),
    /** A browser context (cookies shared by its pages), opened as the users are. */
    newContext: (options: BrowserContextOptions = {}) => browser.newContext({ ...AS_A_USER, ...options }),
    /** Signs a demo account in through the login page. */
    async signIn(page: Page, username: string) {
      await page.goto(base);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      // Until the reply sets the session cookie, a journey that navigates next would land on the sign-in page again.
      const signedIn = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
      await page.keyboard.press('Enter');
      await signedIn;
    },
    async close() {
      await browser.close();
      await built.app.close();
      await database.close();
    },
  };
}

export type Demo = Awaited<ReturnType<typeof startDemo>>;
