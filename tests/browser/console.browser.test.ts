import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig } from '../../server/platform/config.ts';
import { systemClock } from '../../server/platform/clock.ts';
import type { Database } from '../../server/platform/db.ts';
import { buildApp } from '../../server/app.ts';
import { loadDemoCity } from '../../server/demo/demo-city.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { ensureWebBuilt } from '../../server/cli/web-build.ts';
import { openTestDatabase } from '../../server/testing/test-database.ts';
import { TEST_FIELD_KEYS } from '../../server/testing/harness.ts';

const CHROMIUM = '/usr/bin/chromium';
const shots = path.resolve('artifacts/browser');

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>['app'];
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`browser tests need Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  await ensureWebBuilt(() => {});
  database = await openTestDatabase();
  const built = await buildApp({ config: loadConfig({}, { logLevel: 'silent', fieldKeys: TEST_FIELD_KEYS }), database, clock: systemClock });
  app = built.app;
  await loadDemoCity({ db: database.db, clock: systemClock, access: built.services.access });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
});

async function signIn(page: Page, username: string) {
  await page.goto(base);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}

const drawnGrids = (page: Page) => page.evaluate(() => (window as unknown as { __gezhiMap?: { gridFeatureCount: number } }).__gezhiMap?.gridFeatureCount ?? 0);

describe('territory console', () => {
  it('a county centre signs in, opens its county, sees its grids on the map, and opens one grid', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'county');
    await page.locator('.ant-tree').getByText('云梦县', { exact: true }).click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(472);
    await page.screenshot({ path: path.join(shots, 'county-grids.png') });

    // Clicking a node selects it, draws its grids and expands it.
    const node = (name: string) => page.locator('.ant-tree .ant-tree-treenode').filter({ has: page.getByText(name, { exact: true }) });
    await node('城关镇').locator('.ant-tree-title').click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(61);
    await node('朝阳社区居委会').locator('.ant-tree-title').click();
    await expect.poll(() => drawnGrids(page), { timeout: 20_000 }).toBe(6);
    await node('朝阳社区第1网格').locator('.ant-tree-title').click();
    await page.getByText('420923100001001', { exact: true }).first().waitFor();
    await page.getByText('网格员').first().waitFor();
    await page.screenshot({ path: path.join(shots, 'grid-detail.png') });
    await page.close();
  });

  it('a township user sees only their township; English is one click away', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'township');
    const tree = page.locator('.ant-tree');
    await tree.getByText('城关镇', { exact: true }).waitFor();
    expect(await tree.getByText('云梦县', { exact: true }).count()).toBe(0);
    await page.getByText('English', { exact: true }).first().click();
    await page.getByText('Areas & grids', { exact: true }).first().waitFor();
    await page.close();
  });

  it('the audit admin reads who signed in, and sees nothing of the territory', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await signIn(page, 'auditor');
    await page.getByText('审计日志').first().waitFor();
    await page.locator('.ant-table-row', { hasText: 'auth.login' }).first().waitFor();
    expect(await page.getByText('区域网格').count()).toBe(0);
    await page.screenshot({ path: path.join(shots, 'audit-log.png') });
    await page.close();
  });
});
