/**
 * Assessment through the API: real cases driven round the loop and houses on record in November, a scheme saved
 * (and bad ones refused), the month computed for every grid worker and department, explained item by item down to
 * the cases and records, entered, adjusted with a reason, reviewed, published once the month is over — and then
 * frozen; the rankings read from what was published, with the department under a five-colour sanction named.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';
import { DEFAULT_SCHEMES } from './assessment.defaults.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DAY = 86_400_000;
const COUNTY = FIXTURE.county;

let t: TestApp;
let worker: Request;
let township: Request;
let otherTownship: Request;
let county: Request;
let otherCounty: Request;
let leader: Request;
let cg: Request;
let workerId: string;
let photo: string;
const ids: Record<string, string> = {};

const users: Record<string, string> = {};

/** The accounts, made once; signed in again after the clock moves past a session's limit. */
async function signInAll() {
  if (!users.worker) {
    const make = async (name: string, roles: string[], areas: string[], extra: { departmentCode?: string } = {}) => {
      const u = await t.buildUser({ roles, areaCodes: areas, ...extra });
      users[name] = u.username;
      return u;
    };
    workerId = (await make('worker', ['grid_worker'], [FIXTURE.grids[0]])).id;
    await make('otherWorker', ['grid_worker'], [FIXTURE.grids[4]]);
    await make('township', ['township_center'], [FIXTURE.townships[0]]);
    await make('otherTownship', ['township_center'], [FIXTURE.townships[1]]);
    await make('county', ['county_center'], [COUNTY]);
    await make('otherCounty', ['county_center'], [FIXTURE.otherCounty]);
    await make('leader', ['leader'], [COUNTY]);
    await make('cg', ['department_handler'], [COUNTY], { departmentCode: 'YM-CG' });
  }
  worker = await t.signIn(users.worker);
  township = await t.signIn(users.township);
  otherTownship = await t.signIn(users.otherTownship);
  county = await t.signIn(users.county);
  otherCounty = await t.signIn(users.otherCounty);
  leader = await t.signIn(users.leader);
  cg = await t.signIn(users.cg);
}

