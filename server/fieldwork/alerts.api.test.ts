import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Alert {
  id: string;
  kind: string;
  houseCode: string | null;
  groupName: string;
  eventId: string | null;
  caseNo: string | null;
  disputeId: string | null;
  note: string | null;
}

let t: TestApp;
const GRID = FIXTURE.grids[0];
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const POINT = { lng: 113.02, lat: 31.1 };
let county: Request;
let worker: Request;
let leader: Request;
let workerId: string;
let leaderId: string;
let groupId = '';
let partyId = '';

const raise = (request: Request, id: string, payload: object) =>
  request({ method: 'POST', url: `/api/fieldwork/household-groups/${id}/alerts`, payload });
const historyOf = async (request: Request, id: string) => {
  const res = await request({ method: 'GET', url: `/api/fieldwork/household-groups/${id}/alerts` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ disbanded: boolean; items: Alert[] }>();
};
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const unchanged = async () => [await count('household_alert'), await count('notification'), await count('event'), await count('dispute')];
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  const w = await t.as(['grid_worker'], [GRID]);
  worker = w.request;
  workerId = w.user.id;
  const l = await t.as(['grid_leader'], [GRID]);
  leader = l.request;
  leaderId = l.user.id;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['A-1', '槐荫路 8 号 101 室', GRID, '住宅', '否'],
      ['A-2', '槐荫路 8 号 102 室', GRID, '住宅', '否'],
      ['A-3', '槐荫路 8 号 103 室', GRID, '住宅', '否'],
      ['A-9', '槐荫路 9 号', GRID, '住宅', '否'],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号'],
      [makeIdNumber('420923', '1966-04-01', 401, 'male'), '孙德胜', '汉族', '户籍人口', 'A-2'],
    ]),
  );
  partyId = (await queryRows<{ id: string }>(t.db, sql`select id from person where name = '孙德胜'`))[0].id;
  const g = await county({
    method: 'POST',
    url: '/api/registry/household-groups',
    payload: { name: '槐荫路 8 号十户联防组', gridCode: GRID, houseCodes: ['A-1', 'A-2', 'A-3'], leadHouseCode: 'A-1' },
  });
  expect(g.statusCode, g.body).toBe(200);
  groupId = g.json<{ id: string }>().id;
}, 60_000);
afterAll(() => t.close());

describe('alerts: who may', () => {
  it('not signed in: 401 on every route', async () => {
    const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
    for (const [method, url, payload] of [
      ['POST', `/api/fieldwork/household-groups/${groupId}/alerts`, { kind: 'fire' }],
      ['GET', `/api/fieldwork/household-groups/${groupId}/alerts`, undefined],
      ['POST', `/api/fieldwork/alerts/${id}/event`, { itemCode: 'AQ0205' }],
      ['POST', `/api/fieldwork/alerts/${id}/dispute`, {}],
    ] as const) {
      expect((await t.app.inject({ method, url, ...(payload ? { payload } : {}) })).statusCode).toBe(401);
    }
  });

  it('wrong role: a department handler and a grid leader read the history but raise none', async () => {
    const { request: dept } = await t.as(['department_handler'], [FIXTURE.county]);
    expect((await raise(dept, groupId, { kind: 'fire' })).statusCode).toBe(403);
    expect((await raise(leader, groupId, { kind: 'fire' })).statusCode).toBe(403);
    expect((await historyOf(leader, groupId)).items).toEqual([]);
  });

  it('out of jurisdiction: another township’s centre finds no such group', async () => {
    const { request: other } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    const res = await raise(other, groupId, { kind: 'fire' });
    expect([res.statusCode, res.json().code]).toEqual([404, 'registry.group_not_found']);
    expect((await other({ method: 'GET', url: `/api/fieldwork/household-groups/${groupId}/alerts` })).statusCode).toBe(404);
  });
});

