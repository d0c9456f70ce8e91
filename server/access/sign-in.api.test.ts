import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';
import { createHttp } from '../platform/http.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { createAccess } from './index.ts';

/** Issue 12, item 3: sign-in that resists guessing. The harness locks an account after 3 failures in a row. */

let t: TestApp;
let serial = 0;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A fresh address for each request unless one is given, so only the limit under test applies. */
const login = (username: string, password: string, remoteAddress = `10.9.${(++serial >> 8) & 255}.${serial & 255}`) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

/** Wrong passwords that were compared with the stored hash (a refused attempt compares none). */
async function checkedFailures(userId: string) {
  const rows = await queryRows<{ n: number }>(
    t.db,
    sql`select count(*)::int as n from audit_log
        where actor_id = ${userId} and action = 'auth.login_failed' and coalesce(detail->>'checked', 'true') = 'true'`,
  );
  return rows[0].n;
}

const worker = (username: string) => t.buildUser({ username, roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });

describe('concurrent guesses', () => {
  it('40 wrong passwords at once on one account: only 3 are checked, and the account is locked', async () => {
    const user = await worker('burst1');
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login('burst1', `Wrong-${i}-2026`)));
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    expect(await checkedFailures(user.id)).toBe(3);
    expect((await login('burst1', TEST_PASSWORD)).statusCode).not.toBe(200); // locked (and the account's allowance used up)
  });

  it('the count and the lock hold without the per-server limit too: 40 at once through the service', async () => {
    const user = await worker('burst2');
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => t.services.access.login('burst2', `Wrong-${i}-2026`, { ip: '10.0.0.1' })),
    );
    expect(results.every((r) => r.status === 'rejected' && (r.reason as { code: string }).code === 'auth.invalid_credentials')).toBe(true);
    console.info(`concurrent guesses checked before the lock: ${await checkedFailures(user.id)} of 40`);
    expect(await checkedFailures(user.id)).toBe(3);
    await expect(t.services.access.login('burst2', TEST_PASSWORD, { ip: '10.0.0.1' })).rejects.toMatchObject({
      code: 'auth.invalid_credentials',
    });
  });

  it('a right password inside a burst of wrong ones does not sign in', async () => {
    const user = await worker('burst3');
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 30 ? TEST_PASSWORD : `Wrong-${i}-2026`));
    const results = await Promise.allSettled(attempts.map((p) => t.services.access.login('burst3', p, { ip: '10.0.0.2' })));
    expect(results[30].status).toBe('rejected');
    expect(await checkedFailures(user.id)).toBe(3);
  });

  it('a right password among the first checks signs in and clears the count', async () => {
    await worker('burst4');
    const results = await Promise.allSettled(
      ['Wrong-1-2026', TEST_PASSWORD].map((p) => t.services.access.login('burst4', p, { ip: '10.0.0.3' })),
    );
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    for (let i = 0; i < 2; i++) await login('burst4', 'Wrong-again-2026');
    expect((await login('burst4', TEST_PASSWORD)).statusCode).toBe(200); // 2 failures after the reset: not locked
  });
});

describe('a locked account tells nothing', () => {
  it('answers like a wrong password and like an unknown user, and its right password gets the same answer', async () => {
    await worker('quiet1');
    for (let i = 0; i < 3; i++) await login('quiet1', 'Wrong-pass-2026');
    const [locked, lockedRight, unknown] = [
      await login('quiet1', 'Wrong-pass-2026'),
      await login('quiet1', TEST_PASSWORD),
      await login('nobody-here', 'Wrong-pass-2026'),
    ];
    for (const res of [locked, lockedRight, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'auth.invalid_credentials', message: '用户名或密码错误', details: [] });
    }
  });
});