const report = async () => {
  const res = await worker({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const act = async (by: Request, id: string, body: Json) => {
  const current = (await county({ method: 'GET', url: `/api/events/${id}` })).json();
  const res = await by({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
};
const compute = (by: Request, payload: Json) => by({ method: 'POST', url: '/api/assessment/runs', payload });
const schemes = (by: Request, area = COUNTY) => by({ method: 'GET', url: `/api/assessment/schemes?area=${area}` });
const save = (by: Request, kind: string, payload: Json, area = COUNTY) =>
  by({ method: 'PUT', url: `/api/assessment/schemes/${area}/${kind}`, payload });
const defaultBody = (kind: keyof typeof DEFAULT_SCHEMES) => ({ ...structuredClone(DEFAULT_SCHEMES[kind]), version: 0 });
const runOf = async (id: string) => (await county({ method: 'GET', url: `/api/assessment/runs/${id}` })).json() as Json;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-SW', '云梦县水务局', '420923')`,
  );
  await signInAll();
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
  // Houses of the worker's grid: one verified on 1 November, one never.
  await t.db.execute(
    sql`insert into house (county_code, code, grid_code, address, use, rented, updated_at, verified_at) values
      ('420923', 'H-1', ${FIXTURE.grids[0]}, '城关镇某路 1 号', '01', false, now(), '2026-11-01T10:00:00+08:00'),
      ('420923', 'H-2', ${FIXTURE.grids[0]}, '城关镇某路 2 号', '01', false, now(), null)`,
  );

  // Monday 2 November 2026, all in the worker's grid: one solved and rated satisfied, one voided, one left with the department.
  ids.solved = await report();
  for (const [by, body] of [
    [township, { action: 'accept' }],
    [township, { action: 'dispatch', targetUnit: 'YM-CG' }],
    [cg, { action: 'sign' }],
    [cg, { action: 'handle', note: '已清运', photos: [photo] }],
    [township, { action: 'check', photos: [photo] }],
    [township, { action: 'close' }],
    [township, { action: 'visit', rating: 'satisfied' }],
  ] as [Request, Json][])
    await act(by, ids.solved, body);
  ids.voided = await report();
  await act(township, ids.voided, { action: 'void', note: '重复上报' });
  ids.waiting = await report();
  await act(township, ids.waiting, { action: 'accept' });
  await act(township, ids.waiting, { action: 'dispatch', targetUnit: 'YM-CG' });
  await act(cg, ids.waiting, { action: 'sign' });
  // Two weeks on, still in November: the waiting case is overdue and the sweep warns the department.
  t.advance(14 * DAY);
  await signInAll();
  const swept = await t.services.sweep();
  expect(swept).toMatchObject({ status: 'done' });
});
afterAll(() => t.close());

describe('who may do what', () => {
  it('not signed in: 401; a grid worker or a department: 403; a township or leader may read but not assess or edit', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/assessment/schemes?area=${COUNTY}` })).statusCode).toBe(401);
    expect((await schemes(worker)).statusCode).toBe(403);
    expect((await schemes(cg)).statusCode).toBe(403);
    expect((await schemes(leader)).statusCode).toBe(200);
    expect((await save(leader, 'village', defaultBody('village'))).statusCode).toBe(403);
    expect((await compute(township, { area: COUNTY, kind: 'grid_worker', period: '2026-11' })).statusCode).toBe(403);
  });

  it('out of jurisdiction: another county’s scheme area and run are not found', async () => {
    expect((await schemes(otherCounty)).statusCode).toBe(404);
    expect((await save(otherCounty, 'village', defaultBody('village'))).statusCode).toBe(404);
    expect((await compute(otherCounty, { area: COUNTY, kind: 'village', period: '2026-11' })).statusCode).toBe(404);
  });
});

describe('schemes', () => {
  it('starts from the outcome-based defaults, none counting activity', async () => {
    const list = (await schemes(county)).json();
    expect(list.items.map((s: Json) => s.kind)).toEqual(['grid_worker', 'village', 'township', 'department']);
    for (const s of list.items) {
      expect(s).toMatchObject({ isDefault: true, version: 0, abilities: { edit: true } });
      expect(s.items.reduce((n: number, i: Json) => n + i.weight, 0)).toBe(100);
      expect(s.items.filter((i: Json) => i.countsActivity)).toEqual([]);
    }
    expect((await schemes(leader)).json().items[0].abilities.edit).toBe(false);
  });

  it('refuses weights not summing to 100 and bands with a gap, naming the field, and saves nothing', async () => {
    const body = defaultBody('grid_worker');
    body.items[0].weight = 10;
    const res = await save(county, 'grid_worker', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'assessment.scheme_invalid',
      details: [{ field: 'body.items', reason: 'assessment.weights_sum', value: 90 }],
    });

    const gap = defaultBody('village');
    gap.bands[1].max = 85;
    const refused = await save(county, 'village', gap);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([
      expect.objectContaining({ field: 'body.bands.0.min', reason: 'assessment.band_gap', value: '85–90' }),
    ]);
    expect(refused.json().message).toBeTruthy();
    expect((await schemes(county)).json().items.every((s: Json) => s.isDefault)).toBe(true);
  });

  it('refuses a scheme set by a township, and a stale version', async () => {
    const low = await save(county, 'village', defaultBody('village'), FIXTURE.townships[0]);
    expect(low.statusCode).toBe(400);
    const body = defaultBody('grid_worker');
    body.name = '网格员星级考核';
    const saved = await save(county, 'grid_worker', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ name: '网格员星级考核', version: 1, isDefault: false });
    const stale = await save(county, 'grid_worker', body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'assessment.changed', details: [{ field: 'body.version' }] });
  });
});

describe('a month of grid workers', () => {
  let run: Json;
  let mine: Json;

  it('refuses a period that has not begun, naming it', async () => {
    const res = await compute(county, { area: COUNTY, kind: 'grid_worker', period: '2027-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field: 'body.period', reason: 'figures.period_in_future' })]);
    expect((await county({ method: 'GET', url: '/api/assessment/runs' })).json().items).toEqual([]);
  });

  it('computes every grid worker of the county, item by item from the figures and the base data', async () => {
    const res = await compute(county, { area: COUNTY, kind: 'grid_worker', period: '2026-11' });
    expect(res.statusCode, res.body).toBe(200);
    run = res.json();
    expect(run).toMatchObject({ status: 'computed', period: '2026-11', scheme: { name: '网格员星级考核' } });
    expect(run.results).toHaveLength(2);
    mine = run.results.find((r: Json) => r.assesseeCode === workerId);
    const item = (key: string) => mine.items.find((i: Json) => i.key === key);
    // Three reported, two registered (one voided); one of those closed, on time; the closed one rated satisfied.
    expect(item('found_real')).toMatchObject({ numerator: 2, denominator: 3, points: 13.33 });
    expect(item('solved')).toMatchObject({ numerator: 1, denominator: 2, points: 10 });
    expect(item('on_time')).toMatchObject({ numerator: 1, denominator: 2, points: 7.5 });
    expect(item('satisfied')).toMatchObject({ numerator: 1, denominator: 1, points: 10 });
    expect(item('base_data')).toMatchObject({ numerator: 1, denominator: 2, points: 5 });
    expect(item('spot_check')).toMatchObject({ value: null, empty: true, points: 10 });
    const sum = Math.round(mine.items.reduce((s: number, i: Json) => s + i.points, 0) * 100) / 100;
    expect(mine.score).toBe(sum);
    expect(mine.band).toBe(sum >= 80 ? (sum >= 90 ? '5' : '4') : sum >= 70 ? '3' : sum >= 60 ? '2' : '1');
    // The other township's worker has no cases: the scheme gives full points when there is nothing to judge.
    expect(run.results.find((r: Json) => r.assesseeCode !== workerId).score).toBe(100);
  });

  it('explains a score down to the cases and the records', async () => {
    const ex = (await township({ method: 'GET', url: `/api/assessment/results/${mine.id}` })).json();
    const solved = ex.items.find((i: Json) => i.key === 'solved');
    expect(solved).toMatchObject({ indicator: 'closing_rate', facts: ['closed', 'registered'], weight: 20 });
    expect(solved.definition.zh).toContain('结案数');
    const evidence = (key: string, q = '') =>
      township({ method: 'GET', url: `/api/assessment/results/${mine.id}/items/${key}/evidence?${q}` });
    const closed = (await evidence('solved')).json();
    expect(closed).toMatchObject({ kind: 'cases', fact: 'closed', total: 1 });
    expect(closed.items.map((c: Json) => c.id)).toEqual([ids.solved]);
    const registered = (await evidence('solved', 'fact=registered')).json();
    expect(registered.items.map((c: Json) => c.id).sort()).toEqual([ids.solved, ids.waiting].sort());
    expect((await evidence('solved', 'fact=reported')).statusCode).toBe(400);
    const records = (await evidence('base_data')).json();
    expect(records).toMatchObject({ kind: 'records', total: 2 });
    expect(records.items.map((r: Json) => [r.id, r.counted])).toEqual([
      ['H-2', false],
      ['H-1', true],
    ]);
  });

  it('does not show a result of a worker outside one’s jurisdiction', async () => {
    expect((await otherTownship({ method: 'GET', url: `/api/assessment/results/${mine.id}` })).statusCode).toBe(404);
    expect((await otherCounty({ method: 'GET', url: `/api/assessment/runs/${run.id}` })).statusCode).toBe(404);
    const seen = (await otherTownship({ method: 'GET', url: `/api/assessment/runs/${run.id}` })).json();
    expect(seen.results.map((r: Json) => r.assesseeCode)).not.toContain(workerId);
  });

  it('refuses an adjustment without a reason, changing nothing', async () => {
    const url = `/api/assessment/results/${mine.id}/adjustment`;
    const missing = await county({ method: 'POST', url, payload: { points: -2, version: mine.version } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toEqual([expect.objectContaining({ field: 'body.reason' })]);
    const blank = await county({ method: 'POST', url, payload: { points: -2, reason: '   ', version: mine.version } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().details).toEqual([expect.objectContaining({ field: 'body.reason', reason: 'assessment.reason_required' })]);
    const after = (await county({ method: 'GET', url: `/api/assessment/results/${mine.id}` })).json().result;
    expect(after).toMatchObject({ score: mine.score, adjustment: 0, version: mine.version });
  });

  it('takes a spot check and an adjustment with its reason, and asks for the review again', async () => {
    expect(
      (await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/review`, payload: { version: run.version } })).statusCode,
    ).toBe(200);
    const entered = await county({
      method: 'POST',
      url: `/api/assessment/results/${mine.id}/entries`,
      payload: { item: 'spot_check', value: 50, note: '暗访 4 户，2 户认识网格员', version: mine.version },
    });
    expect(entered.statusCode, entered.body).toBe(200);
    expect(entered.json().items.find((i: Json) => i.key === 'spot_check')).toMatchObject({
      value: 50,
      points: 5,
      entry: { note: '暗访 4 户，2 户认识网格员' },
    });
    expect(entered.json().score).toBe(Math.round((mine.score - 5) * 100) / 100);
    const notManual = await county({
      method: 'POST',
      url: `/api/assessment/results/${mine.id}/entries`,
      payload: { item: 'solved', value: 50, note: 'x', version: entered.json().version },
    });
    expect(notManual.json().details).toEqual([expect.objectContaining({ field: 'body.item', reason: 'assessment.item_not_manual' })]);
    const adjusted = await county({
      method: 'POST',
      url: `/api/assessment/results/${mine.id}/adjustment`,
      payload: { points: -2, reason: '11 月 8 日未按约上门', version: entered.json().version },
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    expect(adjusted.json()).toMatchObject({ adjustment: -2, adjustReason: '11 月 8 日未按约上门', computedScore: entered.json().score });
    expect(adjusted.json().score).toBe(Math.round((entered.json().score - 2) * 100) / 100);
    mine = adjusted.json();
    // Recomputing keeps the entry and the adjustment.
    run = (await compute(county, { area: COUNTY, kind: 'grid_worker', period: '2026-11' })).json();
    expect(run.results.find((r: Json) => r.id === mine.id)).toMatchObject({ score: mine.score, adjustment: -2 });
    expect(run.status).toBe('computed');
    mine = run.results.find((r: Json) => r.id === mine.id);
  });

  it('publishes only a reviewed month that has ended; then it is frozen', async () => {
    const move = (step: string, version: number) =>
      county({ method: 'POST', url: `/api/assessment/runs/${run.id}/${step}`, payload: { version } });
    const early = await move('publish', run.version);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'assessment.not_reviewed' });
    run = (await move('review', run.version)).json();
    expect(run.status).toBe('reviewed');
    const notOver = await move('publish', run.version);
    expect(notOver.statusCode).toBe(409);
    expect(notOver.json()).toMatchObject({ code: 'assessment.period_not_over', details: [{ field: 'period' }] });

    t.advance(16 * DAY); // 2 December
    await signInAll();
    const done = await move('publish', run.version);
    expect(done.statusCode, done.body).toBe(200);
    run = done.json();
    expect(run).toMatchObject({ status: 'published', abilities: { recompute: false, adjust: false, publish: false } });

    const frozen = await county({
      method: 'POST',
      url: `/api/assessment/results/${mine.id}/adjustment`,
      payload: { points: 5, reason: '再调', version: mine.version },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json()).toMatchObject({ code: 'assessment.published', details: [{ field: 'status', reason: 'assessment.published' }] });
    expect((await compute(county, { area: COUNTY, kind: 'grid_worker', period: '2026-11' })).statusCode).toBe(409);
    expect((await move('review', run.version)).statusCode).toBe(409);
    const entry = await county({
      method: 'POST',
      url: `/api/assessment/results/${mine.id}/entries`,
      payload: { item: 'survey', value: 0, note: 'x', version: mine.version },
    });
    expect(entry.statusCode).toBe(409);
    expect((await runOf(run.id)).results.find((r: Json) => r.id === mine.id)).toMatchObject({ score: mine.score, version: mine.version });

    // Editing the scheme afterwards changes nothing the published month was scored by.
    const current = (await schemes(county)).json().items.find((x: Json) => x.kind === 'grid_worker');
    const edited = {
      name: '网格员星级考核（新）',
      items: current.items.map(({ countsActivity: _, ...i }: Json) => i),
      bands: current.bands,
      version: current.version,
    };
    edited.items[0].weight = 25;
    edited.items[1].weight = 15;
    expect((await save(county, 'grid_worker', edited)).statusCode).toBe(200);
    const after = await runOf(run.id);
    expect(after.scheme).toMatchObject({ name: '网格员星级考核', version: 1 });
    expect(after.scheme.items[0].weight).toBe(20);
    expect(after.results.find((r: Json) => r.id === mine.id).score).toBe(mine.score);
  });
});

