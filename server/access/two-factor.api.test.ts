import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';

/**
 * Issue 12, item 3: TOTP two-factor sign-in, available to everyone and required of the three administrators, with
 * recovery codes. The harness locks an account after 3 failed checks in a row; its clock moves only when told.
 */

let t: TestApp;
let serial = 0;
type Request = Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const STEP = 30_000;
const now = () => t.clock();
const codeAt = (secret: string, at = now()) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
const login = (username: string, password = TEST_PASSWORD) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: `10.8.${(++serial >> 8) & 255}.${serial & 255}`,
  });
const second = (pendingToken: string, code: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login/second-factor',
    payload: { pendingToken, code },
    remoteAddress: `10.7.${(++serial >> 8) & 255}.${serial & 255}`,
  });

/** Enrols TOTP for a signed-in account; returns its secret and recovery codes. */
async function enrol(request: Request) {
  const started = await request({ method: 'POST', url: '/api/auth/totp/enrolment' });
  expect(started.statusCode).toBe(200);
  const { secret } = started.json() as { secret: string };
  const confirmed = await request({ method: 'POST', url: '/api/auth/totp/enrolment/confirm', payload: { code: await codeAt(secret) } });
  expect(confirmed.statusCode).toBe(200);
  t.advance(STEP); // the enrolment's code is used: sign-ins below take the next step's
  return { secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

/** A worker with TOTP on. */
async function enrolledWorker(username: string) {
  const user = await t.buildUser({ username, roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
  return { user, ...(await enrol(await t.signIn(username))) };
}

/** An administrator account as a security admin's approved creation makes it: not exempt from the second factor. */
const admin = (username: string, role: string) =>
  t.buildUser({ username, roles: [role], areaCodes: [FIXTURE.city], secondFactorExempt: false });

const pendingOf = async (username: string) => {
  const res = await login(username);
  expect(res.statusCode).toBe(202);
  expect(res.cookies.find((c) => c.name === 'gezhi_sid')).toBeUndefined(); // not a session
  return res.json().secondFactor.pendingToken as string;
};

describe('not signed in', () => {
  it('enrolment needs a session; a made-up pending token is refused', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/totp/enrolment' })).statusCode).toBe(401);
    const res = await second('made-up', '123456');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.second_factor_expired');
  });
});

describe('enrolment', () => {
  it('shows a secret and an otpauth URI, stores it sealed, and completes only with a right current code', async () => {
    const user = await t.buildUser({ username: 'enrol1', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
    const request = await t.signIn('enrol1');
    const started = (await request({ method: 'POST', url: '/api/auth/totp/enrolment' })).json();
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.*enrol1\?.*secret=/);
    expect(started.secretGroups.replace(/ /g, '')).toBe(started.secret);
    const [row] = await queryRows<{ pending: string; secret: string | null }>(
      t.db,
      sql`select totp_pending_secret as pending, totp_secret as secret from app_user where id = ${user.id}`,
    );
    expect(row.pending).toMatch(/^v1\./);
    expect(row.pending).not.toContain(started.secret);
    expect(row.secret).toBeNull();
    const wrong = await request({ method: 'POST', url: '/api/auth/totp/enrolment/confirm', payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details[0]).toMatchObject({ field: 'body.code', reason: 'totp.invalid_code' });
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.totpEnabled).toBe(false);
    const ok = await request({ method: 'POST', url: '/api/auth/totp/enrolment/confirm', payload: { code: await codeAt(started.secret) } });
    expect(ok.json().recoveryCodes).toHaveLength(10);
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.totpEnabled).toBe(true);
    const [hashes] = await queryRows<{ codes: string[] }>(t.db, sql`select recovery_codes as codes from app_user where id = ${user.id}`);
    expect(hashes.codes).toHaveLength(10);
    expect(hashes.codes).not.toContain(ok.json().recoveryCodes[0]);
    expect((await request({ method: 'POST', url: '/api/auth/totp/enrolment' })).json().code).toBe('totp.already_enabled');
  });
});

describe('two-step sign-in', () => {
  it('password, then the current code: a session; the pending token alone is not one and works once', async () => {
    const { secret } = await enrolledWorker('two1');
    const pending = await pendingOf('two1');
    const res = await second(pending, await codeAt(secret));
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('two1');
    expect(res.cookies.find((c) => c.name === 'gezhi_sid')).toBeDefined();
    expect((await second(pending, await codeAt(secret, new Date(now().getTime() + STEP)))).json().code).toBe('auth.second_factor_expired');
  });

  it('the same code again within its window is refused (replay), the next step’s is taken', async () => {
    const { secret } = await enrolledWorker('replay1');
    const code = await codeAt(secret);
    expect((await second(await pendingOf('replay1'), code)).statusCode).toBe(200);
    const again = await second(await pendingOf('replay1'), code);
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('auth.invalid_code');
    t.advance(STEP);
    expect((await second(await pendingOf('replay1'), await codeAt(secret))).statusCode).toBe(200);
  });

  it('concurrent uses of one code: one signs in', async () => {
    const { secret } = await enrolledWorker('race1');
    const code = await codeAt(secret);
    const pendings = await Promise.all([1, 2, 3].map(() => pendingOf('race1')));
    const answers = await Promise.all(pendings.map((p) => second(p, code)));
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
  });

  it('wrong codes count towards the lock like wrong passwords, and a locked account answers like a wrong code', async () => {
    const { user, secret } = await enrolledWorker('guess1');
    const pending = await pendingOf('guess1');
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => second(pending, String(100000 + i))));
    expect(answers.every((a) => a.statusCode === 401 || a.statusCode === 429)).toBe(true);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where actor_id = ${user.id} and action = 'auth.code_failed' and detail->>'checked' = 'true'`,
    );
    expect(n).toBe(3);
    const right = await second(pending, await codeAt(secret));
    expect(right.statusCode).toBe(401);
    expect(right.json().code).toBe('auth.invalid_code');
    t.advance(16 * 60_000);
    expect((await second(await pendingOf('guess1'), await codeAt(secret))).statusCode).toBe(200);
  });

  it('a right password does not clear the count the codes built up', async () => {
    const { user } = await enrolledWorker('alternate1');
    for (let i = 0; i < 2; i++) expect((await second(await pendingOf('alternate1'), '111111')).statusCode).toBe(401);
    await pendingOf('alternate1');
    const [{ failed }] = await queryRows<{ failed: number }>(
      t.db,
      sql`select failed_attempts as failed from app_user where id = ${user.id}`,
    );
    expect(failed).toBe(2);
  });

  it('a recovery code signs in once, typed loosely; the same code again is refused', async () => {
    const { recoveryCodes } = await enrolledWorker('recover1');
    const loose = ` ${recoveryCodes[3].toUpperCase().replace(/-/g, ' ')} `;
    const res = await second(await pendingOf('recover1'), loose);
    expect(res.statusCode).toBe(200);
    expect((await second(await pendingOf('recover1'), recoveryCodes[3])).json().code).toBe('auth.invalid_code');
    expect((await second(await pendingOf('recover1'), recoveryCodes[4])).statusCode).toBe(200);
  });
});

describe('turning it off', () => {
  it('needs a current code; then signing in is one step again', async () => {
    const { secret } = await enrolledWorker('off1');
    const request = await t.signIn('off1').catch(() => null);
    expect(request).toBeNull(); // the harness signs in with a password only
    const session = second(await pendingOf('off1'), await codeAt(secret));
    const cookie = (await session).cookies.find((c) => c.name === 'gezhi_sid')!.value;
    const as = (opts: { method: 'POST'; url: string; payload: object }) => t.app.inject({ ...opts, cookies: { gezhi_sid: cookie } });
    t.advance(STEP);
    expect((await as({ method: 'POST', url: '/api/auth/totp/disable', payload: { code: '000000' } })).json().code).toBe(
      'totp.invalid_code',
    );
    expect((await as({ method: 'POST', url: '/api/auth/totp/disable', payload: { code: await codeAt(secret) } })).statusCode).toBe(204);
    expect((await login('off1')).statusCode).toBe(200);
  });
});

describe('administrators', () => {
  it('an administrator without TOTP is taken to enrolment: every other route answers 403 until enrolled', async () => {
    await admin('secadm1', 'security_admin');
    const request = await t.signIn('secadm1');
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.pendingStep).toBe('totp_enrolment');
    const refused = await request({ method: 'GET', url: '/api/access/users' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('auth.totp_enrolment_required');
    expect((await request({ method: 'GET', url: '/api/auth/sessions' })).statusCode).toBe(403);
    await enrol(request);
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.pendingStep).toBeNull();
    expect((await request({ method: 'GET', url: '/api/access/users' })).statusCode).toBe(200);
  });

  it('an administrator cannot turn it off', async () => {
    await admin('auditadm1', 'audit_admin');
    const { secret } = await enrol(await t.signIn('auditadm1'));
    const res = await second(await pendingOf('auditadm1'), await codeAt(secret));
    const cookie = res.cookies.find((c) => c.name === 'gezhi_sid')!.value;
    t.advance(STEP);
    const off = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: { code: await codeAt(secret) },
      cookies: { gezhi_sid: cookie },
    });
    expect(off.statusCode).toBe(403);
    expect(off.json().code).toBe('totp.required_for_admins');
  });
});

describe('the security admin resets a second factor (a lost phone)', () => {
  it('of a data account at once; of an administrator only once a second administrator approves, who must enrol again', async () => {
    const security = await t.as(['security_admin'], [FIXTURE.city]);
    const system = await t.as(['system_admin'], [FIXTURE.city]);
    const { user: worker } = await enrolledWorker('lost1');
    const reset = await security.request({ method: 'PATCH', url: `/api/access/users/${worker.id}`, payload: { resetTotp: true } });
    expect(reset.statusCode).toBe(200);
    expect((await login('lost1')).statusCode).toBe(200);

    const auditor = await admin('lost2', 'audit_admin');
    await enrol(await t.signIn('lost2'));
    const asked = await security.request({ method: 'PATCH', url: `/api/access/users/${auditor.id}`, payload: { resetTotp: true } });
    expect(asked.statusCode).toBe(202);
    expect((await login('lost2')).statusCode).toBe(202); // nothing applied yet
    const [change] = (await system.request({ method: 'GET', url: '/api/access/admin-changes?status=pending' })).json().items;
    expect(change.changes).toMatchObject({ resetTotp: true });
    expect((await system.request({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: {} })).statusCode).toBe(
      200,
    );
    const request = await t.signIn('lost2');
    expect((await request({ method: 'GET', url: '/api/auth/me' })).json().user.pendingStep).toBe('totp_enrolment');
    const bad = await security.request({ method: 'PATCH', url: `/api/access/users/${worker.id}`, payload: { resetTotp: false } });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('resetTotp');
  });
});