describe('raising an alert', () => {
  it('bad input: an unknown group, a kind outside the list, a household not of the group: refused, nothing changed', async () => {
    const before = await unchanged();
    const unknown = await raise(worker, '7c9e6679-7425-40de-944b-e07fc1f90ae7', { kind: 'fire' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'registry.group_not_found']);
    const flood = await raise(worker, groupId, { kind: 'flood' });
    expect(flood.statusCode).toBe(400);
    expect(fields(flood).some((f) => f.includes('kind'))).toBe(true);
    const stranger = await raise(worker, groupId, { kind: 'theft', houseCode: 'A-9' });
    expect([stranger.statusCode, stranger.json().code, ...fields(stranger)]).toEqual([
      400,
      'alert.house_not_member',
      'houseCode:not_member',
    ]);
    expect(await unchanged()).toEqual(before);
  });

  it('the grid worker records a household’s alert; the grid leader is told in the inbox, naming the lead household', async () => {
    const res = await raise(worker, groupId, { kind: 'stranger', houseCode: 'A-2', note: '两名陌生男子在楼道徘徊', ...POINT });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Alert>()).toMatchObject({ kind: 'stranger', houseCode: 'A-2', groupName: '槐荫路 8 号十户联防组', eventId: null });
    const inbox = await leader({ method: 'GET', url: '/api/inbox' });
    const [note] = inbox.json<{ items: { kind: string; data: Record<string, unknown> }[] }>().items;
    expect(note).toMatchObject({
      kind: 'household_alert',
      data: {
        groupId,
        groupName: '槐荫路 8 号十户联防组',
        alertKind: 'stranger',
        houseCode: 'A-2',
        leadHouseCode: 'A-1',
        leadAddress: '槐荫路 8 号 101 室',
      },
    });
    const mine = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification where user_id = ${workerId}`);
    expect(mine[0].n).toBe(0);
    const toLeader = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification where user_id = ${leaderId}`);
    expect(toLeader[0].n).toBe(1);
  });

  it('the group’s alerts are its history, newest first', async () => {
    // A minute later: the clock of the tests stands still otherwise, and two alerts of one instant have no order.
    t.advance(60_000);
    await raise(worker, groupId, { kind: 'in_need', houseCode: 'A-3', note: '独居老人摔倒' });
    expect((await historyOf(worker, groupId)).items.map((a) => a.kind)).toEqual(['in_need', 'stranger']);
  });

  it('the history turns pages, each saying how many alerts there are in all', async () => {
    const page = async (query: string) => {
      const res = await worker({ method: 'GET', url: `/api/fieldwork/household-groups/${groupId}/alerts${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ disbanded: boolean; total: number; items: Alert[] }>();
    };
    const [first, second] = [await page('?limit=1'), await page('?offset=1&limit=1')];
    expect([first.total, second.total]).toEqual([2, 2]);
    expect([...first.items, ...second.items].map((a) => a.kind)).toEqual(['in_need', 'stranger']);
    expect((await page('?offset=2')).items).toEqual([]);
  });
});

describe('an alert becomes a case or a dispute', () => {
  it('a case of the loop at the alert’s point, in the alert’s words; once only', async () => {
    const [alert] = (await historyOf(worker, groupId)).items.filter((a) => a.kind === 'stranger');
    const res = await worker({ method: 'POST', url: `/api/fieldwork/alerts/${alert.id}/event`, payload: { itemCode: 'AQ0205' } });
    expect(res.statusCode, res.body).toBe(200);
    const done = res.json<Alert>();
    expect(done.eventId).not.toBeNull();
    const event = await worker({ method: 'GET', url: `/api/events/${done.eventId}` });
    expect(event.json()).toMatchObject({ itemCode: 'AQ0205', description: expect.stringContaining('陌生男子') });
    const again = await worker({
      method: 'POST',
      url: `/api/fieldwork/alerts/${alert.id}/dispute`,
      payload: {
        title: '又一次',
        typeCode: '0201',
        riskLevel: 'low',
        peopleInvolved: 1,
        parties: [{ kind: 'person', key: partyId, claim: '—' }],
      },
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'alert.converted']);
  });

  it('a dispute of the group’s grid, filled from the alert; a party not on record is refused and nothing changes', async () => {
    const [alert] = (await historyOf(worker, groupId)).items.filter((a) => a.kind === 'in_need');
    const body = { title: '邻里照料纠纷', typeCode: '0201', riskLevel: 'low', peopleInvolved: 2 };
    const before = await unchanged();
    const bad = await worker({
      method: 'POST',
      url: `/api/fieldwork/alerts/${alert.id}/dispute`,
      payload: { ...body, parties: [{ kind: 'person', key: '7c9e6679-7425-40de-944b-e07fc1f90ae7', claim: '要求照料' }] },
    });
    expect(bad.statusCode).toBe(422);
    expect(await unchanged()).toEqual(before);
    const res = await worker({
      method: 'POST',
      url: `/api/fieldwork/alerts/${alert.id}/dispute`,
      payload: { ...body, parties: [{ kind: 'person', key: partyId, claim: '要求照料' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const dispute = await worker({ method: 'GET', url: `/api/disputes/${res.json<Alert>().disputeId}` });
    expect(dispute.json()).toMatchObject({ gridCode: GRID, occurredOn: '2026-11-02', summary: expect.stringContaining('独居老人摔倒') });
  });

  it('a case needs a point: an alert with neither point nor household is refused', async () => {
    const alert = (await raise(worker, groupId, { kind: 'fire' })).json<Alert>();
    const res = await worker({ method: 'POST', url: `/api/fieldwork/alerts/${alert.id}/event`, payload: { itemCode: 'AQ0102' } });
    expect([res.statusCode, res.json().code]).toEqual([422, 'alert.no_point']);
  });
});

describe('a disbanded group', () => {
  it('raises no alert (409, nothing changed) and keeps its history', async () => {
    const { version } = (await county({ method: 'GET', url: `/api/registry/household-groups/${groupId}` })).json<{ version: number }>();
    expect((await county({ method: 'DELETE', url: `/api/registry/household-groups/${groupId}?version=${version}` })).statusCode).toBe(204);
    const before = await unchanged();
    const res = await raise(worker, groupId, { kind: 'theft' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'alert.group_disbanded']);
    expect(await unchanged()).toEqual(before);
    const history = await historyOf(worker, groupId);
    expect(history.disbanded).toBe(true);
    expect(history.items).toHaveLength(3);
  });
});
