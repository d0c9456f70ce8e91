import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, TEST_PASSWORD_COST, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('sign-in', () => {
  it('not signed in: protected routes answer 401 with the error shape', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.required', details: [] });
  });

  it('signs in with the password, sets an httpOnly session cookie, and /me names the user and jurisdiction', async () => {
    await t.buildUser({ username: 'zhang', roles: ['township_center'], areaCodes: [FIXTURE.townships[0]] });
    const res = await login('zhang', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'gezhi_sid')!;
    expect(cookie.httpOnly).toBe(true);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { gezhi_sid: cookie.value } });
    expect(me.json().user).toMatchObject({
      username: 'zhang',
      roles: ['township_center'],
      areas: [{ code: FIXTURE.townships[0], name: '城关镇', level: 'township' }],
    });
    expect(me.json().user.permissions).toContain('territory.read');
    expect(me.json().user).not.toHaveProperty('scope');
  });

  it('stores the password as argon2id, never in clear', async () => {
    const [row] = await queryRows<{ password_hash: string }>(t.db, sql`select password_hash from app_user where username = 'zhang'`);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    // at the configured cost (the harness's low one; password.test.ts checks production's)
    const { memoryKiB, passes, lanes } = TEST_PASSWORD_COST;
    expect(row.password_hash).toContain(`$m=${memoryKiB},t=${passes},p=${lanes}$`);
    expect(row.password_hash).not.toContain(TEST_PASSWORD);
  });

  it('a wrong password and an unknown user get the same generic message', async () => {
    const wrong = await login('zhang', 'nope12345');
    const unknown = await login('nobody', 'nope12345');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.json().code).toBe('auth.invalid_credentials');
  });

  it('speaks English when asked', async () => {
    const res = await login('nobody', 'x', { 'accept-language': 'en-US,en;q=0.9' });
    expect(res.json().message).toBe('Wrong user name or password');
  });

  it('locks the account after repeated failures, even for the right password, until the lock expires', async () => {
    await t.buildUser({ username: 'li', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
    for (let i = 0; i < 3; i++) expect((await login('li', 'wrong-pass1')).json().code).toBe('auth.invalid_credentials');
    const locked = await login('li', TEST_PASSWORD);
    const wrong = await login('zhang', 'wrong-pass1');
    // A locked account answers exactly like a wrong password: a 423 told a guesser the account exists.
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(wrong.json());
    expect(Object.keys(locked.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
    t.advance(16 * 60_000);
    expect((await login('li', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a security admin can unlock a locked account', async () => {
    await t.buildUser({ username: 'wu', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
    for (let i = 0; i < 3; i++) await login('wu', 'wrong-pass1');
    const { request } = await t.as(['security_admin'], [FIXTURE.city]);
    const list = (await request({ method: 'GET', url: '/api/access/users' })).json().items;
    const wu = list.find((u: { username: string }) => u.username === 'wu');
    expect(wu.locked).toBe(true);
    const res = await request({ method: 'POST', url: `/api/access/users/${wu.id}/unlock` });
    expect(res.json().locked).toBe(false);
    expect((await login('wu', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('signs out: the session no longer works', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    expect((await request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    expect((await request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('changes the password: the old one stops working, a weak one is refused', async () => {
    const { user, request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const weak = await request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'short' },
    });
    expect(weak.json().code).toBe('auth.password_too_weak');
    const wrong = await request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it-123', newPassword: 'NewPass2026' },
    });
    expect(wrong.json().code).toBe('auth.wrong_password');
    expect(
      (
        await request({
          method: 'POST',
          url: '/api/auth/password',
          payload: { currentPassword: TEST_PASSWORD, newPassword: 'NewPass2026' },
        })
      ).statusCode,
    ).toBe(204);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, 'NewPass2026')).statusCode).toBe(200);
  });
});

describe('user administration', () => {
  it('not signed in: 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/access/users' })).statusCode).toBe(401);
  });

  it('wrong role: a system admin (三员分立) may not manage users', async () => {
    const { request } = await t.as(['system_admin'], [FIXTURE.city]);
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'x1', displayName: 'x', password: 'Abcdefg123', roles: [], areaCodes: [] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('access.forbidden');
  });

  it('a security admin creates a user with roles, area bindings and a department, and the user can sign in', async () => {
    const { request } = await t.as(['security_admin'], [FIXTURE.city]);
    await t.services.access; // department must exist
    await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '城管', '420923')`);
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: {
        username: 'handler1',
        displayName: '处置员',
        password: 'Handler2026',
        roles: ['department_handler'],
        areaCodes: [FIXTURE.county],
        departmentCode: 'YM-CG',
        phone: '13812345678',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'handler1',
      roles: ['department_handler'],
      departmentCode: 'YM-CG',
      phone: '138****5678',
      areas: [{ code: FIXTURE.county }],
    });
    expect((await login('handler1', 'Handler2026')).statusCode).toBe(200);
    const audit = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where target = ${res.json().id}`);
    expect(audit.map((a) => a.action)).toContain('user.created');
  });

  it('refuses unknown roles, unknown areas, unknown departments, weak passwords and unknown fields, naming each field, and creates nothing', async () => {
    const { request } = await t.as(['security_admin'], [FIXTURE.city]);
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'bad1', displayName: 'x', password: 'weak', roles: ['emperor'], areaCodes: ['999999'], departmentCode: 'NOPE' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['body.areaCodes.0', 'body.departmentCode', 'body.password', 'body.roles.0']);
    const extra = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'bad2', displayName: 'x', password: 'Abcdefg123', roles: [], areaCodes: [], isRoot: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().details[0]).toMatchObject({ field: 'body.isRoot', reason: 'additionalProperties' });
    const users = (await request({ method: 'GET', url: '/api/access/users' })).json().items.map((u: { username: string }) => u.username);
    expect(users).not.toContain('bad1');
    expect(users).not.toContain('bad2');
  });

  it('a duplicate user name is refused', async () => {
    const { request } = await t.as(['security_admin'], [FIXTURE.city]);
    const res = await request({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'zhang', displayName: 'x', password: 'Abcdefg123', roles: [], areaCodes: [] },
    });
    expect(res.statusCode).toBe(409);
  });

  it('rebinding a user changes what they see at once; disabling ends their sessions', async () => {
    const { user, request: worker } = await t.as(['township_center'], [FIXTURE.townships[0]]);
    const { request: admin } = await t.as(['security_admin'], [FIXTURE.city]);
    expect((await worker({ method: 'GET', url: `/api/territory/areas/${FIXTURE.townships[1]}` })).statusCode).toBe(404);
    expect(
      (await admin({ method: 'PATCH', url: `/api/access/users/${user.id}`, payload: { areaCodes: [FIXTURE.townships[1]] } })).json(),
    ).toMatchObject({ areas: [{ code: FIXTURE.townships[1] }] });
    expect((await worker({ method: 'GET', url: `/api/territory/areas/${FIXTURE.townships[1]}` })).statusCode).toBe(200);
    await admin({ method: 'PATCH', url: `/api/access/users/${user.id}`, payload: { disabled: true } });
    expect((await worker({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('not signed in: 401; wrong role: the security admin cannot read it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/access/audit' })).statusCode).toBe(401);
    const { request } = await t.as(['security_admin'], [FIXTURE.city]);
    expect((await request({ method: 'GET', url: '/api/access/audit' })).statusCode).toBe(403);
  });

  it('the audit admin reads sign-ins, failures and user changes, newest first, filtered by action', async () => {
    const { request } = await t.as(['audit_admin'], [FIXTURE.city]);
    const all = (await request({ method: 'GET', url: '/api/access/audit?limit=500' })).json().items;
    expect(all.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['auth.login', 'auth.login_failed', 'auth.locked', 'user.created', 'user.unlocked', 'auth.password_changed']),
    );
    expect(all[0].id).toBeGreaterThan(all[all.length - 1].id);
    const failed = (await request({ method: 'GET', url: '/api/access/audit?action=auth.login_failed' })).json().items;
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((e: { action: string }) => e.action === 'auth.login_failed')).toBe(true);
  });

  it('names the object and what the details mention: the user created, their area and department', async () => {
    const { request } = await t.as(['audit_admin'], [FIXTURE.city]);
    const created = (await request({ method: 'GET', url: '/api/access/audit?action=user.created' })).json().items;
    const handler = created.find((e: { detail: { username?: string } }) => e.detail.username === 'handler1');
    expect(handler).toMatchObject({ targetName: '处置员', names: { 'YM-CG': '城管', [FIXTURE.county]: '云梦县' } });
    expect(handler.names[handler.target]).toBe('处置员');
  });

  it('offers no way to change or delete it', async () => {
    const { request } = await t.as(['audit_admin'], [FIXTURE.city]);
    for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'] as const) {
      expect((await request({ method, url: '/api/access/audit' })).statusCode).toBe(404);
    }
  });
});
