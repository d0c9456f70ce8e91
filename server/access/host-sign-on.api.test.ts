import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';
import type { HostConfig } from '../platform/host-config.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { type LocalIdp, startLocalIdp } from '../testing/local-idp.ts';

/** Issue 11 item 6: the field routes inside a host super-app, signed on by a host token or OpenID Connect. */

const CLIENT_ID = 'gezhi-field';
const CALLBACK = 'http://gezhi.test/api/auth/host/callback';
type Request = (o: InjectOptions) => Promise<LightMyRequestResponse>;

let idp: LocalIdp;
let t: TestApp;
let admin: Request;
let worker: { id: string; username: string };

const hostConfig = (over: Partial<HostConfig> = {}): HostConfig => ({
  issuer: idp.issuer,
  clientId: CLIENT_ID,
  clientSecret: null,
  methods: ['oidc', 'token'],
  jwksUrl: null,
  publicKey: null,
  algorithms: ['RS256'],
  redirectUrl: CALLBACK,
  allowHttp: true,
  ...over,
});

beforeAll(async () => {
  // The provider's time is the app's (tests move it), so a token's expiry is read against the clock that issued it.
  let clock: () => Date = () => new Date();
  idp = await startLocalIdp({ clientId: CLIENT_ID, now: () => clock() });
  idp.allowRedirect(CALLBACK);
  t = await createTestApp({ hostSignOn: hostConfig() });
  clock = t.clock;
  admin = (await t.as(['security_admin'], [FIXTURE.city])).request;
  worker = await t.buildUser({ username: 'host_worker', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
  const mapped = await admin({
    method: 'POST',
    url: '/api/access/host-accounts',
    payload: { issuer: idp.issuer, subject: 'zw-1001', userId: worker.id },
  });
  expect(mapped.statusCode, mapped.body).toBe(201);
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

const count = async (table: string) => Number((await queryRows<{ n: string }>(t.db, sql.raw(`select count(*) as n from ${table}`)))[0].n);
/** What a sign-on could create: sessions, used token ids, mappings, accounts. */
const created = async () => ({
  sessions: await count('user_session'),
  tokenIds: await count('host_token_use'),
  mappings: await count('host_account'),
  accounts: await count('app_user'),
});
const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'gezhi_sid')?.value;
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { gezhi_sid: cookie } });
const withToken = (token: string) => t.app.inject({ method: 'POST', url: '/api/auth/host/token', payload: { token } });
const lastAudit = async (action: string) =>
  (
    await queryRows<{ actor_id: string | null; detail: Record<string, unknown> }>(
      t.db,
      sql`select actor_id, detail from audit_log where action = ${action} order by id desc limit 1`,
    )
  )[0];

describe('not signed in, wrong role (mappings are the whole deployment’s: no jurisdiction to be out of)', () => {
  it('the mapping routes need a session and users.manage', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/access/host-accounts' })).statusCode).toBe(401);
    const { request: village } = await t.as(['village_center'], [FIXTURE.villages[0]]);
    expect((await village({ method: 'GET', url: '/api/access/host-accounts' })).statusCode).toBe(403);
    const refused = await village({
      method: 'POST',
      url: '/api/access/host-accounts',
      payload: { issuer: idp.issuer, subject: 'x', userId: worker.id },
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('the administrator maps host users to accounts', () => {
  it('lists, adds and removes mappings, each audited', async () => {
    const other = await t.buildUser({ username: 'host_other', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[1]] });
    const added = await admin({
      method: 'POST',
      url: '/api/access/host-accounts',
      payload: { issuer: idp.issuer, subject: 'zw-2002', userId: other.id, note: '李敏' },
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(await lastAudit('host_account.created')).toMatchObject({ detail: { issuer: idp.issuer, subject: 'zw-2002' } });
    const list = (await admin({ method: 'GET', url: '/api/access/host-accounts' })).json();
    expect(list.items.map((m: { subject: string; username: string }) => [m.subject, m.username])).toEqual([
      ['zw-1001', 'host_worker'],
      ['zw-2002', 'host_other'],
    ]);
    expect((await admin({ method: 'DELETE', url: `/api/access/host-accounts/${added.json().id}` })).statusCode).toBe(204);
    expect(await lastAudit('host_account.removed')).toMatchObject({ detail: { subject: 'zw-2002' } });
    expect((await admin({ method: 'DELETE', url: `/api/access/host-accounts/${added.json().id}` })).statusCode).toBe(404);
    expect((await admin({ method: 'GET', url: '/api/access/host-accounts' })).json().total).toBe(1);
  });

  it('refuses a host user mapped twice, an administrator account and an unknown account, naming the field', async () => {
    const twice = await admin({
      method: 'POST',
      url: '/api/access/host-accounts',
      payload: { issuer: idp.issuer, subject: 'zw-1001', userId: worker.id },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().details[0].field).toBe('body.subject');
    const auditor = await t.buildUser({ username: 'host_auditor', roles: ['audit_admin'], areaCodes: [FIXTURE.city] });
    const adminAccount = await admin({
      method: 'POST',
      url: '/api/access/host-accounts',
      payload: { issuer: idp.issuer, subject: 'zw-9', userId: auditor.id },
    });
    expect(adminAccount.statusCode).toBe(400);
    expect(adminAccount.json().details[0]).toMatchObject({ field: 'body.userId', reason: 'host_account.admin_refused' });
    const unknown = await admin({
      method: 'POST',
      url: '/api/access/host-accounts',
      payload: { issuer: idp.issuer, subject: 'zw-8', userId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.statusCode).toBe(404);
    expect((await admin({ method: 'GET', url: '/api/access/host-accounts' })).json().total).toBe(1);
  });
});

describe('sign-on by a signed host token', () => {
  it('opens an ordinary session with the mapped account’s roles, audited with its method', async () => {
    const res = await withToken(await idp.hostToken('zw-1001'));
    expect(res.statusCode, res.body).toBe(200);
    const cookie = sessionCookie(res)!;
    const user = (await me(cookie)).json().user;
    expect(user).toMatchObject({ id: worker.id, roles: ['grid_worker'] });
    expect(await lastAudit('auth.login')).toMatchObject({ actor_id: worker.id, detail: { method: 'host_token', subject: 'zw-1001' } });
  });

  it('takes the token from the X-Host-Token header too', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/host/token',
      headers: { 'x-host-token': await idp.hostToken('zw-1001') },
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a token used before (its id), opening nothing', async () => {
    const token = await idp.hostToken('zw-1001');
    expect((await withToken(token)).statusCode).toBe(200);
    const before = await created();
    const again = await withToken(token);
    expect(again.statusCode).toBe(401);
    expect(again.json().details[0]).toMatchObject({ field: 'token', reason: 'replayed' });
    expect(await created()).toEqual(before);
  });

  const bad: [string, () => Promise<string>, string][] = [
    ['a bad signature', () => idp.hostToken('zw-1001', {}, { stranger: true }), 'signature'],
    ['an unknown issuer', () => idp.hostToken('zw-1001', { iss: 'https://stranger.example' }), 'issuer'],
    ['another audience', () => idp.hostToken('zw-1001', { aud: 'another-app' }), 'audience'],
    ['an expired time', () => idp.hostToken('zw-1001', { exp: Math.floor(t.clock().getTime() / 1000) - 120 }), 'expired'],
    ['a time not yet begun', () => idp.hostToken('zw-1001', { nbf: Math.floor(t.clock().getTime() / 1000) + 600 }), 'not_yet_valid'],
    ['no token id', () => idp.hostToken('zw-1001', { jti: undefined }), 'claim_missing'],
    ['not a JWT', async () => 'not.a.jwt', 'malformed'],
  ];
  for (const [what, make, reason] of bad) {
    it(`answers 401 to ${what}, creating nothing`, async () => {
      const before = await created();
      const res = await withToken(await make());
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.host_token_invalid', details: [{ field: 'token', reason }] });
      expect(sessionCookie(res)).toBeUndefined();
      expect(await created()).toEqual(before);
      expect(await lastAudit('auth.host_refused')).toMatchObject({ actor_id: null, detail: { method: 'host_token', reason } });
    });
  }

  it('a token that was good expires as the clock moves past it', async () => {
    const token = await idp.hostToken('zw-1001');
    t.advance(6 * 60_000);
    const res = await withToken(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().details[0].reason).toBe('expired');
  });

  it('refused sign-ons from one address are limited like wrong passwords (429), before any token is checked', async () => {
    const from = { remoteAddress: '10.9.9.9' };
    const stranger = () => idp.hostToken('zw-1001', {}, { stranger: true });
    for (let i = 0; i < loadConfig({}).signInLimit.perAddress.max; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/host/token', payload: { token: await stranger() }, ...from });
      expect(res.statusCode).toBe(401);
    }
    const before = await created();
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/auth/host/token',
      payload: { token: await idp.hostToken('zw-1001') },
      ...from,
    });
    expect(good.statusCode).toBe(429);
    expect(good.json().code).toBe('auth.rate_limited');
    expect(await created()).toEqual(before);
    const elsewhere = await withToken(await idp.hostToken('zw-1001'));
    expect(elsewhere.statusCode).toBe(200);
  });

  it('an unmapped host user is told to ask the administrator; no account, mapping or session is created', async () => {
    const before = await created();
    const res = await withToken(await idp.hostToken('zw-unknown'));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.host_unmapped', details: [{ subject: 'zw-unknown', issuer: idp.issuer }] });
    expect(res.json().message).toContain('安全管理员');
    expect(await created()).toEqual(before);
  });

  it('a mapped account that was disabled cannot sign on', async () => {
    const gone = await t.buildUser({ username: 'host_gone', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
    await admin({ method: 'POST', url: '/api/access/host-accounts', payload: { issuer: idp.issuer, subject: 'zw-gone', userId: gone.id } });
    expect((await admin({ method: 'PATCH', url: `/api/access/users/${gone.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    const before = await created();
    const res = await withToken(await idp.hostToken('zw-gone'));
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('auth.host_account_refused');
    expect(await created()).toEqual(before);
  });
});

/** Follows the sign-on as a browser would: Gezhi → the provider's authorize → back to Gezhi's callback. */
async function oidcSignOn(to = '/m/report', { keepStateCookie = true } = {}) {
  const begin = await t.app.inject({ method: 'GET', url: `/api/auth/host/authorize?to=${encodeURIComponent(to)}` });
  expect(begin.statusCode, begin.body).toBe(302);
  const state = begin.cookies.find((c) => c.name === 'gezhi_host_state')!.value;
  const atIdp = await fetch(begin.headers.location as string, { redirect: 'manual' });
  expect(atIdp.status).toBe(302);
  const back = new URL(atIdp.headers.get('location')!);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  const callback = () =>
    t.app.inject({
      method: 'GET',
      url: `/api/auth/host/callback${back.search}`,
      cookies: keepStateCookie ? { gezhi_host_state: state } : {},
    });
  return { begin, callback, authorizeUrl: new URL(begin.headers.location as string) };
}

describe('sign-on by OpenID Connect', () => {
  it('asks for a code with PKCE (S256), a state and a nonce; lands on the field route asked for, signed in as the mapped account', async () => {
    idp.signInAs('zw-1001');
    const { callback, authorizeUrl } = await oidcSignOn('/m/report');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('nonce')).toBeTruthy();
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(CALLBACK);
    const res = await callback();
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/m/report');
    expect((await me(sessionCookie(res)!)).json().user.id).toBe(worker.id);
    expect(await lastAudit('auth.login')).toMatchObject({ actor_id: worker.id, detail: { method: 'oidc', subject: 'zw-1001' } });
  });

  it('lands only on a field route of this server', async () => {
    idp.signInAs('zw-1001');
    const res = await (await oidcSignOn('https://evil.example/m')).callback();
    expect(res.headers.location).toBe('/m');
  });

  it('refuses a callback without this browser’s state cookie, or a second time, creating nothing', async () => {
    idp.signInAs('zw-1001');
    const before = await created();
    const foreign = await (await oidcSignOn('/m', { keepStateCookie: false })).callback();
    expect(foreign.statusCode).toBe(302);
    expect(foreign.headers.location).toBe('/m?host_error=auth.host_sign_on_failed');
    expect(sessionCookie(foreign)).toBeUndefined();
    expect(await created()).toEqual(before);
    const { callback } = await oidcSignOn('/m');
    expect((await callback()).headers.location).toBe('/m');
    const again = await callback();
    expect(again.headers.location).toBe('/m?host_error=auth.host_sign_on_failed');
    expect(sessionCookie(again)).toBeUndefined();
    expect(await lastAudit('auth.host_refused')).toMatchObject({ detail: { method: 'oidc', reason: 'state_unknown' } });
  });

  for (const fault of ['nonce', 'issuer', 'signature', 'audience'] as const) {
    it(`refuses an ID token with the wrong ${fault}, creating nothing`, async () => {
      idp.signInAs('zw-1001');
      idp.misbehave(fault);
      try {
        const before = await created();
        const res = await (await oidcSignOn('/m')).callback();
        expect(res.headers.location).toBe('/m?host_error=auth.host_sign_on_failed');
        expect(sessionCookie(res)).toBeUndefined();
        expect(await created()).toEqual(before);
      } finally {
        idp.misbehave(null);
      }
    });
  }

  it('sends an unmapped host user to the page that says to ask the administrator, creating nothing', async () => {
    idp.signInAs('zw-stranger');
    const before = await created();
    const res = await (await oidcSignOn('/m')).callback();
    expect(res.headers.location).toBe('/m?host_error=auth.host_unmapped&host_subject=zw-stranger');
    expect(await created()).toEqual(before);
  });
});

describe('a deployment that configures the host’s key instead of fetching it', () => {
  it('verifies host tokens with that key; a deployment without host mode has no host sign-on', async () => {
    const keyed = await createTestApp({ hostSignOn: hostConfig({ methods: ['token'], publicKey: idp.publicJwk, issuer: idp.issuer }) });
    const plain = await createTestApp();
    try {
      const user = await keyed.buildUser({ username: 'keyed', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
      const { request } = await keyed.as(['security_admin'], [FIXTURE.city]);
      await request({
        method: 'POST',
        url: '/api/access/host-accounts',
        payload: { issuer: idp.issuer, subject: 'zw-k', userId: user.id },
      });
      // The provider's clock is the first app's, moved on by its tests: this token is dated by this app's clock.
      const at = Math.floor(keyed.clock().getTime() / 1000);
      const token = await idp.hostToken('zw-k', { iat: at, nbf: at, exp: at + 300 });
      const ok = await keyed.app.inject({ method: 'POST', url: '/api/auth/host/token', payload: { token } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await keyed.app.inject({ method: 'GET', url: '/api/auth/host/authorize' })).statusCode).toBe(404);
      expect((await plain.app.inject({ method: 'GET', url: '/api/auth/host' })).json()).toEqual({ methods: [], issuer: null });
      const off = await plain.app.inject({ method: 'POST', url: '/api/auth/host/token', payload: { token: await idp.hostToken('zw-k') } });
      expect(off.statusCode).toBe(404);
    } finally {
      await keyed.close();
      await plain.close();
    }
  });
});
