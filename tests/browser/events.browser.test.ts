import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { label, openMenu, photoFile, shooter } from './journey-helpers.ts';

let demo: Demo;
/** The demo `worker`'s grid, and a point inside it (its bbox centre, checked with locate). */
let grid: { code: string; name: string };
let point: { longitude: number; latitude: number };

async function cookieOf(username: string): Promise<string> {
  const login = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
  return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
const photo = photoFile;

beforeAll(async () => {
  demo = await startDemo();
  const login = await demo.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker', password: DEMO_PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const me = (await demo.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<{
    user: { areas: { code: string }[] };
  }>();
  const code = me.user.areas[0].code;
  expect(code).toBe('420923100001001');
  const detail = (await demo.app.inject({ method: 'GET', url: `/api/territory/grids/${code}`, headers: { cookie } })).json<{
    name: string;
    bbox: number[];
  }>();
  const [minLng, minLat, maxLng, maxLat] = detail.bbox;
  point = { longitude: (minLng + maxLng) / 2, latitude: (minLat + maxLat) / 2 };
  const located = (
    await demo.app.inject({ method: 'GET', url: `/api/territory/locate?lng=${point.longitude}&lat=${point.latitude}`, headers: { cookie } })
  ).json<{ found: boolean; grid?: { code: string } }>();
  expect(located).toMatchObject({ found: true, grid: { code } });
  grid = { code, name: detail.name };
}, 600_000);

afterAll(() => demo?.close());

const shot = shooter('events');

async function openCase(page: Page, username: string, caseNo: string) {
  await demo.signIn(page, username);
  await openMenu(page, '事件');
  const row = page.getByTestId('events-table').locator('.ant-table-row', { hasText: caseNo });
  await row.waitFor();
  await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
  await shot(page, `list-${username}`);
  await row.click();
  const drawer = page.locator('.event-drawer .ant-drawer-content');
  await drawer.getByTestId('event-case-no').filter({ hasText: caseNo }).waitFor();
  return drawer;
}

/** Clicks the action's button in the drawer, lets `fill` complete its form, confirms, and waits for the new status. */
async function act(
  page: Page,
  action: string,
  status: string,
  fill: (dialog: ReturnType<Page['locator']>) => Promise<void> = async () => {},
  shotName?: string,
) {
  const drawer = page.locator('.event-drawer .ant-drawer-content');
  await drawer
    .getByTestId('event-actions')
    .getByRole('button', { name: label(action) })
    .click();
  const dialog = page.locator('.action-dialog');
  await dialog.waitFor();
  await fill(dialog);
  if (shotName) await shot(page, shotName);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'detached' });
  await drawer.locator('.event-facts').getByTestId('event-status').filter({ hasText: status }).waitFor();
}

async function addPhoto(dialog: ReturnType<Page['locator']>, name: string, colour: [number, number, number]) {
  const before = await dialog.getByTestId('photo-thumb').count();
  await dialog.locator('input[type=file]').setInputFiles(photo(name, colour));
  await dialog.getByTestId('photo-thumb').nth(before).waitFor();
}

