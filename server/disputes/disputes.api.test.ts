import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Detail {
  id: string;
  tier: string;
  status: string;
  ownerName: string;
  version: number;
  parties: { seq: number; name: string | null; identifier: string | null; phone: string | null; claim: string }[];
  sessions: { mediator: string; result: string; place: string | null; method: string }[];
  history: { actorName: string | null; after: Record<string, unknown> }[];
  abilities: string[];
  agreement: string | null;
}
interface Progress {
  id: string;
  villages: { villageCode: string; villageName: string; grids: number; reported: number }[];
  grids: { gridCode: string; gridName: string; state: string; disputes: number }[];
}

let t: TestApp;
let county: Request;
let township: Request;
let village: Request;
let worker: Request;
let neighbourWorker: Request;
let farWorker: Request;
let dept: Request;
const [GRID, GRID2] = FIXTURE.grids;
const FAR_GRID = FIXTURE.grids[4];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const ids = {
  wang: makeIdNumber('420923', '1960-03-14', 301, 'male'),
  li: makeIdNumber('420923', '1966-07-02', 302, 'female'),
  far: makeIdNumber('420923', '1980-02-02', 307, 'female'),
};
const person: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  village = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
  worker = (await t.as(['grid_worker'], [GRID])).request;
  neighbourWorker = (await t.as(['grid_worker'], [GRID2])).request;
  farWorker = (await t.as(['grid_worker'], [FAR_GRID])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['D-1', '朝阳路 1 号', GRID, '住宅', '否'],
      ['D-2', '朝阳路 2 号', GRID, '住宅', '否'],
      ['D-FAR', '义堂路 9 号', FAR_GRID, '住宅', '否'],
    ]),
  );
  const people = await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      [ids.wang, '王德顺', '汉族', '户籍人口', 'D-1', '13872001234', '户主'],
      [ids.li, '李桂英', '汉族', '户籍人口', 'D-2', '', '户主'],
      [ids.far, '赵芳', '汉族', '户籍人口', 'D-FAR', '', '户主'],
    ]),
  );
  expect(people.created).toBe(3);
  for (const r of await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`)) person[r.name] = r.id;
}, 60_000);
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  title: '王某与李某宅基地界址纠纷',
  typeCode: '0902',
  occurredOn: '2026-11-01',
  place: '朝阳路 1 号与 2 号之间',
  gridCode: GRID,
  lng: 113.02,
  lat: 31.1,
  peopleInvolved: 2,
  amountInvolved: 5000,
  riskLevel: 'medium',
  summary: '因宅基地界址发生争执',
  parties: [
    { kind: 'person', key: person.王德顺, claim: '要求恢复原界址' },
    { kind: 'person', key: person.李桂英, claim: '要求对方拆除围墙' },
  ],
  ...over,
});
const record = (request: Request, over: Record<string, unknown> = {}) =>
  request({ method: 'POST', url: '/api/disputes', payload: body(over) });
const step = (request: Request, id: string, payload: object) => request({ method: 'POST', url: `/api/disputes/${id}/steps`, payload });
const details = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const counts = async () =>
  (
    await queryRows(
      t.db,
      sql`select (select count(*)::int from dispute) as disputes, (select count(*)::int from dispute_party) as parties,
        (select count(*)::int from mediation_session) as sessions, (select count(*)::int from record_change where record_type = 'dispute') as changes,
        (select json_agg(json_build_object('v', version, 't', tier, 's', status) order by id) from dispute) as rows,
        (select count(*)::int from screening_grid where declared_none) as declared`,
    )
  )[0];

describe('disputes: who may', () => {
  it('not signed in: 401; wrong role: 403; out of jurisdiction: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/disputes' })).statusCode).toBe(401);
    expect((await dept({ method: 'GET', url: '/api/disputes' })).statusCode).toBe(403);
    expect((await record(dept)).statusCode).toBe(403);
    expect(
      (
        await worker({
          method: 'POST',
          url: '/api/disputes/rounds',
          payload: { kind: 'monthly', subject: 'x', areaCodes: [FIXTURE.villages[0]], closesOn: '2026-11-30' },
        })
      ).statusCode,
    ).toBe(403);
    const created = (await record(worker)).json<Detail>();
    expect((await farWorker({ method: 'GET', url: `/api/disputes/${created.id}` })).json().code).toBe('dispute.not_found');
    expect((await farWorker({ method: 'GET', url: '/api/disputes' })).json().items).toEqual([]);
  });
});

describe('the dispute record', () => {
  it('collects parties once from the records, masked, with what each asks', async () => {
    const d = (await record(worker)).json<Detail>();
    expect(d).toMatchObject({ tier: 'grid', status: 'mediating', ownerName: '网格1' });
    expect(d.parties.map((p) => [p.name, p.claim])).toEqual([
      ['王德顺', '要求恢复原界址'],
      ['李桂英', '要求对方拆除围墙'],
    ]);
    expect(d.parties[0].identifier).toMatch(/^\d+\*+\w+$/);
    expect(d.parties[0].identifier).not.toBe(ids.wang);
    expect(d.parties[0].phone).toBe('138****1234');
    expect(d.history).toHaveLength(1);
    expect(d.abilities).toEqual(['session', 'resolve', 'escalate', 'refer', 'event']);
  });

  it('refuses an unknown party, a party outside scope, an unknown type, an out-of-scope grid: nothing changed', async () => {
    const before = await counts();
    const unknown = await record(worker, { parties: [{ kind: 'person', key: '00000000-0000-4000-8000-000000000000', claim: '赔偿' }] });
    expect([unknown.statusCode, unknown.json().code, ...details(unknown)]).toEqual([
      422,
      'dispute.party_not_found',
      'parties.0.key:not_on_record_in_scope',
    ]);
    const outside = await record(worker, {
      parties: [
        { kind: 'person', key: person.王德顺, claim: '赔偿' },
        { kind: 'person', key: person.赵芳, claim: '赔偿' },
      ],
    });
    expect([outside.statusCode, ...details(outside)]).toEqual([422, 'parties.1.key:not_on_record_in_scope']);
    const org = await record(worker, { parties: [{ kind: 'organisation', key: '91420923MA4ABCDE1X', claim: '赔偿' }] });
    expect(details(org)).toEqual(['parties.0.key:not_on_record_in_scope']);
    expect((await record(worker, { typeCode: '09' })).statusCode).toBe(400);
    const grid = await record(worker, { gridCode: FAR_GRID });
    expect([grid.statusCode, grid.json().code]).toEqual([422, 'dispute.grid_not_found']);
    expect(await counts()).toEqual(before);
  });
});

describe('the list of disputes', () => {
  it('pages newest first: offset and limit give each dispute once, and total counts them all', async () => {
    for (let i = 0; i < 3; i++) await record(worker);
    const page = async (offset: number) =>
      (await worker({ method: 'GET', url: `/api/disputes?offset=${offset}&limit=2` })).json<{ items: { id: string }[]; total: number }>();
    const onRecord = (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from dispute`))[0].n;
    const pages = [];
    for (let offset = 0; offset < onRecord; offset += 2) pages.push(await page(offset));
    expect(pages.every((p) => p.total === onRecord)).toBe(true);
    const ids = pages.flatMap((p) => p.items.map((d) => d.id));
    expect(ids).toHaveLength(onRecord);
    expect(new Set(ids).size).toBe(onRecord);
    expect((await worker({ method: 'GET', url: '/api/disputes?limit=201' })).statusCode).toBe(400);
  });
});

