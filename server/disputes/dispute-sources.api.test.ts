/**
 * A loop case turned into a dispute (collect once) and a dispute raising a loop event, through the API: a grid
 * worker's field report, a dispute item of the catalogue and a 12345 order read through the loop's front door; the
 * link both ways; the refusals naming sourceEventId.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let county: Request;
let worker: Request;
let farWorker: Request;
const [GRID] = FIXTURE.grids;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
let wang = '';

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [GRID])).request;
  farWorker = (await t.as(['grid_worker'], [FIXTURE.grids[4]])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['S-1', '朝阳路 9 号', GRID, '住宅', '否'],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      [makeIdNumber('420923', '1970-01-05', 351, 'male'), '王大成', '汉族', '户籍人口', 'S-1', '', '户主'],
    ]),
  );
  [{ id: wang }] = await queryRows<{ id: string }>(t.db, sql`select id from person`);
}, 60_000);
afterAll(() => t.close());

const report = async (request: Request, payload: Record<string, unknown>) => {
  const res = await request({ method: 'POST', url: '/api/events', payload: { lng: 113.01, lat: 31.01, photos: [], ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; caseNo: string; gridCode: string }>();
};
const source = (request: Request, id: string) => request({ method: 'GET', url: `/api/disputes/sources/${id}` });
const fromSource = (request: Request, sourceEventId: string, over: Record<string, unknown> = {}) =>
  request({
    method: 'POST',
    url: '/api/disputes',
    payload: {
      title: '宅基地纠纷',
      typeCode: '0902',
      occurredOn: '2026-11-01',
      place: '朝阳路 9 号',
      peopleInvolved: 2,
      riskLevel: 'low',
      summary: '相邻宅基地界址争执',
      parties: [{ kind: 'person', key: wang, claim: '要求确认界址' }],
      sourceEventId,
      ...over,
    },
  });
const details = (res: { json(): { details: { field: string; reason: string; value?: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const disputes = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from dispute`))[0].n;

describe('a loop case turned into a dispute', () => {
  it('not signed in: 401; out of jurisdiction: refused naming sourceEventId', async () => {
    const c = await report(worker, { itemCode: 'MD0902', description: '两户因宅基地界址争吵' });
    expect((await t.app.inject({ method: 'GET', url: `/api/disputes/sources/${c.id}` })).statusCode).toBe(401);
    const far = await source(farWorker, c.id);
    expect([far.statusCode, far.json().code, ...details(far)]).toEqual([422, 'dispute.source_not_found', 'sourceEventId:not_found']);
    expect((await fromSource(farWorker, c.id)).json().code).toBe('dispute.source_not_found');
  });

  it('a dispute item: the form is filled from the case; grid and point are kept; once per case; linked both ways', async () => {
    const c = await report(worker, { itemCode: 'MD0902', description: '两户因宅基地界址争吵' });
    const s = (await source(worker, c.id)).json();
    expect(s).toMatchObject({ eventId: c.id, caseNo: c.caseNo, sourceKind: 'event', typeCode: '0902', gridCode: GRID, gridName: '网格1' });
    expect(s).toMatchObject({ summary: '两户因宅基地界址争吵', disputeId: null, lng: 113.01, lat: 31.01 });
    const moved = await fromSource(worker, c.id, { gridCode: FIXTURE.grids[1] });
    expect([moved.statusCode, ...details(moved)]).toEqual([400, 'gridCode:differs_from_source']);
    const d = (await fromSource(worker, c.id)).json();
    expect(d).toMatchObject({ gridCode: GRID, lng: 113.01, lat: 31.01, sourceKind: 'event', sourceCaseNo: c.caseNo, sourceEventId: c.id });
    expect(d.history[0].after).toMatchObject({ step: 'recorded', sourceEventId: c.id, caseNo: c.caseNo });
    // The case's drawer lists the disputes linked to it.
    const linked = (await worker({ method: 'GET', url: `/api/disputes?eventId=${c.id}` })).json();
    expect(linked.items.map((i: { id: string }) => i.id)).toEqual([d.id]);
    expect((await source(worker, c.id)).json().disputeId).toBe(d.id);
    const before = await disputes();
    const again = await fromSource(worker, c.id);
    expect([again.statusCode, again.json().code, ...details(again)]).toEqual([
      409,
      'dispute.source_taken',
      'sourceEventId:already_a_dispute',
    ]);
    expect(again.json().details[0].value).toBe(d.id);
    expect(await disputes()).toBe(before);
  });

  it('a grid worker’s field report and a 12345 order can be turned; a case of another kind cannot', async () => {
    const field = await report(worker, { itemCode: 'CG06010', description: '邻居堆放杂物堵路引发争吵' });
    expect((await source(worker, field.id)).json()).toMatchObject({ sourceKind: 'field', typeCode: null });
    const hotline = await report(county, {
      itemCode: 'CG06010',
      description: '来电反映邻里因堆物争吵',
      source: 'hotline',
      externalNo: '12345-2026-0001',
      reporterName: '李女士',
      reporterPhone: '13900001111',
    });
    const h = (await source(county, hotline.id)).json();
    expect(h).toMatchObject({ sourceKind: 'hotline', externalNo: '12345-2026-0001', reporterName: '李女士', reporterPhone: '139****1111' });
    const made = (await fromSource(county, hotline.id, { typeCode: '0299' })).json();
    expect(made).toMatchObject({ sourceKind: 'hotline', tier: 'county', gridCode: hotline.gridCode });
    const dept = await report(county, { itemCode: 'CG06010', description: '路口垃圾', source: 'department' });
    const refused = await source(county, dept.id);
    expect([refused.statusCode, refused.json().code, ...details(refused)]).toEqual([
      422,
      'dispute.source_not_eligible',
      'sourceEventId:source_department',
    ]);
    const before = await disputes();
    expect((await fromSource(county, dept.id)).statusCode).toBe(422);
    expect(await disputes()).toBe(before);
  });
});

describe('a dispute raising an event for a department', () => {
  it('raises one loop event at the dispute’s point, linked both ways; a second is refused', async () => {
    const d = (
      await worker({
        method: 'POST',
        url: '/api/disputes',
        payload: {
          title: '排水沟纠纷',
          typeCode: '0201',
          occurredOn: '2026-11-01',
          place: '朝阳路 9 号',
          gridCode: GRID,
          lng: 113.012,
          lat: 31.012,
          peopleInvolved: 2,
          riskLevel: 'low',
          summary: '排水沟被堵',
          parties: [{ kind: 'person', key: wang, claim: '要求疏通' }],
        },
      })
    ).json();
    expect(d.abilities).toContain('event');
    const raised = await worker({
      method: 'POST',
      url: `/api/disputes/${d.id}/event`,
      payload: { version: d.version, itemCode: 'CG06010', description: '需城管清理排水沟杂物' },
    });
    expect(raised.statusCode, raised.body).toBe(200);
    const after = raised.json();
    expect(after.eventId).toBeTruthy();
    expect(after.abilities).not.toContain('event');
    const event = (await worker({ method: 'GET', url: `/api/events/${after.eventId}` })).json();
    expect(event).toMatchObject({ itemCode: 'CG06010', description: '需城管清理排水沟杂物', lng: 113.012, lat: 31.012 });
    expect(
      (await worker({ method: 'GET', url: `/api/disputes?eventId=${after.eventId}` })).json().items.map((i: { id: string }) => i.id),
    ).toEqual([d.id]);
    const twice = await worker({
      method: 'POST',
      url: `/api/disputes/${d.id}/event`,
      payload: { version: after.version, itemCode: 'CG06010', description: '再报一次' },
    });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'dispute.event_raised']);
  });
});