describe('events (事件)', () => {
  it('a grid worker reports from a phone; the case goes round the loop to a return visit', async () => {
    // 1. The worker opens /m/report directly on a phone, signs in, and reports.
    const phone = await demo.newContext({
      geolocation: point,
      permissions: ['geolocation'],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const mobile = await phone.newPage();
    await mobile.goto(`${demo.base}/m/report`);
    await mobile.getByLabel('用户名').fill('worker');
    await mobile.getByLabel('密码').fill(DEMO_PASSWORD);
    await mobile.keyboard.press('Enter');
    await mobile.locator('.mobile-title', { hasText: '上报事件' }).waitFor();
    expect(await mobile.locator('.app-menu').count()).toBe(0); // the phone layout has no console menu
    await mobile.getByTestId('report-grid').getByText(grid.name).waitFor();
    await shot(mobile, 'report-located');

    const form = mobile.locator('.report-form');
    await addPhoto(form, 'rubbish.png', [120, 160, 90]);
    await form.getByTestId('item-picker').click();
    await mobile.keyboard.type('暴露垃圾');
    await mobile.locator('.ant-select-item-option[title="暴露垃圾"]').click();
    await form.getByTestId('report-description').fill('路口垃圾堆放，约两立方');
    await shot(mobile, 'report-filled');
    await form.locator('.report-submit').click();
    const caseNoCell = mobile.getByTestId('report-case-no');
    await caseNoCell.waitFor();
    const caseNo = (await caseNoCell.innerText()).trim();
    expect(caseNo).toMatch(/^\d{8,}$/);
    await shot(mobile, 'report-done');

    // The item just reported is offered first next time.
    await mobile.getByRole('button', { name: '再报一件' }).click();
    await form.getByTestId('item-picker').click();
    await mobile.locator('.ant-select-item-group', { hasText: '最近上报' }).waitFor();
    const firstOption = mobile.locator('.ant-select-item-option').first();
    expect(await firstOption.getAttribute('title')).toBe('暴露垃圾');
    await shot(mobile, 'report-recent');
    await phone.close();

    // 2. The township centre accepts the case and dispatches it to the city management department.
    const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    const drawer = await openCase(page, 'township', caseNo);
    await drawer.getByTestId('event-status').filter({ hasText: '待受理' }).waitFor();
    await drawer.getByTestId('photo-thumb').first().waitFor();
    await drawer.getByTestId('point-map').locator('canvas').first().waitFor();
    await page.waitForTimeout(300); // let the map draw
    await shot(page, 'township-reported');
    await act(page, '受理', '已受理');
    await act(
      page,
      '派遣',
      '已派遣',
      async (dialog) => {
        await dialog.getByTestId('target-select').click();
        await page.locator('.ant-select-item-option[title="云梦县城市管理执法局"]').click();
      },
      'dispatch-dialog',
    );
    const list = page.getByTestId('events-table').locator('.ant-table-row', { hasText: caseNo });
    await list.getByText('已派遣').waitFor(); // the list behind the drawer reloaded too
    // Names, not codes: the grid, the owning township and the lead unit by name, each with its code beside it.
    expect(await list.getByTestId('event-grid').innerText()).toContain(grid.name);
    expect(await drawer.getByTestId('event-grid').innerText()).toContain(grid.name);
    expect(await drawer.getByTestId('event-owner').innerText()).toMatch(/^城关镇\s*420923100$/);
    expect(await drawer.getByTestId('event-lead-unit').innerText()).toMatch(/^云梦县城市管理执法局\s*YM-CG$/);
    expect(await drawer.locator('.event-step[data-action="dispatch"]').innerText()).toContain('云梦县城市管理执法局');
    // The drawer explains how the deadline was counted: the working days, and the days it skipped.
    const explain = page.locator('.event-drawer').getByTestId('deadline-explain');
    await explain.getByText('时限说明').click();
    await explain.getByText(/个工作日/).waitFor();
    await shot(page, 'deadline-explained');
    await page.close();

    // 3. The department handler signs it and reports what was done, with an after-photo.
    const deptPage = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    await openCase(deptPage, 'dept', caseNo);
    await act(deptPage, '签收', '处置中');
    await act(
      deptPage,
      '处置反馈',
      '待核查',
      async (dialog) => {
        await dialog.locator('textarea').fill('已清运完毕，现场恢复整洁');
        await addPhoto(dialog, 'cleared.png', [70, 130, 200]);
      },
      'handle-dialog',
    );
    await deptPage.close();

    // 4. The township centre checks it on site with a photo (the dialog marks the photo required, as the server
    // will), closes it, then records the return visit.
    const closing = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    const final = await openCase(closing, 'township', caseNo);
    await act(closing, '现场核查', '待结案', async (dialog) => {
      await dialog.locator('.ant-form-item-required', { hasText: '照片' }).waitFor();
      await addPhoto(dialog, 'checked.png', [200, 170, 60]);
    });
    await act(closing, '结案', '已结案', async (dialog) => {
      await dialog.getByText('正常结案').waitFor();
    });
    await final.getByTestId('event-closing-type').filter({ hasText: '正常结案' }).waitFor();
    await act(
      closing,
      '回访',
      '已回访',
      async (dialog) => {
        await dialog.getByText('满意', { exact: true }).click();
      },
      'visit-dialog',
    );

    const steps = final.getByTestId('event-step');
    expect(await steps.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual([
      'report',
      'accept',
      'dispatch',
      'sign',
      'handle',
      'check',
      'close',
      'visit',
    ]);
    const text = await final.locator('.event-history').innerText();
    for (const s of [
      '上报',
      '受理',
      '派遣',
      '签收',
      '处置反馈',
      '现场核查',
      '结案',
      '回访',
      '云梦县城市管理执法局',
      '已清运完毕，现场恢复整洁',
      '满意',
      '网格员 李娜',
      '城管执法局 吴刚',
    ])
      expect(text).toContain(s);
    expect(await final.locator('.event-history').getByTestId('photo-thumb').count()).toBe(3); // report, handle and check
    await final.locator('.event-history').scrollIntoViewIfNeeded();
    await shot(closing, 'visited');

    // The server agrees.
    const cookie = await cookieOf('township');
    const { items } = (await demo.app.inject({ method: 'GET', url: '/api/events?status=visited', headers: { cookie } })).json<{
      items: { caseNo: string; rating: string; leadUnit: string }[];
    }>();
    expect(items.find((e) => e.caseNo === caseNo)).toMatchObject({ rating: 'satisfied', leadUnit: 'YM-CG' });
    await closing.close();
  }, 180_000);

  it('acting on a case someone else changed meanwhile says so and shows the case as it is now', async () => {
    const worker = await cookieOf('worker');
    const township = await cookieOf('township');
    const reported = await demo.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie: worker },
      payload: { itemCode: 'CG06010', lng: point.longitude, lat: point.latitude, description: '另一处垃圾', photos: [] },
    });
    expect(reported.statusCode).toBe(201);
    const { id, caseNo } = reported.json<{ id: string; caseNo: string }>();
    const page = await demo.newPage({ viewport: { width: 1440, height: 900 } });
    const drawer = await openCase(page, 'township', caseNo);
    await drawer.getByTestId('event-status').filter({ hasText: '待受理' }).waitFor();
    // A colleague accepts it first.
    expect(
      (
        await demo.app.inject({
          method: 'POST',
          url: `/api/events/${id}/actions`,
          headers: { cookie: township },
          payload: { action: 'accept', version: 1 },
        })
      ).statusCode,
    ).toBe(200);
    await drawer
      .getByTestId('event-actions')
      .getByRole('button', { name: label('作废') })
      .click();
    const dialog = page.locator('.action-dialog');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await dialog.getByText('请填写原因或说明').waitFor(); // void needs a reason
    await dialog.locator('textarea').fill('重复上报');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByText('事件已被他人更新', { exact: false }).waitFor();
    await drawer.locator('.event-facts').getByTestId('event-status').filter({ hasText: '已受理' }).waitFor();
    await shot(page, 'stale');
    expect(await drawer.getByTestId('event-step').count()).toBe(2);
    await page.close();
  });
});