describe('mediation tier by tier', () => {
  it('grid → village → township → county, each accepting; the owner acts, others are refused naming the rule', async () => {
    let d = (await record(worker)).json<Detail>();
    const before = await counts();
    // Escalating without a reason: refused, nothing changed.
    const noReason = await step(worker, d.id, { version: d.version, step: 'escalate', reason: ' ' });
    expect([noReason.statusCode, noReason.json().code, ...details(noReason)]).toEqual([400, 'dispute.reason_required', 'reason:required']);
    // A neighbouring grid's worker does not see it; the village sees it but does not own the grid tier.
    expect((await step(neighbourWorker, d.id, { version: d.version, step: 'accept' })).statusCode).toBe(404);
    const notOwner = await step(village, d.id, {
      version: d.version,
      step: 'session',
      heldOn: '2026-11-02',
      mediator: '陈',
      present: [1],
      result: 'failed',
    });
    expect([notOwner.statusCode, notOwner.json().code, ...details(notOwner)]).toEqual([403, 'dispute.not_tier_owner', 'tier:not_owner']);
    expect(await counts()).toEqual(before);

    const session = await step(worker, d.id, {
      version: d.version,
      step: 'session',
      heldOn: '2026-11-02',
      mediator: '王网格',
      present: [1, 2],
      result: 'failed',
      note: '双方各执一词',
      place: '村委会调解室',
      method: 'people',
    });
    d = session.json<Detail>();
    expect(d.sessions.map((s) => [s.result, s.place, s.method])).toEqual([['failed', '村委会调解室', 'people']]);
    const badPresent = await step(worker, d.id, {
      version: d.version,
      step: 'session',
      heldOn: '2026-11-02',
      mediator: '王',
      present: [3],
      result: 'failed',
    });
    expect(details(badPresent)).toEqual(['present:not_a_party']);
    d = (await step(worker, d.id, { version: d.version, step: 'escalate', reason: '网格调解未果' })).json<Detail>();
    expect(d).toMatchObject({ tier: 'village', status: 'pending', ownerName: '村1', abilities: [] });
    // The grid worker no longer owns it; a stale version is refused by the record lifecycle.
    expect((await step(worker, d.id, { version: d.version, step: 'accept' })).json().code).toBe('dispute.not_tier_owner');
    expect((await step(village, d.id, { version: d.version - 1, step: 'accept' })).json().code).toBe('registry.record_changed');
    // A step the status does not allow.
    const early = await step(village, d.id, { version: d.version, step: 'resolve', agreement: 'x', followUpOn: '2026-12-01' });
    expect([early.statusCode, early.json().code]).toEqual([409, 'dispute.step_not_allowed']);
    d = (await step(village, d.id, { version: d.version, step: 'accept' })).json<Detail>();
    d = (await step(village, d.id, { version: d.version, step: 'escalate', reason: '涉及宅基地确权' })).json<Detail>();
    d = (await step(township, d.id, { version: d.version, step: 'accept' })).json<Detail>();
    d = (await step(township, d.id, { version: d.version, step: 'escalate', reason: '需多部门联合' })).json<Detail>();
    expect(d).toMatchObject({ tier: 'county', status: 'pending', ownerName: '云梦县' });
    d = (await step(county, d.id, { version: d.version, step: 'accept' })).json<Detail>();
    const top = await step(county, d.id, { version: d.version, step: 'escalate', reason: '再上交' });
    expect([top.statusCode, top.json().code]).toEqual([409, 'dispute.top_tier']);
    d = (await step(county, d.id, { version: d.version, step: 'refer', to: 'court', reason: '调解不成，诉调对接' })).json<Detail>();
    expect(d).toMatchObject({ status: 'referred', abilities: [] });
    expect(d.history.map((h) => h.after?.step)).toEqual([
      'recorded',
      'session',
      'escalate',
      'accept',
      'escalate',
      'accept',
      'escalate',
      'accept',
      'refer',
    ]);
    // The list filters by tier and status.
    const listed = (await county({ method: 'GET', url: '/api/disputes?tier=county&status=referred' })).json<{ items: { id: string }[] }>();
    expect(listed.items.map((i) => i.id)).toEqual([d.id]);
  });

  it('resolves with an agreement (required) and a follow-up date (the county’s days after today when left out)', async () => {
    let d = (await record(worker)).json<Detail>();
    const missing = await step(worker, d.id, { version: d.version, step: 'resolve', agreement: '' });
    expect([missing.statusCode, ...details(missing)]).toEqual([400, 'agreement:required']);
    d = (
      await step(worker, d.id, {
        version: d.version,
        step: 'resolve',
        agreement: '双方以原界桩为界，围墙后移 0.5 米',
        followUpOn: '2026-11-20',
      })
    ).json<Detail>();
    expect(d).toMatchObject({
      status: 'resolved',
      agreement: '双方以原界桩为界，围墙后移 0.5 米',
      followUpOn: '2026-11-20',
      abilities: ['follow_up'],
    });
  });
});

