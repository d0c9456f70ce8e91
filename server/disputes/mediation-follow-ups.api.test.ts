/**
 * Mediation time limits on the working-day calendar and the agreements' follow-ups (回访), through the API: the
 * county's limits per tier, the light in the list and the detail, provisional past the holiday data, the follow-up
 * owed in the to-do of the tier that resolved it, its refusals, and the figures that count both.
 */
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
  version: number;
  escalations?: number;
  mediationDueAt: string | null;
  mediationDays: number | null;
  light: string | null;
  provisional: boolean;
  followUpOn: string | null;
  followedUpAt: string | null;
  performance: string | null;
  followUps: { performance: string; outcome: string; note: string | null; actorName: string | null; tier: string }[];
  abilities: string[];
}

let t: TestApp;
const [GRID, GRID2] = FIXTURE.grids;
const DAY = 86_400_000;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const person: Record<string, string> = {};
// Sessions last 12 hours and the tests move the clock by weeks: each signs in again when it needs to act.
const as = async (roles: string[], area: string) => (await t.as(roles, [area])).request;
const county = () => as(['county_center'], FIXTURE.county);
const worker = () => as(['grid_worker'], GRID);
const village = () => as(['village_center'], FIXTURE.villages[0]);

beforeAll(async () => {
  t = await createTestApp();
  const c = await county();
  await importFile(
    c,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['F-1', '朝阳路 1 号', GRID, '住宅', '否'],
    ]),
  );
  await importFile(
    c,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      [makeIdNumber('420923', '1960-03-14', 401, 'male'), '周建国', '汉族', '户籍人口', 'F-1', '', '户主'],
      [makeIdNumber('420923', '1966-07-02', 402, 'female'), '吴秀兰', '汉族', '户籍人口', 'F-1', '', '户主'],
    ]),
  );
  for (const r of await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`)) person[r.name] = r.id;
}, 60_000);
afterAll(() => t.close());

const record = (request: Request) =>
  request({
    method: 'POST',
    url: '/api/disputes',
    payload: {
      title: '周某与吴某排水纠纷',
      typeCode: '0201',
      occurredOn: '2026-11-01',
      place: '朝阳路 1 号',
      gridCode: GRID,
      lng: 113.02,
      lat: 31.1,
      peopleInvolved: 2,
      riskLevel: 'low',
      summary: '排水沟堵塞引发争执',
      parties: [
        { kind: 'person', key: person.周建国, claim: '要求疏通' },
        { kind: 'person', key: person.吴秀兰, claim: '要求分担费用' },
      ],
    },
  });
const step = (request: Request, d: { id: string; version: number }, payload: object) =>
  request({ method: 'POST', url: `/api/disputes/${d.id}/steps`, payload: { version: d.version, ...payload } });
const details = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const settings = (request: Request, mediationDays: Record<string, number>, followUpDays: number) =>
  request({ method: 'PUT', url: '/api/disputes/settings', payload: { mediationDays, followUpDays } });
const DEFAULTS = { grid: 30, village: 30, township: 30, county: 30 };
const rowOf = async (id: string) =>
  (await queryRows<Record<string, unknown>>(t.db, sql`select version, status, tier, followed_up_at from dispute where id = ${id}`))[0];

describe('time limits and follow-ups: who may', () => {
  it('not signed in: 401; a grid worker may not set the limits: 403; another county’s: refused naming the field', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/disputes/settings' })).statusCode).toBe(401);
    expect((await settings(await worker(), DEFAULTS, 15)).statusCode).toBe(403);
    const other = await county();
    const res = await other({
      method: 'PUT',
      url: '/api/disputes/settings',
      payload: { countyCode: '420902', mediationDays: DEFAULTS, followUpDays: 15 },
    });
    expect([res.statusCode, ...details(res)]).toEqual([400, 'countyCode:not_in_scope']);
  });
});

describe('mediation time limits on the working-day calendar', () => {
  it('the defaults: 30 working days from acceptance, lit green, yellow near due, red overdue; counted in the figures', async () => {
    const c = await county();
    expect((await c({ method: 'GET', url: '/api/disputes/settings' })).json()).toMatchObject({
      mediationDays: DEFAULTS,
      followUpDays: 15,
      updatedAt: null,
    });
    const d = (await record(await worker())).json<Detail>();
    // Recorded Monday 2 November 2026 09:00: due at the close of office on the thirtieth working day after (no holiday between).
    expect(d).toMatchObject({ mediationDays: 30, light: 'green', provisional: false });
    expect(d.mediationDueAt).toBe(new Date('2026-12-14T17:30:00+08:00').toISOString());
    t.advance(Date.parse('2026-12-10T09:00:00+08:00') - Date.parse('2026-11-02T09:00:00+08:00'));
    const w = await worker();
    const [listed] = (await w({ method: 'GET', url: '/api/disputes' })).json<{ items: Detail[] }>().items;
    expect([listed.id, listed.light]).toEqual([d.id, 'yellow']);
    expect((await w({ method: 'GET', url: '/api/disputes?overdue=true' })).json().total).toBe(0);
    t.advance(5 * DAY);
    const w2 = await worker();
    expect((await w2({ method: 'GET', url: `/api/disputes/${d.id}` })).json<Detail>().light).toBe('red');
    expect((await w2({ method: 'GET', url: '/api/disputes?overdue=true' })).json().items.map((i: Detail) => i.id)).toEqual([d.id]);
    const figures = (await (await county())({ method: 'GET', url: '/api/disputes/figures?from=2026-11&to=2026-12' })).json();
    expect(figures.mediation).toMatchObject({ overdue: 1, followUpsOverdue: 0 });
    // Escalated, the village has not accepted it: no clock runs and it is not overdue any more.
    const up = (await step(w2, d, { step: 'escalate', reason: '网格调解未果' })).json<Detail>();
    expect(up).toMatchObject({ tier: 'village', status: 'pending', light: null, mediationDueAt: null });
    expect((await (await county())({ method: 'GET', url: '/api/disputes/figures?from=2026-11&to=2026-12' })).json().mediation.overdue).toBe(
      0,
    );
  });

  it('a county sets each tier’s limit; the tier that accepts takes it; a due time past the holiday data is provisional', async () => {
    const c = await county();
    const bad = await settings(c, { ...DEFAULTS, village: 0 }, 0);
    expect(bad.statusCode).toBe(400);
    expect((await c({ method: 'GET', url: '/api/disputes/settings' })).json().updatedAt).toBeNull();
    const set = await settings(c, { ...DEFAULTS, grid: 60, village: 10 }, 20);
    expect(set.json()).toMatchObject({ mediationDays: { grid: 60, village: 10 }, followUpDays: 20 });
    const d = (await record(await worker())).json<Detail>();
    // Sixty working days from mid-December reach into 2027, a year the holiday data does not cover yet.
    expect(d).toMatchObject({ mediationDays: 60, provisional: true });
    expect(new Date(d.mediationDueAt!).getUTCFullYear()).toBe(2027);
    const up = (await step(await worker(), d, { step: 'escalate', reason: '需村调委会调解' })).json<Detail>();
    const accepted = (await step(await village(), up, { step: 'accept' })).json<Detail>();
    expect(accepted).toMatchObject({ tier: 'village', status: 'mediating', mediationDays: 10, light: 'green' });
    const audit = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'dispute.settings_changed'`,
    );
    expect(audit[0].n).toBe(1);
  });

  it('a provisional due time moves when the year’s holidays are entered, and moves back when they are dropped', async () => {
    expect((await settings(await county(), { ...DEFAULTS, grid: 60, village: 10 }, 20)).statusCode).toBe(200);
    const d = (await record(await worker())).json<Detail>();
    expect(d).toMatchObject({ mediationDays: 60, provisional: true });
    const city = (await t.as(['city_center'], [FIXTURE.city])).request;
    const newYear = ['2027-01-01', '2027-01-02', '2027-01-03'].map((day) => ({ day, kind: 'holiday', name: '元旦' }));
    const entered = await city({ method: 'PUT', url: '/api/calendar/years/2027', payload: { days: newYear } });
    expect(entered.statusCode).toBe(200);
    expect(entered.json().recomputed).toBeGreaterThanOrEqual(1);
    const moved = (await (await worker())({ method: 'GET', url: `/api/disputes/${d.id}` })).json<Detail>();
    // 元旦 (a Friday) is no longer counted as a working day: the sixty days end one working day later.
    expect(moved).toMatchObject({ provisional: false, version: d.version + 1 });
    expect(Date.parse(moved.mediationDueAt!)).toBeGreaterThan(Date.parse(d.mediationDueAt!));
    expect((await city({ method: 'DELETE', url: '/api/calendar/years/2027' })).statusCode).toBe(200);
    const back = (await (await worker())({ method: 'GET', url: `/api/disputes/${d.id}` })).json<Detail>();
    expect(back).toMatchObject({ provisional: true, mediationDueAt: d.mediationDueAt });
  });
});

