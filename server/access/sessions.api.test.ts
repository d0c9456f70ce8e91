import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.ts';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';

/** Issue 12, item 3: sessions end when idle (30 min) and at their absolute limit (12 h); users see and end their own. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ session: loadConfig({}).session }); // the limits a server has by default
});
afterAll(() => t.close());

const MINUTE = 60_000;
const worker = (username: string) => t.buildUser({ username, roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
const me = (request: Awaited<ReturnType<TestApp['signIn']>>) => request({ method: 'GET', url: '/api/auth/me' });

describe('not signed in', () => {
  it('listing and ending sessions need a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/sessions' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/sessions/end-others' })).statusCode).toBe(401);
  });
});

describe('idle and absolute limits', () => {
  it('a session unused for 30 minutes ends; one used every 20 minutes lives on', async () => {
    await worker('idle1');
    const idle = await t.signIn('idle1');
    const busy = await t.signIn('idle1');
    t.advance(20 * MINUTE);
    expect((await me(busy)).statusCode).toBe(200);
    t.advance(11 * MINUTE);
    expect((await me(idle)).statusCode).toBe(401);
    expect((await me(busy)).statusCode).toBe(200);
  });

  it('a session ends 12 hours after sign-in however busy it is', async () => {
    await worker('absolute1');
    const request = await t.signIn('absolute1');
    for (let h = 0; h < 12 * 3; h++) {
      t.advance(20 * MINUTE - 1);
      expect((await me(request)).statusCode, `after ${h * 20} minutes`).toBe(200);
    }
    t.advance(36);
    expect((await me(request)).statusCode).toBe(401);
  });

  it('last seen is written at most once a minute, not on every request', async () => {
    const user = await worker('touch1');
    const request = await t.signIn('touch1');
    const lastSeen = async () =>
      new Date((await queryRows<{ at: string }>(t.db, sql`select last_seen_at as at from user_session where user_id = ${user.id}`))[0].at);
    const first = await lastSeen();
    t.advance(30_000);
    await me(request);
    expect((await lastSeen()).getTime()).toBe(first.getTime());
    t.advance(31_000);
    await me(request);
    expect((await lastSeen()).getTime()).toBe(first.getTime() + 61_000);
  });
});

describe('my sessions', () => {
  it('lists my live sessions with address and browser, this one marked, and none of anyone else', async () => {
    await worker('list1');
    await worker('list2');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'list1', password: TEST_PASSWORD },
      remoteAddress: '10.1.2.3',
      headers: { 'user-agent': 'Phone/1.0' },
    });
    await t.signIn('list2');
    const request = await t.signIn('list1');
    const res = await request({ method: 'GET', url: '/api/auth/sessions' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; ip: string; userAgent: string; current: boolean; createdAt: string }[];
    expect(items).toHaveLength(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.find((s) => !s.current)).toMatchObject({ ip: '10.1.2.3', userAgent: 'Phone/1.0' });
    expect(JSON.stringify(items)).not.toMatch(/token/i);
  });

  it('ends another session, refuses this one, someone else’s and a bad id, and ends all others', async () => {
    await worker('end1');
    await worker('end2');
    const other = await t.signIn('end1');
    const third = await t.signIn('end1');
    const stranger = await t.signIn('end2');
    const request = await t.signIn('end1');
    const list = async (r: typeof request) =>
      (await r({ method: 'GET', url: '/api/auth/sessions' })).json().items as { id: string; current: boolean }[];
    const mine = await list(request);
    const current = mine.find((s) => s.current)!;
    const strangers = (await list(stranger))[0];

    expect((await request({ method: 'DELETE', url: `/api/auth/sessions/${current.id}` })).json().code).toBe('session.not_found');
    expect((await request({ method: 'DELETE', url: `/api/auth/sessions/${strangers.id}` })).statusCode).toBe(404);
    const bad = await request({ method: 'DELETE', url: '/api/auth/sessions/not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('id');
    expect((await me(stranger)).statusCode).toBe(200);

    const [firstOther] = mine.filter((s) => !s.current);
    expect((await request({ method: 'DELETE', url: `/api/auth/sessions/${firstOther.id}` })).statusCode).toBe(204);
    expect((await list(request)).length).toBe(2);

    const ended = await request({ method: 'POST', url: '/api/auth/sessions/end-others' });
    expect(ended.json()).toEqual({ ended: 1 });
    expect((await me(other)).statusCode).toBe(401);
    expect((await me(third)).statusCode).toBe(401);
    expect((await me(request)).statusCode).toBe(200);
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where action in ('auth.session_ended', 'auth.other_sessions_ended') order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['auth.session_ended', 'auth.other_sessions_ended']);
  });
});