describe('a dispute raises a loop event', () => {
  it('the tier owner raises one at the dispute’s place; once only; not without a point', async () => {
    const d = (await record(worker)).json<Detail>();
    const raise = (request: Request, id: string, version: number) =>
      request({
        method: 'POST',
        url: `/api/disputes/${id}/event`,
        payload: { version, itemCode: 'MD0701', description: '欠薪需人社局处理' },
      });
    expect((await raise(village, d.id, d.version)).json().code).toBe('dispute.not_tier_owner');
    const raised = await raise(worker, d.id, d.version);
    expect(raised.statusCode).toBe(200);
    const after = raised.json<Detail & { eventId: string }>();
    const event = (await worker({ method: 'GET', url: `/api/events/${after.eventId}` })).json();
    expect(event).toMatchObject({ itemCode: 'MD0701', source: 'grid_worker' });
    expect(after.history.at(-1)?.after).toMatchObject({ step: 'event_raised', eventId: after.eventId });
    expect((await raise(worker, d.id, after.version)).json().code).toBe('dispute.event_raised');
    const noPoint = (await record(worker, { lng: null, lat: null })).json<Detail>();
    expect((await raise(worker, noPoint.id, noPoint.version)).json().code).toBe('dispute.no_point');
  });
});

describe('screening rounds', () => {
  it('a township opens a round; grids report disputes or none; progress shows who has not reported', async () => {
    const outside = await township({
      method: 'POST',
      url: '/api/disputes/rounds',
      payload: { kind: 'special', subject: '欠薪专项排查', areaCodes: [FIXTURE.villages[2]], closesOn: '2026-11-30' },
    });
    expect([outside.statusCode, ...details(outside)]).toEqual([422, 'areaCodes.0:no_grids_in_scope']);
    const opened = await township({
      method: 'POST',
      url: '/api/disputes/rounds',
      payload: {
        kind: 'monthly',
        subject: '2026年11月矛盾纠纷排查',
        areaCodes: [FIXTURE.villages[0], FIXTURE.villages[1]],
        closesOn: '2026-11-30',
      },
    });
    expect(opened.statusCode).toBe(200);
    let p = opened.json<Progress>();
    expect(p.grids.map((g) => g.state)).toEqual(['pending', 'pending', 'pending', 'pending']);
    // The grid worker sees only their grid of the round.
    expect((await worker({ method: 'GET', url: `/api/disputes/rounds/${p.id}` })).json<Progress>().grids.map((g) => g.gridCode)).toEqual([
      GRID,
    ]);
    expect((await farWorker({ method: 'GET', url: `/api/disputes/rounds/${p.id}` })).statusCode).toBe(404);

    expect((await record(worker, { roundId: p.id })).statusCode).toBe(200);
    const before = await counts();
    const none = await worker({ method: 'POST', url: `/api/disputes/rounds/${p.id}/none`, payload: { gridCode: GRID } });
    expect([none.statusCode, none.json().code, ...details(none)]).toEqual([
      409,
      'dispute.round_has_disputes',
      'gridCode:disputes_recorded',
    ]);
    expect(await counts()).toEqual(before);
    p = (
      await neighbourWorker({ method: 'POST', url: `/api/disputes/rounds/${p.id}/none`, payload: { gridCode: GRID2 } })
    ).json<Progress>();
    p = (await township({ method: 'GET', url: `/api/disputes/rounds/${p.id}` })).json<Progress>();
    expect(p.grids.map((g) => [g.gridName, g.state, g.disputes])).toEqual([
      ['网格1', 'found', 1],
      ['网格2', 'none', 0],
      ['网格3', 'pending', 0],
      ['网格4', 'pending', 0],
    ]);
    expect(p.villages.map((v) => [v.villageName, v.grids, v.reported])).toEqual([
      ['村1', 2, 2],
      ['村2', 2, 0],
    ]);
    // Declaring another worker's grid clear: not in their jurisdiction.
    expect((await worker({ method: 'POST', url: `/api/disputes/rounds/${p.id}/none`, payload: { gridCode: GRID2 } })).json().code).toBe(
      'dispute.grid_not_found',
    );
    const listed = (await township({ method: 'GET', url: `/api/disputes?roundId=${p.id}` })).json<{ items: unknown[] }>();
    expect(listed.items).toHaveLength(1);
  });
});
