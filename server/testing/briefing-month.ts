/**
 * A month of real cases for the briefing's tests, driven round the loop in November 2026 in 城关镇 (and one in the
 * other township): satisfied, repeated, closed late, rated dissatisfied and reopened, left waiting until the sweep
 * warns the township; the departments' month assessed and published; then the clock moves into December.
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { FIXTURE } from './fixtures.ts';
import type { TestApp } from './harness.ts';
import { multipartFile } from './multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function signInAll(t: TestApp) {
  const as = async (roles: string[], areas: string[], extra: { departmentCode?: string } = {}) => (await t.as(roles, areas, extra)).request;
  return {
    worker: await as(['grid_worker'], [FIXTURE.grids[0]]),
    worker2: await as(['grid_worker'], [FIXTURE.grids[0]]),
    worker3: await as(['grid_leader'], [FIXTURE.grids[0]]),
    otherWorker: await as(['grid_worker'], [FIXTURE.grids[4]]),
    township: await as(['township_center'], [FIXTURE.townships[0]]),
    otherTownship: await as(['township_center'], [FIXTURE.townships[1]]),
    county: await as(['county_center'], [FIXTURE.county]),
    leader: await as(['leader'], [FIXTURE.county]),
    cg: await as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' }),
  };
}
export type People = Awaited<ReturnType<typeof signInAll>>;

/** Builds the month and returns the case numbers (and some ids) by role, with the people signed in again in December. */
export async function buildMonth(t: TestApp) {
  await t.db.execute(
    sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923'), ('YM-SW', '云梦县水务局', '420923')`,
  );
  let p = await signInAll(t);
  const photo = (await p.worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
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
    const current = (await p.county({ method: 'GET', url: `/api/events/${id}` })).json();
    const res = await by({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const steps = async (id: string, list: [() => Request, Json][]) => {
    for (const [by, body] of list) await act(by(), id, body);
  };
  const handle = { action: 'handle', note: '已清运', photos: [photo] };
  const check = { action: 'check', photos: [photo] };
  const toCg = { action: 'dispatch', targetUnit: 'YM-CG' };
  const cases: Record<string, string> = {};
  const ids: Record<string, string> = {};

  // Monday 2 November 2026.
  const satisfied = await report(p.worker);
  cases.satisfied = satisfied.caseNo;
  await steps(satisfied.id, [
    [() => p.township, { action: 'accept' }],
    [() => p.township, toCg],
    [() => p.cg, { action: 'sign' }],
    [() => p.cg, handle],
    [() => p.township, check],
    [() => p.township, { action: 'close' }],
    [() => p.township, { action: 'visit', rating: 'satisfied' }],
  ]);
  const repeat = await report(p.worker);
  cases.repeat = repeat.caseNo;
  for (const by of [p.worker2, p.worker3]) await report(by, { description: '我也反映', sameAs: repeat.id });
  const late = await report(p.worker);
  cases.reopened = late.caseNo;
  await steps(late.id, [
    [() => p.township, { action: 'accept' }],
    [() => p.township, toCg],
    [() => p.cg, { action: 'sign' }],
  ]);
  const waiting = await report(p.worker);
  cases.waiting = waiting.caseNo;
  ids.waiting = waiting.id;
  cases.elsewhere = (await report(p.otherWorker, { lng: 113.21, lat: 31.01 })).caseNo;

  // An hour on, the sweep finds the waiting case not accepted: the township is warned.
  t.advance(HOUR);
  expect(await t.services.sweep()).toMatchObject({ status: 'done' });

  // Eight days on, the late case is handled after its limit, closed overdue, rated dissatisfied and reopened.
  t.advance(8 * DAY);
  p = await signInAll(t);
  await steps(late.id, [
    [() => p.cg, handle],
    [() => p.township, check],
    [() => p.township, { action: 'close' }],
    [() => p.township, { action: 'visit', rating: 'dissatisfied', note: '垃圾又堆起来了' }],
    [() => p.township, { action: 'reopen', note: '群众反映仍未解决' }],
  ]);

  // 2 December: November has ended; the departments' November is assessed and published.
  t.advance(22 * DAY);
  p = await signInAll(t);
  let run = (
    await p.county({
      method: 'POST',
      url: '/api/assessment/runs',
      payload: { area: FIXTURE.county, kind: 'department', period: '2026-11' },
    })
  ).json();
  run = (await p.county({ method: 'POST', url: `/api/assessment/runs/${run.id}/review`, payload: { version: run.version } })).json();
  run = (await p.county({ method: 'POST', url: `/api/assessment/runs/${run.id}/publish`, payload: { version: run.version } })).json();
  expect(run.status).toBe('published');
  return { people: p, cases, ids };
}
