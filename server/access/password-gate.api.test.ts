import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';

/**
 * Issue 12, item 3: an account created by someone else, or whose password someone else reset (also through an
 * approved administrator change), must change its password at its first sign-in; until then every other route
 * answers 403 auth.password_change_required.
 */

let t: TestApp;
type Request = Awaited<ReturnType<TestApp['signIn']>>;
let security: Request;
let system: Request;
beforeAll(async () => {
  t = await createTestApp();
  security = (await t.as(['security_admin'], [FIXTURE.city])).request;
  system = (await t.as(['system_admin'], [FIXTURE.city])).request;
});
afterAll(() => t.close());

const CHOSEN = 'Chosen2026xyz';
const gated = async (request: Request) => {
  const res = await request({ method: 'GET', url: '/api/territory/areas' });
  return res.statusCode === 403 && res.json().code === 'auth.password_change_required';
};
const changeOwn = (request: Request, currentPassword: string, newPassword = CHOSEN) =>
  request({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword } });

describe('forced password change', () => {
  it('an account the setup made (tests, the demo) signs in directly', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.pendingStep).toBeNull();
    expect(await gated(request)).toBe(false);
  });

  it('an account the security admin created must change its password first: only me, sign-out and the change pass', async () => {
    const created = await security({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'newbie', displayName: '新人', password: 'Temp2026abc', roles: ['county_center'], areaCodes: [FIXTURE.county] },
    });
    expect(created.statusCode).toBe(201);
    const request = await t.signIn('newbie', 'Temp2026abc');
    const me = await request({ method: 'GET', url: '/api/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.pendingStep).toBe('password_change');
    expect(await gated(request)).toBe(true);
    expect((await request({ method: 'GET', url: '/api/auth/sessions' })).json().code).toBe('auth.password_change_required');
    const same = await changeOwn(request, 'Temp2026abc', 'newbie2026');
    expect(same.json().code).toBe('auth.password_has_username'); // the usual checks still apply, and nothing changes
    expect(await gated(request)).toBe(true);
    expect((await changeOwn(request, 'Temp2026abc')).statusCode).toBe(204);
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.pendingStep).toBeNull();
    expect(await gated(request)).toBe(false);
    const again = await t.signIn('newbie', CHOSEN);
    expect(await gated(again)).toBe(false);
  });

  it('a password the security admin reset must be changed at the next sign-in', async () => {
    const user = await t.buildUser({ username: 'reset1', roles: ['county_center'], areaCodes: [FIXTURE.county] });
    const reset = await security({ method: 'PATCH', url: `/api/access/users/${user.id}`, payload: { password: 'Reset2026abc' } });
    expect(reset.statusCode).toBe(200);
    const request = await t.signIn('reset1', 'Reset2026abc');
    expect(await gated(request)).toBe(true);
    expect((await changeOwn(request, 'Reset2026abc')).statusCode).toBe(204);
    expect(await gated(request)).toBe(false);
  });

  it('a password reset through an approved administrator change must be changed too', async () => {
    const auditor = await t.buildUser({ username: 'auditor1', roles: ['audit_admin'], areaCodes: [FIXTURE.city] });
    const asked = await security({ method: 'PATCH', url: `/api/access/users/${auditor.id}`, payload: { password: 'Reset2026abc' } });
    expect(asked.statusCode).toBe(202);
    expect(await gated(await t.signIn('auditor1', TEST_PASSWORD))).toBe(false); // nothing applied yet
    const [change] = (await system({ method: 'GET', url: '/api/access/admin-changes?status=pending' })).json().items;
    expect((await system({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: {} })).statusCode).toBe(200);
    const request = await t.signIn('auditor1', 'Reset2026abc');
    expect(await gated(request)).toBe(true);
    expect((await request({ method: 'GET', url: '/api/access/audit' })).statusCode).toBe(403);
  });
});
