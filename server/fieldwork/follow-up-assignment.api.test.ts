import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { scopeOf } from '../platform/scope.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { followUpAccounts, importFollowedPeople } from '../testing/follow-ups.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { missedFollowUps } from './index.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Item {
  personId: string;
  name: string;
  state: string;
  responsible: { id: string; name: string }[];
  mine: boolean;
  assignment: { followerId: string; followerName: string; gridCode: string; reason: string; assignedByName: string } | null;
  assignmentVersion: number;
  abilities: { assign: boolean };
}

let t: TestApp;
const GRID = FIXTURE.grids[0];
const ID_NUMBER = makeIdNumber('420923', '1979-03-14', 321, 'male');
const ROLES = {
  county: ['county_center', FIXTURE.county],
  worker: ['grid_worker', GRID],
  // The east grid of the same village, and a grid of the township's other village.
  neighbour: ['grid_worker', FIXTURE.grids[1]],
  farWorker: ['grid_worker', FIXTURE.grids[2]],
  otherTownshipWorker: ['grid_worker', FIXTURE.grids[4]],
  village: ['village_center', FIXTURE.villages[0]],
  otherVillage: ['village_center', FIXTURE.villages[1]],
  township: ['township_center', FIXTURE.townships[0]],
  otherTownship: ['township_center', FIXTURE.townships[1]],
} as const;
type Who = keyof typeof ROLES;
const who = {} as Record<Who, Request>;
const ids = {} as Record<Who, string>;
const usernames = {} as Record<Who, string>;
let personId = '';