describe('limits per address and per account', () => {
  it('per address: after 30 failures from one address, the next attempt is refused unchecked with 429 and Retry-After', async () => {
    const users = await Promise.all(Array.from({ length: 15 }, (_, i) => worker(`spray${i}`)));
    const from = '10.20.0.1';
    // A few passwords tried on many accounts (spraying): no account reaches its lock.
    for (let round = 0; round < 2; round++) {
      for (const u of users) expect((await login(u.username, `Spray-${round}-2026`, from)).statusCode).toBe(401);
    }
    const refused = await login('spray0', TEST_PASSWORD, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'auth.rate_limited', details: [{ field: 'request', reason: 'rate_limited' }] });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await checkedFailures(users[0].id)).toBe(2);
    expect((await login('spray0', TEST_PASSWORD, '10.20.0.2')).statusCode).toBe(200); // another address is not held up
    t.advance(11 * 60_000);
    expect((await login('spray1', TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('successful sign-ins do not count: one office address signs in 40 times', async () => {
    const from = '10.30.0.1';
    const u = await worker('office1');
    for (let i = 0; i < 40; i++) expect((await login(u.username, TEST_PASSWORD, from)).statusCode).toBe(200);
  });

  it('per account: after 10 failures on one name, from any addresses, 429 — the same for a name that does not exist', async () => {
    await worker('target1');
    for (const name of ['target1', 'no-such-name']) {
      // Past the third failure the account is locked and refused unchecked, and still each attempt counts.
      for (let i = 0; i < 10; i++) expect((await login(name, `Guess-${i}-2026`)).statusCode).toBe(401);
      const refused = await login(name, 'Guess-x-2026');
      expect(refused.statusCode).toBe(429);
      expect(refused.json().code).toBe('auth.rate_limited');
    }
  });
});

describe('password policy', () => {
  it('refuses common passwords and ones equal to or containing the user name, on create, reset and change', async () => {
    const { request: admin } = await t.as(['security_admin'], [FIXTURE.city]);
    const create = (username: string, password: string) =>
      admin({ method: 'POST', url: '/api/access/users', payload: { username, displayName: 'x', password, roles: [], areaCodes: [] } });
    const common = await create('pw1', 'password1');
    expect(common.statusCode).toBe(400);
    expect(common.json().details).toEqual([
      { field: 'body.password', reason: 'auth.password_common', message: '这是常见密码，很容易被猜到，请换一个' },
    ]);
    expect((await create('pw2', 'P@ssw0rd2026')).json().details[0].reason).toBe('auth.password_common');
    expect((await create('wangwei88', 'wangwei88')).json().details[0].reason).toBe('auth.password_common');
    expect((await create('liuxiang', 'Liuxiang2026')).json().details[0].reason).toBe('auth.password_has_username');
    expect((await create('zhaoyun7', 'zhaoyun7')).json().details[0].reason).toBe('auth.password_has_username');
    expect((await create('pw3', TEST_PASSWORD)).statusCode).toBe(201);

    const { user, request } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const reset = await admin({ method: 'PATCH', url: `/api/access/users/${user.id}`, payload: { password: `${user.username}x2026` } });
    expect(reset.json().details[0].reason).toBe('auth.password_has_username');
    const change = await request({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Password1' },
      cookies: { gezhi_lang: 'en' },
    });
    expect(change.statusCode).toBe(400);
    expect(change.json().code).toBe('auth.password_common');
    expect(change.json().message).toBe('This is a common password, easily guessed; choose another');
  });
});

describe('the session cookie over HTTPS', () => {
  it('is Secure when the request came over HTTPS through a trusted proxy, and not when someone else claims it', async () => {
    const database = await openTestDatabase();
    const config = loadConfig({ GEZHI_TRUST_PROXY: '127.0.0.1' }, { logLevel: 'silent' });
    const app = await createHttp({ logLevel: 'silent', trustProxy: config.trustProxy });
    const access = createAccess({ app, db: database.db, clock: systemClock, config });
    try {
      await access.service.createUser(null, { username: 'proxied', displayName: 'p', password: TEST_PASSWORD, roles: [], areaCodes: [] });
      const signIn = (from: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'proxied', password: TEST_PASSWORD },
          headers: { 'x-forwarded-proto': 'https' },
          remoteAddress: from,
        });
      const sid = (res: Awaited<ReturnType<typeof signIn>>) => res.cookies.find((c) => c.name === 'gezhi_sid');
      expect(sid(await signIn('127.0.0.1'))?.secure).toBe(true);
      expect(sid(await signIn('10.0.0.9'))?.secure).toBeUndefined();
    } finally {
      await app.close();
      await database.close();
    }
  });
});
