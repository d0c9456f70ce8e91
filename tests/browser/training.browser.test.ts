import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../shared/china-time.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { apiAs, desktopPage, openMenu, screenshotsOnFailure, settled, shooter } from './journey-helpers.ts';

/** 培训: a township centre records a session with attendees from its team; the figures count it; the worker sees it on their profile. */
const TOPIC = '入户走访与信息采集规范';

let demo: Demo;
let workerName: string;
const shot = shooter('training');

beforeAll(async () => {
  demo = await startDemo();
  workerName = (await (await apiAs(demo, 'worker')).get<{ user: { displayName: string } }>('/api/auth/me')).user.displayName;
}, 600_000);
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'training');

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

describe('training records (培训)', () => {
  it('a township centre records a session, sees its figures and an attendee’s history; the worker sees it on their profile', async () => {
    const centre = await desktopPage(demo);
    await demo.signIn(centre, 'township');
    await openMenu(centre, '培训记录');
    await centre.getByTestId('training-record').click();
    const form = centre.getByTestId('session-form');
    await form.waitFor();
    await centre.getByTestId('session-save').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await form.locator('.ant-form-item-explain-error').count()).toBe(4);
    await form.getByTestId('session-topic').fill(TOPIC);
    await form.getByTestId('session-held-on').fill(chinaDate(new Date()));
    await form.getByTestId('session-hours').fill('1.5');
    await form.getByTestId('session-trainer').fill('县综治中心 王老师');
    await choose(centre, 'session-attendees', workerName);
    await centre.locator('.ant-modal-title').click();
    await shot(centre, 'record');
    await centre.getByTestId('session-save').click();
    await centre.getByText(`已登记培训：${TOPIC}`).waitFor();
    const table = centre.getByTestId('training-sessions');
    await settled(table);
    const row = table.locator('.ant-table-row', { hasText: TOPIC });
    await row.waitFor();
    expect((await row.locator('td').allInnerTexts()).slice(2, 4)).toEqual(['1.5', '县综治中心 王老师']);
    await shot(centre, 'sessions');

    await row.getByTestId('training-attendee').filter({ hasText: workerName }).click();
    const drawer = centre.locator('.ant-drawer-content', { hasText: '培训档案' });
    await drawer.getByTestId('training-history-item').filter({ hasText: TOPIC }).waitFor();
    await drawer.getByText('共参加 1 次培训，1.5 学时').waitFor();
    await centre.keyboard.press('Escape');

    await centre.getByTestId('training-figures-tab').click();
    const total = centre.getByTestId('training-figures-total');
    await total.getByText('1 人次，1.5 学时', { exact: false }).waitFor();
    await expect.poll(() => centre.getByTestId('training-figures').locator('.ant-table-row').count()).toBe(1);
    await shot(centre, 'figures');

    // The worker's profile shows the session.
    const worker = await desktopPage(demo);
    await demo.signIn(worker, 'worker');
    await worker.goto(`${demo.base}/profile`);
    const profile = worker.getByTestId('profile-page');
    await profile.getByTestId('training-history-item').filter({ hasText: TOPIC }).waitFor();
    await profile.getByText('共参加 1 次培训，1.5 学时').waitFor();
    await shot(worker, 'profile');
  });
});
