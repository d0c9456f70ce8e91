import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  type ApiAs,
  apiAs,
  desktopPage,
  label,
  openMenu,
  phoneWidthPage,
  screenshotsOnFailure,
  settled,
  shooter,
  step,
  workerGridPoint,
} from './journey-helpers.ts';

let demo: Demo;
let worker: ApiAs;
let township: ApiAs;
let point: { longitude: number; latitude: number };
const shot = shooter('oversight');

interface Created {
  id: string;
  caseNo: string;
}
/** Case A: dispatched to the city management department, the one the county supervises. */
let dispatched: Created;
/** Case B: still waiting to be accepted, and past its acceptance deadline. */
let late: Created;

beforeAll(async () => {
  demo = await startDemo();
  ({ point } = await workerGridPoint(demo));
  worker = await apiAs(demo, 'worker');
  township = await apiAs(demo, 'township');
  const report = (description: string, offset: number) =>
    worker.post<Created>('/api/events', {
      itemCode: 'CG06010',
      lng: point.longitude + offset,
      lat: point.latitude,
      description,
      photos: [],
    });
  dispatched = await report('桥下垃圾堆积', 0);
  await step(township, dispatched.id, 'accept');
  await step(township, dispatched.id, 'dispatch', { targetUnit: 'YM-CG' });
  late = await report('菜市场门口垃圾', 0.0004);
  // Its acceptance was due two days ago (set in the database: the server runs on the real clock).
  await demo.database.db.execute(sql`update event set stage_due_at = now() - interval '2 days' where id = ${late.id}`);
}, 600_000);

afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'oversight');

const desktop = () => desktopPage(demo);

/**
 * The header bell's tooltip, "待办 n 件（含督办 m 件），未读消息 k 条", and its badge: the to-do (cases waiting on
 * the unit plus supervision orders to answer), not the notifications.
 */
async function bellSays(page: Page, { todo, supervision, unread }: { todo: number; supervision: number; unread: number }) {
  const bell = page.getByTestId('inbox-bell');
  await bell.hover();
  await page.locator('.ant-tooltip').getByText(`待办 ${todo} 件（含督办 ${supervision} 件），未读消息 ${unread} 条`).waitFor();
  const badge = page.locator('.ant-badge', { has: bell }).locator('.ant-badge-count');
  if (todo) await badge.filter({ hasText: String(todo) }).waitFor();
  else await badge.waitFor({ state: 'detached' });
  await page.mouse.move(0, 450); // let the tooltip go
}

/** The cases waiting on the department to sign, as its list says: the bell's to-do besides the orders. */
const toSign = async () => (await (await apiAs(demo, 'dept')).get<{ total: number }>('/api/events?todo=to_sign')).total;

