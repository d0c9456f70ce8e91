import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { recordAudit } from './audit.ts';
import { chainHash } from './audit-chain.core.ts';
import { verifyAuditChain } from './audit-verify.ts';
import { queryRows } from './db.ts';

/** The audit log below the API: append-only by trigger, each row chained to the previous by SM3. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const { request } = await t.as(['security_admin'], [FIXTURE.city]);
  await request({ method: 'POST', url: '/api/auth/logout' });
});
afterAll(() => t.close());

const lastRow = async () =>
  (
    await queryRows<{ id: string; hash: string; prev_hash: string }>(
      t.db,
      sql`select id, hash, prev_hash from audit_log order by id desc limit 1`,
    )
  )[0];

/** Drizzle wraps the database's error; the trigger's message is its cause. */
const refused = (op: string) => ({ cause: { message: `audit_log is append-only: ${op} refused` } });

describe('append-only below the API', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks, and the rows stay', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`);
    await expect(t.db.execute(sql`update audit_log set action = 'nothing.happened'`)).rejects.toMatchObject(refused('UPDATE'));
    await expect(t.db.execute(sql`delete from audit_log`)).rejects.toMatchObject(refused('DELETE'));
    await expect(t.db.execute(sql`truncate audit_log`)).rejects.toMatchObject(refused('TRUNCATE'));
    expect(await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log`)).toEqual(before);
  });
});

describe('the hash chain', () => {
  it('each row carries the previous row’s hash and its own, and the chain verifies', async () => {
    const rows = await queryRows<{ id: string; prev_hash: string; hash: string }>(
      t.db,
      sql`select id, prev_hash, hash from audit_log order by id`,
    );
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0].prev_hash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, rows: rows.length, lastId: Number(rows.at(-1)!.id) });
  });

  it('writers at once, each in its own transaction, still make one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.db.transaction((tx) => recordAudit(tx, { at: new Date(), actorId: null, action: 'test.concurrent', detail: { i } })),
      ),
    );
    expect(await verifyAuditChain(t.db, { batchRows: 7 })).toMatchObject({ ok: true });
  });

  it('an anchor written down holds; a wrong one is reported', async () => {
    const last = await lastRow();
    const anchor = { id: Number(last.id), hash: last.hash };
    expect(await verifyAuditChain(t.db, { anchor })).toMatchObject({ ok: true });
    expect(await verifyAuditChain(t.db, { anchor: { ...anchor, hash: '1'.repeat(64) } })).toMatchObject({
      ok: false,
      broken: { id: anchor.id, field: 'anchor', found: last.hash },
    });
  });

  it('a row rewritten behind the trigger’s back is found: exactly that row, the hash expected and the one found', async () => {
    const [victim] = await queryRows<{ id: string; hash: string }>(
      t.db,
      sql`select id, hash from audit_log where action = 'auth.login' order by id limit 1`,
    );
    await t.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await t.db.execute(sql`update audit_log set detail = '{"ip":"10.0.0.66"}'::jsonb where id = ${victim.id}`);
    await t.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    const [row] = await queryRows<{ prev_hash: string; at: Date; actor_id: string; action: string; target: string | null }>(
      t.db,
      sql`select prev_hash, at, actor_id, action, target from audit_log where id = ${victim.id}`,
    );
    const expected = chainHash(row.prev_hash, {
      id: Number(victim.id),
      at: new Date(row.at),
      actorId: row.actor_id,
      action: row.action,
      target: row.target,
      detail: { ip: '10.0.0.66' },
    });
    const result = await verifyAuditChain(t.db, { batchRows: 5 });
    expect(result).toEqual({
      ok: false,
      rows: expect.any(Number),
      broken: { id: Number(victim.id), field: 'hash', expected, found: victim.hash },
    });
  });
});

describe('a row slipped in', () => {
  it('an inserted row that does not follow the chain is reported at that row', async () => {
    const other = await createTestApp();
    try {
      await other.db.execute(
        sql`insert into audit_log (at, action, prev_hash, hash) values (now(), 'forged.entry', ${'2'.repeat(64)}, ${'3'.repeat(64)})`,
      );
      const [forged] = await queryRows<{ id: string }>(other.db, sql`select id from audit_log where action = 'forged.entry'`);
      const result = await verifyAuditChain(other.db);
      expect(result).toMatchObject({ ok: false, broken: { id: Number(forged.id), field: 'prev_hash', found: '2'.repeat(64) } });
    } finally {
      await other.close();
    }
  });
});
