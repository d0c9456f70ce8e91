import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { chinaDate } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  apiAs,
  desktopPage,
  drawerTitled,
  label,
  openMenu,
  phoneContext,
  screenshotsOnFailure,
  settled,
  shooter,
} from './journey-helpers.ts';

/** 委托任务: a township centre drafts a screening over the demo worker's grid, the county admits it, the worker fills it on a phone. */
const VILLAGE = '420923100001';

let demo: Demo;
let grid: { code: string; name: string };
let villageName: string;
let townshipName: string;
let house: { code: string; address: string };
let resident: { name: string };
let houses: number;
const shot = shooter('tasks');
const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(demo.database.db, query);
const TITLE = '冬季燃气安全隐患排查';

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  const worker = await apiAs(demo, 'worker');
  const township = await apiAs(demo, 'township');
  const me = await worker.get<{ user: { areas: { code: string; name: string }[] } }>('/api/auth/me');
  grid = me.user.areas[0];
  const village = await township.get<{ name: string; path: { code: string; name: string }[] }>(
    `/api/territory/areas/${grid.code.slice(0, 12)}`,
  );
  villageName = village.name;
  townshipName = (await township.get<{ user: { areas: { name: string }[] } }>('/api/auth/me')).user.areas[0].name;
  [house] = await rows<typeof house>(sql`
    select h.code, h.address from house h
    where h.grid_code = ${grid.code} and exists (select 1 from residence r where r.house_code = h.code and r.moved_out is null)
    order by h.code limit 1`);
  [resident] = await rows<typeof resident>(sql`
    select p.name from residence r join person p on p.county_code = r.county_code and p.id = r.person_id
    where r.house_code = ${house.code} and r.moved_out is null order by p.name limit 1`);
  [{ n: houses }] = await rows<{ n: number }>(sql`select count(*)::int as n from house where grid_code = ${grid.code}`);
  expect(houses).toBeGreaterThan(1);
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'tasks');

/** Picks an option of an antd Select (by its test id) by its visible label. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

/** Opens the task's drawer from the list. */
async function openTask(page: Page) {
  await openMenu(page, '委托任务');
  await settled(page.getByTestId('tasks-table'));
  await page.getByTestId('tasks-table').getByText(TITLE).click();
  return drawerTitled(page, TITLE);
}

