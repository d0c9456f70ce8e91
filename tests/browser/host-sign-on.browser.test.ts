import net from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalIdp, startLocalIdp } from '../../server/testing/local-idp.ts';
import { type Demo, startDemo } from './browser-harness.ts';
import { desktopPage, openMenu, phoneWidthPage, screenshotsOnFailure, settled, shooter } from './journey-helpers.ts';

/** Issue 11 item 6: the field routes as an H5 module inside a provincial government app, signed on by the host. */

const CLIENT_ID = 'gezhi-field';
let idp: LocalIdp;
let demo: Demo;
const shot = shooter('host-sign-on');

/** A port nobody listens on, so the callback the host knows can be configured before the server starts. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  idp = await startLocalIdp({ clientId: CLIENT_ID });
  const port = await freePort();
  const callback = `http://127.0.0.1:${port}/api/auth/host/callback`;
  idp.allowRedirect(callback);
  demo = await startDemo({
    port,
    config: {
      hostSignOn: {
        issuer: idp.issuer,
        clientId: CLIENT_ID,
        clientSecret: null,
        methods: ['oidc', 'token'],
        jwksUrl: null,
        publicKey: null,
        algorithms: ['RS256'],
        redirectUrl: callback,
        allowHttp: true,
      },
    },
  });
}, 600_000);
afterAll(async () => {
  await demo?.close();
  await idp?.close();
});
screenshotsOnFailure(() => demo, 'host-sign-on');

const home = (page: Page) => page.getByTestId('field-report');
const noWiderThanPhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('the field routes inside a host super-app', () => {
  it('the security administrator links the host user to the grid worker’s account in the console', async () => {
    const page = await desktopPage(demo);
    await demo.signIn(page, 'security');
    await openMenu(page, '宿主账号关联');
    await page.getByTestId('host-account-add').click();
    const form = page.getByTestId('host-account-form');
    await expect.poll(() => form.getByLabel('签发方').inputValue()).toBe(idp.issuer);
    await form.getByLabel('宿主用户编号').fill('zw-worker-1');
    await form.getByLabel('格治账号').click();
    await page.keyboard.type('worker');
    await page.locator('.ant-select-item-option', { hasText: '（worker）' }).click();
    await form.getByLabel('备注').fill('政务App 网格员');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    const table = page.getByTestId('host-accounts');
    await expect.poll(() => table.locator('.ant-table-row', { hasText: 'zw-worker-1' }).count()).toBe(1);
    await settled(table);
    await shot(page, 'console-mapping');
    await page.context().close();
  });

  it('opened with a host token at 390 px: no login screen, the phone home, the token gone from the address', async () => {
    const page = await phoneWidthPage(demo);
    const signedOn = page.waitForResponse((r) => r.url().endsWith('/api/auth/host/token'));
    await page.goto(`${demo.base}/m?host_token=${await idp.hostToken('zw-worker-1')}`);
    const reply = await signedOn;
    expect(reply.status(), await reply.text()).toBe(200);
    await home(page).waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getByLabel('密码').count()).toBe(0);
    await noWiderThanPhone(page);
    await shot(page, 'token-home');
    await page.context().close();
  });

  it('opened without a token: OpenID Connect at the host and back to the phone home', async () => {
    idp.signInAs('zw-worker-1');
    const page = await phoneWidthPage(demo);
    const visitedHost = page.waitForRequest((r) => r.url().startsWith(`${idp.issuer}/authorize`));
    await page.goto(`${demo.base}/m`);
    await visitedHost;
    await home(page).waitFor();
    expect(new URL(page.url()).pathname).toBe('/m');
    await noWiderThanPhone(page);
    await shot(page, 'oidc-home');
    await page.context().close();
  });

  it('an unmapped host user is told to ask the administrator, with the number to give', async () => {
    idp.signInAs('zw-nobody');
    const page = await phoneWidthPage(demo);
    await page.goto(`${demo.base}/m`);
    await page.getByTestId('host-sign-on-refused').waitFor();
    await expect.poll(() => page.getByTestId('host-subject').textContent()).toContain('zw-nobody');
    expect(await page.getByTestId('host-sign-on-refused').textContent()).toContain('安全管理员');
    await noWiderThanPhone(page);
    await shot(page, 'unmapped');
    await page.context().close();
  });

  it('a token with a bad signature gets the refusal page and no session', async () => {
    const page = await phoneWidthPage(demo);
    await page.goto(`${demo.base}/m?host_token=${await idp.hostToken('zw-worker-1', {}, { stranger: true })}`);
    await page.getByTestId('host-sign-on-refused').waitFor();
    expect(await page.getByTestId('host-sign-on-refused').textContent()).toContain('未能登录');
    expect((await page.context().cookies()).some((c) => c.name === 'gezhi_sid')).toBe(false);
    await shot(page, 'bad-token');
    await page.context().close();
  });
});
