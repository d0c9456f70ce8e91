import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../server/testing/webhook-receiver.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  apiAs,
  desktopPage,
  drawerTitled,
  label,
  openMenu,
  screenshotsOnFailure,
  settled,
  shooter,
  workerGridPoint,
} from './journey-helpers.ts';

let demo: Demo;
let page: Page;
let rx: WebhookReceiver;
const shot = shooter('webhooks');

beforeAll(async () => {
  demo = await startDemo();
  rx = await startWebhookReceiver({ now: () => new Date(), failFirst: 1 });
  page = await desktopPage(demo);
  await demo.signIn(page, 'admin');
  await page.locator('.app-menu').waitFor();
}, 600_000);

screenshotsOnFailure(() => demo, 'webhooks');

afterAll(async () => {
  await page?.close();
  await rx?.close();
  await demo?.close();
});

/** A dialog's form on screen and its zoom animation over, so a press lands on the button and not beside it. */
async function dialogReady(title: string) {
  const dialog = page.locator('.ant-modal-content').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
  await dialog.waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-zoom-appear, .ant-zoom-enter'));
  return dialog;
}

/** Runs delivery passes until the receiver has heard `n` requests (a failed one is tried again after its backoff). */
async function deliveredUntil(n: number) {
  while (rx.requests.length < n) {
    await demo.services.deliverWebhooks();
    if (rx.requests.length < n) await new Promise((r) => setTimeout(r, 500));
  }
}

describe('事件订阅 (signed webhooks)', () => {
  it('the administrator subscribes a receiver, reads its delivery log with the failed try, pauses, resumes and replays it', async () => {
    await openMenu(page, '事件订阅');
    await page.getByRole('button', { name: /新建订阅/ }).click();
    const dialog = await dialogReady('新建订阅');
    await dialog.getByLabel('订阅名称').fill('区应急管理平台');
    await dialog.getByLabel('接收地址').fill(rx.url);
    await dialog.getByLabel('订阅范围').click();
    await page.locator('.ant-select-tree-node-content-wrapper').first().click();
    await dialog.getByLabel('事件上报').check();
    await dialog.getByLabel('事件派遣').check();
    expect(await dialog.getByLabel('HMAC-SM3（国密）').isChecked()).toBe(true);
    await shot(page, 'create');
    await dialog.getByRole('button', { name: label('新建订阅') }).click();

    const secret = page.locator('[data-testid=webhook-secret]');
    await secret.waitFor();
    rx.trust(await secret.inputValue(), 'hmac-sm3');
    expect(await secret.inputValue()).toMatch(/^whsec_/);
    await page.getByRole('button', { name: label('确定') }).click();
    const row = page.locator('.ant-table-row', { hasText: '区应急管理平台' });
    await row.getByText('投递中').waitFor();
    expect(await row.innerText()).toContain('事件上报');

    // A grid worker reports a case: the receiver answers 503 once, then takes it.
    const worker = await apiAs(demo, 'worker');
    const { point } = await workerGridPoint(demo);
    const created = await worker.post<{ caseNo: string }>('/api/events', {
      itemCode: 'CG06010',
      lng: point.longitude,
      lat: point.latitude,
      description: '路口垃圾堆放',
      photos: [await worker.photo([120, 90, 60])],
    });
    await deliveredUntil(2);
    expect(rx.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(rx.processed[0].body).toMatchObject({ kind: 'case.reported', case: { caseNo: created.caseNo } });

    await page.reload();
    await row.getByText('已送达 1 · 待投递 0 · 失败 0').waitFor();
    await row.getByRole('button', { name: label('投递记录') }).click();
    const drawer = drawerTitled(page, '投递记录：区应急管理平台');
    const log = drawer.locator('.ant-table').first();
    await settled(log);
    const delivery = drawer.locator('.ant-table-row', { hasText: created.caseNo });
    await delivery.getByText('已送达').waitFor();
    expect(await delivery.innerText()).toContain('事件上报');
    expect(await delivery.innerText()).toContain('共 2 次');
    await delivery.locator('.ant-table-row-expand-icon').click();
    const tries = drawer.locator('.ant-table-expanded-row');
    await tries.getByText('busy, try later').waitFor();
    expect(await tries.innerText()).toMatch(/503[\s\S]*200/);
    await drawer.getByText('投递记录：区应急管理平台').click({ trial: true }); // waits until the drawer has slid in
    await shot(page, 'log');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });

    await row.getByRole('button', { name: label('暂停') }).click();
    await row.getByText('已暂停').waitFor();
    await shot(page, 'paused');
    await row.getByRole('button', { name: label('恢复') }).click();
    await row.getByText('投递中').waitFor();

    await row.getByRole('button', { name: label('重放') }).click();
    const replay = await dialogReady('重放“区应急管理平台”的投递');
    await replay.getByRole('button', { name: label('重放') }).click();
    await page.getByText('已重新排队 1 条投递').waitFor();
    await deliveredUntil(3);
    // The same delivery again, with its id: the receiver takes the copy without processing it twice.
    expect(rx.requests[2].deliveryId).toBe(rx.requests[1].deliveryId);
    expect(rx.processed).toHaveLength(1);
  });
});
