import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleActor } from '../../server/access/index.ts';
import { DEMO_PASSWORD } from '../../server/demo/demo-users.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { desktopPage, screenshotsOnFailure, shooter } from './journey-helpers.ts';

/** Issue 12, item 3: two-factor sign-in enrolled in the console, and the password change someone else's password forces. */

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo();
});
afterAll(() => demo?.close());
screenshotsOnFailure(() => demo, 'sign-in');
const shot = shooter('sign-in');

/** The code an authenticator shows now. */
const codeOf = (secret: string) => generate({ secret, epoch: Math.floor(Date.now() / 1000) });
const stepNow = () => Math.floor(Date.now() / 30_000);
/** A code is taken once per 30-second step: the next sign-in waits for a later step than the one used. */
const laterStepThan = async (page: Page, used: number) => {
  while (stepNow() <= used) await page.waitForTimeout(500);
};

/** Until Ant Design's opening and closing animations are over, a screenshot shows a half-drawn dialog or menu. */
const animationsOver = (page: Page) =>
  page.waitForFunction(() => !document.querySelector('[class*="-appear-active"], [class*="-enter-active"], [class*="-leave-active"]'));

async function passwordStep(page: Page, username: string, password: string) {
  await page.goto(demo.base);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登 录' }).click();
}

describe('signing in', () => {
  it('a grid worker turns on two-factor sign-in from the account menu, keeps the recovery codes, and signs in with a code', async () => {
    await demo.services.access.createUser(null, {
      username: 'totp_worker',
      displayName: '王动态',
      password: DEMO_PASSWORD,
      roles: ['grid_worker'],
      areaCodes: ['420923100001001'],
    });
    const page = await desktopPage(demo);
    await demo.signIn(page, 'totp_worker');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '双因素认证' }).click();
    await page.getByText('未开启双因素认证。').waitFor();
    await page.getByTestId('totp-enable').click();
    const secretGroups = await page.getByTestId('totp-secret').innerText();
    expect(secretGroups).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    expect(await page.getByTestId('totp-uri').innerText()).toMatch(/^otpauth:\/\/totp\//);
    const secret = secretGroups.replace(/\s/g, '');
    await shot(page, 'totp-enrolment');
    await page.getByTestId('totp-code').fill(await codeOf(secret));
    const enrolledAt = stepNow();
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByText('请保存恢复码').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await shot(page, 'recovery-codes');
    await page.getByRole('button', { name: '我已保存恢复码' }).click();

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await passwordStep(page, 'totp_worker', DEMO_PASSWORD);
    await page.getByTestId('sign-in-code').waitFor();
    await page.getByTestId('sign-in-code').fill('000000');
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByText('动态口令或恢复码不正确').waitFor();
    await shot(page, 'wrong-code');
    await laterStepThan(page, enrolledAt);
    await page.getByTestId('sign-in-code').fill(await codeOf(secret));
    await page.getByRole('button', { name: '验证并登录' }).click();
    await page.getByText('王动态').waitFor();
    await shot(page, 'signed-in-with-code');
    await page.close();
  });

  it('an administrator without two-factor sign-in sees only its enrolment, then the console', async () => {
    await demo.services.access.createUser(
      null,
      { username: 'new_auditor', displayName: '审计二号', password: DEMO_PASSWORD, roles: ['audit_admin'], areaCodes: ['420900'] },
      { secondFactorExempt: false },
    );
    const page = await desktopPage(demo);
    await demo.signIn(page, 'new_auditor');
    await page.getByTestId('totp-enrolment-first').waitFor();
    await page.getByText('管理员账号须先绑定动态口令').waitFor();
    expect(await page.locator('.app-menu').count()).toBe(0);
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await shot(page, 'admin-enrolment-first');
    await page.getByTestId('totp-code').fill('000000');
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByText('动态口令不正确').first().waitFor();
    await page.getByTestId('totp-code').fill(await codeOf(secret));
    await page.getByRole('button', { name: '确认绑定' }).click();
    await page.getByRole('button', { name: '我已保存恢复码' }).click();
    await page.locator('.app-menu').waitFor();
    await page.getByText('审计二号').waitFor();
    await page.close();
  });

  it('an account someone else created shows only the password change at first sign-in, then the console', async () => {
    await demo.services.access.createUser(consoleActor, {
      username: 'new_clerk',
      displayName: '李新',
      password: 'Temp2026first',
      roles: ['township_center'],
      areaCodes: ['420923100'],
    });
    const page = await desktopPage(demo);
    await passwordStep(page, 'new_clerk', 'Temp2026first');
    await page.getByTestId('password-change-first').waitFor();
    await page.getByText('这个账号的密码由他人设置').waitFor();
    expect(await page.locator('.app-menu').count()).toBe(0);
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('原密码').waitFor();
    await animationsOver(page);
    await shot(page, 'password-change-first');
    await dialog.getByLabel('原密码').fill('Temp2026first');
    await dialog.getByLabel('新密码', { exact: true }).fill('MyOwn2026pass');
    await dialog.getByLabel('确认新密码').fill('MyOwn2026pass');
    await dialog.getByRole('button', { name: '保 存' }).click();
    await page.locator('.app-menu').waitFor();
    await page.getByText('李新').waitFor();
    await shot(page, 'after-password-change');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '我的会话' }).click();
    await page.getByText('当前会话').waitFor();
    await animationsOver(page);
    await shot(page, 'my-sessions');
    await page.close();
  });
});