describe('commissioned tasks (委托任务)', () => {
  it('a centre drafts, the county admits, a worker fills on a 390 px phone, the centre sees progress and exports', async () => {
    // The township centre drafts over the worker's grid, seeing the worker's load first.
    const centre = await desktopPage(demo);
    await demo.signIn(centre, 'township');
    await openMenu(centre, '委托任务');
    await centre.getByTestId('task-draft').click();
    const form = centre.getByTestId('task-form');
    await form.waitFor();
    await form.getByTestId('task-title').fill(TITLE);
    await choose(centre, 'task-kind', '隐患排查');
    const deadline = chinaDate(new Date(Date.now() + 14 * 86_400_000));
    await form.getByTestId('task-deadline').click();
    await centre.keyboard.type(deadline);
    await centre.keyboard.press('Enter');
    await form.getByTestId('task-subsidy').fill('30');
    await form.getByTestId('task-grids').click();
    const tree = centre.locator('.ant-select-dropdown:visible');
    for (const name of [townshipName, villageName])
      await tree.locator('.ant-select-tree-treenode', { hasText: name }).first().locator('.ant-select-tree-switcher').click();
    await tree.locator('.ant-select-tree-node-content-wrapper', { hasText: grid.name }).first().click();
    await centre.locator('.ant-modal-title').click(); // closes the tree (Escape would close the dialog)
    await form.getByTestId('task-load-worker').filter({ hasText: '网格员 李娜' }).waitFor();
    await form.getByTestId('task-field-label-0').fill('燃气报警器');
    await choose(centre, 'task-field-type-0', '单选');
    const options = form.getByTestId('task-field-options-0');
    await options.click();
    await centre.keyboard.type('已安装,未安装,');
    await options.getByText('未安装', { exact: true }).waitFor();
    await form.getByTestId('task-field-required-0').check();
    await form.getByTestId('task-field-add').click();
    await form.getByTestId('task-field-label-1').fill('在场住户');
    await choose(centre, 'task-field-type-1', '人员（从基础数据选择）');
    await shot(centre, 'draft');
    await centre.getByTestId('task-save').click();
    await centre.getByText('任务已提交，等待县中心准入').waitFor();
    await settled(centre.getByTestId('tasks-table'));
    expect(await centre.getByTestId('tasks-table').locator('.ant-table-row', { hasText: TITLE }).getByText('待准入').count()).toBe(1);

    // Before admission the worker's phone shows nothing of it.
    const worker = await apiAs(demo, 'worker');
    expect((await worker.get<{ items: unknown[] }>('/api/tasks')).items).toEqual([]);

    // The county admits it.
    const county = await desktopPage(demo);
    await demo.signIn(county, 'county');
    const drawer = await openTask(county);
    await drawer.getByTestId('task-status').getByText('待准入').waitFor();
    await shot(county, 'admission');
    await drawer.getByTestId('task-admit').click();
    await county
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await county.getByText('任务已准入并下发').waitFor();
    await drawer.getByTestId('task-status').getByText('已准入').waitFor();

    // The worker fills it for a house of the grid on a phone, picking the house and a resident from the base data.
    const phone = await (await phoneContext(demo, { longitude: 113.0, latitude: 31.0 })).newPage();
    await demo.signIn(phone, 'worker');
    await phone.goto(`${demo.base}/m`);
    await phone.getByTestId('field-tasks-all').click();
    await phone.getByTestId('field-task').filter({ hasText: TITLE }).click();
    const fill = phone.getByTestId('field-task-form');
    await fill.waitFor();
    await fill.getByTestId('field-task-progress').getByText(`本网格已填 0 / ${houses}`).waitFor();
    await fill.getByTestId('field-task-submit').click();
    await fill.getByText('必填').first().waitFor();
    const picker = fill.getByTestId('house-picker');
    await picker.click();
    await picker.locator('input').fill(house.code);
    await phone.locator('.ant-select-item-option').filter({ hasText: house.address }).first().click();
    await fill.getByTestId('field-task-f1').getByText('已安装').click();
    const person = fill.getByTestId('party-person-picker');
    await person.click();
    await person.locator('input').fill(resident.name);
    await phone.locator('.ant-select-item-option').filter({ hasText: resident.name }).first().click();
    await shot(phone, 'phone-fill');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await fill.getByTestId('field-task-submit').click();
    await phone.getByText(`已提交：${house.address}`).waitFor();
    await fill.getByTestId('field-task-progress').getByText(`本网格已填 1 / ${houses}`).waitFor();
    await fill.getByTestId('field-task-entry').filter({ hasText: house.address }).waitFor();
    await shot(phone, 'phone-done');

    // The centre sees the grid's progress and downloads the results.
    await centre.reload();
    const mine = await openTask(centre);
    const row = mine.getByTestId('task-progress').locator('.ant-table-row', { hasText: grid.name });
    await row.waitFor();
    // The grid by its name, its code after it as secondary text.
    expect((await row.locator('td').allInnerTexts()).slice(0, 4)).toEqual([
      `${grid.name}${grid.code}`,
      String(houses),
      '1',
      String(houses - 1),
    ]);
    await shot(centre, 'progress');
    const [download] = await Promise.all([centre.waitForEvent('download'), mine.getByTestId('task-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^task-RW-\d{4}-\d{4}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const values = (book.getWorksheet('填报结果')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(values[1]).toEqual(['网格', '对象', '对象编号', '填报人', '填报时间', '燃气报警器', '在场住户']);
    expect(values[2].slice(0, 4)).toEqual([grid.name, house.address, house.code, '网格员 李娜']);
    expect(values[2][5]).toBe('已安装');
    expect(String(values[2][6])).toMatch(new RegExp(`^${resident.name} \\d{4}\\*+`));
  });
});
