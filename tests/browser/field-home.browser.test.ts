import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { type ApiAs, apiAs, phoneContext, photoFile, screenshotsOnFailure, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
let point: { longitude: number; latitude: number };
let grid: { code: string; name: string };
let worker: ApiAs;
const shot = shooter('field-home');
/** Far from every grid of the demo city: the server refuses a report there (event.outside_grids). */
const NOWHERE = { longitude: 100.5, latitude: 38.2 };

interface Listed {
  total: number;
  items: { caseNo: string; description: string; photos: string[] }[];
}
const mine = () => worker.get<Listed>('/api/events?mine=reported&limit=100');

beforeAll(async () => {
  demo = await startDemo();
  ({ point, grid } = await workerGridPoint(demo));
  worker = await apiAs(demo, 'worker');
  // A citizen's report in the worker's grid: something on their to-do when they sign in.
  const citizen = await demo.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    remoteAddress: '10.8.8.8',
    payload: { itemCode: 'CG06010', lng: point.longitude, lat: point.latitude, description: '楼下垃圾三天没人清' },
  });
  expect(citizen.statusCode, citizen.body).toBe(201);
}, 600_000);

afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'field-home');

/** The report form filled: a photo, the item by its name, one line. */
async function fillReport(page: Page, description: string, colour: [number, number, number]) {
  const form = page.locator('.report-form');
  await form.locator('input[type=file]').setInputFiles(photoFile(`${colour.join('-')}.png`, colour));
  await form.getByTestId('photo-thumb').first().waitFor();
  await form.getByTestId('item-picker').click();
  await page.keyboard.type('暴露垃圾');
  await page.locator('.ant-select-item-option[title="暴露垃圾"]').click();
  await form.getByTestId('report-description').fill(description);
}

/** From the home, one tap to the report form (the page mounts afresh, so it asks the device for its position again). */
async function openReport(page: Page) {
  await page.getByTestId('field-report').click();
  await page.waitForURL(/\/m\/report$/);
  await page.locator('.report-form').waitFor();
}

const noWiderThanPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('the phone home (/m) and the offline outbox', () => {
  let phone: BrowserContext;
  let page: Page;

  it('a grid worker signing in on a phone lands on /m: to-do, my cases, visits, and a report in one tap', async () => {
    phone = await phoneContext(demo, point);
    page = await phone.newPage();
    await demo.signIn(page, 'worker');
    await page.waitForURL(/\/m$/);
    expect(await page.locator('.app-menu').count()).toBe(0);
    const todo = page.getByTestId('field-todo');
    const counts = await worker.get<{ todo: Record<string, number> }>('/api/inbox/counts');
    const queue = Object.entries(counts.todo).find(([, n]) => n > 0);
    expect(queue, 'the citizen’s report waits on the worker').toBeDefined();
    const [name, n] = queue!;
    await todo
      .getByTestId(`field-todo-${name}`)
      .filter({ hasText: String(n) })
      .waitFor();
    await page.getByTestId('field-cases-reported').waitFor();
    await page.getByTestId('field-console').waitFor();
    await noWiderThanPhone(page);
    await shot(page, 'home');

    // A to-do row opens exactly that queue's cases, by name.
    await todo.getByTestId(`field-todo-${name}`).click();
    await page.getByTestId('field-cases-queue').waitFor();
    const listed = page.getByTestId('field-case').filter({ hasText: '楼下垃圾三天没人清' });
    await listed.waitFor();
    await noWiderThanPhone(page);
    await shot(page, 'cases');
    // The case opens in a drawer that fits the phone.
    await listed.click();
    const drawer = page.locator('.event-drawer .ant-drawer-content');
    await drawer.getByText('楼下垃圾三天没人清').first().waitFor();
    const box = (await drawer.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, 'case-drawer');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('field-back').click();

    // Visits due: as many as the server counts (the demo city here has no houses on record).
    const due = await worker.get<{ total: number }>('/api/fieldwork/visits/due');
    await page
      .getByTestId('field-visits-all')
      .filter({ hasText: String(due.total) })
      .click();
    await page.waitForURL(/\/m\/visits$/);
    await page.getByText(`共 ${due.total} 户`).waitFor();
    await noWiderThanPhone(page);
    await shot(page, 'visits');
    await page.getByTestId('field-back').click();

    // One tap: the report form, located in the worker's grid; sent at once with signal.
    await openReport(page);
    await page.getByTestId('report-grid').getByText(grid.name).waitFor();
    await fillReport(page, '路口井盖缺失，已设警示', [200, 80, 60]);
    await noWiderThanPhone(page);
    await shot(page, 'report');
    await page.locator('.report-submit').click();
    const caseNo = (await page.getByTestId('report-case-no').innerText()).trim();
    expect(caseNo).toMatch(/^\d{8,}$/);
    const sent = (await mine()).items.filter((e) => e.caseNo === caseNo);
    expect(sent).toHaveLength(1);
    expect(sent[0].photos).toHaveLength(1);
    await shot(page, 'report-sent');
  });

  it('offline, two reports wait in the outbox; back online, the good one is filed once with its case number, the refused one says why', async () => {
    await page.getByTestId('field-back').click();
    await page.waitForURL(/\/m$/);
    // The service worker holds the shell and the catalogue before the signal drops.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    const before = (await mine()).total;
    await phone.setOffline(true);

    await openReport(page);
    await page.getByTestId('field-offline').waitFor();
    await page.getByTestId('report-grid-offline').waitFor(); // not "in no grid": the server decides when it is sent
    await fillReport(page, '离线上报：小区门口垃圾堆放', [90, 160, 90]);
    await page.locator('.report-submit').click();
    await page.getByTestId('report-queued').waitFor();
    await shot(page, 'queued');

    // The second is made far from any grid (the server will refuse it), after the phone opened the app again
    // without signal: the service worker serves the shell, the catalogue and who is signed in.
    await phone.setGeolocation(NOWHERE);
    await page.goto(`${demo.base}/m/report`);
    await page.locator('.report-form').waitFor();
    await fillReport(page, '离线上报：位置不在网格内', [60, 90, 200]);
    await page.locator('.report-submit').click();
    await page.getByTestId('report-queued').waitFor();
    await page.getByRole('button', { name: '返回工作台' }).click();

    const items = page.getByTestId('outbox-item');
    await expect.poll(() => items.count()).toBe(3); // the one sent online, and the two waiting
    expect(await page.locator('[data-testid=outbox-item][data-state=waiting]').count()).toBe(2);
    await noWiderThanPhone(page);
    await shot(page, 'outbox-offline');
    expect((await mine()).total).toBe(before); // nothing reached the server

    await phone.setOffline(false);
    await page.getByTestId('field-offline').waitFor({ state: 'detached' });
    const good = items.filter({ hasText: '小区门口垃圾堆放' });
    const bad = items.filter({ hasText: '位置不在网格内' });
    await good.and(page.locator('[data-state=sent]')).waitFor({ timeout: 45_000 });
    await bad.and(page.locator('[data-state=refused]')).waitFor({ timeout: 45_000 });
    expect(await bad.getByTestId('outbox-reason').innerText()).toBe('该位置不在任何网格内，请在地图上重新选择位置');
    const shownCaseNo = (await good.getByTestId('outbox-case-no').innerText()).replace(/\D/g, '');
    await shot(page, 'outbox-synced');

    // On the server exactly once, with its photo, under the number the item shows; the refused one not at all.
    const after = await mine();
    const filed = after.items.filter((e) => e.description === '离线上报：小区门口垃圾堆放');
    expect(filed).toHaveLength(1);
    expect(filed[0].caseNo).toBe(shownCaseNo);
    expect(filed[0].photos).toHaveLength(1);
    expect(after.items.some((e) => e.description === '离线上报：位置不在网格内')).toBe(false);
    expect(after.total).toBe(before + 1);

    // Opening the app again sends nothing twice.
    await page.reload();
    await items.first().waitFor();
    expect((await mine()).total).toBe(before + 1);
  });
});
