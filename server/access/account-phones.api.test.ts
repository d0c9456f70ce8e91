import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

/**
 * Accounts' phones are sealed, hashed and masked like every phone: the users list shows them masked, an
 * administrator reveals one with a reason (audited), and the phones kept in plain text before are sealed at start.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let admin: Request;
let userId: string;

type Stored = { phone: string | null; phone_enc: string | null; phone_hash: string | null; phone_masked: string | null };
const stored = async (id: string) =>
  (await queryRows<Stored>(t.db, sql`select phone, phone_enc, phone_hash, phone_masked from app_user where id = ${id}`))[0];
const audits = (action: string) =>
  queryRows<{ actor_id: string | null; target: string; detail: Record<string, unknown> }>(
    t.db,
    sql`select actor_id, target, detail from audit_log where action = ${action} order by id`,
  );

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.as(['security_admin'], [FIXTURE.city])).request;
  userId = (await t.buildUser({ roles: ['township_center'], areaCodes: [FIXTURE.townships[0]], phone: '13812345678' })).id;
});
afterAll(() => t.close());

describe('accounts’ phones', () => {
  it('not signed in, wrong role, unknown account: no reveal', async () => {
    const url = `/api/access/users/${userId}/reveal`;
    expect((await t.app.inject({ method: 'POST', url, payload: { reason: '核对号码' } })).statusCode).toBe(401);
    const worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
    expect((await worker({ method: 'POST', url, payload: { reason: '核对号码' } })).statusCode).toBe(403);
    const missing = await admin({
      method: 'POST',
      url: '/api/access/users/00000000-0000-4000-8000-000000000000/reveal',
      payload: { reason: '核对号码' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('user.not_found');
    expect(await audits('user.phone_revealed')).toHaveLength(0);
  });

  it('are kept sealed, hashed and masked, never in plain text, and listed masked', async () => {
    const row = await stored(userId);
    expect(row.phone).toBeNull();
    expect(row.phone_enc).toMatch(/^v1\./);
    expect(row.phone_enc).not.toContain('12345678');
    expect(row.phone_hash).not.toContain('12345678');
    expect(row.phone_masked).toBe('138****5678');
    const list = (await admin({ method: 'GET', url: '/api/access/users' })).json().items;
    expect(list.find((u: { id: string }) => u.id === userId).phone).toBe('138****5678');
    expect(JSON.stringify(list)).not.toContain('13812345678');
  });

  it('are revealed with a reason, audited; without one refused naming the reason, nothing written', async () => {
    const none = await admin({ method: 'POST', url: `/api/access/users/${userId}/reveal`, payload: {} });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'request.invalid', details: [{ field: 'body.reason' }] });
    expect(await audits('user.phone_revealed')).toHaveLength(0);
    const res = await admin({ method: 'POST', url: `/api/access/users/${userId}/reveal`, payload: { reason: '核对短信接收号码' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ value: '13812345678' });
    const [audit] = await audits('user.phone_revealed');
    expect(audit).toMatchObject({ target: userId, detail: { reason: '核对短信接收号码', phone: '138****5678' } });
  });

  it('a changed phone is sealed as it is stored, and the audit row shows it masked', async () => {
    const res = await admin({ method: 'PATCH', url: `/api/access/users/${userId}`, payload: { phone: '13987654321' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('139****4321');
    expect((await stored(userId)).phone_masked).toBe('139****4321');
    const updated = (await audits('user.updated')).filter((a) => a.target === userId).at(-1);
    expect(updated?.detail.phone).toBe('139****4321');
    expect(JSON.stringify(updated?.detail)).not.toContain('13987654321');
    const removed = await admin({ method: 'PATCH', url: `/api/access/users/${userId}`, payload: { phone: null } });
    expect(removed.json().phone).toBeNull();
    expect(await stored(userId)).toMatchObject({ phone_enc: null, phone_hash: null, phone_masked: null });
  });

  it('kept in plain text before the seal, are sealed at start and the plain column emptied, audited once', async () => {
    const old = (await t.buildUser({ roles: ['township_center'], areaCodes: [FIXTURE.townships[0]] })).id;
    await t.db.execute(sql`update app_user set phone = '+86 137 0000 1234', phone_enc = null where id = ${old}`);
    expect(await t.services.access.sealPlainPhones()).toBe(1);
    const row = await stored(old);
    expect(row.phone).toBeNull();
    expect(row.phone_masked).toBe('137****1234');
    const res = await admin({ method: 'POST', url: `/api/access/users/${old}/reveal`, payload: { reason: '核对迁移结果' } });
    expect(res.json()).toEqual({ value: '+86 137 0000 1234' });
    expect(await t.services.access.sealPlainPhones()).toBe(0);
    expect(await audits('user.phones_sealed')).toHaveLength(1);
  });
});
