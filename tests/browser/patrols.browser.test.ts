import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, phoneContext, photoFile, screenshotsOnFailure, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
let point: { longitude: number; latitude: number };
let grid: { code: string; name: string };
const shot = shooter('patrols');

beforeAll(async () => {
  demo = await startDemo();
  ({ point, grid } = await workerGridPoint(demo));
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'patrols');

const noWiderThanPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('a patrol on the phone, and the county’s field settings', () => {
  it('a grid worker starts a patrol, reports during it, ends it and sees the summary with the case linked; no track by default', async () => {
    const page = await (await phoneContext(demo, point)).newPage();
    await demo.signIn(page, 'worker');
    await page.waitForURL(/\/m$/);
    await page.getByTestId('burden-figure').waitFor();
    await page.getByTestId('patrol-start').click();
    await page.getByTestId('patrol-under-way').waitFor();
    await page.getByText('不记录位置，只保存巡查摘要').waitFor();
    await noWiderThanPhone(page);
    await shot(page, 'home-under-way');

    // Report during the patrol: one tap to the form from the home.
    await page.getByTestId('field-report').click();
    const form = page.locator('.report-form');
    await form.waitFor();
    await page.getByTestId('report-grid').getByText(grid.name).waitFor();
    await form.locator('input[type=file]').setInputFiles(photoFile('patrol.png', [120, 90, 200]));
    await form.getByTestId('photo-thumb').first().waitFor();
    await form.getByTestId('item-picker').click();
    await page.keyboard.type('暴露垃圾');
    await page.locator('.ant-select-item-option[title="暴露垃圾"]').click();
    await form.getByTestId('report-description').fill('巡查发现：河堤垃圾堆放');
    await page.locator('.report-submit').click();
    const caseNo = (await page.getByTestId('report-case-no').innerText()).trim();
    await page.getByTestId('field-back').click();
    await page.waitForURL(/\/m$/);

    // The report's time counts in this week's figure (the form measured it).
    await expect.poll(() => page.getByTestId('burden-figure').innerText()).toMatch(/本周录入 [1-9]\d* 条/);

    await page.getByTestId('patrol-end').click();
    const endForm = page.getByTestId('patrol-end-form');
    await endForm.waitFor();
    await endForm.getByText(grid.name).first().waitFor();
    await page.getByTestId('patrol-note').fill('河堤一带');
    await noWiderThanPhone(page);
    await shot(page, 'end-form');
    await page.getByTestId('patrol-end-submit').click();

    const done = page.getByTestId('patrol-done');
    await done.getByText('巡查已结束').waitFor();
    await expect.poll(() => done.getByTestId('patrol-cases').innerText()).toContain(caseNo);
    expect(await done.getByTestId('patrol-grids').innerText()).toContain(grid.name);
    await done.getByText('上报 1 件，其中即报即办 0 件').waitFor();
    await done.getByText('未记录轨迹').waitFor();
    await noWiderThanPhone(page);
    await shot(page, 'summary');

    // Back on the home: no patrol under way, a new one can start.
    await page.getByTestId('field-back').click();
    await page.getByTestId('patrol-start').waitFor();
  });

  it('the county administrator turns zero reports on in the settings page (audited), and the village taps it once on its phone', async () => {
    const village = await (await phoneContext(demo, point)).newPage();
    await demo.signIn(village, 'village');
    await village.goto(`${demo.base}/m`);
    await village.getByTestId('field-burden').waitFor();
    expect(await village.getByTestId('field-zero-report').count()).toBe(0); // off by default: not offered

    const page = await desktopPage(demo);
    await demo.signIn(page, 'county');
    await page.goto(`${demo.base}/settings/field`);
    const table = page.getByTestId('field-settings-table');
    await table.getByText('村（社区）每日零报告').waitFor();
    const zero = page.getByTestId('setting-zero_report');
    expect(await zero.getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('setting-patrol_track').getAttribute('aria-checked')).toBe('false');
    await page
      .getByTestId('settings-not-offered')
      .getByText(/定时打卡/)
      .waitFor();
    await shot(page, 'settings-default');
    await zero.click();
    await expect.poll(() => zero.getAttribute('aria-checked')).toBe('true');
    await table.getByText('本县设置').waitFor();
    await shot(page, 'settings-zero-on');
    const audit = await (await apiAs(demo, 'auditor')).get<{ items: { detail: { key: string; to: unknown } }[] }>(
      '/api/access/audit?action=setting.changed',
    );
    expect(audit.items[0].detail).toMatchObject({ key: 'zero_report', to: true });

    await village.reload();
    await village.getByTestId('zero-report-tap').click();
    await village.getByTestId('zero-report-done').waitFor();
    await noWiderThanPhone(village);
    await shot(village, 'zero-report-done');
    const today = await (await apiAs(demo, 'village')).post<{ created: boolean }>('/api/patrols/zero-report');
    expect(today.created).toBe(false); // once a day per village
  });
});