const path = () => `/api/fieldwork/follow-ups/${personId}`;
const assign = (request: Request, payload: object) => request({ method: 'PUT', url: `${path()}/assignment`, payload });
const unassign = (request: Request, payload: object) => request({ method: 'DELETE', url: `${path()}/assignment`, payload });
const followers = (request: Request) => request({ method: 'GET', url: `${path()}/followers` });
const listOf = async (request: Request, query = '') => {
  const res = await request({ method: 'GET', url: `/api/fieldwork/follow-ups${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Item[] }>().items;
};
const counts = async (request: Request) =>
  (await request({ method: 'GET', url: '/api/inbox/counts' })).json<{
    total: number;
    followUps: { missed: number; dueSoon: number } | null;
  }>();
const assignments = async () =>
  queryRows<{ follower_id: string | null; grid_code: string | null; reason: string; version: number }>(
    t.db,
    sql`select follower_id::text, grid_code, reason, version from follow_up_assignment`,
  );
const warningUnits = async () =>
  (
    await queryRows<{ unit_code: string }>(t.db, sql`select unit_code from dispute_warning where kind = 'missed_visits' and state = 'open'`)
  ).map((r) => r.unit_code);
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);

/** The follower at hand visits the person's house with everyone present. */
async function followUp(request: Request) {
  const form = await request({ method: 'GET', url: path() });
  expect(form.statusCode, form.body).toBe(200);
  const visit = form.json<{ visit: { house: { version: number }; residents: { personId: string }[] } }>().visit;
  return request({
    method: 'POST',
    url: `${path()}/visits`,
    payload: { version: visit.house.version, residents: visit.residents.map((r) => ({ personId: r.personId, status: 'present' })) },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const accounts = await followUpAccounts(t, ROLES);
  Object.assign(who, accounts.who);
  Object.assign(ids, accounts.ids);
  Object.assign(usernames, accounts.usernames);
  const people = await importFollowedPeople(
    t,
    who.county,
    [['A-1', '朝阳路 12 号', GRID]],
    [[ID_NUMBER, '周德明', 'A-1', '刑满释放人员', '']],
  );
  personId = people.get('周德明')!;
  // Never followed up: missed at once, and the default missed_visits rule warns the person's village.
  const run = await who.county({ method: 'POST', url: '/api/disputes/warnings/run', payload: {} });
  expect(run.json()).toMatchObject({ raised: 1 });
}, 60_000);
afterAll(() => t.close());

describe('naming a key person’s follower: who may', () => {
  it('not signed in: 401 on the three routes', async () => {
    for (const [method, url] of [
      ['GET', `${path()}/followers`],
      ['PUT', `${path()}/assignment`],
      ['DELETE', `${path()}/assignment`],
    ] as const)
      expect((await t.app.inject({ method, url, payload: method === 'GET' ? undefined : { reason: '调整', version: 0 } })).statusCode).toBe(
        401,
      );
  });

  it('wrong role: a grid worker and the county centre name no one (403)', async () => {
    for (const r of [who.worker, who.county]) {
      expect((await assign(r, { followerId: ids.neighbour, reason: '调整随访人', version: 0 })).statusCode).toBe(403);
      expect((await followers(r)).statusCode).toBe(403);
    }
  });

  it('out of jurisdiction: another township finds no such person (404); nothing is written', async () => {
    const res = await assign(who.otherTownship, { followerId: ids.otherTownshipWorker, reason: '调整随访人', version: 0 });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('followup.not_found');
    expect(await assignments()).toEqual([]);
  });
});

describe('the village names a follower of its own grids', () => {
  it('offers the grid workers of its grids by name, the person’s own grid marked', async () => {
    const res = await followers(who.village);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: { id: string; ofPersonGrid: boolean; areas: { code: string }[] }[] }>().items;
    expect(items.map((i) => [i.id, i.ofPersonGrid]).sort()).toEqual(
      [
        [ids.neighbour, false],
        [ids.worker, true],
      ].sort(),
    );
    expect(items.find((i) => i.id === ids.neighbour)?.areas.map((a) => a.code)).toEqual([FIXTURE.grids[1]]);
  });

  it('bad input: no reason, a worker outside the village, a stale version, taking back when none is named: refused naming the field, nothing written', async () => {
    const noReason = await assign(who.village, { followerId: ids.neighbour, reason: ' ', version: 0 });
    expect(noReason.statusCode).toBe(400);
    const outside = await assign(who.village, { followerId: ids.farWorker, reason: '就近随访', version: 0 });
    expect(outside.statusCode).toBe(400);
    expect([outside.json().code, ...fields(outside)]).toEqual(['followup.assignment_invalid', 'followerId:not_a_follower_here']);
    const stale = await assign(who.village, { followerId: ids.neighbour, reason: '就近随访', version: 2 });
    expect(stale.statusCode).toBe(409);
    const none = await unassign(who.village, { reason: '恢复网格随访', version: 1 });
    expect(none.statusCode).toBe(400);
    expect(fields(none)).toEqual(['followerId:none_named']);
    expect(await assignments()).toEqual([]);
  });

  it('before: the grid worker owes the follow-up, and it is work in their to-do', async () => {
    expect((await listOf(who.worker)).map((i) => i.name)).toEqual(['周德明']);
    expect((await counts(who.worker)).followUps).toEqual({ missed: 1, dueSoon: 0 });
    expect((await counts(who.neighbour)).followUps).toEqual({ missed: 0, dueSoon: 0 });
    expect((await counts(who.village)).followUps).toBeNull();
  });

  it('names the neighbouring grid’s worker with a reason: the list, the to-do and the right to record move to them; audited', async () => {
    const res = await assign(who.village, { followerId: ids.neighbour, reason: '原网格员外出培训一个月', version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Item>()).toMatchObject({
      responsible: [{ id: ids.neighbour }],
      assignment: { followerId: ids.neighbour, gridCode: FIXTURE.grids[1], reason: '原网格员外出培训一个月' },
      assignmentVersion: 1,
      abilities: { assign: true },
    });
    expect(await listOf(who.worker)).toEqual([]);
    expect((await listOf(who.neighbour)).map((i) => [i.name, i.mine])).toEqual([['周德明', true]]);
    expect((await counts(who.worker)).followUps).toEqual({ missed: 0, dueSoon: 0 });
    const before = await counts(who.neighbour);
    expect(before.followUps).toEqual({ missed: 1, dueSoon: 0 });
    const refused = await followUp(who.worker);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'followup.not_responsible', details: [{ reason: 'responsible_is_named' }] });
    const [audit] = await queryRows<{ actor_id: string; target: string; detail: Record<string, unknown> }>(
      t.db,
      sql`select actor_id::text, target, detail from audit_log where action = 'followup.assigned'`,
    );
    expect(audit).toMatchObject({
      actor_id: ids.village,
      target: personId,
      detail: { followerId: ids.neighbour, before: null, gridCode: FIXTURE.grids[1], reason: '原网格员外出培训一个月' },
    });
    // The same village: its warning stays where it was.
    expect(await warningUnits()).toEqual([FIXTURE.villages[0]]);
  });

  it('the named follower records the follow-up: it leaves their to-do', async () => {
    const res = await followUp(who.neighbour);
    expect(res.statusCode, res.body).toBe(200);
    const after = await counts(who.neighbour);
    expect(after.followUps).toEqual({ missed: 0, dueSoon: 0 });
  });
});

describe('the township names a follower of another village', () => {
  it('moves the follow-up to that grid: its worker sees and visits the house, its village gets the open warning and the missed list', async () => {
    // A month and more on, the monthly follow-up is missed again, and the warning has a new miss to rest on.
    t.advance(40 * 86_400_000);
    for (const k of Object.keys(who) as Who[]) who[k] = await t.signIn(usernames[k]);
    const [row] = await assignments();
    const res = await assign(who.township, { followerId: ids.farWorker, reason: '该人员在邻村务工，就近随访', version: row.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Item>().assignment).toMatchObject({ followerId: ids.farWorker, gridCode: FIXTURE.grids[2] });
    expect(await warningUnits()).toEqual([FIXTURE.villages[1]]);
    const warnings = await who.otherVillage({ method: 'GET', url: '/api/disputes/warnings' });
    const [w] = warnings.json<{ items: { id: string; kind: string }[] }>().items.filter((i) => i.kind === 'missed_visits');
    const detail = (await who.otherVillage({ method: 'GET', url: `/api/disputes/warnings/${w.id}` })).json<{
      person: { name: string | null; identifier: string | null };
    }>();
    expect(detail.person.name).toBe('周德明');
    expect(detail.person.identifier).not.toBe(ID_NUMBER);
    expect((await listOf(who.otherVillage, '?missed=true')).map((i) => i.name)).toEqual(['周德明']);
    const misses = await missedFollowUps(t.db, scopeOf([FIXTURE.county]), t.clock());
    expect(misses.map((m) => m.gridCode)).toEqual([FIXTURE.grids[2]]);
    // The village the person lives in still sees them and may name their follower again.
    expect((await listOf(who.village)).map((i) => i.abilities.assign)).toEqual([true]);
    expect((await followUp(who.farWorker)).statusCode).toBe(200);
    expect((await counts(who.farWorker)).followUps).toEqual({ missed: 0, dueSoon: 0 });
  });

  it('the other village may not name the follower of a person who does not live there (403)', async () => {
    const [row] = await assignments();
    const res = await unassign(who.otherVillage, { reason: '恢复网格随访', version: row.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('followup.not_assigner');
  });

  it('taken back with a reason: the grid team follows up again, and the open warning goes back to the person’s village', async () => {
    const [row] = await assignments();
    const res = await unassign(who.township, { reason: '原网格员已返岗', version: row.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Item>()).toMatchObject({ assignment: null, responsible: [{ id: ids.worker }], assignmentVersion: row.version + 1 });
    expect(await assignments()).toEqual([{ follower_id: null, grid_code: null, reason: '原网格员已返岗', version: row.version + 1 }]);
    expect(await warningUnits()).toEqual([FIXTURE.villages[0]]);
    expect(await listOf(who.farWorker)).toEqual([]);
    const removed = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'followup.assignment_removed' and target = ${personId}`,
    );
    expect(removed[0].n).toBe(1);
  });
});
