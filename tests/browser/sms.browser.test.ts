import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { desktopPage, openMenu, screenshotsOnFailure, settled, shooter } from './journey-helpers.ts';

let demo: Demo;
let page: Page;
const shot = shooter('sms');

beforeAll(async () => {
  demo = await startDemo();
  page = await desktopPage(demo);
  await demo.signIn(page, 'admin');
  await page.locator('.app-menu').waitFor();
}, 600_000);

screenshotsOnFailure(() => demo, 'sms');

afterAll(async () => {
  await page?.close();
  await demo?.close();
});

describe('短信记录 (the SMS log)', () => {
  it('the administrator reads what went out, masked, and finds the message a phone’s limit refused', async () => {
    // Six alerts to one phone within the hour: the default limit (5 an hour) refuses the sixth.
    for (let i = 0; i < 6; i++)
      await demo.services.sendSms({
        countyCode: '420923',
        userId: null,
        phone: '13912345678',
        template: 'household_alert',
        params: { group: '槐荫路 8 号十户联防组' },
        purpose: 'household_alert',
      });
    await openMenu(page, '短信记录');
    const table = page.locator('.ant-table');
    await settled(table);
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(6);
    const text = await table.innerText();
    expect(text).toContain('139****5678');
    expect(text).not.toContain('13912345678');
    expect(text).toContain('【格治】联防组“槐荫路 8 号十户联防组”发出十户联防预警，请立即处置。');
    expect(text).toContain('十户联防预警');
    expect(text).toContain('本地记录（不外发）');
    await shot(page, 'log');

    await page.locator('.ant-segmented-item', { hasText: '已拒发' }).click();
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('已拒发 · 超过单号码上限');
    await shot(page, 'refused');
  });
});
