import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe('exporting the audit log', () => {
  it('not signed in: 401; wrong role: the security and system admins may not export it', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/access/audit/export' })).statusCode).toBe(401);
    for (const role of ['security_admin', 'system_admin']) {
      const { request } = await t.as([role], [FIXTURE.city]);
      expect((await request({ method: 'GET', url: '/api/access/audit/export' })).statusCode).toBe(403);
    }
  });

  it('the audit admin exports CSV filtered by action, actor and time range, oldest first, with the hashes', async () => {
    const { user: worker } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    t.advance(60 * 60_000);
    const from = new Date(Date.parse('2026-11-02T09:00:00+08:00') + 30 * 60_000).toISOString();
    await t.signIn(worker.username);
    const { user, request } = await t.as(['audit_admin'], [FIXTURE.city]);
    const res = await request({ method: 'GET', url: `/api/access/audit/export?action=auth.login&actorId=${worker.id}&from=${from}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('audit-log.csv');
    const [header, ...rows] = lines(res.body);
    expect(header).toBe('序号,时间,操作人ID,操作人,操作,对象,详情,前一条哈希,哈希');
    expect(rows).toHaveLength(1); // the later sign-in only: the first was before `from`
    expect(rows[0]).toMatch(
      new RegExp(`^[0-9]+,2026-11-02T02:00:00.000Z,${worker.id},${worker.displayName},auth.login,.*,[0-9a-f]{64},[0-9a-f]{64}$`),
    );
    const [audited] = await queryRows<{ detail: Record<string, unknown> }>(
      t.db,
      sql`select detail from audit_log where action = 'audit.exported' and actor_id = ${user.id}`,
    );
    expect(audited.detail).toMatchObject({ action: 'auth.login', actorId: worker.id, from, to: null, rows: 1 });
  });

  it('speaks English when asked; a bad date is a 400 naming the field', async () => {
    const { request } = await t.as(['audit_admin'], [FIXTURE.city]);
    const en = await request({ method: 'GET', url: '/api/access/audit/export?action=auth.login', headers: { 'accept-language': 'en' } });
    expect(lines(en.body)[0]).toMatch(/^No\.,Time,/);
    const bad = await request({ method: 'GET', url: '/api/access/audit/export?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('querystring.from');
  });
});
