import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
let page: Page;
const shot = shooter('alarms');

beforeAll(async () => {
  demo = await startDemo();
  page = await desktopPage(demo);
  await demo.signIn(page, 'county');
  await page.locator('.app-menu').waitFor();
}, 600_000);

screenshotsOnFailure(() => demo, 'alarms');

afterAll(async () => {
  await page?.close();
  await demo?.close();
});

describe('感知设备 (alarm devices)', () => {
  it('the county centre sees the cameras and sensors registered in its county by name, kind and point', async () => {
    const county = await apiAs(demo, 'county');
    const { point } = await workerGridPoint(demo);
    const me = await county.get<{ user: { areas: { code: string }[] } }>('/api/auth/me');
    await county.post('/api/alarms/devices', {
      countyCode: me.user.areas[0].code,
      deviceId: '42092300001320000017',
      kind: 'video',
      name: '解放路与人民路口 东',
      lng: point.longitude,
      lat: point.latitude,
    });
    await openMenu(page, '感知设备');
    const row = page.locator('.alarm-devices .ant-table-row', { hasText: '解放路与人民路口 东' });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('42092300001320000017');
    expect(text).toContain('视频');
    expect(text).toContain('云梦县');
    await shot(page, 'devices');
  });
});