describe('agreements followed up (回访)', () => {
  it('due the county’s days after the agreement, owed in the to-do of the tier that resolved it; refusals name the field', async () => {
    const w = await worker();
    let d = (await record(w)).json<Detail>();
    const early = await step(w, d, { step: 'resolve', agreement: '双方各承担一半疏通费用', followUpOn: '2020-01-01' });
    expect([early.statusCode, ...details(early)]).toEqual([400, 'followUpOn:before_today']);
    d = (await step(w, d, { step: 'resolve', agreement: '双方各承担一半疏通费用' })).json<Detail>();
    const today = new Date(t.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 20 * DAY).toISOString().slice(0, 10);
    expect(d).toMatchObject({ status: 'resolved', followUpOn: due, light: null, abilities: ['follow_up'] });
    const counts = async (r: Request) => (await r({ method: 'GET', url: '/api/inbox/counts' })).json().agreementFollowUps;
    expect(await counts(w)).toEqual({ owed: 0, overdue: 0 });
    t.advance(18 * DAY);
    const w2 = await worker();
    expect(await counts(w2)).toEqual({ owed: 1, overdue: 0 });
    expect((await w2({ method: 'GET', url: '/api/disputes?followUp=owed' })).json().items.map((i: Detail) => i.id)).toEqual([d.id]);
    // Someone not responsible: the neighbouring grid's worker (out of jurisdiction: not found) and the village (not its tier).
    const neighbour = await as(['grid_worker'], GRID2);
    expect((await step(neighbour, d, { step: 'follow_up', performance: 'full', outcome: 'close' })).json().code).toBe('dispute.not_found');
    const v = await village();
    expect(await counts(v)).toEqual({ owed: 0, overdue: 0 });
    const notOwner = await step(v, d, { step: 'follow_up', performance: 'full', outcome: 'close' });
    expect([notOwner.statusCode, notOwner.json().code, ...details(notOwner)]).toEqual([
      403,
      'dispute.follow_up_not_owner',
      'step:not_responsible',
    ]);
    const fullReopen = await step(w2, d, { step: 'follow_up', performance: 'full', outcome: 'reopen', note: 'x' });
    expect([fullReopen.statusCode, ...details(fullReopen)]).toEqual([400, 'outcome:performed_in_full']);
    const noReason = await step(w2, d, { step: 'follow_up', performance: 'none', outcome: 'escalate' });
    expect([noReason.statusCode, ...details(noReason)]).toEqual([400, 'note:required']);
    expect(await rowOf(d.id)).toMatchObject({ version: d.version, status: 'resolved', followed_up_at: null });
    t.advance(3 * DAY);
    const w3 = await worker();
    expect(await counts(w3)).toEqual({ owed: 1, overdue: 1 });
    expect(
      (await (await county())({ method: 'GET', url: '/api/disputes/figures?from=2026-11&to=2027-01' })).json().mediation.followUpsOverdue,
    ).toBe(1);
    // Not performed: it goes up to the village's people's mediation committee, with the reason.
    const up = (
      await step(w3, d, { step: 'follow_up', performance: 'none', outcome: 'escalate', note: '对方拒不承担费用' })
    ).json<Detail>();
    expect(up).toMatchObject({ tier: 'village', status: 'pending', performance: 'none', abilities: [] });
    expect(up.followUps.map((f) => [f.tier, f.performance, f.outcome, f.note])).toEqual([['grid', 'none', 'escalate', '对方拒不承担费用']]);
    expect(up.followUps[0].actorName).not.toBeNull();
    expect(await counts(w3)).toEqual({ owed: 0, overdue: 0 });
    const again = await step(w3, up, { step: 'follow_up', performance: 'full', outcome: 'close' });
    expect(again.statusCode).toBe(403);
    // The village mediates it again, resolves it, and its follow-up finds it performed in full: that is the end.
    const v2 = await village();
    let at = (await step(v2, up, { step: 'accept' })).json<Detail>();
    at = (await step(v2, at, { step: 'resolve', agreement: '由村委会垫付后分摊', followUpOn: '2027-01-30' })).json<Detail>();
    expect(at).toMatchObject({ status: 'resolved', followUpOn: '2027-01-30', followedUpAt: null });
    expect(await counts(v2)).toEqual({ owed: 0, overdue: 0 });
    t.advance(26 * DAY);
    const v3 = await village();
    expect(await counts(v3)).toEqual({ owed: 1, overdue: 1 });
    at = (await step(v3, at, { step: 'follow_up', performance: 'full', outcome: 'close', note: '已履行' })).json<Detail>();
    expect(at).toMatchObject({ tier: 'village', status: 'resolved', performance: 'full', abilities: [] });
    const twice = await step(v3, at, { step: 'follow_up', performance: 'full', outcome: 'close' });
    expect([twice.statusCode, ...details(twice)]).toEqual([409, 'step:followed_up']);
    const figures = (await (await county())({ method: 'GET', url: '/api/disputes/figures?from=2026-11&to=2027-02' })).json();
    expect(figures.mediation.performed).toEqual({ full: 1, partial: 0, none: 1 });
    expect(figures.mediation.performedShare).toBe(0.5);
  });
});
