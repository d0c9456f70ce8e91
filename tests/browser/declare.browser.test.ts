import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../server/platform/db.ts';
import { makeIdNumber } from '../../server/registry/index.ts';
import { chinaDate } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  apiAs,
  desktopPage,
  drawerTitled,
  openMenu,
  phoneContext,
  phoneWidthPage,
  screenshotsOnFailure,
  settled,
  shooter,
  workerGridPoint,
} from './journey-helpers.ts';

/** 扫码申报: a township centre publishes a checkpoint's QR code, a resident declares on a phone, the grid worker confirms on theirs. */
const VILLAGE = '420923100001';
const TITLE = '返乡人员健康排查';
const CHECKPOINT = '城关高速出口卡口';
const NEWCOMER = makeIdNumber('420102', '1992-04-18', 123, 'female');
const BAD_CHECK = `${NEWCOMER.slice(0, 17)}${NEWCOMER[17] === '0' ? '1' : '0'}`;
const NAME = '欧阳晓梅';

let demo: Demo;
let grid: { code: string; name: string };
let taskId: string;
const shot = shooter('declare');
const noWiderThanPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

beforeAll(async () => {
  demo = await startDemo({ registryVillage: VILLAGE });
  ({ grid } = await workerGridPoint(demo));
  const township = await apiAs(demo, 'township');
  const county = await apiAs(demo, 'county');
  const drafted = await township.post<{ id: string }>('/api/tasks', {
    title: TITLE,
    kind: 'epidemic',
    subject: 'person',
    description: '返乡人员请扫码登记，网格员核实',
    deadline: chinaDate(new Date(Date.now() + 14 * 86_400_000)),
    subsidy: 0,
    gridCodes: [grid.code],
    fields: [{ key: 'fever', label: '近 14 天是否发热', type: 'choice', required: true, options: ['是', '否'] }],
  });
  await county.post(`/api/tasks/${drafted.id}/admit`, { version: 1 });
  taskId = drafted.id;
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'declare');

describe('resident self-declaration by QR code (扫码申报)', () => {
  it('a checkpoint’s QR code is published, a resident declares at 390 px, the worker confirms at 390 px, the person is on record masked', async () => {
    // The township centre places a checkpoint on the grid's map and prints its QR code.
    const centre = await desktopPage(demo);
    await demo.signIn(centre, 'township');
    await openMenu(centre, '委托任务');
    await settled(centre.getByTestId('tasks-table'));
    await centre.getByTestId('tasks-table').getByText(TITLE).click();
    const drawer = drawerTitled(centre, TITLE);
    await drawer.getByTestId('point-add').click();
    const dialog = centre.locator('.ant-modal-content', { hasText: '发布二维码' });
    await dialog.getByTestId('point-name').fill(CHECKPOINT);
    const map = dialog.getByTestId('point-map');
    await map.waitFor();
    await centre.waitForTimeout(300); // the map fits the grid's outline once it has loaded
    await map.click();
    await dialog.getByText('已选位置').waitFor();
    await shot(centre, 'place-checkpoint');
    await dialog.getByTestId('point-save').click();
    await centre.getByText('二维码已发布').waitFor();
    const row = drawer.locator('.ant-table-row', { hasText: CHECKPOINT });
    await row.waitFor();
    await drawer.getByTestId('declaration-points-map').waitFor();
    await row.getByTestId(`point-qr-${CHECKPOINT}`).click();
    const sheet = centre.getByTestId('qr-sheet');
    await sheet.locator('svg').first().waitFor();
    expect(await sheet.locator('svg path, svg rect').count()).toBeGreaterThan(0);
    const url = (await sheet.locator('.qr-sheet-url').innerText()).trim();
    expect(url).toMatch(new RegExp(`^${demo.base}/declare/[A-Za-z0-9_-]{16}$`));
    await shot(centre, 'qr-sheet');

    // A resident scans it: no account, a phone. A wrong check digit is refused under the ID number field.
    const phone = await (await phoneContext(demo, { longitude: 113.0, latitude: 31.0 })).newPage();
    await phone.goto(url);
    const form = phone.getByTestId('declare-form');
    await form.waitFor();
    await phone.getByTestId('declare-task').getByText(TITLE).waitFor();
    await phone.getByText(`申报地点：${CHECKPOINT}`).waitFor();
    await form.getByTestId('declare-name').fill(NAME);
    await form.getByTestId('declare-idNumber').fill(BAD_CHECK);
    await form.getByTestId('declare-phone').fill('13971234567');
    await form.getByTestId('declare-cameFrom').fill('湖北省武汉市');
    await form.getByTestId('declare-q-fever').getByText('否').click();
    await form.getByTestId('declare-submit').click();
    await form.getByText('校验位不符，请逐位核对').waitFor();
    await shot(phone, 'resident-bad-check-digit');
    await noWiderThanPhone(phone);
    await form.getByTestId('declare-idNumber').fill(NEWCOMER);
    await form.getByTestId('declare-submit').click();
    const done = phone.getByTestId('declare-done');
    await done.getByText('申报成功').waitFor();
    await done.getByText(`${NEWCOMER.slice(0, 4)}**********${NEWCOMER.slice(-4)}`, { exact: false }).waitFor();
    await shot(phone, 'resident-done');
    await noWiderThanPhone(phone);

    // The grid worker confirms it on their phone, from the task.
    const worker = await phoneWidthPage(demo);
    await demo.signIn(worker, 'worker');
    await worker.goto(`${demo.base}/m`);
    await worker.getByTestId('field-tasks-all').click();
    await worker.getByTestId('field-task').filter({ hasText: TITLE }).click();
    await worker.getByTestId('field-task-declarations').getByText('居民申报（1 条待确认）').waitFor();
    await worker.getByTestId('field-task-declarations').click();
    const item = worker.getByTestId('field-declaration').filter({ hasText: NAME });
    await item.waitFor();
    await item.getByText(`${NEWCOMER.slice(0, 4)}**********${NEWCOMER.slice(-4)}`).waitFor();
    await item.getByText('139****4567', { exact: false }).waitFor();
    await shot(worker, 'worker-pending');
    await noWiderThanPhone(worker);
    await item.getByTestId('declaration-confirm').click();
    await worker.getByText(`已确认入库：${NAME} · 已新登记`).waitFor();
    await expect.poll(() => worker.getByTestId('field-declaration').count()).toBe(0);
    await shot(worker, 'worker-confirmed');

    // The person is in the people records, in the worker's grid, the ID number and phone masked.
    await worker.goto(`${demo.base}/people`);
    const box = worker.getByPlaceholder('姓名 / 公民身份号码 / 手机号');
    await box.fill(NAME);
    await box.press('Enter');
    const found = worker.locator('.ant-table-row', { hasText: NAME });
    await found.waitFor();
    await found.getByText(`${NEWCOMER.slice(0, 4)}**********${NEWCOMER.slice(-4)}`).waitFor();
    await shot(worker, 'worker-person-on-record');
    const [person] = await queryRows<{ grid_code: string; id_number_masked: string }>(
      demo.database.db,
      sql`select grid_code, id_number_masked from person where name = ${NAME}`,
    );
    expect(person.grid_code).toBe(grid.code);

    // Back at the centre, the checkpoint counts the declaration as on record.
    await centre
      .getByRole('button', { name: 'Close' })
      .click()
      .catch(() => {});
    await centre.reload();
    await openMenu(centre, '委托任务');
    await centre.getByTestId('tasks-table').getByText(TITLE).click();
    const counted = drawerTitled(centre, TITLE).locator('.ant-table-row', { hasText: CHECKPOINT });
    await expect.poll(async () => (await counted.locator('td').allInnerTexts()).slice(3, 6)).toEqual(['0', '1', '0']);
    await shot(centre, 'points-counted');
    expect(taskId).toBeTruthy();
  });
});
