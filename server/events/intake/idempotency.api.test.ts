import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;

let t: TestApp;
let worker: Request;
beforeAll(async () => {
  t = await createTestApp();
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
});
afterAll(() => t.close());

const REPORT = { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [] };
const casesWithKey = async (key: string) =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event where idempotency_key = ${key}`))[0].n;
const many = <T>(n: number, send: (i: number) => Promise<T>) => Promise.all(Array.from({ length: n }, (_, i) => send(i)));

describe('retries never duplicate, never fail', () => {
  it('20 concurrent staff reports with one key make one case, and every one of them is answered with it', async () => {
    const key = 'staff-retry-0001';
    const replies = await many(20, () => worker({ method: 'POST', url: '/api/events', payload: { ...REPORT, idempotencyKey: key } }));
    expect(replies.map((r) => r.statusCode).filter((s) => s >= 300)).toEqual([]);
    expect(new Set(replies.map((r) => r.json().id)).size).toBe(1);
    expect(await casesWithKey(key)).toBe(1);
  });

  it('20 concurrent citizen reports with one key make one case, each answered with its tracking code', async () => {
    const key = 'citizen-retry-0001';
    const replies = await many(20, () =>
      t.app.inject({ method: 'POST', url: '/api/public/reports', remoteAddress: '10.9.9.9', payload: { ...REPORT, idempotencyKey: key } }),
    );
    expect(replies.map((r) => r.statusCode).filter((s) => s >= 300)).toEqual([]);
    expect(new Set(replies.map((r) => r.json().trackingCode)).size).toBe(1);
    expect(await casesWithKey(key)).toBe(1);
  });

  it('the same key from two workers is two reports: a key is its reporter’s own', async () => {
    const other = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
    const key = 'two-workers-0001';
    await worker({ method: 'POST', url: '/api/events', payload: { ...REPORT, idempotencyKey: key } });
    await other({ method: 'POST', url: '/api/events', payload: { ...REPORT, idempotencyKey: key } });
    expect(await casesWithKey(key)).toBe(2);
  });

  it('a malformed key is refused naming the field, and nothing is filed', async () => {
    const before = (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`))[0].n;
    const res = await worker({ method: 'POST', url: '/api/events', payload: { ...REPORT, idempotencyKey: 'has a space in it' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'body.idempotencyKey', reason: 'pattern' })]);
    expect((await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`))[0].n).toBe(before);
  });
});