describe('rankings', () => {
  it('ranks the published month and quarter, with no change for a first period', async () => {
    const res = await leader({ method: 'GET', url: '/api/assessment/rankings?kind=grid_worker&period=2026-11' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ notice: 'monthly_notice', previousPeriod: '2026-10', months: ['2026-11'] });
    expect(r.rows.map((x: Json) => x.rank)).toEqual([1, 2]);
    expect(r.rows[1]).toMatchObject({ code: workerId, rankChange: null, scoreChange: null });
    const q = (await leader({ method: 'GET', url: '/api/assessment/rankings?kind=grid_worker&period=2026-Q4' })).json();
    expect(q).toMatchObject({ notice: 'quarterly_ranking', months: ['2026-11'] });
    expect(q.rows.find((x: Json) => x.code === workerId).score).toBe(r.rows[1].score);
    const township1 = (await otherTownship({ method: 'GET', url: '/api/assessment/rankings?kind=grid_worker&period=2026-11' })).json();
    expect(township1.rows.map((x: Json) => x.code)).not.toContain(workerId);
  });

  it('names the department under a five-colour sanction with its case', async () => {
    const dept = await compute(county, { area: COUNTY, kind: 'department', period: '2026-11' });
    expect(dept.statusCode, dept.body).toBe(200);
    let run = dept.json();
    expect(run.results.map((r: Json) => r.assesseeCode).sort()).toEqual(['YM-CG', 'YM-SW']);
    run = (await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/review`, payload: { version: run.version } })).json();
    run = (await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/publish`, payload: { version: run.version } })).json();
    expect(run.status).toBe('published');
    const r = (await leader({ method: 'GET', url: '/api/assessment/rankings?kind=department&period=2026-11' })).json();
    const cgRow = r.rows.find((x: Json) => x.code === 'YM-CG');
    expect(cgRow.sanction).not.toBeNull();
    const named = r.sanctioned.find((s: Json) => s.unitCode === 'YM-CG');
    expect(named).toMatchObject({ unitName: '云梦县城市管理执法局' });
    expect(named.cases.map((c: Json) => c.id)).toEqual([ids.waiting]);
    expect(r.rows.find((x: Json) => x.code === 'YM-SW').sanction).toBeNull();
  });

  it('ranks the villages of a published month, each row opening its explanation', async () => {
    let run = (await compute(county, { area: COUNTY, kind: 'village', period: '2026-11' })).json();
    expect(run.results.map((r: Json) => r.assesseeCode).sort()).toEqual([...FIXTURE.villages].sort());
    const mineVillage = run.results.find((r: Json) => r.assesseeCode === FIXTURE.villages[0]);
    // Two registered in the worker's village, one closed: 结案率 1/2 of 25 points.
    expect(mineVillage.items.find((i: Json) => i.key === 'solved')).toMatchObject({ numerator: 1, denominator: 2, points: 12.5 });
    run = (await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/review`, payload: { version: run.version } })).json();
    await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/publish`, payload: { version: run.version } });
    const r = (await township({ method: 'GET', url: '/api/assessment/rankings?kind=village&period=2026-11' })).json();
    expect(r.rows.map((x: Json) => x.code).sort()).toEqual(FIXTURE.villages.slice(0, 2));
    const row = r.rows.find((x: Json) => x.code === FIXTURE.villages[0]);
    expect(row).toMatchObject({ resultId: mineVillage.id, score: mineVillage.score });
    expect((await township({ method: 'GET', url: `/api/assessment/results/${row.resultId}` })).statusCode).toBe(200);
  });

  it('refuses a period that has not begun and an area outside one’s jurisdiction', async () => {
    const future = await leader({ method: 'GET', url: '/api/assessment/rankings?kind=village&period=2027' });
    expect(future.statusCode).toBe(400);
    expect(future.json().details).toEqual([expect.objectContaining({ field: 'querystring.period', reason: 'figures.period_in_future' })]);
    const outside = await otherTownship({
      method: 'GET',
      url: `/api/assessment/rankings?kind=village&period=2026-11&area=${FIXTURE.townships[0]}`,
    });
    expect(outside.statusCode).toBe(404);
  });
});
