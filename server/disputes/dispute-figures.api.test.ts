import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';
import { disputeFigures } from './index.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Row {
  key: string;
  name: string | null;
  total: number;
  open: number;
  resolved: number;
  referred: number;
  atVillage: number;
  atTownship: number;
  villageShare: number | null;
  townshipShare: number | null;
  resolutionWorkingDays: number | null;
}

let t: TestApp;
let county: Request;
let township: Request;
let village: Request;
let worker: Request;
let farWorker: Request;
const [GRID] = FIXTURE.grids;
const FAR_GRID = FIXTURE.grids[4];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const person: Record<string, string> = {};
const ids: string[] = [];

/** Sessions lapse when the clock moves a day: everyone signs in again. */
async function signIn() {
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  village = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
  worker = (await t.as(['grid_worker'], [GRID])).request;
  farWorker = (await t.as(['grid_worker'], [FAR_GRID])).request;
}

beforeAll(async () => {
  t = await createTestApp();
  await signIn();
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['F-1', '朝阳路 1 号', GRID, '住宅', '否'],
      ['F-2', '义堂路 1 号', FAR_GRID, '住宅', '否'],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      [makeIdNumber('420923', '1970-01-01', 201, 'male'), '钱一', '汉族', '户籍人口', 'F-1', '', '户主'],
      [makeIdNumber('420923', '1971-01-01', 202, 'male'), '钱二', '汉族', '户籍人口', 'F-2', '', '户主'],
    ]),
  );
  for (const r of await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`)) person[r.name] = r.id;
}, 60_000);
afterAll(() => t.close());

const record = async (request: Request, gridCode: string, name: string, typeCode: string) => {
  const res = await request({
    method: 'POST',
    url: '/api/disputes',
    payload: {
      title: '纠纷',
      typeCode,
      occurredOn: '2026-11-01',
      place: '路口',
      gridCode,
      peopleInvolved: 2,
      riskLevel: 'low',
      summary: '双方争执',
      parties: [{ kind: 'person', key: person[name], claim: '赔偿' }],
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  const d = res.json<{ id: string; version: number }>();
  ids.push(d.id);
  return d;
};
const step = (request: Request, id: string, payload: object) =>
  request({ method: 'POST', url: `/api/disputes/${id}/steps`, payload }).then((r) => r.json<{ id: string; version: number }>());
const figures = async (request: Request, query: string) => {
  const res = await request({ method: 'GET', url: `/api/disputes/figures?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ rows: Row[] }>().rows;
};
const counted = async (request: Request, query: string) =>
  (await request({ method: 'GET', url: `/api/disputes/figures/disputes?${query}` })).json<{ items: { id: string }[]; total: number }>();

describe('dispute figures: who may', () => {
  it('not signed in: 401; wrong role: 403; out of jurisdiction: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/disputes/figures' })).statusCode).toBe(401);
    expect((await worker({ method: 'GET', url: '/api/disputes/figures' })).statusCode).toBe(403);
    const far = await village({ method: 'GET', url: `/api/disputes/figures?areaCode=${FIXTURE.townships[1]}` });
    expect([far.statusCode, far.json().code]).toEqual([404, 'dispute_figures.area_not_found']);
  });
});

