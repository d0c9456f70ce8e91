/**
 * The figures through the API: real cases driven round the loop (returned, reworked, extended, late, reopened,
 * voided, fixed on the spot, repeated, warned by the sweep), then the roll-up kept as they moved must equal a
 * recomputation from the action log, and every figure must open exactly the cases it counts.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';
import { seedPeopleHouses } from '../testing/people-file.ts';
import { onPostgres } from '../testing/test-database.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DAY = 86_400_000;
const [TOWNSHIP, OTHER_TOWNSHIP] = FIXTURE.townships;

let t: TestApp;
let worker: Request;
let worker2: Request;
let worker3: Request;
let otherWorker: Request;
let township: Request;
let otherTownship: Request;
let county: Request;
let leader: Request;
let cg: Request;
let sw: Request;
let photo: string;
const ids: Record<string, string> = {};

async function signInAll() {
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  worker2 = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  worker3 = (await t.as(['grid_leader'], [FIXTURE.grids[0]])).request;
  otherWorker = (await t.as(['grid_worker'], [FIXTURE.grids[4]])).request;
  township = (await t.as(['township_center'], [TOWNSHIP])).request;
  otherTownship = (await t.as(['township_center'], [OTHER_TOWNSHIP])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  leader = (await t.as(['leader'], [FIXTURE.county])).request;
  cg = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  sw = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-SW' })).request;
}

const report = async (by: Request, extra: Json = {}) => {
  const res = await by({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo], ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
};
const act = async (by: Request, id: string, body: Json) => {
  const current = (await county({ method: 'GET', url: `/api/events/${id}` })).json();
  const res = await by({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
};
const steps = async (id: string, list: [Request, Json][]) => {
  for (const [by, body] of list) await act(by, id, body);
};
const figures = (by: Request, query: string) => by({ method: 'GET', url: `/api/figures/indicators?${query}` });
const drill = (by: Request, query: string) => by({ method: 'GET', url: `/api/figures/cases?limit=1000&${query}` });
const indicator = (reply: Json, key: string) => reply.indicators.find((i: Json) => i.key === key);

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-SW', '云梦县水务局', '420923'), ('XN-CG', '孝南区城管局', '420902')`,
  );
  await signInAll();
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;

  // Monday 2 November 2026, in 城关镇 (township 0) unless said otherwise.
  const accept = { action: 'accept' };
  const toCg = { action: 'dispatch', targetUnit: 'YM-CG' };
  const handle = { action: 'handle', note: '已清运', photos: [photo] };
  const check = { action: 'check', photos: [photo] };

  ids.satisfied = (await report(worker)).id;
  await steps(ids.satisfied, [
    [township, accept],
    [township, toCg],
    [cg, { action: 'sign' }],
    [cg, handle],
    [township, check],
    [township, { action: 'close' }],
    [township, { action: 'visit', rating: 'satisfied' }],
  ]);

  ids.voided = (await report(worker)).id;
  await act(township, ids.voided, { action: 'void', note: '重复上报' });

  ids.reworked = (await report(worker)).id;
  await steps(ids.reworked, [
    [township, accept],
    [township, toCg],
    [cg, { action: 'sign' }],
    [cg, handle],
    [township, check],
    [township, { action: 'rework', note: '未清理干净' }],
    [cg, handle],
    [township, check],
    [township, { action: 'close' }],
  ]);

  ids.fixed = (await report(worker)).id;
  await act(worker, ids.fixed, { action: 'fix_on_spot', note: '已当场清理', photos: [photo] });

  ids.repeat = (await report(worker)).id;
  for (const by of [worker2, worker3]) {
    const res = await by({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '我也反映', photos: [photo], sameAs: ids.repeat },
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  ids.extended = (await report(worker)).id;
  await steps(ids.extended, [
    [township, accept],
    [township, toCg],
    [cg, { action: 'sign' }],
    [cg, { action: 'extension_request', note: '需协调环卫车辆', workingDays: 3 }],
    [township, { action: 'extension_approve' }],
  ]);

  ids.late = (await report(worker)).id;
  await steps(ids.late, [
    [township, accept],
    [township, { action: 'dispatch', targetUnit: 'YM-SW' }],
    [sw, { action: 'return', note: '不属我局职责' }],
    [township, { action: 'return_accept' }],
    [township, toCg],
    [cg, { action: 'sign' }],
  ]);

  ids.elsewhere = (await report(otherWorker, { lng: 113.21, lat: 31.01 })).id;

  // Eight days on: the late case's reply comes after its handling limit, is closed overdue, rated dissatisfied, reopened.
  t.advance(8 * DAY);
  await signInAll();
  await steps(ids.late, [
    [cg, handle],
    [township, check],
    [township, { action: 'close' }],
    [township, { action: 'visit', rating: 'dissatisfied', note: '垃圾又堆起来了' }],
    [township, { action: 'reopen', note: '群众反映仍未解决' }],
  ]);
  ids.today = (await report(worker)).id;
  // The sweep finds the cases left waiting overdue and records their colours.
  const swept = await t.services.sweep();
  expect(swept).toMatchObject({ status: 'done' });
  expect(swept.status === 'done' && swept.warnings).toBeGreaterThan(0);
});
afterAll(() => t.close());

describe('who may read figures', () => {
  it('not signed in: 401; a grid worker or a department: 403; another township’s area: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/figures/indicators?period=2026-11' })).statusCode).toBe(401);
    expect((await figures(worker, 'period=2026-11')).statusCode).toBe(403);
    expect((await figures(cg, 'period=2026-11')).statusCode).toBe(403);
    expect((await drill(worker, 'period=2026-11&fact=reported')).statusCode).toBe(403);
    const outside = await figures(otherTownship, `period=2026-11&area=${TOWNSHIP}`);
    expect(outside.statusCode).toBe(404);
    expect((await drill(otherTownship, `period=2026-11&area=${TOWNSHIP}&fact=reported`)).statusCode).toBe(404);
    expect((await figures(township, `period=2026-11&area=${FIXTURE.county}`)).statusCode).toBe(404);
    // A unit of another county is none of this township's business; an area unit outside it neither.
    expect((await figures(township, 'period=2026-11&unit=XN-CG')).statusCode).toBe(404);
    expect((await figures(township, `period=2026-11&unit=${OTHER_TOWNSHIP}`)).statusCode).toBe(404);
  });

  it('bad input is refused naming the field: a malformed or future period, an unknown area or unit, an unknown fact', async () => {
    const refused = async (query: string, field: string, reason: string) => {
      const res = await figures(county, query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().details, query).toEqual([expect.objectContaining({ field, reason })]);
    };
    await refused('period=2026-13', 'querystring.period', 'figures.period_invalid');
    await refused('period=2026-02-30', 'querystring.period', 'figures.period_invalid');
    await refused('period=last-week', 'querystring.period', 'figures.period_invalid');
    await refused('period=2027', 'querystring.period', 'figures.period_in_future');
    await refused('period=2026-11-11', 'querystring.period', 'figures.period_in_future');
    await refused('period=2026-11&area=420923199', 'querystring.area', 'figures.area_unknown');
    await refused('period=2026-11&unit=NOBODY', 'querystring.unit', 'figures.unit_unknown');
    expect((await figures(county, 'area=420923')).json().details[0].field).toBe('querystring.period');
    expect((await figures(county, 'period=2026-11&area=42x')).statusCode).toBe(400);
    const noFact = await drill(county, 'period=2026-11&fact=happiness');
    expect(noFact.statusCode).toBe(400);
    expect(noFact.json().details[0].field).toMatch(/fact/);
    const message = (await figures(county, 'period=2027')).json().details[0].message;
    expect(message).toBe('该期间尚未开始，还没有指标: 2027');
  });
});

describe('the indicators', () => {
  it('count the township’s cases of the month as they stand, with definitions and standard names', async () => {
    const res = await figures(township, 'period=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      area: { code: TOWNSHIP, name: '城关镇' },
      period: { kind: 'month', from: '2026-11-01', to: '2026-11-30' },
    });
    const v = (key: string) => indicator(r, key).value;
    expect(v('reported')).toBe(8);
    expect(v('registered')).toBe(5); // satisfied, reworked, fixed, extended, late
    expect(v('registration_rate')).toBeCloseTo(5 / 8);
    expect(v('voided')).toBe(1);
    expect(v('dispatched')).toBe(4);
    expect(v('returned')).toBe(1);
    expect(v('dispatch_accuracy')).toBeCloseTo(3 / 4);
    expect(v('handled')).toBe(3); // satisfied, reworked, late
    expect(v('handled_late')).toBe(1);
    expect(v('on_time_handling_rate')).toBeCloseTo(2 / 4);
    expect(v('extended')).toBe(1);
    expect(v('rework_rate')).toBeCloseTo(1 / 3);
    expect(v('closed')).toBe(3); // satisfied, reworked, fixed; the late one was reopened
    expect(v('closing_rate')).toBeCloseTo(3 / 5);
    expect(v('closed_overdue')).toBe(0);
    expect(v('reopened')).toBe(1);
    expect(v('satisfaction_rate')).toBe(1);
    expect(v('unrated')).toBe(2);
    expect(v('repeat_share')).toBeCloseTo(1 / 8);
    expect(v('overdue')).toBeGreaterThanOrEqual(2); // the late reply, and the repeat left waiting since the 2nd
    const closing = indicator(r, 'closing_rate');
    expect(closing).toMatchObject({
      kind: 'rate',
      standard: '结案率',
      name: { zh: '结案率', en: 'Closing rate' },
      numerator: { fact: 'closed', value: 3 },
      denominator: { fact: 'registered', value: 5 },
    });
    expect(closing.definition.zh).toContain('结案数 ÷ 应结案数');
    expect(closing.definition.en).toContain('Closed ÷ to be closed');
    // The day and the county: the case of today and the one in the other township fall in or out as they should.
    expect(indicator((await figures(township, 'period=2026-11-02')).json(), 'reported').value).toBe(7);
    expect(indicator((await figures(township, 'period=2026-11-10')).json(), 'reported').value).toBe(1);
    expect(indicator((await figures(county, 'period=2026-Q4')).json(), 'reported').value).toBe(9);
    expect(indicator((await figures(leader, 'period=2026')).json(), 'reported').value).toBe(9);
    expect(indicator((await figures(otherTownship, 'period=2026-11')).json(), 'reported').value).toBe(1);
  });

  it('by unit and by item class', async () => {
    const r = (await figures(county, 'period=2026-11&unit=YM-CG')).json();
    expect(r.unit).toEqual({ code: 'YM-CG', name: '云梦县城市管理执法局' });
    expect(indicator(r, 'reported').value).toBe(4); // the cases last dispatched to it
    expect(indicator(r, 'returned').value).toBe(1); // the late one, returned by 水务局 before
    expect(indicator((await figures(county, 'period=2026-11&unit=YM-SW')).json(), 'dispatched').value).toBe(0);
    expect(indicator((await figures(township, 'period=2026-11&unit=YM-CG')).json(), 'reported').value).toBe(4);
    expect(indicator((await figures(county, 'period=2026-11&item=CG06')).json(), 'reported').value).toBe(9);
    expect(indicator((await figures(county, 'period=2026-11&item=SJ')).json(), 'reported').value).toBe(0);
  });

  it('every figure opens exactly the cases it counts, numerator and denominator alike', async () => {
    for (const [by, query] of [
      [township, 'period=2026-11'],
      [county, 'period=2026-11'],
      [county, 'period=2026-11-02&unit=YM-CG'],
      [otherTownship, 'period=all'],
    ] as const) {
      const r = (await figures(by, query)).json();
      for (const ind of r.indicators) {
        for (const part of [ind.numerator, ind.denominator].filter(Boolean)) {
          const list = (await drill(by, `${query}&fact=${part.fact}`)).json();
          expect(list.total, `${query} ${ind.key} ${part.fact}`).toBe(part.value);
          expect(list.items, `${query} ${ind.key} ${part.fact}`).toHaveLength(part.value);
          expect(new Set(list.items.map((c: Json) => c.id)).size).toBe(part.value);
        }
      }
    }
    const closed = (await drill(township, 'period=2026-11&fact=closed')).json();
    expect(closed.items.map((c: Json) => c.id).sort()).toEqual([ids.satisfied, ids.reworked, ids.fixed].sort());
    const reopened = (await drill(township, 'period=2026-11&fact=reopened')).json();
    expect(reopened.items).toMatchObject([{ id: ids.late, status: 'accepted', unitCode: 'YM-CG', reportedOn: '2026-11-02' }]);
    const repeat = (await drill(township, 'period=2026-11&fact=repeat')).json();
    expect(repeat.items.map((c: Json) => c.id)).toEqual([ids.repeat]);
    // The lists agree with the cases themselves.
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from event where grid_code like ${`${TOWNSHIP}%`} and status in ('closed', 'visited')`,
    );
    expect(closed.total).toBe(n);
  });

  it('the dashboard sums the same counters, and its charts open their cases', async () => {
    const d = (await leader({ method: 'GET', url: `/api/figures/dashboard?area=${TOWNSHIP}` })).json();
    expect(d.period).toMatchObject({ kind: 'month', label: '2026-11' });
    expect(d.totals.reported).toBe(8);
    expect(d.intakeBySource.find((s: Json) => s.source === 'grid_worker').n).toBe(8);
    expect(d.openByStatus.find((s: Json) => s.status === 'reported').n).toBe(2); // the repeat, and today's
    expect(d.trend.days).toHaveLength(30);
    expect(d.trend.days.at(-1)).toEqual({ day: '2026-11-10', reported: 1, closed: 0 });
    expect(d.trend.days.find((x: Json) => x.day === '2026-11-02')).toEqual({ day: '2026-11-02', reported: 7, closed: 3 });
    const open = (await drill(leader, `area=${TOWNSHIP}&period=all&fact=open_reported`)).json();
    expect(open.total).toBe(2);
    const bySource = (await drill(leader, `area=${TOWNSHIP}&period=2026-11&fact=reported&source=grid_worker`)).json();
    expect(bySource.total).toBe(8);
    const oneDay = (await drill(leader, `area=${TOWNSHIP}&period=2026-11&fact=reported&day=2026-11-10`)).json();
    expect(oneDay.items.map((c: Json) => c.id)).toEqual([ids.today]);
    for (const w of d.warnedByColour) {
      const list = (await drill(leader, `area=${TOWNSHIP}&period=2026-11&fact=warned_${w.colour}`)).json();
      expect(list.total).toBe(w.n);
    }
    expect(d.warnedByColour.reduce((s: number, w: Json) => s + w.n, 0)).toBeGreaterThan(0);
  });
});

describe('the command centre: rankings, satisfaction and the map', () => {
  it('ranks items, grids and units and counts satisfaction by name, each figure the count of the cases it opens', async () => {
    const d = (await leader({ method: 'GET', url: `/api/figures/dashboard?area=${TOWNSHIP}` })).json();
    expect(d.topItems.length).toBeGreaterThan(0);
    for (const item of d.topItems) {
      expect(item.name).not.toBe(item.code);
      expect((await drill(leader, `area=${TOWNSHIP}&period=2026-11&fact=reported&item=${item.code}`)).json().total).toBe(item.n);
    }
    expect(d.topGrids.map((g: Json) => g.name)).toContain('网格1');
    for (const grid of d.topGrids)
      expect((await drill(leader, `area=${grid.code}&period=2026-11&fact=reported`)).json().total).toBe(grid.n);
    expect(d.topGrids.reduce((s: number, g: Json) => s + g.n, 0)).toBe(d.totals.reported);
    const cgRow = d.units.find((u: Json) => u.code === 'YM-CG');
    expect(cgRow.name).toBe('云梦县城市管理执法局');
    for (const unit of d.units) {
      const of = async (fact: string) =>
        (await drill(leader, `area=${TOWNSHIP}&period=2026-11&unit=${unit.code}&fact=${fact}`)).json().total;
      expect(unit.dispatched).toBe(await of('dispatched'));
      expect(unit.handledOnTime).toBe(await of('handled_on_time'));
    }
    const rates = d.units.map((u: Json) => u.onTimeRate);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const satisfaction = indicator((await figures(leader, `area=${TOWNSHIP}&period=2026-11`)).json(), 'satisfaction_rate');
    expect(d.satisfaction).toEqual({
      rated: satisfaction.denominator.value,
      satisfied: satisfaction.numerator.value,
      rate: satisfaction.value,
    });
    expect(d.satisfaction.rated).toBeGreaterThan(0);
  });

  it('shows how much base data was verified in the last 90 days, per village of the township, least verified first', async () => {
    // Eleven houses, one per grid in turn (the first three grids get two); a grid worker visits the later three today.
    await seedPeopleHouses(t.db, 11);
    for (const i of [8, 9, 10]) {
      const grid = FIXTURE.grids[i % FIXTURE.grids.length];
      const visitor = (await t.as(['grid_worker'], [grid])).request;
      const code = `B-${grid}-${i}`;
      const form = (await visitor({ method: 'GET', url: `/api/fieldwork/houses/${code}/visit-form` })).json();
      const res = await visitor({
        method: 'POST',
        url: `/api/fieldwork/houses/${code}/visits`,
        payload: { version: form.house.version, residents: [] },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const d = (await leader({ method: 'GET', url: `/api/figures/dashboard?area=${TOWNSHIP}` })).json();
    // 城关镇 holds the first four grids: seven houses, three of them visited.
    expect(d.baseData).toMatchObject({ verifiedWithinDays: 90, records: 7, verified: 3 });
    expect(d.baseData.rate).toBeCloseTo(3 / 7);
    expect(d.baseData.children.map((c: Json) => [c.code, c.records, c.verified])).toEqual([
      [FIXTURE.villages[1], 3, 1],
      [FIXTURE.villages[0], 4, 2],
    ]);
    expect(d.baseData.children.every((c: Json) => c.name !== c.code)).toBe(true);
    const county_ = (await county({ method: 'GET', url: `/api/figures/dashboard?area=${FIXTURE.county}` })).json();
    expect(county_.baseData.children.map((c: Json) => [c.code, c.records, c.verified])).toEqual([
      [OTHER_TOWNSHIP, 4, 0],
      [TOWNSHIP, 7, 3],
    ]);
  });

  it('colours each grid by the chosen indicator: the grid’s own figures, summing to the area’s', async () => {
    const map = (await leader({ method: 'GET', url: `/api/figures/map?area=${TOWNSHIP}&period=2026-11&indicator=closing_rate` })).json();
    expect(map.indicator).toMatchObject({ key: 'closing_rate', kind: 'rate', numerator: 'closed', name: { zh: '结案率' } });
    expect(map.basemap).toEqual({ kind: 'outlines', key: null });
    const area = indicator((await figures(leader, `area=${TOWNSHIP}&period=2026-11`)).json(), 'closing_rate');
    expect(map.grids.reduce((s: number, g: Json) => s + g.numerator, 0)).toBe(area.numerator.value);
    expect(map.grids.reduce((s: number, g: Json) => s + g.denominator, 0)).toBe(area.denominator.value);
    for (const g of map.grids) {
      const own = indicator((await figures(leader, `area=${g.code}&period=2026-11`)).json(), 'closing_rate');
      expect(g).toMatchObject({ numerator: own.numerator.value, denominator: own.denominator.value, value: own.value });
      expect(g.name).toMatch(/^网格/);
    }
    const counted = (await leader({ method: 'GET', url: `/api/figures/map?area=${TOWNSHIP}&period=2026-11&indicator=reported` })).json();
    expect(counted.grids.every((g: Json) => g.denominator === null && g.value === g.numerator)).toBe(true);
  });

  it('refuses an unknown indicator by name and an area outside the caller’s jurisdiction', async () => {
    const bad = await leader({ method: 'GET', url: `/api/figures/map?area=${TOWNSHIP}&indicator=check_ins` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'querystring.indicator' });
    const outside = await otherTownship({ method: 'GET', url: `/api/figures/map?area=${TOWNSHIP}&indicator=reported` });
    expect(outside.statusCode).toBe(404);
  });

  it('the map’s points are the list’s cases with their place, light and warning; its outlines the areas inside', async () => {
    const points = (await leader({ method: 'GET', url: `/api/events/points?area=${TOWNSHIP}` })).json();
    const list = (await leader({ method: 'GET', url: `/api/events?area=${TOWNSHIP}&limit=500` })).json();
    expect(points.total).toBe(list.total);
    expect(points.items.map((p: Json) => p.id).sort()).toEqual(list.items.map((e: Json) => e.id).sort());
    const one = list.items[0];
    expect(points.items.find((p: Json) => p.id === one.id)).toEqual({
      id: one.id,
      caseNo: one.caseNo,
      lng: one.lng,
      lat: one.lat,
      status: one.status,
      itemCode: one.itemCode,
      light: one.light,
      warning: one.warning,
    });
    const red = (await leader({ method: 'GET', url: `/api/events/points?area=${TOWNSHIP}&warning=red,purple` })).json();
    expect(red.items.every((p: Json) => ['red', 'purple'].includes(p.warning))).toBe(true);
    const outside = await otherTownship({ method: 'GET', url: `/api/events/points?area=${TOWNSHIP}` });
    expect(outside.statusCode).toBe(400);

    const outlines = (await leader({ method: 'GET', url: `/api/territory/outlines?area=${TOWNSHIP}` })).json();
    expect(outlines.features.map((f: Json) => f.properties.level).sort()).toEqual(['township', 'village', 'village']);
    expect(outlines.features[0].geometry.type).toBe('Polygon');
    expect((await otherTownship({ method: 'GET', url: `/api/territory/outlines?area=${TOWNSHIP}` })).statusCode).toBe(404);
  });
});

describe('the check: roll-up against a recomputation from the action log', () => {
  it('agree after all of the above; a counter or a case row gone wrong is found, and repaired from the log', async () => {
    const span = t.services.figures.span('2026-11-01', '2026-11-10');
    expect(span).toEqual({ fromDay: '2026-11-01', toDay: '2026-11-11' });
    const clean = await t.services.figures.verify(span);
    // The check covers the whole months a span touches: the month grain goes by month.
    expect(clean).toMatchObject({
      fromDay: '2026-11-01',
      toDay: '2026-12-01',
      cases: 9,
      counters: [],
      months: [],
      caseDifferences: [],
      repaired: false,
    });

    const before = (await figures(county, 'period=2026-11')).json();
    const dayBefore = (await figures(county, 'period=2026-11-02')).json();
    // Narrowed by area and unit at once: read from the daily counters.
    const twoWays = (await figures(township, 'period=2026-11&unit=YM-CG')).json();
    await t.db.execute(sql`update figure_count set n = n + 1 where fact = 'closed' and n > 0`);
    await t.db.execute(sql`update figure_month set n = n + 2 where fact = 'closed' and dim = 'source' and n > 0`);
    await t.db.execute(sql`delete from figure_case where event_id = ${ids.voided}`);
    const broken = await t.services.figures.verify(span);
    expect(broken.counters.length).toBeGreaterThan(0);
    expect(broken.counters.every((d) => d.cell.fact === 'closed' && d.rollup === d.recomputed + 1)).toBe(true);
    expect(broken.months.length).toBeGreaterThan(0);
    expect(broken.months.every((d) => d.cell.fact === 'closed' && d.cell.dim === 'source' && d.rollup === d.recomputed + 2)).toBe(true);
    expect(broken.caseDifferences).toMatchObject([{ rollup: null, recomputed: ['reported', 'voided'] }]);
    expect(indicator((await figures(county, 'period=2026-11')).json(), 'closed').value).toBeGreaterThan(indicator(before, 'closed').value);
    expect(indicator((await figures(township, 'period=2026-11&unit=YM-CG')).json(), 'closed').value).toBeGreaterThan(
      indicator(twoWays, 'closed').value,
    );

    expect((await t.services.figures.verify({ ...span, repair: true })).repaired).toBe(true);
    expect(await t.services.figures.verify(span)).toMatchObject({ counters: [], months: [], caseDifferences: [] });
    expect((await figures(county, 'period=2026-11')).json().indicators).toEqual(before.indicators);
    expect((await figures(county, 'period=2026-11-02')).json().indicators).toEqual(dayBefore.indicators);
    expect((await figures(township, 'period=2026-11&unit=YM-CG')).json().indicators).toEqual(twoWays.indicators);
    expect((await drill(county, 'period=2026-11&fact=voided')).json().items.map((c: Json) => c.id)).toEqual([ids.voided]);
  });

  it('refuses a malformed or backwards span naming the option', () => {
    const reason = (from?: string, to?: string) => {
      try {
        t.services.figures.span(from, to);
        return null;
      } catch (e) {
        return (e as { details: Json[] }).details[0];
      }
    };
    expect(reason('2026-11-31')).toMatchObject({ field: 'from', reason: 'figures.period_invalid' });
    expect(reason('2026-11', undefined)).toMatchObject({ field: 'from', reason: 'figures.period_invalid' });
    expect(reason('2026-11-05', '2026-11-01')).toMatchObject({ field: 'from', reason: 'event.date_range_invalid' });
    expect(reason(undefined, '2027-01-01')).toMatchObject({ field: 'to', reason: 'figures.period_in_future' });
    expect(reason()).toBeNull();
  });
});

/** Many servers' requests at once, each on its own connection: the counters they share stay right. */
describe.runIf(onPostgres())('at once on PostgreSQL', () => {
  it('twelve reports and their acceptances in parallel move the same counters without losing one', async () => {
    const before = indicator((await figures(township, 'period=2026-11-10')).json(), 'reported').value;
    const made = await Promise.all(Array.from({ length: 12 }, () => report(worker)));
    await Promise.all(
      made.map((e) => township({ method: 'POST', url: `/api/events/${e.id}/actions`, payload: { action: 'accept', version: 1 } })),
    );
    const r = (await figures(township, 'period=2026-11-10')).json();
    expect(indicator(r, 'reported').value).toBe(before + 12);
    expect(indicator(r, 'registered').value).toBe(12);
    const span = t.services.figures.span('2026-11-10', '2026-11-10');
    expect(await t.services.figures.verify(span)).toMatchObject({ counters: [], caseDifferences: [] });
  });
});
