import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;

/** In 义堂镇 (township 101), grid 6: outside a 城关镇 worker's area. */
const ELSEWHERE = { lng: 113.26, lat: 31.1 };

const report = (request: Request, extra: Record<string, unknown> = {}) =>
  request({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [], ...extra },
  });
const citizenReport = (t: TestApp, point: { lng: number; lat: number }) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    remoteAddress: '10.9.9.9',
    payload: { itemCode: 'CG06010', ...point, description: '小区门口垃圾没人清' },
  });

describe('a report made outside the reporter’s own area', () => {
  let t: TestApp;
  let worker: Request;
  let theirCentre: Request;
  let ownCentre: Request;
  beforeAll(async () => {
    t = await createTestApp();
    worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
    ownCentre = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
    theirCentre = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  });
  afterAll(() => t.close());

  it('locating the point names the grid it is in, and says it is outside the caller’s area', async () => {
    const res = await worker({ method: 'GET', url: `/api/territory/locate?lng=${ELSEWHERE.lng}&lat=${ELSEWHERE.lat}` });
    expect(res.json()).toMatchObject({
      found: false,
      reason: 'outside_jurisdiction',
      grid: { code: FIXTURE.grids[5], name: '网格6' },
      township: { code: FIXTURE.townships[1], name: '义堂镇' },
    });
  });

  it('is filed to the grid it fell in and owned by that grid’s centre, which may accept it; the reporter still follows it', async () => {
    const res = await report(worker, ELSEWHERE);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      gridCode: FIXTURE.grids[5],
      ownerCode: FIXTURE.townships[1],
      filedIn: {
        grid: { code: FIXTURE.grids[5], name: '网格6' },
        owner: { code: FIXTURE.townships[1], name: '义堂镇' },
        outsideOwnArea: true,
      },
    });
    const mine = await worker({ method: 'GET', url: `/api/events/${created.id}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().abilities).not.toContain('accept');
    expect((await theirCentre({ method: 'GET', url: `/api/events/${created.id}` })).json().abilities).toContain('accept');
    // The reporter's own centre has no say in another township's case.
    expect((await ownCentre({ method: 'GET', url: `/api/events/${created.id}` })).statusCode).toBe(404);
  });

  it('a report in one’s own area says so; outside every grid is still refused, naming the field and rule', async () => {
    expect((await report(worker)).json().filedIn).toMatchObject({ outsideOwnArea: false, owner: { name: '城关镇' } });
    const nowhere = await report(worker, { lng: 100, lat: 20 });
    expect(nowhere.statusCode).toBe(422);
    expect(nowhere.json()).toMatchObject({ code: 'event.outside_grids', details: [{ field: 'lng', reason: 'outside_all_grids' }] });
  });
});

describe('a case no account below can take', () => {
  let t: TestApp;
  let county: Request;
  beforeAll(async () => {
    t = await createTestApp();
    // Only 城关镇 and the county have a centre: nobody could accept in 义堂镇.
    await t.as(['township_center'], [FIXTURE.townships[0]]);
    county = (await t.as(['county_center'], [FIXTURE.county])).request;
  });
  afterAll(() => t.close());

  it('is owned by the nearest level above with a centre, which may accept it; the history says why', async () => {
    const res = await citizenReport(t, ELSEWHERE);
    expect(res.statusCode, res.body).toBe(201);
    const caseNo = res.json().caseNo;
    const listed = (await county({ method: 'GET', url: '/api/events' })).json().items.find((e: { caseNo: string }) => e.caseNo === caseNo);
    expect(listed).toMatchObject({ gridCode: FIXTURE.grids[5], ownerCode: FIXTURE.county });
    // A citizen report without a photo is verified first; with no grid team there, the owning centre may do it.
    expect(listed.abilities).toContain('verify');
    const detail = (await county({ method: 'GET', url: `/api/events/${listed.id}` })).json();
    expect(detail.history[0].data).toMatchObject({ ownerWithoutCentre: FIXTURE.townships[1] });
    const act = (body: Record<string, unknown>) => county({ method: 'POST', url: `/api/events/${listed.id}/actions`, payload: body });
    expect((await act({ action: 'verify', version: 1, note: '电话核实属实' })).statusCode).toBe(200);
    const accepted = await act({ action: 'accept', version: 2 });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  it('a township that has a centre keeps its own cases', async () => {
    const res = await citizenReport(t, { lng: 113.01, lat: 31.01 });
    const caseNo = res.json().caseNo;
    const listed = (await county({ method: 'GET', url: '/api/events' })).json().items.find((e: { caseNo: string }) => e.caseNo === caseNo);
    expect(listed).toMatchObject({ ownerCode: FIXTURE.townships[0] });
    expect(listed.abilities).not.toContain('accept');
  });
});
