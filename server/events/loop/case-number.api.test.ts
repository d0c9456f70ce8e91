import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;

let t: TestApp;
let worker: Request;
beforeAll(async () => {
  t = await createTestApp(); // the clock starts at 2026-11-02 09:00 China time
  await t.buildUser({ username: 'worker', roles: ['grid_worker'], areaCodes: [FIXTURE.grids[0]] });
  worker = await t.signIn('worker');
});
afterAll(() => t.close());

const report = async () => {
  const res = await worker({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ caseNo: string }>().caseNo;
};

describe('case numbers', () => {
  it('count up within a county and day: 0001, 0002, 0003', async () => {
    expect([await report(), await report(), await report()]).toEqual(['202611020001', '202611020002', '202611020003']);
  });

  it('never repeat when a county reports at once: 20 concurrent reports get 20 distinct numbers of the day, after the ones before', async () => {
    const numbers = await Promise.all(Array.from({ length: 20 }, () => report()));
    expect(new Set(numbers).size).toBe(20);
    const serials = numbers.map((n) => Number(n.slice(8))).sort((a, b) => a - b);
    for (const n of numbers) expect(n).toMatch(/^20261102\d{4}$/);
    // After the three above; gaps are allowed (a failed report keeps its number), duplicates never.
    expect(serials[0]).toBeGreaterThan(3);
  });

  it('are dated by the China day: a report at 07:00 China time (23:00 UTC the day before) starts the new day at 0001', async () => {
    t.advance(22 * 3_600_000); // 2026-11-03 07:00 China time
    worker = await t.signIn('worker'); // a new morning, a new session
    expect([await report(), await report()]).toEqual(['202611030001', '202611030002']);
  });
});
