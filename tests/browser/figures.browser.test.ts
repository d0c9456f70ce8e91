import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, settled, shooter, step, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
const shot = shooter('figures');
const caseNos: string[] = [];

beforeAll(async () => {
  demo = await startDemo();
  const { point } = await workerGridPoint(demo);
  const worker = await apiAs(demo, 'worker');
  const township = await apiAs(demo, 'township');
  for (const [i, description] of ['桥下垃圾堆积', '菜市场门口垃圾'].entries()) {
    const e = await worker.post<{ id: string; caseNo: string }>('/api/events', {
      itemCode: 'CG06010',
      lng: point.longitude + i * 0.0004,
      lat: point.latitude,
      description,
      photos: [],
    });
    caseNos.push(e.caseNo);
    if (i === 0) await step(township, e.id, 'accept');
  }
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'figures');

describe('figures (指挥中心, 指标)', () => {
  it('a leader lands on the command centre; the indicators open exactly the cases they count', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'leader');
    await page.waitForURL(/\/command$/);
    await page.getByTestId('chart-status').locator('canvas').waitFor();
    await shot(page, 'command-centre');

    await openMenu(page, '指标');
    const table = page.getByTestId('figures-table');
    await settled(table);
    const reported = page.getByTestId('figure-reported');
    await expect.poll(async () => Number(await reported.innerText())).toBeGreaterThanOrEqual(2);
    const figure = Number(await reported.innerText());
    await page.getByTestId('definition-closing_rate').hover();
    await page
      .locator('.ant-tooltip')
      .getByText(/结案数 ÷ 应结案数/)
      .waitFor();
    await shot(page, 'indicators');

    await reported.click();
    const list = page.getByTestId('figure-cases');
    await page.locator('.ant-drawer-title').getByText(`上报数：${figure} 件`).waitFor();
    await settled(list);
    expect(await list.locator('.ant-table-row').count()).toBe(Math.min(figure, 20));
    for (const no of caseNos) await list.locator('.ant-table-row', { hasText: no }).waitFor();
    await shot(page, 'indicator-cases');
    await list.locator('.ant-table-row', { hasText: caseNos[0] }).click();
    await page.getByTestId('event-case-no').filter({ hasText: caseNos[0] }).waitFor();
  });
});
