import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { chinaMonth } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, settled, shooter, step, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
const shot = shooter('rewards');
let caseNo: string;

/** Last month in China time: the month a county pays (it has ended). */
function lastMonth() {
  const [y, m] = chinaMonth(new Date()).split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** A dialog's form on screen and its zoom-in over, so a press lands on the button and not beside it. */
async function dialogReady(page: Page, formId: string) {
  await page.getByTestId(formId).waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
}

/** Until Ant Design's opening and closing animations are over, a screenshot shows a half-drawn dialog. */
const animationsOver = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'));

/** Picks an option of an antd Select by typing part of its label; `option` tells it apart when several match. */
async function pick(page: Page, testId: string, text: string, option: string | RegExp = text) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

beforeAll(async () => {
  demo = await startDemo();
  // A second county centre account: who submits a ledger may not approve it.
  await demo.services.access.createUser(
    null,
    { username: 'county2', displayName: '云梦县网格化中心 黄华', password: DEMO_PASSWORD, roles: ['county_center'], areaCodes: ['420923'] },
    { secondFactorExempt: true },
  );
  // This month: a case the demo worker reports, the department handles and the township closes as real.
  const { point } = await workerGridPoint(demo);
  const worker = await apiAs(demo, 'worker');
  const township = await apiAs(demo, 'township');
  const dept = await apiAs(demo, 'dept');
  const photo = await worker.photo([90, 140, 60]);
  const e = await worker.post<{ id: string; caseNo: string }>('/api/events', {
    itemCode: 'CG06010',
    lng: point.longitude,
    lat: point.latitude,
    description: '桥下垃圾堆积',
    photos: [photo],
  });
  caseNo = e.caseNo;
  await step(township, e.id, 'accept');
  await step(township, e.id, 'dispatch', { targetUnit: 'YM-CG' });
  await step(dept, e.id, 'sign');
  await step(dept, e.id, 'handle', { note: '已清运', photos: [photo] });
  await step(township, e.id, 'check', { photos: [photo] });
  await step(township, e.id, 'close');
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'rewards');

describe('rewards (奖补台账)', () => {
  it('a county sets its rules, pays a verified case, enters a task subsidy, submits; another county account approves; the payout sheet downloads', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await openMenu(page, '奖补规则');
    await page
      .getByTestId('outcomes-only')
      .getByText(/不按打卡签到、在线时长、拍照数量或上报条数计发/)
      .waitFor();

    await page.getByTestId('rule-add').click();
    await dialogReady(page, 'rule-form');
    await pick(page, 'rule-item', 'CG06', / CG06$/);
    await page.getByTestId('rule-amount').fill('300');
    await page.getByTestId('rule-note').fill('以奖代补：经部门核实每案奖励');
    await page.getByTestId('rule-save').click();
    const rules = page.getByTestId('rules-table');
    await rules.getByText('300').waitFor();

    await page.getByTestId('rule-add').click();
    await dialogReady(page, 'rule-form');
    await pick(page, 'rule-kind', '委托任务');
    await page.getByTestId('rule-task').fill('经济普查');
    await page.getByTestId('rule-amount').fill('500');
    await page.getByTestId('rule-save').click();
    await rules.getByText('经济普查').waitFor();

    // The same item class twice: refused with the reason, nothing added.
    await page.getByTestId('rule-add').click();
    await dialogReady(page, 'rule-form');
    await pick(page, 'rule-item', 'CG06', / CG06$/);
    await page.getByTestId('rule-amount').fill('800');
    await page.getByTestId('rule-save').click();
    await page.getByText('该县已有同一事项类别、星级或任务的规则，请修改已有规则').waitFor();
    await page.getByRole('button', { name: /取\s*消/ }).click();
    await expect.poll(() => rules.locator('.ant-table-row').count()).toBe(2);
    await page.getByTestId('rule-form').waitFor({ state: 'detached' });
    await animationsOver(page);
    await shot(page, 'rules');

    // This month, as a draft: the verified case is paid by its item class, to the worker who reported it.
    await openMenu(page, '奖补台账');
    const month = page.getByTestId('ledger-month');
    await month.fill(chinaMonth(new Date()));
    await page.getByTestId('ledger-compute').click();
    await page.getByTestId('ledger-status').getByText('试算').waitFor();
    await page.getByRole('tab', { name: '明细' }).click();
    const entries = page.getByTestId('ledger-entries');
    await settled(entries);
    const row = entries.locator('.ant-table-row', { hasText: caseNo });
    await row.getByText('每案 300 元').waitFor();
    await row.getByText('网格员 李娜').waitFor();
    await shot(page, 'draft-entries');

    // Last month: a task subsidy entered with its reason, then submitted; the submitter cannot approve.
    await month.fill(lastMonth());
    await page.getByTestId('ledger-compute').click();
    await page.getByTestId('ledger-status').waitFor();
    await page.getByTestId('ledger-enter').click();
    await dialogReady(page, 'entry-form');
    await pick(page, 'entry-worker', '李娜');
    await pick(page, 'entry-task', '经济普查');
    await page.getByTestId('entry-reference').fill('县统计局〔2026〕5 号');
    await page.getByTestId('entry-save').click();
    await page.getByText('请填写理由').waitFor();
    await page.getByTestId('entry-reason').fill('参加经济普查入户登记');
    await page.getByTestId('entry-save').click();
    await page.getByText('已录入').waitFor();
    await page.getByRole('tab', { name: '发放表' }).click();
    const workers = page.getByTestId('ledger-workers');
    await workers.locator('.ant-table-row', { hasText: '网格员 李娜' }).getByText('500').first().waitFor();
    await page.getByTestId('ledger-submit').click();
    await page.getByTestId('ledger-status').getByText('已提交待审批').waitFor();
    expect(await page.getByTestId('ledger-approve').count()).toBe(0);
    await shot(page, 'submitted');

    const other = await desktopPage(demo);
    await demo.signIn(other, 'county2');
    await openMenu(other, '奖补台账');
    await other.getByTestId('ledger-month').fill(lastMonth());
    await other.getByTestId('ledger-approve').click();
    await other
      .getByTestId('ledger-final')
      .getByText(/云梦县网格化中心 黄华/)
      .waitFor();
    expect(await other.getByTestId('ledger-enter').count()).toBe(0);
    expect(await other.getByTestId('ledger-compute').count()).toBe(0);
    await shot(other, 'final');

    const [download] = await Promise.all([other.waitForEvent('download'), other.getByTestId('ledger-download').click()]);
    expect(download.suggestedFilename()).toBe(`rewards-420923-${lastMonth()}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const payout = book.getWorksheet('发放表')!;
    expect(String(payout.getCell('A2').value)).toContain('已审批定稿');
    const cells: string[] = [];
    payout.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toContain('网格员 李娜');
    const detail: string[] = [];
    book.getWorksheet('明细')!.eachRow((r) => r.eachCell((c) => detail.push(String(c.value))));
    expect(detail).toContain('参加经济普查入户登记');
    expect(detail).toContain('县统计局〔2026〕5 号');

    // A city leader picks the county among the city's and reads the final month, with nothing to change.
    const leader = await desktopPage(demo);
    await demo.signIn(leader, 'leader');
    await openMenu(leader, '奖补台账');
    await pick(leader, 'ledger-county', '云梦县');
    await leader.getByTestId('ledger-month').fill(lastMonth());
    await leader.getByTestId('ledger-final').waitFor();
    await leader.getByTestId('ledger-download').waitFor();
    for (const id of ['ledger-compute', 'ledger-enter', 'ledger-submit', 'ledger-approve'])
      expect(await leader.getByTestId(id).count()).toBe(0);
  });
});
