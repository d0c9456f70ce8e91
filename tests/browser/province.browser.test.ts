import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, shooter } from './journey-helpers.ts';

let demo: Demo;
let page: Page;
const shot = shooter('province');

beforeAll(async () => {
  demo = await startDemo();
  page = await desktopPage(demo);
  await demo.signIn(page, 'security');
  await page.locator('.app-menu').waitFor();
}, 600_000);

screenshotsOnFailure(() => demo, 'province');

afterAll(async () => {
  await page?.close();
  await demo?.close();
});

describe('省级平台数据交换 (province exchange keys)', () => {
  it('the security admin sees a province key masked, switches it to sealed after confirming, and the province’s pull says so', async () => {
    const security = await apiAs(demo, 'security');
    const issued = await security.post<{ id: string; apiKey: string }>('/api/open311/clients', {
      name: '湖北省网格化服务管理平台',
      countyCode: '420923',
      interfaces: ['province'],
    });
    await openMenu(page, '接入密钥');
    const row = page.locator('.ant-table-row', { hasText: '湖北省网格化服务管理平台' });
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('省级平台数据交换（脱敏）');
    await shot(page, 'masked');
    await row.getByRole('button', { name: '改为密封交换' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.innerText()).toContain('只有该密钥的持有方能解开');
    await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
    await expect.poll(() => row.innerText()).toContain('省级平台数据交换（密封）');
    await shot(page, 'sealed');
    const res = await demo.app.inject({
      method: 'GET',
      url: '/api/province/changes?county=420923&limit=1',
      headers: { 'x-api-key': issued.apiKey },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ disclosure: string }>().disclosure).toBe('sealed');
  });
});
