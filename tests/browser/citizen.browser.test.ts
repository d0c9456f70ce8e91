import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { chinaDate } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import {
  apiAs,
  desktopPage,
  fieldValue,
  label,
  openMenu,
  phoneContext,
  photoFile,
  screenshotsOnFailure,
  settled,
  shooter,
  step,
  workerGridPoint,
} from './journey-helpers.ts';

let demo: Demo;
let point: { longitude: number; latitude: number };
const shot = shooter('citizen');
const PHONE = '13812345678';
/** Every staff name on the way; none of them may reach the citizen's page. */
const STAFF = ['赵磊', '吴刚', '李娜', '陈静', '网格化中心', '城管执法局', '网格员'];

beforeAll(async () => {
  demo = await startDemo();
  ({ point } = await workerGridPoint(demo));
}, 600_000);

afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'citizen');

describe('citizens (市民随手拍)', () => {
  it('a citizen reports from a phone, a grid worker says "me too", staff take it round the loop, the citizen follows it by code and rates it', async () => {
    // 1. A citizen, no account, on a phone that shares its position.
    const phone = await phoneContext(demo, point);
    const citizen = await phone.newPage();
    await citizen.goto(`${demo.base}/public/report`);
    await citizen.getByText('格治 · 市民随手拍').waitFor();
    expect(await citizen.getByLabel('密码').count()).toBe(0); // no sign-in on the public page
    const where = citizen.getByTestId('public-point');
    await where.getByText(`${point.longitude.toFixed(5)}, ${point.latitude.toFixed(5)}`).waitFor();
    await citizen.locator('.report-map canvas').first().waitFor();

    // The device's fix is a little off: a tap on the map, just east of the pin, moves it there.
    const map = citizen.locator('.report-map');
    const box = (await map.boundingBox())!;
    await map.tap({ position: { x: box.width / 2 + 10, y: box.height / 2 } });
    await where.getByText(`${point.longitude.toFixed(5)}, ${point.latitude.toFixed(5)}`).waitFor({ state: 'detached' });
    const [lng, lat] = (await where.innerText()).split(',').map((s) => Number(s.trim()));
    expect(lng).toBeGreaterThan(point.longitude);
    expect(lat).toBeCloseTo(point.latitude, 3);

    const form = citizen.locator('.report-form');
    await form.locator('input[type=file]').setInputFiles(photoFile('street.png', [150, 110, 70]));
    await form.locator('.public-photo-cell img').first().waitFor();
    await citizen.getByLabel('问题类型').click();
    await citizen.keyboard.type('暴露垃圾');
    await citizen.locator('.ant-select-item-option[title="暴露垃圾"]').click();
    await citizen.getByLabel('情况说明').fill('小区门口垃圾没人清理，已经好几天了');
    await citizen.getByLabel('手机号（选填，便于回访）').fill('1381234');
    await citizen.getByRole('button', { name: label('提交') }).click();
    await citizen.getByText('请输入 11 位手机号').waitFor(); // a short number is caught before sending
    await citizen.getByLabel('手机号（选填，便于回访）').fill(PHONE);
    await shot(citizen, 'report-filled');
    await citizen.getByRole('button', { name: label('提交') }).click();

    await citizen.getByText('已收到您的反映').waitFor();
    const trackingCode = (await citizen.getByTestId('public-tracking-code').innerText()).trim();
    expect(trackingCode).toMatch(/^420923-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shot(citizen, 'report-done');
    await citizen.getByRole('button', { name: '查看进度' }).click();
    const report = citizen.getByTestId('public-report');
    // With its photo as evidence, the report goes straight to the township to accept (without one, the grid team
    // would verify it on site first).
    await report.getByTestId('public-status').filter({ hasText: '待受理' }).waitFor();
    const caseNo = (await fieldValue(report, '案件编号').innerText()).trim();
    // Numbered by the China date it was reported on, whatever the hour in UTC.
    expect(caseNo).toMatch(new RegExp(`^${chinaDate(new Date()).replaceAll('-', '')}\\d{4}$`));
    expect(await report.getByText('请评价处理结果').count()).toBe(0); // nothing to rate before it is closed
    await shot(citizen, 'track-reported');

    // 2. The grid worker, on the same street, is about to report the same thing and joins the citizen's case instead.
    const workerPhone = await phoneContext(demo, point);
    const mobile = await workerPhone.newPage();
    await mobile.goto(`${demo.base}/m/report`);
    await mobile.getByLabel('用户名').fill('worker');
    await mobile.getByLabel('密码').fill(DEMO_PASSWORD);
    await mobile.keyboard.press('Enter');
    await mobile.locator('.mobile-title', { hasText: '上报事件' }).waitFor();
    await mobile.getByTestId('item-picker').click();
    await mobile.keyboard.type('暴露垃圾');
    await mobile.locator('.ant-select-item-option[title="暴露垃圾"]').click();
    await mobile.getByTestId('report-description').fill('小区门口垃圾堆积');
    const nearby = mobile.getByTestId('nearby-cases');
    await nearby.getByText('附近已有同类事件未办结，是同一件事吗？').waitFor();
    const offered = nearby.locator('.ant-list-item', { hasText: caseNo });
    const metres = Number(/约 (\d+) 米/.exec(await offered.innerText())?.[1]);
    expect(metres).toBeLessThanOrEqual(50);
    await offered.getByText('1 人反映').waitFor();
    await mobile.locator('.nearby-cases').scrollIntoViewIfNeeded();
    await shot(mobile, 'me-too-offered');
    await offered.getByRole('button', { name: '我也遇到了' }).click();
    await mobile.getByTestId('report-case-no').filter({ hasText: caseNo }).waitFor(); // no new case: the citizen's one
    await workerPhone.close();

    // 3. The township centre finds it on the events page by its source: the caller's phone masked, two reports.
    const page = await desktopPage(demo);
    await demo.signIn(page, 'township');
    await openMenu(page, '事件');
    const table = page.getByTestId('events-table');
    await settled(table);
    await page.getByTestId('source-filter').click();
    await page.locator('.ant-select-item-option[title="市民反映"]').click();
    await page.keyboard.press('Escape');
    await page.getByText('共 1 件').waitFor();
    await settled(table);
    const row = table.locator('.ant-table-row', { hasText: caseNo });
    await row.waitFor();
    expect(await table.locator('.ant-table-row').count()).toBe(1);
    await row.click();
    const drawer = page.locator('.event-drawer .ant-drawer-content');
    const facts = drawer.locator('.event-facts');
    await facts.getByTestId('event-case-no').filter({ hasText: caseNo }).waitFor();
    expect((await fieldValue(facts, '来源').innerText()).trim()).toBe('市民反映');
    expect((await fieldValue(facts, '来电人 / 反映人').innerText()).trim()).toBe('138****5678');
    expect(await fieldValue(facts, '反映次数').innerText()).toContain('2 人反映');
    expect(await page.getByText(PHONE).count()).toBe(0);
    await shot(page, 'staff-drawer');
    await page.close();

    // 4. Staff take it round the loop (through the API: the existing events journey walks these screens).
    const township = await apiAs(demo, 'township');
    const dept = await apiAs(demo, 'dept');
    const { items } = await township.get<{ items: { id: string; caseNo: string }[] }>('/api/events?source=citizen');
    const id = items.find((e) => e.caseNo === caseNo)!.id;
    await step(township, id, 'accept');
    await step(township, id, 'dispatch', { targetUnit: 'YM-CG' });
    await step(dept, id, 'sign');
    await step(dept, id, 'handle', { note: '已清运完毕，路面已冲洗', photos: [await dept.photo([80, 140, 200])] });
    await step(township, id, 'check', { photos: [await township.photo([200, 170, 60])] });
    expect((await step(township, id, 'close')).status).toBe('closed');

    // 5. The citizen comes back on the tracking page: the code is remembered, typed in it finds the report.
    await citizen.goto(`${demo.base}/public/track`);
    await citizen.locator('.public-recent').getByRole('button', { name: trackingCode }).waitFor();
    await citizen.getByLabel('查询码').fill(trackingCode.toLowerCase().replaceAll('-', ' '));
    await citizen.getByLabel('查询码').press('Enter');
    await report.getByTestId('public-status').filter({ hasText: '已结案' }).waitFor();
    const text = await report.innerText();
    expect(text).toContain('已清运完毕，路面已冲洗'); // the handler's reply
    for (const name of STAFF) expect(text).not.toContain(name);
    expect(text).not.toContain('5678');
    const timeline = await report.locator('.ant-timeline-item-content').allInnerTexts();
    expect(timeline.map((s) => s.split(' ')[0])).toEqual(['待受理', '已受理', '已派遣', '处置中', '待核查', '待结案', '已结案']);
    await report.getByText('请评价处理结果').scrollIntoViewIfNeeded();
    await shot(citizen, 'track-closed');

    // Not satisfied: the reason is asked for before the rating goes.
    const rating = report.getByTestId('public-rating');
    await rating.getByRole('button', { name: '不满意' }).click();
    const send = rating.locator('.public-rating-note').getByRole('button', { name: '不满意' });
    expect(await send.isDisabled()).toBe(true);
    await rating.getByPlaceholder('不满意的原因').fill('路面还有污渍');
    await shot(citizen, 'rating');
    await send.click();
    await citizen.getByText('感谢您的评价').waitFor();
    await report.getByTestId('public-status').filter({ hasText: '已回访' }).waitFor();
    await fieldValue(report, '您的评价').getByText('不满意').waitFor();
    expect(await report.getByTestId('public-rating').count()).toBe(0); // rated once only
    await shot(citizen, 'rated');
    await phone.close();

    // The centre sees the citizen's verdict.
    expect(await township.get(`/api/events/${id}`)).toMatchObject({
      status: 'visited',
      rating: 'dissatisfied',
      source: 'citizen',
      reports: 2,
    });
  }, 180_000);

  it('an unknown tracking code finds nothing and says so', async () => {
    const page = await demo.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${demo.base}/public/track`);
    await page.getByLabel('查询码').fill('420923-AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: label('查询') }).click();
    await page.getByText('查询码不存在，请核对后再试').waitFor();
    expect(await page.getByTestId('public-report').count()).toBe(0);
    await shot(page, 'unknown-code');
    await page.close();
  });
});
