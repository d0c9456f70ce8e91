import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REGISTRY_VILLAGES } from '../../server/demo/demo-city.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, settled, shooter, step, workerGridPoint } from './journey-helpers.ts';

/** What the command centre's map tells a test it drew (web/src/figures/command-map.tsx). */
interface CommandMapWindow {
  __gezhiCommandMap: {
    basemap: string;
    grids: number;
    coloured: { code: string; name: string }[];
    points: number;
    layer: string;
    pixelOf(code: string): number[] | null;
  };
}

/** Where the console's charts drew their bars (web/src/figures/echart.tsx). */
interface ChartsWindow {
  __gezhiCharts?: Record<string, { barPixel(dataIndex: number): number[] | null }>;
}

let demo: Demo;
const shot = shooter('figures');
const caseNos: string[] = [];

beforeAll(async () => {
  // The demo's base data in the first village, for the command centre's base-data chart.
  demo = await startDemo({ registryVillage: DEMO_REGISTRY_VILLAGES[0] });
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

  it('the map colours the grids by an indicator and opens a grid’s cases; the big screen fills a wall, dark', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'leader');
    await page.waitForURL(/\/command$/);
    const map = page.getByTestId('command-map');
    await map.scrollIntoViewIfNeeded();
    const drawn = () => page.evaluate(() => (window as unknown as CommandMapWindow).__gezhiCommandMap);
    // The grids' colours, their outlines and the points come from three requests: wait for all three.
    await expect
      .poll(async () => {
        const d = await drawn();
        return d !== undefined && d.coloured.length > 0 && d.grids > 0 && d.points > 0;
      })
      .toBe(true);
    const first = await drawn();
    expect(first).toMatchObject({ basemap: 'outlines', layer: 'points' });
    expect(first.points).toBeGreaterThanOrEqual(2);
    expect(first.grids).toBeGreaterThanOrEqual(first.coloured.length);
    await page.getByTestId('command-map-legend').getByText('上报数').waitFor();
    // Nothing was dispatched in this demo: the unit ranking says so rather than drawing an empty axis.
    await page.getByText('本期暂无可排名的数据').waitFor();
    await page.getByTestId('chart-items').locator('canvas').waitFor();
    await shot(page, 'command-map');

    const colourBy = page.locator('.command-map-tools .ant-select');
    await colourBy.click();
    await page.locator('.ant-select-item-option[title="结案率"]').click();
    await page.getByTestId('command-map-legend').getByText('结案率').waitFor();
    await colourBy.click();
    await page.locator('.ant-select-item-option[title="上报数"]').click();
    await page.getByTestId('command-map-legend').getByText('上报数').waitFor();

    const grid = first.coloured[0];
    const pixelOf = () => page.evaluate((code) => (window as unknown as CommandMapWindow).__gezhiCommandMap.pixelOf(code), grid.code);
    // The heat layer leaves only the grids to click (a point may lie on the grid's inside).
    await page.getByText('热力图').click();
    await expect.poll(async () => (await drawn()).layer).toBe('heat');
    // A city's grids are a few pixels wide: zoom in on the grid as a user would, with the wheel.
    const box = (await map.boundingBox())!;
    for (let i = 0; i < 4; i++) {
      const at = (await pixelOf())!;
      await page.mouse.move(box.x + at[0], box.y + at[1]);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(400);
    }
    const pixel = (await pixelOf())!;
    await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
    await page.locator('.ant-drawer-title', { hasText: `${grid.name} 上报数` }).waitFor();
    await settled(page.getByTestId('figure-cases'));
    await shot(page, 'command-map-grid-cases');

    const wall = await demo.newPage({ viewport: { width: 1920, height: 1080 } });
    await demo.signIn(wall, 'leader');
    await wall.goto(`${demo.base}/screen`);
    await wall.getByTestId('big-screen').waitFor();
    await wall.getByTestId('chart-trend').locator('canvas').waitFor();
    await expect
      .poll(async () => wall.evaluate(() => (window as unknown as CommandMapWindow).__gezhiCommandMap?.coloured.length ?? 0))
      .toBeGreaterThan(0);
    const background = await wall.getByTestId('big-screen').evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(background).toContain('gradient');
    const height = await wall.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(1080);
    await shot(wall, 'big-screen');
  });

  it('the base data verified lately, least first: a county centre opens the data-quality page at the least verified township', async () => {
    const county = await apiAs(demo, 'county');
    const d = await county.get<{ baseData: { records: number; verified: number; children: { code: string; name: string }[] } }>(
      '/api/figures/dashboard',
    );
    expect(d.baseData.records).toBeGreaterThan(0);
    const least = d.baseData.children[0];
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await page.goto(`${demo.base}/command`);
    await page
      .getByTestId('base-data-total')
      .getByText(new RegExp(`共 ${d.baseData.records} 条人房数据，已核实 ${d.baseData.verified} 条`))
      .waitFor();
    const chart = page.getByTestId('chart-base-data');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('canvas').waitFor();
    await shot(page, 'command-base-data');
    // The least verified is drawn on top: the last bar of the reversed series.
    const shown = Math.min(d.baseData.children.length, 10);
    const at = await page.evaluate(
      (i) => (window as unknown as ChartsWindow).__gezhiCharts?.['chart-base-data']?.barPixel(i) ?? null,
      shown - 1,
    );
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + at![0], box.y + at![1]);
    await page.waitForURL((url) => url.pathname === '/quality' && url.searchParams.get('area') === least.code);
    await page.locator('.ant-breadcrumb').getByText(least.name).waitFor();
    await shot(page, 'command-base-data-quality');
  });
});
