import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, label, openMenu, phoneContext, screenshotsOnFailure, shooter, workerGridPoint } from './journey-helpers.ts';

let demo: Demo;
let point: { longitude: number; latitude: number };
const shot = shooter('my-reports');
const PHONE = '13687654321';

beforeAll(async () => {
  demo = await startDemo();
  ({ point } = await workerGridPoint(demo));
}, 600_000);

afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'my-reports');

/** The page is no wider than the phone: nothing to scroll sideways. */
const fitsWidth = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('a citizen’s own reports (我的反映) and elder mode (长辈模式)', () => {
  it('reports in elder mode at 390 px, comes back with the phone and its SMS code, and sees their reports', async () => {
    const phone = await phoneContext(demo, point);
    const citizen = await phone.newPage();
    await citizen.goto(`${demo.base}/public/report`);
    await citizen.getByText('格治 · 市民随手拍').waitFor();

    // 1. Elder mode: larger type, spoken labels, the map only on asking (the phone found the place).
    const normalSize = await citizen
      .locator('.ant-form-item-label > label')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await citizen.getByTestId('elder-switch').tap();
    await citizen.locator('.public-layout.elder-mode').waitFor();
    const elderSize = await citizen.getByText('遇到了什么问题').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(elderSize).toBeGreaterThanOrEqual(20);
    expect(elderSize).toBeGreaterThan(normalSize);
    await citizen.getByText('已找到您现在的位置').waitFor();
    expect(await citizen.locator('.report-map').count()).toBe(0);
    expect(await fitsWidth(citizen)).toBe(true);
    await citizen.getByLabel('遇到了什么问题').click();
    await citizen.keyboard.type('暴露垃圾');
    await citizen.locator('.ant-select-item-option[title="暴露垃圾"]').click();
    await citizen.getByLabel('说一说是什么情况').fill('楼下垃圾桶满了没人清');
    await citizen.getByLabel('留个手机号，方便给您回电话（可以不留）').fill(PHONE);
    await shot(citizen, 'elder-report');
    await citizen.getByRole('button', { name: label('交上去') }).click();
    await citizen.getByText('已收到您的反映').waitFor();
    const first = (await citizen.getByTestId('public-tracking-code').innerText()).trim();

    // The choice is remembered on the phone.
    await citizen.reload();
    await citizen.locator('.public-layout.elder-mode').waitFor();
    expect(await citizen.getByTestId('elder-switch').getAttribute('aria-checked')).toBe('true');

    // A second report with the same phone, and one with another phone (not theirs to see).
    const file = (phoneNo: string) =>
      demo.app.inject({
        method: 'POST',
        url: '/api/public/reports',
        remoteAddress: '10.9.9.9',
        payload: { itemCode: 'CG06010', lng: point.longitude, lat: point.latitude, description: '路灯不亮', phone: phoneNo },
      });
    const second = (await file(PHONE)).json<{ caseNo: string; trackingCode: string }>();
    const other = (await file('13900000001')).json<{ caseNo: string }>();

    // 2. My reports: the phone, the code the SMS brought (the local gateway's log, read by the system administrator).
    await citizen.getByText('我的反映').tap();
    await citizen.getByTestId('mine-phone').fill('1368765');
    await citizen.getByTestId('mine-send').tap();
    await citizen.getByText('请输入 11 位手机号').waitFor();
    await citizen.getByTestId('mine-phone').fill(PHONE);
    await citizen.getByTestId('mine-send').tap();
    await citizen.getByTestId('mine-sent').filter({ hasText: '136****4321' }).waitFor();
    await citizen.getByTestId('mine-send').filter({ hasText: '秒后可重新获取' }).waitFor();
    const admin = await apiAs(demo, 'admin');
    const log = await admin.get<{ items: { template: string; params: { code: string }; text: string; phone: string }[] }>(
      `/api/sms/messages?phone=${PHONE}`,
    );
    const sms = log.items.find((m) => m.template === 'verification_code');
    expect(sms?.phone).toBe('136****4321');
    expect(sms?.text).toMatch(/^【格治】您的验证码为\d{6}，5分钟内有效/);
    const code = sms?.params.code as string;

    // A wrong code is refused on its field; the right one opens the list.
    await citizen.getByTestId('mine-code').fill(code === '000000' ? '111111' : '000000');
    await citizen.getByTestId('mine-verify').tap();
    await citizen.getByText('验证码不正确，请核对短信后重新输入').waitFor();
    await shot(citizen, 'wrong-code');
    await citizen.getByTestId('mine-code').fill(code);
    await citizen.getByTestId('mine-verify').tap();
    const mine = citizen.getByTestId('public-mine');
    await mine.getByText('手机号 136****4321 反映的问题').waitFor();
    const items = mine.getByTestId('public-mine-item');
    await expect.poll(() => items.count()).toBe(2);
    const text = await mine.innerText();
    expect(text).toContain(second.caseNo);
    expect(text).not.toContain(other.caseNo);
    expect(text).not.toContain(PHONE);
    expect(await fitsWidth(citizen)).toBe(true);
    await shot(citizen, 'my-reports');

    // Each links to its tracking page: progress, and the rating once closed.
    await items
      .filter({ hasNotText: second.caseNo })
      .getByRole('button', { name: label('查看进度') })
      .tap();
    await citizen.getByTestId('public-report').waitFor();
    expect(await citizen.getByTestId('public-code-input').inputValue()).toBe(first);

    // Back on my reports the session still holds; leaving ends it.
    await citizen.getByText('我的反映').tap();
    await mine.waitFor();
    await mine.getByRole('button', { name: '退出' }).tap();
    await citizen.getByTestId('mine-phone').waitFor();

    // Elder mode off again: the standard labels return.
    await citizen.getByTestId('elder-switch').tap();
    await citizen.getByText('我要反映').tap();
    await citizen.getByLabel('问题类型').waitFor();
    await phone.close();
  }, 180_000);

  it('the security administrator sees accounts’ phones masked and reveals one with a reason', async () => {
    const security = await apiAs(demo, 'security');
    const { items } = await security.get<{ items: { id: string; username: string }[] }>('/api/access/users');
    const worker = items.find((u) => u.username === 'worker')!;
    const page = await desktopPage(demo);
    await demo.signIn(page, 'security');
    // The worker's account gets a phone (the dialog's own journey is admin.browser.test.ts); the list shows it masked.
    const res = await page.request.patch(`${demo.base}/api/access/users/${worker.id}`, {
      data: { phone: '13500002222' },
      headers: { origin: demo.base },
    });
    expect(res.status()).toBe(200);
    await openMenu(page, '用户管理');
    const row = page.locator('.ant-table-row', { hasText: 'worker' }).first();
    await row.getByTestId('masked-phone-worker').filter({ hasText: '135****2222' }).waitFor();
    expect(await page.getByText('13500002222').count()).toBe(0);
    await row.getByRole('button', { name: '查看完整号码' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('查看事由').fill('核对短信接收号码');
    await dialog.getByRole('button', { name: label('查看') }).click();
    await row.getByTestId('revealed-phone-worker').filter({ hasText: '13500002222' }).waitFor();
    await shot(page, 'user-phone-revealed');
    await page.close();
  }, 120_000);
});