describe('dispute figures', () => {
  it('by tier and area: 小事不出村, 大事不出镇, working days to resolution, each number a list of the disputes it counts', async () => {
    // 2 November 2026 09:00 is a Monday. One resolved by the grid worker a working day later, one referred by the
    // village, one resolved at the township, one still open, and one in the other township.
    const a = await record(worker, GRID, '钱一', '0902');
    const b = await record(worker, GRID, '钱一', '0703');
    const c = await record(worker, GRID, '钱一', '0902');
    await record(worker, GRID, '钱一', '0201');
    await record(farWorker, FAR_GRID, '钱二', '0902');
    t.advance(24 * 3_600_000);
    await signIn();
    await step(worker, a.id, { version: a.version, step: 'resolve', agreement: '赔偿 500 元', followUpOn: '2026-11-20' });
    let d = await step(worker, b.id, { version: b.version, step: 'escalate', reason: '未果' });
    d = await step(village, d.id, { version: d.version, step: 'accept' });
    await step(village, d.id, { version: d.version, step: 'refer', to: 'court', reason: '起诉' });
    d = await step(worker, c.id, { version: c.version, step: 'escalate', reason: '未果' });
    d = await step(village, d.id, { version: d.version, step: 'accept' });
    d = await step(village, d.id, { version: d.version, step: 'escalate', reason: '未果' });
    d = await step(township, d.id, { version: d.version, step: 'accept' });
    t.advance(2 * 24 * 3_600_000);
    await signIn();
    await step(township, d.id, { version: d.version, step: 'resolve', agreement: '重新划界', followUpOn: '2026-11-30' });

    const byArea = await figures(county, 'areaCode=420923&from=2026-11&to=2026-11&by=area');
    expect(byArea.map((r) => [r.key, r.name, r.total, r.open, r.resolved, r.referred, r.atVillage, r.atTownship])).toEqual([
      [FIXTURE.townships[0], '城关镇', 4, 1, 2, 1, 1, 2],
      [FIXTURE.townships[1], '义堂镇', 1, 1, 0, 0, 0, 0],
    ]);
    const [town] = byArea;
    // Three ended: one resolved in the village, two in the township or below.
    expect([town.villageShare, town.townshipShare]).toEqual([0.333, 0.667]);
    // One working day and three: the mean of the resolved only.
    expect(town.resolutionWorkingDays).toBe(2);

    const byTier = await figures(township, 'from=2026-11&to=2026-11&by=tier');
    expect(byTier.map((r) => [r.key, r.total])).toEqual([
      ['grid', 2],
      ['township', 1],
      ['village', 1],
    ]);
    const atVillage = await counted(county, 'areaCode=420923&from=2026-11&to=2026-11&measure=atVillage');
    expect([atVillage.total, atVillage.items.map((x) => x.id)]).toEqual([1, [a.id]]);
    const landInTown = await counted(township, 'from=2026-11&to=2026-11&by=type&key=0902');
    expect(landInTown.items.map((x) => x.id).sort()).toEqual([a.id, c.id].sort());
    expect((await figures(county, 'areaCode=420923&from=2026-10&to=2026-10&by=type')).length).toBe(0);
  });

  it('the function for the assessment reads the same roll-up; a bad range is a 400 naming the field', async () => {
    const rows = await disputeFigures(t.db, { areaCode: FIXTURE.county, from: '2026-11', to: '2026-11', by: 'outcome' });
    expect(rows.map((r) => [r.key, r.total])).toEqual([
      ['open', 2],
      ['referred', 1],
      ['resolved', 2],
    ]);
    const bad = await county({ method: 'GET', url: '/api/disputes/figures?from=2026-12&to=2026-11' });
    expect([bad.statusCode, bad.json().code, bad.json().details[0].field]).toEqual([400, 'dispute_figures.invalid', 'from']);
    const noBy = await county({ method: 'GET', url: '/api/disputes/figures/disputes?key=0902' });
    expect([noBy.statusCode, noBy.json().details[0].field]).toEqual([400, 'by']);
  });

  it('the roll-up counts every dispute, and a rebuild from the disputes gives the same', async () => {
    const before = await queryRows(t.db, sql`select * from dispute_figure where n <> 0 order by 1, 2, 3, 4, 5, 6`);
    const [sum] = await queryRows<{ n: number }>(t.db, sql`select sum(n)::int as n from dispute_figure`);
    expect(sum.n).toBe(ids.length);
    await t.db.execute(sql`delete from dispute_figure`);
    const { createDisputeFigures } = await import('./dispute-figures.service.ts');
    await createDisputeFigures({ db: t.db, clock: t.clock }).catchUp();
    expect(await queryRows(t.db, sql`select * from dispute_figure where n <> 0 order by 1, 2, 3, 4, 5, 6`)).toEqual(before);
  });
});
