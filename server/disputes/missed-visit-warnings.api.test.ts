import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
interface Warning {
  id: string;
  ruleKey: string;
  kind: string;
  level: string;
  unitCode: string;
  subject: string;
  state: string;
  version: number;
  abilities: string[];
  person: { personId: string; name: string | null; identifier: string | null; tags: string[] | null } | null;
  misses: { dueOn: string | null; lastOn: string | null; daysOverdue: number | null }[];
}

let t: TestApp;
const GRID = FIXTURE.grids[0];
const DAY = 86_400_000;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const ID_NUMBER = makeIdNumber('420923', '1979-03-14', 311, 'male');
const who = {} as Record<'county' | 'worker' | 'village' | 'township' | 'leader', Request>;
const names = {} as Record<keyof typeof who, string>;
let personId = '';

/** Time passes (sessions end after hours): everyone signs in again. */
async function later(ms: number) {
  t.advance(ms);
  for (const k of Object.keys(who) as (keyof typeof who)[]) who[k] = await t.signIn(names[k]);
}
const run = async () => {
  const res = await who.county({ method: 'POST', url: '/api/disputes/warnings/run', payload: {} });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ raised: number; extended: number }>();
};
const missedWarnings = async () =>
  queryRows<{ id: string; state: string; unit_code: string; subject: string }>(
    t.db,
    sql`select id::text, state, unit_code, subject from dispute_warning where kind = 'missed_visits' order by raised_at`,
  );
const detail = async (request: Request, id: string) => {
  const res = await request({ method: 'GET', url: `/api/disputes/warnings/${id}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Warning>();
};
/** The worker follows the person up: the house visit with everyone present. */
async function followUp() {
  const form = await who.worker({ method: 'GET', url: `/api/fieldwork/follow-ups/${personId}` });
  const visit = form.json<{ visit: { house: { version: number }; residents: { personId: string }[] } }>().visit;
  const res = await who.worker({
    method: 'POST',
    url: `/api/fieldwork/follow-ups/${personId}/visits`,
    payload: { version: visit.house.version, residents: visit.residents.map((r) => ({ personId: r.personId, status: 'present' })) },
  });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  const roles: [keyof typeof who, string, string][] = [
    ['county', 'county_center', FIXTURE.county],
    ['worker', 'grid_worker', GRID],
    ['village', 'village_center', FIXTURE.villages[0]],
    ['township', 'township_center', FIXTURE.townships[0]],
    ['leader', 'leader', FIXTURE.county],
  ];
  for (const [key, role, area] of roles) {
    const u = await t.as([role], [area]);
    who[key] = u.request;
    names[key] = u.user.username;
  }
  await importFile(
    who.county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['M-1', '朝阳路 8 号', GRID, '住宅', '否'],
    ]),
  );
  const people = await importFile(
    who.county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '特殊人群', '重点人员'],
      [ID_NUMBER, '王建军', '汉族', '户籍人口', 'M-1', '严重精神障碍患者', ''],
    ]),
  );
  expect([people.created, people.rejected]).toEqual([1, 0]);
  personId = (await queryRows<{ id: string }>(t.db, sql`select id from person`))[0].id;
  // Followed up today: the weekly plan of 严重精神障碍患者 makes the next visit due in seven days.
  await followUp();
}, 60_000);
afterAll(() => t.close());

describe('a key person’s missed visits as a dispute warning', () => {
  it('the default rule is on, addressed to the village, and refuses an impossible overdue naming the field', async () => {
    const rules = (await who.county({ method: 'GET', url: '/api/disputes/warning-rules' })).json<{
      items: { key: string; kind: string; level: string; enabled: boolean; params: { minDaysOverdue?: number } }[];
    }>();
    expect(rules.items.find((r) => r.kind === 'missed_visits')).toMatchObject({
      key: 'missed_visits',
      level: 'village',
      enabled: true,
      params: { minDaysOverdue: 3 },
    });
    const refused = await who.county({
      method: 'PUT',
      url: '/api/disputes/warning-rules/missed_visits',
      payload: { kind: 'missed_visits', level: 'village', enabled: true, params: { minDaysOverdue: 0 } },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'dispute_warning.rule_invalid',
      details: [{ field: 'params.minDaysOverdue', reason: 'positive' }],
    });
  });

  it('a day past due is not yet three: the run raises nothing', async () => {
    await later(8 * DAY);
    expect(await run()).toEqual({ raised: 0, extended: 0 });
    expect(await missedWarnings()).toEqual([]);
  });

  it('three days past due: one warning to the person’s village; a second run and the periodic pass raise nothing', async () => {
    await later(2 * DAY);
    expect(await run()).toEqual({ raised: 1, extended: 0 });
    const [w] = await missedWarnings();
    expect(w).toMatchObject({ state: 'open', unit_code: FIXTURE.villages[0], subject: `person:${personId}` });
    expect(await run()).toEqual({ raised: 0, extended: 0 });
    expect(await t.services.missedVisitWarnings()).toEqual({ raised: 0, extended: 0 });
    expect(await missedWarnings()).toHaveLength(1);
  });

  it('the detail shows the person masked and the miss; tags only to roles that see them; each read is audited', async () => {
    const [w] = await missedWarnings();
    const township = await detail(who.township, w.id);
    expect(township.person).toMatchObject({ personId, name: '王建军', tags: ['special_group:03'] });
    expect(township.person?.identifier).not.toContain(ID_NUMBER.slice(6, 14));
    expect(township.person?.identifier).toMatch(/\*/);
    expect(township.misses).toHaveLength(1);
    expect(township.misses[0].daysOverdue).toBe(3);
    expect(township.abilities).toEqual([]);
    const leader = await detail(who.leader, w.id);
    expect(leader.person?.tags).toBeNull();
    expect(leader.person?.name).toBe('王建军');
    const audits = await queryRows<{ target: string; detail: { warningId: string; tagsShown: boolean } }>(
      t.db,
      sql`select target, detail from audit_log where action = 'disputes.warning_person_read' order by id`,
    );
    expect(audits.map((a) => [a.target, a.detail.warningId, a.detail.tagsShown])).toEqual([
      [personId, w.id, true],
      [personId, w.id, false],
    ]);
  });

  it('the village handles it; the same miss raises nothing again; missed again after a visit raises a new one', async () => {
    const [w] = await missedWarnings();
    const seen = await detail(who.village, w.id);
    expect(seen.abilities).toEqual(['handle', 'dismiss']);
    const closed = await who.village({
      method: 'POST',
      url: `/api/disputes/warnings/${w.id}/close`,
      payload: { version: seen.version, outcome: 'handled', reason: '已督促网格员入户随访' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await run()).toEqual({ raised: 0, extended: 0 });
    expect((await missedWarnings()).map((x) => x.state)).toEqual(['handled']);

    await followUp();
    await later(10 * DAY);
    expect(await t.services.missedVisitWarnings()).toEqual({ raised: 1, extended: 0 });
    const states = await missedWarnings();
    expect(states.map((x) => x.state)).toEqual(['handled', 'open']);
    const fresh = await detail(who.village, states[1].id);
    expect(fresh.misses.map((m) => m.daysOverdue)).toEqual([3]);
    expect(fresh.misses[0].dueOn).not.toBe(seen.misses[0].dueOn);
  });
});
