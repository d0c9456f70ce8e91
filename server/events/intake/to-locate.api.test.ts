import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, any>;

/** Inside the first village (its west grid) and inside the second village of 城关镇. */
const IN_VILLAGE = { lng: 113.02, lat: 31.1 };
const NEXT_VILLAGE = { lng: 113.15, lat: 31.1 };

const call = {
  itemCode: 'CG06010',
  description: '来电反映菜市场后门垃圾堆了三天',
  address: '朝阳路菜市场后门',
  areaCode: FIXTURE.villages[0],
  reporterName: '李先生',
  reporterPhone: '13800138000',
  externalNo: '12345-20261202-0042',
};

describe('a hotline call with only an address (待定位)', () => {
  let t: TestApp;
  let county: Request;
  let worker: Request;
  let neighbour: Request;
  beforeAll(async () => {
    t = await createTestApp();
    county = (await t.as(['county_center'], [FIXTURE.county])).request;
    worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
    neighbour = (await t.as(['grid_worker'], [FIXTURE.grids[2]])).request;
  });
  afterAll(() => t.close());

  const receive = (by: Request, payload: Json) => by({ method: 'POST', url: '/api/events/calls-to-locate', payload });
  const waiting = async (by: Request) => ((await by({ method: 'GET', url: '/api/events/calls-to-locate' })).json() as Json).items as Json[];
  const toLocate = async (by: Request) => ((await by({ method: 'GET', url: '/api/inbox/counts' })).json() as Json).toLocate;
  const place = (by: Request, id: string, point: { lng: number; lat: number }) =>
    by({ method: 'POST', url: `/api/events/calls-to-locate/${id}/place`, payload: point });

  it('is taken by a centre without a point, waits for the named village’s grid team, and is filed where they place it', async () => {
    const res = await receive(county, { ...call, idempotencyKey: 'call-0042-first' });
    expect(res.statusCode, res.body).toBe(201);
    const taken = res.json() as Json;
    expect(taken).toMatchObject({ status: 'waiting', areaName: '村1', source: 'hotline', reporterPhone: '138****8000', caseNo: null });
    const again = await receive(county, { ...call, idempotencyKey: 'call-0042-first' });
    expect(again.json().id).toBe(taken.id);

    // The worker of a grid in that village has it to do; the next village does not see it; the county sees it, not as its work.
    expect((await waiting(worker)).map((c) => c.id)).toContain(taken.id);
    expect(await toLocate(worker)).toBe(1);
    expect((await waiting(neighbour)).map((c) => c.id)).not.toContain(taken.id);
    expect(await toLocate(neighbour)).toBe(0);
    expect((await waiting(county)).map((c) => c.id)).toContain(taken.id);
    expect(await toLocate(county)).toBe(0);

    const outside = await place(worker, taken.id, NEXT_VILLAGE);
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'event.outside_grids', details: [{ field: 'lng', reason: 'outside_named_area' }] });

    const placed = await place(worker, taken.id, IN_VILLAGE);
    expect(placed.statusCode, placed.body).toBe(201);
    const filed = placed.json() as Json;
    expect(filed).toMatchObject({ source: 'hotline', gridCode: FIXTURE.grids[0], externalNo: call.externalNo, reporterName: '李先生' });
    expect(filed.reporterPhone).toBe('138****8000');
    expect(await waiting(worker)).toEqual([]);
    expect(await toLocate(worker)).toBe(0);
    const twice = await place(worker, taken.id, IN_VILLAGE);
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'event.call_placed' });
  });

  it('placed by several at once, files one case', async () => {
    const taken = (await receive(county, call)).json() as Json;
    const tries = await Promise.all(Array.from({ length: 5 }, () => place(worker, taken.id, IN_VILLAGE)));
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const cases = (await county({ method: 'GET', url: `/api/events?limit=200` })).json() as Json;
    expect(
      cases.items.filter((e: Json) => e.externalNo === call.externalNo && e.id === tries.find((r) => r.statusCode === 201)?.json().id),
    ).toHaveLength(1);
  });

  it('refuses a call from a non-centre, an area that is not a village or township, and one outside the jurisdiction', async () => {
    const byWorker = await receive(worker, call);
    expect(byWorker.statusCode).toBe(403);
    const grid = await receive(county, { ...call, areaCode: FIXTURE.grids[0] });
    expect(grid.statusCode).toBe(400);
    const unknown = await receive(county, { ...call, areaCode: '420923100009' });
    expect(unknown.json()).toMatchObject({
      code: 'event.target_invalid',
      details: [{ field: 'areaCode', reason: 'not_village_or_township' }],
    });
    const township = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
    const elsewhere = await receive(township, call);
    expect(elsewhere.json()).toMatchObject({
      code: 'event.target_invalid',
      details: [{ field: 'areaCode', reason: 'outside_jurisdiction' }],
    });
    const noAddress = await receive(county, { ...call, address: '' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().details[0].field).toBe('body.address');
  });
});
