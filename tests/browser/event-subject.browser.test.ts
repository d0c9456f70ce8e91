import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  type ApiAs,
  apiAs,
  desktopPage,
  openMenu,
  phoneContext,
  screenshotsOnFailure,
  settled,
  shooter,
  workerGridPoint,
} from './journey-helpers.ts';

let demo: Demo;
let township: ApiAs;
let point: { longitude: number; latitude: number };
/** A street lamp about 10 m east of where the worker stands. */
let lamp: { code: string; lng: number; lat: number };
const shot = shooter('event-subject');

beforeAll(async () => {
  demo = await startDemo();
  ({ point } = await workerGridPoint(demo));
  township = await apiAs(demo, 'township');
  lamp = await township.post('/api/registry/facilities', {
    classCode: '01037',
    lng: Number((point.longitude + 0.0001).toFixed(6)),
    lat: point.latitude,
    ownerDept: 'YM-CG',
    state: '01',
  });
}, 600_000);

afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'event-subject');

describe('a case about a base-data record (collect once)', () => {
  it('a grid worker taps a nearby street lamp on the phone and sends; the case’s drawer and the lamp’s drawer show each other', async () => {
    // 1. On /m/report the worker's position brings the lamp as a chip; a tap links it and moves the point there.
    const phone = await phoneContext(demo, point);
    const mobile = await phone.newPage();
    await mobile.goto(`${demo.base}/m/report`);
    await mobile.getByLabel('用户名').fill('worker');
    await mobile.getByLabel('密码').fill(DEMO_PASSWORD);
    await mobile.keyboard.press('Enter');
    const form = mobile.locator('.report-form');
    const chip = form.getByTestId('record-chip').filter({ hasText: '部件 · 路灯' });
    await chip.waitFor();
    await chip.click();
    await form.getByTestId('linked-record').getByText('部件 · 路灯').waitFor();
    await form.getByText('位置已取自路灯，如有偏差请点击地图更正').waitFor();
    await shot(mobile, 'chip-linked');

    // The lamp's class names the item: 路灯异常 is chosen already, nothing typed again.
    await form.getByTestId('item-picker').getByText('路灯异常').waitFor();
    await form.getByTestId('report-description').fill('路灯不亮');
    await form.locator('.report-submit').click();
    const caseNo = (await mobile.getByTestId('report-case-no').innerText()).trim();
    await phone.close();

    const [sent] = (
      await township.get<{ items: { caseNo: string; lng: number; lat: number; subjectType: string; subjectKey: string }[] }>(
        `/api/events?subjectType=facility&subjectKey=${lamp.code}`,
      )
    ).items;
    expect(sent).toMatchObject({ caseNo, subjectType: 'facility', subjectKey: lamp.code, lng: lamp.lng, lat: lamp.lat });

    // 2. The township opens the case: its facts name the lamp, read from the base data.
    const page = await desktopPage(demo);
    await demo.signIn(page, 'township');
    await openMenu(page, '事件');
    const table = page.getByTestId('events-table');
    await settled(table);
    await table.locator('.ant-table-row', { hasText: caseNo }).click();
    const drawer = page.locator('.event-drawer .ant-drawer-content');
    await drawer.getByTestId('event-case-no').filter({ hasText: caseNo }).waitFor();
    await drawer.getByTestId('event-subject').filter({ hasText: '部件 · 路灯' }).filter({ hasText: lamp.code }).waitFor();
    await shot(page, 'case-drawer');

    // 3. The lamp's drawer lists its cases, this one among them.
    await page.goto(`${demo.base}/facilities`);
    const facilities = page.getByTestId('facility-table');
    await facilities.locator('.ant-table-row', { hasText: lamp.code }).click();
    const cases = page.getByTestId('record-cases');
    await cases.locator('.ant-table-row', { hasText: caseNo }).waitFor();
    await settled(cases);
    await shot(page, 'facility-cases');
    await page.close();
  });

  it('a centre entering a hotline order finds the lamp by name and its place fills the location', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'township');
    await openMenu(page, '事件');
    await page.getByTestId('intake-open').click();
    const dialog = page.getByTestId('intake-form');
    await dialog.getByTestId('record-search').click();
    await page.keyboard.type('路灯');
    await page.locator('.ant-select-item-option').filter({ hasText: lamp.code }).click();
    await dialog.getByText('位置已取自路灯，如有偏差请点击地图更正').waitFor();
    await expect.poll(() => dialog.getByLabel('经度').inputValue()).toBe(String(lamp.lng));
    expect(await dialog.getByLabel('纬度').inputValue()).toBe(String(lamp.lat));
    await shot(page, 'intake-linked');
    await page.close();
  });
});