describe('oversight (督办, inbox, filters, export)', () => {
  it('the county supervises a dispatched case; the department sees it on the bell, answers it; the county closes the order; the department finds its dispatch in the inbox', async () => {
    // 1. The county centre issues a 督办 from the case's drawer.
    const county = await desktop();
    await demo.signIn(county, 'county');
    await openMenu(county, '事件');
    const table = county.getByTestId('events-table');
    await settled(table);
    await table.locator('.ant-table-row', { hasText: dispatched.caseNo }).click();
    const drawer = county.locator('.event-drawer .ant-drawer-content');
    await drawer.getByTestId('event-case-no').filter({ hasText: dispatched.caseNo }).waitFor();
    await drawer.getByRole('button', { name: label('督办') }).click();
    const dialog = county.locator('.ant-modal-content', { hasText: `督办 · ${dispatched.caseNo}` });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: label('督办') }).click();
    await dialog.getByText('请填写督办事项').waitFor(); // what is asked must be said
    await dialog.getByLabel('督办事项').fill('请三日内清运并反馈照片');
    await dialog.getByLabel('现场').check();
    await dialog.getByLabel('答复时限').fill('2');
    await shot(county, 'issue-dialog');
    await dialog.getByRole('button', { name: label('督办') }).click();
    await county.getByText('督办已发出').waitFor();
    await dialog.waitFor({ state: 'detached' });
    const supervised = drawer.locator('[data-testid=event-step][data-action=supervise]');
    await supervised.waitFor();
    const stepText = await supervised.innerText();
    for (const s of ['督办', '云梦县网格化中心 陈静', '云梦县城市管理执法局', '现场', '请三日内清运并反馈照片'])
      expect(stepText).toContain(s);
    await supervised.scrollIntoViewIfNeeded();
    await shot(county, 'drawer-supervised');
    await drawer.getByTestId('event-status').filter({ hasText: '已派遣' }).waitFor(); // the order does not move the case

    // 2. The department handler: the bell counts the cases to sign and the order; the order is answered on /supervision.
    const dept = await desktop();
    await demo.signIn(dept, 'dept');
    const waiting = await toSign();
    expect(waiting).toBeGreaterThanOrEqual(1); // the dispatch of this journey at least
    await bellSays(dept, { todo: waiting + 1, supervision: 1, unread: 1 });
    await shot(dept, 'bell');
    await openMenu(dept, '督办');
    await dept.getByRole('tab', { name: /交办本单位/ }).waitFor();
    // A department answers orders, it does not issue them; the tab's count arrives with the orders, so wait for it.
    const tabs = async () => (await dept.getByRole('tab').allInnerTexts()).map((s) => s.replace(/\s+/g, ''));
    await expect.poll(tabs, { timeout: 10_000 }).toEqual(['交办本单位1']);
    const orders = dept.getByTestId('orders-table');
    const order = orders.locator('.ant-table-row', { hasText: dispatched.caseNo });
    await order.getByText('待答复').waitFor();
    expect(await order.innerText()).toContain('请三日内清运并反馈照片');
    await shot(dept, 'supervision-addressed');
    await order.getByRole('button', { name: label('答复') }).click();
    const reply = dept.locator('.ant-modal-content', { hasText: '答复内容' });
    await reply.getByLabel('答复内容').fill('已安排清运车辆，明日上午完成');
    await reply.getByRole('button', { name: label('答复') }).click();
    await dept.getByText('已答复', { exact: true }).first().waitFor();
    await order.locator('.ant-tag', { hasText: '已答复' }).waitFor();
    expect(await order.getByRole('button', { name: label('答复') }).count()).toBe(0);
    await bellSays(dept, { todo: waiting, supervision: 0, unread: 1 }); // answered: nothing to supervise is left on the bell
    await shot(dept, 'supervision-replied');

    // 3. The county closes the answered order.
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    await openMenu(county, '督办');
    await county.getByRole('tab', { name: /我发出的/ }).click();
    const issued = county.getByRole('tabpanel').getByTestId('orders-table');
    const mine = issued.locator('.ant-table-row', { hasText: dispatched.caseNo });
    await mine.getByText('已安排清运车辆，明日上午完成').waitFor();
    await mine.locator('.ant-tag', { hasText: '已答复' }).waitFor();
    await shot(county, 'supervision-issued');
    await mine.getByRole('button', { name: label('办结') }).click();
    await county.getByText('确认被督办单位已落实，办结该督办单？').waitFor();
    await county
      .locator('.ant-popconfirm')
      .getByRole('button', { name: label('确定') })
      .click();
    await county.getByText('督办单已办结').waitFor();
    await mine.locator('.ant-tag', { hasText: '已办结' }).waitFor();
    expect(await mine.getByRole('button').count()).toBe(0);
    await shot(county, 'supervision-closed');
    await county.close();

    // 4. The department opens its inbox from the bell: the dispatch waits to be signed; opening it reads it.
    await dept.getByTestId('inbox-bell').click();
    await dept.waitForURL(/\/inbox$/);
    const note = dept.getByTestId('inbox-item').filter({ hasText: `案件 ${dispatched.caseNo} · 暴露垃圾` });
    await note.getByText('待签收').waitFor();
    expect(await dept.getByTestId('inbox-item').count()).toBe(1);
    expect(await note.getAttribute('class')).toContain('inbox-unread');
    await shot(dept, 'inbox');
    await note.click();
    const opened = dept.locator('.event-drawer .ant-drawer-content');
    await opened.getByTestId('event-case-no').filter({ hasText: dispatched.caseNo }).waitFor();
    await opened
      .getByTestId('event-actions')
      .getByRole('button', { name: label('签收') })
      .waitFor();
    // The drawer tells the whole supervision story.
    const actions = await opened.getByTestId('event-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(['report', 'accept', 'dispatch', 'supervise', 'supervision_reply', 'supervision_close']);
    await opened.locator('.ant-drawer-close').click();
    // Reading the notice clears it from the feed; the case still waits to be signed, so the to-do stays.
    await bellSays(dept, { todo: waiting, supervision: 0, unread: 0 });
    // The list marks it read on its own reload, which may come after the bell's: wait for it, not read it once.
    await expect.poll(() => note.getAttribute('class'), { timeout: 10_000 }).not.toContain('inbox-unread');
    await dept.close();
  }, 180_000);

  it('a menu click made while the first page still loads stays where it went (the territory page used to pull the user back)', async () => {
    const page = await desktop();
    // A slow line: the events page's code arrives well after the territory page has its data and writes its URL.
    await page.route(/\/api\/territory\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.route(/events-page-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await demo.signIn(page, 'township');
    await openMenu(page, '事件');
    await page.getByTestId('events-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/events');
    await page.close();
  });

  it('the events filter bar narrows the list by status and by overdue, and the export downloads what it shows', async () => {
    const page = await desktop();
    await demo.signIn(page, 'county');
    await openMenu(page, '事件');
    const table = page.getByTestId('events-table');
    const rows = table.locator('.ant-table-row');
    const caseNos = async () => {
      await settled(table);
      return (await rows.locator('td:first-child').allInnerTexts()).map((s) => s.trim()).sort();
    };
    await page.getByText('共 2 件').waitFor();
    expect(await caseNos()).toEqual([dispatched.caseNo, late.caseNo].sort());

    // By status: only the dispatched case.
    await page.getByTestId('status-filter').click();
    await page.locator('.ant-select-item-option[title="已派遣"]').click();
    await page.keyboard.press('Escape');
    await page.getByText('共 1 件').waitFor();
    expect(await caseNos()).toEqual([dispatched.caseNo]);
    await shot(page, 'filter-status');

    // Clearing it and asking for overdue cases only: the late one, marked overdue.
    await page.getByTestId('status-filter').hover();
    await page.getByTestId('status-filter').locator('.ant-select-clear').click();
    await page.getByText('共 2 件').waitFor();
    await page.getByLabel('只看超时').check();
    await page.getByText('共 1 件').waitFor();
    expect(await caseNos()).toEqual([late.caseNo]);
    const due = rows.first().getByTestId('due-overdue'); // a red dot, "受理时限 · 已超时" on hover
    await due.hover();
    await page.locator('.ant-tooltip').getByText('受理时限 · 已超时').waitFor();
    await shot(page, 'filter-overdue');

    // The export takes the same filter.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('events.xlsx');
    const file = await download.path();
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1')); // an xlsx is a zip
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('事件列表')!;
    const cells: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells).toContain(late.caseNo);
    expect(cells).not.toContain(dispatched.caseNo);
    expect(sheet.rowCount).toBe(2); // the header and the one overdue case
    await page.close();
  });
  it('the to-do list at 390 px opens exactly its cases; a merge asks for the reason the server will ask; a disputed return is arbitrated from the county’s to-do', async () => {
    const at = (offset: number, itemCode: string, description: string) =>
      worker.post<Created>('/api/events', { itemCode, lng: point.longitude + offset, lat: point.latitude, description, photos: [] });
    const master = await at(0.0008, 'CG06010', '公交站旁垃圾');
    const other = await at(0.0008, 'CG06012', '公交站旁路面脏污'); // another item at the same place

    // 1. The township's to-do on a phone: the queue's count is the list it opens.
    const phone = await phoneWidthPage(demo);
    await demo.signIn(phone, 'township');
    await phone.goto(`${demo.base}/inbox`);
    const panel = phone.getByTestId('todo-panel');
    const toAccept = panel.getByTestId('todo-to_accept');
    await toAccept.waitFor();
    const waiting = (await township.get<{ total: number }>('/api/events?todo=to_accept')).total;
    expect(await toAccept.innerText()).toContain(String(waiting));
    const rows = panel.locator('.ant-table-row');
    await rows.filter({ hasText: other.caseNo }).waitFor();
    await shot(phone, 'todo-phone');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // 2. Merging the other item into the first: the dialog requires the reason before the server would refuse.
    await rows.filter({ hasText: other.caseNo }).click();
    const drawer = phone.locator('.event-drawer .ant-drawer-content');
    await drawer.getByTestId('event-case-no').filter({ hasText: other.caseNo }).waitFor();
    await drawer.getByRole('button', { name: label('并单') }).click();
    const dialog = phone.locator('.ant-modal-content', { hasText: `并单 · ${other.caseNo}` });
    await dialog.locator('.ant-select').first().click();
    await phone.locator('.ant-select-item-option', { hasText: master.caseNo }).click();
    await dialog.locator('.ant-form-item-required', { hasText: '原因' }).waitFor();
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('并单') })
      .click();
    await dialog.getByText('请填写原因或说明').waitFor();
    expect((await township.get<{ status: string }>(`/api/events/${other.id}`)).status).toBe('reported');
    await dialog.getByRole('textbox').fill('同一处，事项选错');
    await shot(phone, 'merge-dialog');
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('并单') })
      .click();
    await dialog.waitFor({ state: 'detached' });
    await drawer.getByTestId('event-status').filter({ hasText: '已并单' }).waitFor();
    await phone.close();

    // 3. The department returns the first case; the township disputes the return; the county arbitrates from its to-do.
    await step(township, master.id, 'accept');
    await step(township, master.id, 'dispatch', { targetUnit: 'YM-CG' });
    await step(await apiAs(demo, 'dept'), master.id, 'return', { note: '不属于本单位职责' });
    await step(township, master.id, 'return_dispute', { note: '站台保洁属城管职责' });
    const county = await desktop();
    await demo.signIn(county, 'county');
    await county.goto(`${demo.base}/inbox`);
    const countyPanel = county.getByTestId('todo-panel');
    await countyPanel.getByTestId('todo-to_arbitrate').click();
    await countyPanel.locator('.ant-table-row', { hasText: master.caseNo }).click();
    const countyDrawer = county.locator('.event-drawer .ant-drawer-content');
    await countyDrawer.getByTestId('event-status').filter({ hasText: '待仲裁' }).waitFor();
    await countyDrawer.getByRole('button', { name: label('仲裁') }).click();
    const arbitration = county.locator('.ant-modal-content', { hasText: `仲裁 · ${master.caseNo}` });
    await arbitration.locator('.ant-form-item-required', { hasText: '主办部门' }).waitFor();
    await arbitration.locator('.ant-form-item-required', { hasText: '原因' }).waitFor();
    await arbitration.getByTestId('target-select').click();
    await county.locator('.ant-select-item-option[title="云梦县城市管理执法局"]').click();
    await arbitration.getByRole('textbox').fill('站台保洁属城管职责，由城管执法局办理');
    await shot(county, 'arbitration-dialog');
    await arbitration
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('仲裁') })
      .click();
    await arbitration.waitFor({ state: 'detached' });
    await countyDrawer.getByTestId('event-status').filter({ hasText: '已派遣' }).waitFor();
    await county.close();
    // Arbitrated: the department cannot send it back again.
    const dept = await apiAs(demo, 'dept');
    const bar = await dept.get<{ forms: Record<string, unknown>; version: number }>(`/api/events/${master.id}`);
    expect(Object.keys(bar.forms)).not.toContain('return');
  });

  it('a call with only an address waits on the worker’s to-do; at 390 px they place it on the map and the case is filed', async () => {
    const { grid } = await workerGridPoint(demo);
    const county = await apiAs(demo, 'county');
    const call = await county.post<{ id: string; status: string }>('/api/events/calls-to-locate', {
      itemCode: 'CG06010',
      description: '来电反映小区后门垃圾没人清',
      address: '朝阳路小区后门',
      areaCode: grid.code.slice(0, 12),
      reporterName: '王女士',
      reporterPhone: '13900139000',
    });
    expect(call.status).toBe('waiting');

    const phone = await phoneWidthPage(demo);
    await demo.signIn(phone, 'worker');
    await phone.goto(`${demo.base}/inbox`);
    await phone.getByTestId('todo-to-locate').filter({ hasText: '待定位来电 1' }).click();
    await phone.waitForURL(/\/calls-to-locate$/);
    const item = phone.getByTestId('call-to-locate').filter({ hasText: '朝阳路小区后门' });
    await item.getByText('139****9000').waitFor();
    // Just taken, it has its whole limit to be placed.
    await item
      .getByTestId('call-light-green')
      .filter({ hasText: /^定位时限 .+ · 时间充裕$/ })
      .waitFor();
    await shot(phone, 'calls-to-locate');
    await item.getByRole('button', { name: label('定位并立案') }).click();
    const dialog = phone.locator('.ant-modal-content', { hasText: '定位：朝阳路小区后门' });
    const map = dialog.getByTestId('to-locate-map');
    await map.locator('canvas').first().waitFor();
    await phone.waitForTimeout(300); // let the map draw
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width / 2, y: box.height / 2 } });
    await dialog
      .getByTestId('to-locate-point')
      .filter({ hasText: /^已选位置 \d+\.\d+, \d+\.\d+$/ })
      .waitFor();
    await shot(phone, 'call-to-locate');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await dialog
      .locator('.ant-modal-footer')
      .getByRole('button', { name: label('定位并立案') })
      .click();
    await phone.getByText(/已立案，案件编号 \d{12}/).waitFor();
    await phone.getByText('没有待定位的来电').waitFor();
    await phone.close();
    const filed = await county.get<{ items: { source: string; reporterName: string | null; gridCode: string }[] }>(`/api/events?limit=5`);
    expect(filed.items[0]).toMatchObject({ source: 'hotline', gridCode: grid.code });
  });
});
