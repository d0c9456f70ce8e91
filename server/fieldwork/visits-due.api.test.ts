import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';
import { VISIT_ROUND_DAYS } from './visits.core.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Due {
  roundDays: number;
  total: number;
  items: { code: string; address: string; gridCode: string; lastVisitAt: string | null }[];
}

const GRID = FIXTURE.grids[0];
const DAY = 86_400_000;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));

let t: TestApp;
let worker: Request;
let workerName: string;
const due = async (request: Request, query = '') => {
  const res = await request({ method: 'GET', url: `/api/fieldwork/visits/due${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Due>();
};
const visitAllPresent = async (code: string) => {
  const form = (await worker({ method: 'GET', url: `/api/fieldwork/houses/${code}/visit-form` })).json<{
    house: { version: number };
    residents: { personId: string }[];
  }>();
  const res = await worker({
    method: 'POST',
    url: `/api/fieldwork/houses/${code}/visits`,
    payload: { version: form.house.version, residents: form.residents.map((r) => ({ personId: r.personId, status: 'present' })) },
  });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  const { request: county } = await t.as(['county_center'], [FIXTURE.county]);
  const w = await t.as(['grid_worker'], [GRID]);
  workerName = w.user.username;
  worker = w.request;
  const houses = await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['D-1', '朝阳路 2 号 101 室', GRID, '住宅', '否'],
      ['D-2', '朝阳路 2 号 102 室', GRID, '住宅', '否'],
      ['D-3', '朝阳路 2 号 103 室', GRID, '住宅', '否'],
      ['D-FAR', '义堂路 10 号', FIXTURE.grids[4], '住宅', '否'],
    ]),
  );
  expect([houses.created, houses.rejected]).toEqual([4, 0]);
}, 60_000);
afterAll(() => t.close());

describe('visits due (待走访): who may', () => {
  it('not signed in: 401; wrong role: a department handler 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/fieldwork/visits/due' })).statusCode).toBe(401);
    const { request: dept } = await t.as(['department_handler'], [FIXTURE.county]);
    expect((await dept({ method: 'GET', url: '/api/fieldwork/visits/due' })).statusCode).toBe(403);
  });

  it('out of jurisdiction: a house in another grid is not listed', async () => {
    const list = await due(worker);
    expect(list.items.map((i) => i.code)).not.toContain('D-FAR');
    expect(list.total).toBe(3);
  });
});

describe('visits due: the round', () => {
  it('lists never-visited houses first; a visit takes a house off until the round has passed, then it comes back last-visited', async () => {
    await visitAllPresent('D-2');
    let list = await due(worker);
    expect(list).toMatchObject({ roundDays: VISIT_ROUND_DAYS, total: 2 });
    expect(list.items.map((i) => [i.code, i.lastVisitAt])).toEqual([
      ['D-1', null],
      ['D-3', null],
    ]);

    t.advance((VISIT_ROUND_DAYS + 1) * DAY);
    worker = await t.signIn(workerName);
    list = await due(worker);
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.code)).toEqual(['D-1', 'D-3', 'D-2']);
    expect(list.items[2].lastVisitAt).not.toBeNull();
    expect((await due(worker, '?limit=1')).items.map((i) => i.code)).toEqual(['D-1']);
    const second = await due(worker, '?offset=1&limit=2');
    expect(second).toMatchObject({ total: 3, roundDays: VISIT_ROUND_DAYS });
    expect(second.items.map((i) => i.code)).toEqual(['D-3', 'D-2']);
    expect((await worker({ method: 'GET', url: '/api/fieldwork/visits/due?limit=101' })).statusCode).toBe(400);
  });
});
