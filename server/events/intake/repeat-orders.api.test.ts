import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;

let t: TestApp;
let township: Request;
const workers: Request[] = [];
let ids: { three: string; two: string; merged: string };
beforeAll(async () => {
  t = await createTestApp(); // 2026-11-02 09:00 China time
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  for (let i = 0; i < 4; i++) workers.push((await t.as(['grid_worker'], [FIXTURE.grids[0]])).request);
  const report = async (who: Request, extra: Record<string, unknown> = {}) => {
    const res = await who({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [], ...extra },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  // Three people about one spot: a repeat order. Two about another: not yet.
  const three = await report(workers[0]);
  await report(workers[1], { sameAs: three.id });
  await report(workers[2], { sameAs: three.id });
  const two = await report(workers[0], { lng: 113.03, lat: 31.03 });
  await report(workers[1], { lng: 113.03, lat: 31.03, sameAs: two.id });
  // A master with one report and a duplicate with two merged into it: three in the master, none in the duplicate.
  const master = await report(workers[0], { lng: 113.04, lat: 31.04 });
  const duplicate = await report(workers[1], { lng: 113.0401, lat: 31.0401 });
  await report(workers[2], { lng: 113.0401, lat: 31.0401, sameAs: duplicate.id });
  const merged = await township({
    method: 'POST',
    url: `/api/events/${duplicate.id}/actions`,
    payload: { action: 'merge', version: duplicate.version, masterId: master.id },
  });
  expect(merged.statusCode, merged.body).toBe(200);
  ids = { three: three.id, two: two.id, merged: master.id };
});
afterAll(() => t.close());

const list = (request: Request, query = '') => request({ method: 'GET', url: `/api/events/repeat-orders${query}` });

describe('the repeat-order list (重复工单)', () => {
  it('not signed in: 401; wrong role: 403; out of jurisdiction: an empty list', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/events/repeat-orders' })).statusCode).toBe(401);
    const { request: auditor } = await t.as(['audit_admin'], [FIXTURE.county]);
    expect((await list(auditor)).statusCode).toBe(403);
    expect((await auditor({ method: 'GET', url: '/api/events/repeat-orders/export' })).statusCode).toBe(403);
    const { request: elsewhere } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await list(elsewhere)).json().items).toEqual([]);
  });

  it('lists cases reported three times or more in the two weeks to today, with names, most reports first', async () => {
    const res = await list(township);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-10-20', to: '2026-11-02' });
    expect(body.items.map((r: { id: string }) => r.id).sort()).toEqual([ids.three, ids.merged].sort());
    const three = body.items.find((r: { id: string }) => r.id === ids.three);
    expect(three).toMatchObject({ reportsInPeriod: 3, reports: 3, itemName: expect.not.stringMatching(/^CG/), townshipName: '城关镇' });
    expect(three.gridName).not.toBe(three.gridCode);
    expect(body.items.find((r: { id: string }) => r.id === ids.merged)).toMatchObject({ reportsInPeriod: 3 });
  });

  it('counts only the reports inside the period: a fortnight later the same cases are not listed', async () => {
    expect((await list(township, '?from=2026-11-03&to=2026-11-16')).json().items).toEqual([]);
    expect((await list(township, '?from=2026-11-02')).json()).toMatchObject({ from: '2026-11-02', to: '2026-11-15' });
  });

  it('a bad period is a 400 naming the field, never a 500', async () => {
    for (const [query, field] of [
      ['?from=2026-11-10&to=2026-11-01', 'to'],
      ['?from=2026-10-01&to=2026-11-30', 'to'],
      ['?from=2026-02-30', 'querystring.from'],
      ['?from=yesterday', 'querystring.from'],
    ]) {
      const res = await list(township, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details[0].field, query).toBe(field);
    }
  });

  it('exports the same list as .xlsx with Chinese headers and names, and audits it', async () => {
    const res = await township({ method: 'GET', url: '/api/events/repeat-orders/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const rows = book.worksheets[0]
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      '案件编号',
      '事项',
      '乡镇（街道）',
      '网格',
      '期内反映次数',
      '累计反映次数',
      '情况描述',
      '首次上报时间',
      '最近反映时间',
      '状态',
      '结案时间',
    ]);
    const data = rows.slice(1, 3);
    expect(data.map((r) => r[4])).toEqual([3, 3]);
    expect(data.every((r) => r[2] === '城关镇' && r[9] === '待受理')).toBe(true);
    const [audit] = await queryRows<{ detail: { rows: number } }>(
      t.db,
      sql`select detail from audit_log where action = 'events.repeat_orders_exported'`,
    );
    expect(audit.detail.rows).toBe(2);
  });
});
