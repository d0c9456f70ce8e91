import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { SESSION_CACHE_MS } from './session-cache.ts';

/** Decision 0032: the guard keeps a session's actor a few seconds; revocation through this server is immediate. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const report = (request: Request) => request({ method: 'GET', url: '/api/events/nearby?itemCode=CG06010&lng=113.01&lat=31.01' });
const worker = (username: string) => t.buildUser({ username, roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });

describe('revoked through this server: at once', () => {
  it('signing out ends the session for the very next request', async () => {
    await worker('cache1');
    const request = await t.signIn('cache1');
    expect((await report(request)).statusCode).toBe(200);
    expect((await request({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await report(request)).statusCode).toBe(401);
  });

  it('a role taken away and an account disabled apply to the next request', async () => {
    const user = await worker('cache2');
    const { request: admin } = await t.as(['security_admin'], [FIXTURE.city]);
    const request = await t.signIn('cache2');
    expect((await report(request)).statusCode).toBe(200);
    const changed = await admin({ method: 'PATCH', url: `/api/access/users/${user.id}`, payload: { roles: ['leader'] } });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await report(request)).statusCode).toBe(403);
    expect((await admin({ method: 'PATCH', url: `/api/access/users/${user.id}`, payload: { disabled: true } })).statusCode).toBe(200);
    expect((await report(request)).statusCode).toBe(401);
  });
});

describe('revoked by another server on the same database: within SESSION_CACHE_MS', () => {
  it('a session deleted behind this server’s back still serves until the entry is 5 s old, then not', async () => {
    await worker('cache3');
    const request = await t.signIn('cache3');
    expect((await report(request)).statusCode).toBe(200); // read and kept
    await t.db.execute(sql`delete from user_session where user_id = (select id from app_user where username = 'cache3')`);
    expect((await report(request)).statusCode).toBe(200);
    t.advance(SESSION_CACHE_MS);
    expect((await report(request)).statusCode).toBe(401);
  });
});
