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
  idNumber: string;
  state: string;
  dueOn: string | null;
  lastOn: string | null;
  daysOverdue: number | null;
  specialGroups: string[];
  plan: { tagCode: string; cadence: string; follower: string };
  responsible: { id: string; name: string }[];
  mine: boolean;
}
interface List {
  total: number;
  people: number;
  missed: number;
  items: Item[];
}

let t: TestApp;
const GRID = FIXTURE.grids[0];
const FAR_GRID = FIXTURE.grids[4];
const DAY = 86_400_000;
const ids = {
  wang: makeIdNumber('420923', '1979-03-14', 301, 'male'),
  qian: makeIdNumber('420923', '1981-07-02', 302, 'female'),
  li: makeIdNumber('420923', '1970-01-09', 303, 'male'),
  zhao: makeIdNumber('420923', '2009-05-20', 305, 'male'),
};
const who = {} as Record<'county' | 'worker' | 'leader' | 'village' | 'township' | 'otherTownship' | 'otherWorker', Request>;
const names = {} as Record<keyof typeof who, string>;
const userIds = {} as Record<keyof typeof who, string>;
const person = {} as Record<'wang' | 'li' | 'zhao', string>;

/** Time passes (sessions end after hours): everyone signs in again. */
async function later(ms: number) {
  t.advance(ms);
  for (const k of Object.keys(who) as (keyof typeof who)[]) who[k] = await t.signIn(names[k]);
}
const list = async (request: Request, query = '') => {
  const res = await request({ method: 'GET', url: `/api/fieldwork/follow-ups${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<List>();
};
const formOf = (request: Request, id: string) => request({ method: 'GET', url: `/api/fieldwork/follow-ups/${id}` });
const record = (request: Request, id: string, payload: object) =>
  request({ method: 'POST', url: `/api/fieldwork/follow-ups/${id}/visits`, payload });
const setPlan = (request: Request, kind: string, code: string, payload: object) =>
  request({ method: 'PUT', url: `/api/fieldwork/follow-up-plans/${kind}/${code}`, payload });
const audits = async (action: string) =>
  queryRows<{ actor_id: string; target: string | null; detail: Record<string, unknown> }>(
    t.db,
    sql`select actor_id, target, detail from audit_log where action = ${action} order by id`,
  );
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);

/** A visit form's answer: every resident still there, the house as recorded. */
async function allPresent(request: Request, id: string) {
  const form = (await formOf(request, id)).json<{ visit: { house: { version: number }; residents: { personId: string }[] } }>();
  return { version: form.visit.house.version, residents: form.visit.residents.map((r) => ({ personId: r.personId, status: 'present' })) };
}

beforeAll(async () => {
  t = await createTestApp();
  const accounts = await followUpAccounts(t, {
    county: ['county_center', FIXTURE.county],
    worker: ['grid_worker', GRID],
    leader: ['grid_leader', GRID],
    village: ['village_center', FIXTURE.villages[0]],
    township: ['township_center', FIXTURE.townships[0]],
    otherTownship: ['township_center', FIXTURE.townships[1]],
    otherWorker: ['grid_worker', FIXTURE.grids[1]],
  } as const);
  Object.assign(who, accounts.who);
  Object.assign(names, accounts.usernames);
  Object.assign(userIds, accounts.ids);
  const people = await importFollowedPeople(
    t,
    who.county,
    [
      ['F-1', '朝阳路 3 号 101 室', GRID],
      ['F-2', '朝阳路 3 号 102 室', GRID],
      ['F-FAR', '义堂路 19 号', FAR_GRID],
    ],
    [
      [ids.wang, '王建军', 'F-1', '严重精神障碍患者', ''],
      [ids.qian, '钱秀英', 'F-1', '', ''],
      [ids.li, '李明', 'F-2', '刑满释放人员', ''],
      [ids.zhao, '赵小宝', 'F-FAR', '', '闲散青少年'],
    ],
  );
  Object.assign(person, { wang: people.get('王建军'), li: people.get('李明'), zhao: people.get('赵小宝') });
}, 60_000);
afterAll(() => t.close());

describe('follow-ups: who may', () => {
  it('not signed in: 401 on every route', async () => {
    for (const [method, url] of [
      ['GET', '/api/fieldwork/follow-up-plans'],
      ['PUT', '/api/fieldwork/follow-up-plans/special_group/01'],
      ['GET', '/api/fieldwork/follow-ups'],
      ['GET', `/api/fieldwork/follow-ups/${person.wang}`],
      ['POST', `/api/fieldwork/follow-ups/${person.wang}/visits`],
    ] as const) {
      const payload = method === 'PUT' ? { cadence: 'weekly', follower: 'grid_worker', version: 0 } : { version: 1, residents: [] };
      expect((await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload }) })).statusCode).toBe(401);
    }
  });

  it('wrong role: a department handler sees none of it; only the county sets a plan; a village centre records no follow-up', async () => {
    const { request: dept } = await t.as(['department_handler'], [FIXTURE.county]);
    expect((await dept({ method: 'GET', url: '/api/fieldwork/follow-ups' })).statusCode).toBe(403);
    expect((await formOf(dept, person.wang)).statusCode).toBe(403);
    for (const r of [who.township, who.worker])
      expect((await setPlan(r, 'special_group', '01', { cadence: 'weekly', follower: 'grid_worker', version: 0 })).statusCode).toBe(403);
    expect((await record(who.village, person.wang, { version: 1, residents: [] })).statusCode).toBe(403);
  });

  it('out of jurisdiction: another township’s centre finds neither the person nor them in its list', async () => {
    const res = await formOf(who.otherTownship, person.wang);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('followup.not_found');
    expect((await list(who.otherTownship)).items.map((i) => i.name)).toEqual(['赵小宝']);
  });
});

describe('the county’s plans', () => {
  it('start from the GB/T 31000 defaults: a severe mental disorder weekly, a released prisoner monthly, by the grid worker', async () => {
    const res = await who.county({ method: 'GET', url: '/api/fieldwork/follow-up-plans' });
    expect(res.statusCode).toBe(200);
    const { countyCode, items } = res.json<{
      countyCode: string;
      items: { tagKind: string; tagCode: string; cadence: string; own: boolean; version: number }[];
    }>();
    expect(countyCode).toBe(FIXTURE.county);
    const of = (kind: string, code: string) => items.find((p) => p.tagKind === kind && p.tagCode === code);
    expect(of('special_group', '03')).toMatchObject({ cadence: 'weekly', own: false, version: 0 });
    expect(of('special_group', '01')).toMatchObject({ cadence: 'monthly', own: false });
  });

  it('bad input: days without a number, a cadence outside the list, a stale version: refused naming the field, nothing changed', async () => {
    const noDays = await setPlan(who.county, 'special_group', '01', { cadence: 'days', follower: 'grid_worker', version: 0 });
    expect(noDays.statusCode).toBe(400);
    expect([noDays.json().code, ...fields(noDays)]).toEqual(['followup.plan_invalid', 'intervalDays:required_when_days']);
    const hourly = await setPlan(who.county, 'special_group', '01', { cadence: 'hourly', follower: 'grid_worker', version: 0 });
    expect(hourly.statusCode).toBe(400);
    expect(fields(hourly).some((f) => f.startsWith('body.cadence') || f.startsWith('cadence'))).toBe(true);
    const stale = await setPlan(who.county, 'special_group', '01', { cadence: 'weekly', follower: 'grid_worker', version: 3 });
    expect(stale.statusCode).toBe(409);
    expect(await count('follow_up_plan')).toBe(0);
    expect(await audits('followup.plan_changed')).toHaveLength(0);
  });

  it('the county sets a plan of its own: every 10 days; the change is audited; the version guards the next change', async () => {
    const res = await setPlan(who.county, 'special_group', '01', {
      cadence: 'days',
      intervalDays: 10,
      follower: 'grid_worker',
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res
      .json<{ items: { tagKind: string; tagCode: string; own: boolean; version: number; intervalDays: number | null }[] }>()
      .items.find((p) => p.tagKind === 'special_group' && p.tagCode === '01');
    expect(plan).toMatchObject({ own: true, version: 1, intervalDays: 10 });
    expect((await setPlan(who.county, 'special_group', '01', { cadence: 'monthly', follower: 'grid_worker', version: 0 })).statusCode).toBe(
      409,
    );
    const [audit] = await audits('followup.plan_changed');
    expect(audit).toMatchObject({
      actor_id: userIds.county,
      target: FIXTURE.county,
      detail: { tag: 'special_group:01', intervalDays: 10 },
    });
  });
});

describe('the worker’s follow-ups', () => {
  it('lists the tagged people they follow up, never followed up first, missed; each read is audited', async () => {
    const mine = await list(who.worker);
    expect(mine.items.map((i) => i.name).sort()).toEqual(['李明', '王建军']);
    expect(mine).toMatchObject({ total: 2, people: 2, missed: 2 });
    const wang = mine.items.find((i) => i.name === '王建军')!;
    expect(wang).toMatchObject({
      state: 'missed',
      dueOn: null,
      lastOn: null,
      mine: true,
      specialGroups: ['03'],
      plan: { tagCode: '03', cadence: 'weekly' },
    });
    expect(wang.idNumber).not.toBe(ids.wang);
    expect(wang.responsible.map((r) => r.id)).toEqual([userIds.worker]);
    const listed = (await audits('followup.listed')).filter((a) => a.actor_id === userIds.worker);
    expect(listed.at(-1)?.detail.personIds).toEqual(mine.items.map((i) => i.personId));
  });

  it('turns pages in the same order: each page one row, the counts over all pages', async () => {
    const all = await list(who.worker);
    const pages = [
      await list(who.worker, '?limit=1'),
      await list(who.worker, '?offset=1&limit=1'),
      await list(who.worker, '?offset=2&limit=1'),
    ];
    expect(pages.map((p) => p.items.map((i) => i.personId))).toEqual([[all.items[0].personId], [all.items[1].personId], []]);
    for (const p of pages) expect(p).toMatchObject({ total: 2, people: 2, missed: 2 });
    expect((await who.worker({ method: 'GET', url: '/api/fieldwork/follow-ups?limit=501' })).statusCode).toBe(400);
  });

  it('another grid’s worker does not follow them up (nor see them)', async () => {
    expect((await list(who.otherWorker)).items).toEqual([]);
  });

  it('the form is the visit form of their house, filled from the record, and reading it is audited', async () => {
    const res = await formOf(who.worker, person.wang);
    expect(res.statusCode).toBe(200);
    const body = res.json<{ followUp: Item; visit: { house: { code: string }; residents: { name: string }[] } }>();
    expect(body.visit.house.code).toBe('F-1');
    expect(body.visit.residents.map((r) => r.name).sort()).toEqual(['王建军', '钱秀英']);
    const read = (await audits('followup.read')).at(-1);
    expect(read).toMatchObject({ actor_id: userIds.worker, target: person.wang, detail: { tags: ['special_group:03'] } });
  });

  it('a follow-up by someone not responsible (the grid leader, while the plan names the worker): 403 naming the rule, nothing changed', async () => {
    const before = [await count('house_visit'), await count('record_change')];
    const res = await record(who.leader, person.wang, await allPresent(who.leader, person.wang));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'followup.not_responsible',
      details: [{ field: 'personId', reason: 'responsible_is_grid_worker' }],
    });
    expect([await count('house_visit'), await count('record_change')]).toEqual(before);
  });

  it('the worker records it through the visit path: the house visit is written and the schedule moves on a week', async () => {
    const res = await record(who.worker, person.wang, { ...(await allPresent(who.worker, person.wang)), note: '情绪稳定，按时服药' });
    expect(res.statusCode, res.body).toBe(200);
    const { visit, followUp } = res.json<{ visit: { id: string; confirmed: number }; followUp: Item }>();
    expect(visit.confirmed).toBe(2);
    expect(followUp).toMatchObject({ state: 'on_time', lastOn: '2026-11-02', dueOn: '2026-11-09', daysOverdue: 0 });
    const [row] = await queryRows<{ house_code: string; person_id: string; followed_tags: string[] }>(
      t.db,
      sql`select house_code, person_id, followed_tags from house_visit where id = ${visit.id}`,
    );
    expect(row).toEqual({ house_code: 'F-1', person_id: person.wang, followed_tags: ['special_group:03'] });
    const houseVisits = await who.worker({ method: 'GET', url: '/api/fieldwork/houses/F-1/visits' });
    expect(houseVisits.json<{ items: { id: string }[] }>().items.map((v) => v.id)).toContain(visit.id);
    // The missed-only list counts its own rows; the people on the list and the missed stay the counts over all.
    expect(await list(who.worker, '?missed=true')).toMatchObject({ total: 1, people: 2, missed: 1, items: [{ name: '李明' }] });
  });

  it('when the county names the grid leader for a tag, the leader follows up and the worker no longer may', async () => {
    const plans = await setPlan(who.county, 'special_group', '03', { cadence: 'weekly', follower: 'grid_leader', version: 0 });
    expect(plans.statusCode).toBe(200);
    expect((await list(who.worker)).items.map((i) => i.name)).toEqual(['李明']);
    const refused = await record(who.worker, person.wang, await allPresent(who.worker, person.wang));
    expect(refused.json()).toMatchObject({ code: 'followup.not_responsible', details: [{ reason: 'responsible_is_grid_leader' }] });
    expect((await record(who.leader, person.wang, await allPresent(who.leader, person.wang))).statusCode).toBe(200);
  });
});

describe('missed follow-ups, flagged to the village and township', () => {
  it('nine days on, the weekly follow-up is two days past due: in the village’s and township’s missed list and in missedFollowUps', async () => {
    await later(9 * DAY);
    for (const r of [who.village, who.township]) {
      const missed = await list(r, '?missed=true');
      expect(missed.items.map((i) => `${i.name}:${i.daysOverdue}`).sort()).toEqual(['李明:null', '王建军:2']);
      expect(missed).toMatchObject({ total: 2, missed: 2 });
      expect(missed.people).toBe((await list(r)).people);
    }
    const fromIndex = await missedFollowUps(t.db, scopeOf([FIXTURE.townships[0]]), t.clock());
    expect(fromIndex.map((m) => `${m.personId}:${m.dueOn}:${m.daysOverdue}`).sort()).toEqual(
      [`${person.li}:null:null`, `${person.wang}:2026-11-09:2`].sort(),
    );
    expect(fromIndex.find((m) => m.personId === person.wang)?.responsible).toEqual([userIds.leader]);
  });

  it('a township’s list under one of its villages; an area outside its jurisdiction lists nothing', async () => {
    expect((await list(who.township, `?missed=true&area=${FIXTURE.villages[1]}`)).items).toEqual([]);
    expect((await list(who.township, `?area=${FAR_GRID}`)).items).toEqual([]);
  });
});
