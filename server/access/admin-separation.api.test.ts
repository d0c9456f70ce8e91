import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing/harness.ts';

/** 三员分立: each finding of issue 12 first, as the security admin tried it, then the second approval. */
let t: TestApp;
type Request = Awaited<ReturnType<TestApp['signIn']>>;
let security: Request;
let system: Request;
let auditor: Request;
let securityId: string;
let auditorId: string;
beforeAll(async () => {
  t = await createTestApp();
  const s = await t.as(['security_admin'], [FIXTURE.city]);
  const a = await t.as(['audit_admin'], [FIXTURE.city]);
  security = s.request;
  securityId = s.user.id;
  auditor = a.request;
  auditorId = a.user.id;
  system = (await t.as(['system_admin'], [FIXTURE.city])).request;
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const auditActions = async (target: string) =>
  (await queryRows<{ action: string }>(t.db, sql`select action from audit_log where target = ${target} order by id`)).map((r) => r.action);

describe('the findings of issue 12', () => {
  it('an account holding several administrator roles, or one beside a data role, is refused naming the roles, and nothing is created', async () => {
    const res = await security({
      method: 'POST',
      url: '/api/access/users',
      payload: {
        username: 'everything',
        displayName: 'x',
        password: 'Abcdefg123',
        roles: ['system_admin', 'security_admin', 'audit_admin', 'county_center'],
        areaCodes: [FIXTURE.county],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toContainEqual(
      expect.objectContaining({
        field: 'body.roles',
        reason: 'user.roles_conflict',
        value: 'system_admin, security_admin, audit_admin, county_center',
      }),
    );
    expect(res.json().details[0].message).toContain('county_center');
    const mixed = await security({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'mixed', displayName: 'x', password: 'Abcdefg123', roles: ['audit_admin', 'grid_worker'], areaCodes: [] },
    });
    expect(mixed.statusCode).toBe(400);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from app_user where username in ('everything', 'mixed')`,
    );
    expect(n).toBe(0);
  });

  it('the security admin cannot grant itself audit admin, nor change its own roles at all', async () => {
    for (const roles of [['security_admin', 'audit_admin'], ['audit_admin']]) {
      const res = await security({ method: 'PATCH', url: `/api/access/users/${securityId}`, payload: { roles } });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    const own = await security({ method: 'PATCH', url: `/api/access/users/${securityId}`, payload: { roles: ['audit_admin'] } });
    expect(own.json().code).toBe('user.own_account');
    const [row] = await queryRows<{ roles: string[] }>(t.db, sql`select roles from app_user where id = ${securityId}`);
    expect(row.roles).toEqual(['security_admin']);
  });

  it("resetting the auditor's password does not apply: the old one still signs in, the new one does not", async () => {
    const auditorName = (await t.services.access.getUser(auditorId)).username;
    const res = await security({ method: 'PATCH', url: `/api/access/users/${auditorId}`, payload: { password: 'Taken0ver2026' } });
    expect(res.statusCode).toBe(202);
    expect(res.json().pendingChange).toEqual(expect.any(String));
    expect((await login(auditorName, 'Taken0ver2026')).statusCode).toBe(401);
    expect((await login(auditorName, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await auditActions(auditorId)).toContain('admin_change.requested');
  });

  it('disabling the auditor does not apply either (and a second change waits for the first)', async () => {
    const res = await security({ method: 'PATCH', url: `/api/access/users/${auditorId}`, payload: { disabled: true } });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('admin_change.pending_exists');
    expect((await auditor({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
  });
});

describe('second approval', () => {
  it('not signed in: 401; wrong role: a data role may not see the changes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/access/admin-changes' })).statusCode).toBe(401);
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    expect((await request({ method: 'GET', url: '/api/access/admin-changes' })).statusCode).toBe(403);
  });

  it('the requester cannot approve its own request; the account owner cannot approve a change to itself', async () => {
    const [change] = (await security({ method: 'GET', url: '/api/access/admin-changes?status=pending' })).json().items;
    expect(change).toMatchObject({
      targetUserId: auditorId,
      kind: 'update',
      changes: { passwordReset: true },
      abilities: { decide: false },
    });
    expect(change.changes).not.toHaveProperty('passwordHash');
    const own = await security({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: {} });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('admin_change.own_request');
    const self = await auditor({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: {} });
    expect(self.json().code).toBe('user.own_account');
  });

  it('a second security admin holds the same role as the requester: refused, naming the roles that may approve', async () => {
    const { request: second } = await t.as(['security_admin'], [FIXTURE.city]);
    const [change] = (await second({ method: 'GET', url: '/api/access/admin-changes?status=pending' })).json().items;
    const res = await second({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'admin_change.same_role', details: [{ value: 'system_admin, audit_admin' }] });
  });

  it('the system admin approves: the password applies, the auditor signs in with it, and it is audited; deciding again is refused', async () => {
    const auditorName = (await t.services.access.getUser(auditorId)).username;
    const [change] = (await system({ method: 'GET', url: '/api/access/admin-changes?status=pending' })).json().items;
    expect(change.abilities.decide).toBe(true);
    const res = await system({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: { reason: '本人申请' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', reason: '本人申请' });
    expect((await auditor({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401); // a reset ends the sessions
    auditor = await t.signIn(auditorName, 'Taken0ver2026');
    // someone else chose it, so the auditor must change it before doing anything else (password-gate.api.test.ts)
    const changed = await auditor({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'Taken0ver2026', newPassword: 'OwnChoice2026' },
    });
    expect(changed.statusCode).toBe(204);
    expect(await auditActions(auditorId)).toEqual(expect.arrayContaining(['admin_change.requested', 'admin_change.approved']));
    const again = await system({ method: 'POST', url: `/api/access/admin-changes/${change.id}/reject`, payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('a new administrator account starts disabled and a rejection leaves it so', async () => {
    const res = await security({
      method: 'POST',
      url: '/api/access/users',
      payload: { username: 'auditor2', displayName: '审计员二', password: 'Abcdefg123', roles: ['audit_admin'], areaCodes: [] },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ disabled: true, pendingChange: expect.any(String) });
    expect((await login('auditor2', 'Abcdefg123')).statusCode).toBe(401);
    const rejected = await auditor({ method: 'POST', url: `/api/access/admin-changes/${res.json().pendingChange}/reject`, payload: {} });
    expect(rejected.json()).toMatchObject({ status: 'rejected', kind: 'create' });
    expect((await login('auditor2', 'Abcdefg123')).statusCode).toBe(401);
  });

  it('granting an administrator role to a data account waits too; changes to a data account apply at once', async () => {
    const worker = await t.buildUser({ roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
    const grant = await security({ method: 'PATCH', url: `/api/access/users/${worker.id}`, payload: { roles: ['system_admin'] } });
    expect(grant.statusCode).toBe(202);
    expect(grant.json().roles).toEqual(['grid_worker']);
    const rename = await security({ method: 'PATCH', url: `/api/access/users/${worker.id}`, payload: { displayName: '新名字' } });
    expect(rename.statusCode).toBe(200);
    expect(rename.json().displayName).toBe('新名字');
    const [change] = (await system({ method: 'GET', url: '/api/access/admin-changes?status=pending' })).json().items;
    const approved = await auditor({ method: 'POST', url: `/api/access/admin-changes/${change.id}/approve`, payload: {} });
    expect(approved.statusCode).toBe(200);
    expect((await t.services.access.getUser(worker.id)).roles).toEqual(['system_admin']);
  });

  it('two changes asked for the same account at once: one waits, the other is refused with 409, never a 500', async () => {
    const admin = await t.buildUser({ roles: ['system_admin'], areaCodes: [FIXTURE.city] });
    const [a, b] = await Promise.all(
      [true, false].map((disabled) => security({ method: 'PATCH', url: `/api/access/users/${admin.id}`, payload: { disabled } })),
    );
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from admin_change where target_user_id = ${admin.id} and status = 'pending'`,
    );
    expect(n).toBe(1);
  });

  it('the list turns pages newest first, counting over all pages with the same filter', async () => {
    const page = async (query: string) => (await system({ method: 'GET', url: `/api/access/admin-changes${query}` })).json();
    const all = await page('');
    const pending = await page('?status=pending');
    expect(all.total).toBe(all.items.length);
    expect(pending.total).toBe(pending.items.length);
    expect(all.total).toBeGreaterThan(pending.total);
    const [first, second] = [await page('?limit=1'), await page('?offset=1&limit=1')];
    expect([first.total, second.total]).toEqual([all.total, all.total]);
    expect([...first.items, ...second.items].map((c: { id: string }) => c.id)).toEqual(
      all.items.slice(0, 2).map((c: { id: string }) => c.id),
    );
    expect((await page('?status=approved&limit=1')).total).toBe(
      all.items.filter((c: { status: string }) => c.status === 'approved').length,
    );
  });
});
