import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../server/platform/config.ts';
import { systemClock } from '../../server/platform/clock.ts';
import { buildApp } from '../../server/app.ts';
import { DEMO_LOCAL_COUNTIES, loadDemoCity } from '../../server/demo/demo-city.ts';
import { loadDemoRegistry } from '../../server/demo/demo-registry.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { consoleActor } from '../../server/cli/runtime.ts';
import { ensureWebBuilt } from '../../server/cli/web-build.ts';
import { openTestDatabase } from '../../server/testing/test-database.ts';
import { TEST_FIELD_KEYS } from '../../server/testing/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Screenshots land here; CI keeps them as artifacts (the folder is git-ignored). */
export const shots = path.resolve('artifacts/browser');

/**
 * The platform as a user meets it: the current web build served by a real server on a free port, on a fresh
 * database with the demo city (and, when asked, the demo base data of one village), and headless Chromium.
 */
export async function startDemo(opts: { registryVillage?: string } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  await ensureWebBuilt(() => {});
  const database = await openTestDatabase();
  const config = loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS });
  const built = await buildApp({ config, database, clock: systemClock });
  await loadDemoCity({ db: database.db, clock: systemClock, access: built.services.access });
  if (opts.registryVillage) {
    await loadDemoRegistry({ db: database.db, clock: systemClock, config, actor: consoleActor, areaPrefix: opts.registryVillage, localCounties: DEMO_LOCAL_COUNTIES });
  }
  await built.app.listen({ host: '127.0.0.1', port: 0 });
  const address = built.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  fs.mkdirSync(shots, { recursive: true });
  return {
    database,
    app: built.app,
    services: built.services,
    base,
    browser,
    /** Signs a demo account in through the login page. */
    async signIn(page: Page, username: string) {
      await page.goto(base);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
    },
    async close() {
      await browser.close();
      await built.app.close();
      await database.close();
    },
  };
}

export type Demo = Awaited<ReturnType<typeof startDemo>>;
