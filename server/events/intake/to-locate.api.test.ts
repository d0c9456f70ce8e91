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

describe('the clock of a call waiting to be placed', () => {
  let t: TestApp;
  let county: Request;
  let village: Request;
  let worker: Request;
  beforeAll(async () => {
    t = await createTestApp(); // Monday 2026-11-02 09:00 in China; office hours 08:30–12:00 and 14:00–17:30
    county = (await t.as(['county_center'], [FIXTURE.county])).request;
    village = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
    worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  });
  afterAll(() => t.close());

  const waiting = async (by: Request) => ((await by({ method: 'GET', url: '/api/events/calls-to-locate' })).json() as Json).items as Json[];
  const callNotices = async (by: Request) =>
    (((await by({ method: 'GET', url: '/api/inbox?limit=100' })).json() as Json).items as Json[]).filter((n) => n.kind === 'call_overdue');
  const HOUR = 3_600_000;

  it('runs four working hours (half for an urgent call); past it the sweep tells the named village and the centre that took it, once', async () => {
    const normal = (await county({ method: 'POST', url: '/api/events/calls-to-locate', payload: call })).json() as Json;
    const urgentRes = await county({
      method: 'POST',
      url: '/api/events/calls-to-locate',
      payload: { ...call, address: '朝阳路 12 号后巷', urgency: 'urgent' },
    });
    expect(urgentRes.statusCode, urgentRes.body).toBe(201);
    const urgent = urgentRes.json() as Json;
    // 09:00 + 4 working hours: 3 before noon, 1 after 14:00; the urgent call gets half.
    expect(normal).toMatchObject({ dueAt: '2026-11-02T07:00:00.000Z', light: 'green' });
    expect(urgent).toMatchObject({ dueAt: '2026-11-02T03:00:00.000Z', light: 'green' });

    t.advance(1.5 * HOUR); // 10:30: the urgent call is near due, the other still in time
    const lights = Object.fromEntries((await waiting(worker)).map((c) => [c.id, c.light]));
    expect(lights).toEqual({ [normal.id]: 'green', [urgent.id]: 'yellow' });
    await t.services.sweep();
    expect(await callNotices(village)).toEqual([]);

    t.advance(HOUR); // 11:30: the urgent call is overdue
    expect((await waiting(worker)).find((c) => c.id === urgent.id)?.light).toBe('red');
    await t.services.sweep();
    await t.services.sweep(); // a second sweep tells nobody twice
    for (const told of [village, county]) {
      const notices = await callNotices(told);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({
        eventId: null,
        data: { callId: urgent.id, address: '朝阳路 12 号后巷', itemName: expect.any(String) },
      });
    }
    expect(await callNotices(worker)).toEqual([]); // the grid team sees it red in its list; the accounts of the village are told

    // Placed, it is a case on the loop's own clocks: its wait is over and the sweep says nothing more of it.
    const placed = await worker({ method: 'POST', url: `/api/events/calls-to-locate/${urgent.id}/place`, payload: IN_VILLAGE });
    expect(placed.statusCode, placed.body).toBe(201);
    t.advance(8 * HOUR);
    await t.services.sweep();
    // The other call is overdue by now: told once; the placed one not again.
    expect((await callNotices(village)).map((n) => n.data.callId).sort()).toEqual([normal.id, urgent.id].sort());
  });
});
