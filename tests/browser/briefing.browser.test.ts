import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaMonth } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, drawerTitled, openMenu, screenshotsOnFailure, settled, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
const shot = shooter('briefing');
/** Last month in China time: the month a centre briefs (it has ended). */
const month = (() => {
  const [y, m] = chinaMonth(new Date()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
const title = (() => {
  const [y, m] = month.split('-').map(Number);
  return `关于${y}年${m}月网格化服务管理工作情况的通报`;
})();

beforeAll(async () => {
  demo = await startDemo();
  // A case of this month, so the county has figures (last month's briefing still says what last month held).
  const { point } = await workerGridPoint(demo);
  const worker = await apiAs(demo, 'worker');
  await worker.post('/api/events', {
    itemCode: 'CG06010',
    lng: point.longitude,
    lat: point.latitude,
    description: '路口垃圾堆放',
    photos: [],
  });
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'briefing');

describe('the briefing (通报)', () => {
  it('a county centre generates last month’s briefing, reads it in the page, downloads it as PDF and Excel, and generates a second version', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await openMenu(page, '通报');
    const table = page.getByTestId('briefings-table');
    await table.getByText('该区域还没有通报').waitFor();
    expect(await page.getByTestId('briefing-period').inputValue()).toBe(month);

    await page.getByTestId('generate-briefing').click();
    const view = drawerTitled(page, title);
    await view.getByTestId('briefing-view').waitFor();
    for (const heading of [
      '一、总体情况',
      '二、各地工作情况',
      '三、处置单位办理情况',
      '四、考核排名',
      '五、五色预警及问责情况',
      '六、重复件情况',
      '七、典型案例',
    ])
      await view.getByText(heading).waitFor();
    await view.getByText('各乡镇（街道）网格化服务管理中心，县直有关单位：').waitFor();
    await view.getByText(/云梦县共受理上报事件 \d+ 件/).waitFor();
    await shot(page, 'view');
    await view.locator('.ant-drawer-close').click();
    await view.waitFor({ state: 'hidden' });

    await settled(table);
    const row = table.locator('.ant-table-row', { hasText: title });
    await row.getByText('第 1 版').waitFor();
    await row.getByText('手动生成').waitFor();
    await row.getByText('云梦县网格化中心 陈静').waitFor();

    const pdf = page.waitForEvent('download');
    await page.getByTestId(`pdf-${month}-v1`).click();
    const pdfFile = await pdf;
    expect(pdfFile.suggestedFilename()).toBe(`${title}（云梦县·第 1 版）.pdf`);
    expect(
      fs
        .readFileSync((await pdfFile.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    const xlsx = page.waitForEvent('download');
    await page.getByTestId(`xlsx-${month}-v1`).click();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await (await xlsx).path())!);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['总体情况', '各地情况', '处置单位', '考核排名', '五色预警', '重复件', '典型案例']);
    expect(wb.getWorksheet('总体情况')!.getCell('A1').value).toBe(title);

    // Generating again keeps the first as it was and adds the second.
    await page.getByTestId('generate-briefing').click();
    await view.getByTestId('briefing-view').waitFor();
    await view.locator('.ant-drawer-close').click();
    await table.locator('.ant-table-row').nth(1).waitFor();
    expect(await table.locator('.ant-table-row').count()).toBe(2);
    await table.locator('.ant-table-row').first().getByText('第 2 版').waitFor();
    await shot(page, 'list');
  });

  it('refuses a month that has not ended, and a typical case not of the area’s month, naming them', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await openMenu(page, '通报');
    const [y, m] = month.split('-').map(Number);
    const thisMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    await page.getByTestId('briefing-period').fill(thisMonth);
    await page.getByTestId('generate-briefing').click();
    await page.getByText(/该期间尚未结束，结束后才能生成通报/).waitFor();
    await shot(page, 'refused');
    // A typical case the centre names must be one of the area's in that month.
    await page.getByTestId('briefing-period').fill(month);
    // The refusal's notice lies over the toolbar until closed.
    await page.locator('.ant-notification-notice-close').click();
    await page.locator('.ant-notification-notice').waitFor({ state: 'detached' });
    await page.locator('.ant-select', { hasText: '典型案例（可选，填案件编号）' }).click();
    await page.keyboard.type('NOPE-1');
    await page.keyboard.press('Enter');
    await page.getByTestId('generate-briefing').click();
    await page.getByText(/该案件不是本区域在该期间上报的案件/).waitFor();
    await shot(page, 'refused-case');
  });
});
