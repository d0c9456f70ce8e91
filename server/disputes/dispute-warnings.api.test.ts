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
  unitName: string;
  subject: string;
  state: string;
  disputes: number;
  version: number;
  reason: string | null;
  closedByName: string | null;
  abilities: string[];
  matchedKeywords: string[];
  evidence: { id: string; title: string }[];
  parties: { name: string | null; identifier: string | null; phone: string | null; disputes: number; subject: boolean }[];
}

let t: TestApp;
let county: Request;
let otherCounty: Request;
let township: Request;
let farTownship: Request;
let village: Request;
let worker: Request;
const [GRID] = FIXTURE.grids;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const NAMES = ['王德顺', '李桂英', '张一', '张二', '张三', '张四', '张五', '张六'];
const ids = NAMES.map((_, i) => makeIdNumber('420923', '1960-03-14', 401 + i, i % 2 ? 'female' : 'male'));
const person: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherCounty = (await t.as(['county_center'], [FIXTURE.otherCounty])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  farTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  village = (await t.as(['village_center'], [FIXTURE.villages[0]])).request;
  worker = (await t.as(['grid_worker'], [GRID])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ...NAMES.map((_, i) => [`W-${i}`, `朝阳路 ${i + 1} 号`, GRID, '住宅', '否']),
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号', '联系电话', '与户主关系'],
      ...NAMES.map((name, i) => [ids[i], name, '汉族', '户籍人口', `W-${i}`, i === 0 ? '13872001234' : '', '户主']),
    ]),
  );
  for (const r of await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`)) person[r.name] = r.id;
  expect(Object.keys(person).sort()).toEqual([...NAMES].sort());
}, 60_000);
afterAll(() => t.close());

const record = async (over: { typeCode?: string; summary?: string; people?: number; parties: string[] }) => {
  const res = await worker({
    method: 'POST',
    url: '/api/disputes',
    payload: {
      title: `${over.parties.join('与')}纠纷`,
      typeCode: over.typeCode ?? '0902',
      occurredOn: '2026-11-01',
      place: '朝阳路',
      gridCode: GRID,
      peopleInvolved: over.people ?? 2,
      riskLevel: 'medium',
      summary: over.summary ?? '双方因界址发生争执',
      parties: over.parties.map((name) => ({ kind: 'person', key: person[name], claim: '要求对方赔偿' })),
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ id: string; version: number }>();
};
const step = (request: Request, id: string, payload: object) =>
  request({ method: 'POST', url: `/api/disputes/${id}/steps`, payload }).then((r) => r.json<{ id: string; version: number }>());
const warnings = async (request: Request, query = '') =>
  (await request({ method: 'GET', url: `/api/disputes/warnings${query}` })).json<{ items: Warning[] }>().items;
const detail = async (request: Request, id: string) =>
  (await request({ method: 'GET', url: `/api/disputes/warnings/${id}` })).json<Warning>();
const byRule = async (ruleKey: string) => (await warnings(county, `?ruleKey=${ruleKey}`)).map((w) => detail(county, w.id));
const details = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const tableCounts = async () =>
  (
    await queryRows<Record<string, number>>(
      t.db,
      sql`select (select count(*)::int from dispute_warning) as warnings, (select count(*)::int from dispute_warning_evidence) as evidence,
        (select count(*)::int from dispute_warning_rule) as rules,
        (select count(*)::int from dispute_warning where state <> 'open') as closed`,
    )
  )[0];

describe('dispute warnings: who may', () => {
  it('not signed in: 401; wrong role: 403; out of jurisdiction: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/disputes/warnings' })).statusCode).toBe(401);
    expect((await worker({ method: 'GET', url: '/api/disputes/warnings' })).statusCode).toBe(403);
    expect((await township({ method: 'POST', url: '/api/disputes/warnings/run', payload: {} })).statusCode).toBe(403);
    const rules = await otherCounty({ method: 'GET', url: `/api/disputes/warning-rules?countyCode=${FIXTURE.county}` });
    expect([rules.statusCode, rules.json().code]).toEqual([404, 'dispute_warning.county_not_found']);
    const run = await otherCounty({ method: 'POST', url: '/api/disputes/warnings/run', payload: { countyCode: FIXTURE.county } });
    expect(run.statusCode).toBe(404);
  });
});

describe('rules raise warnings to the level that must act, with their evidence', () => {
  it('the same parties in three disputes within 90 days: one warning to the township, parties masked; a fourth joins it', async () => {
    for (let i = 0; i < 2; i++) await record({ parties: ['王德顺', '李桂英'] });
    expect(await byRule('same_parties')).toEqual([]);
    await record({ parties: ['王德顺', '李桂英'] });
    const raised = await Promise.all(await byRule('same_parties'));
    // Both parties are in all three: one warning each, addressed to the township of the newest dispute.
    expect(raised.map((w) => [w.unitCode, w.unitName, w.disputes, w.state]).sort()).toEqual([
      [FIXTURE.townships[0], '城关镇', 3, 'open'],
      [FIXTURE.townships[0], '城关镇', 3, 'open'],
    ]);
    const wang = raised.find((w) => w.subject === `person:${person.王德顺}`)!;
    const shown = wang.parties.find((p) => p.subject)!;
    expect([shown.name, shown.disputes, shown.phone]).toEqual(['王德顺', 3, '138****1234']);
    expect(shown.identifier).not.toBe(ids[0]);
    expect(shown.identifier).toMatch(/\*{6,}/);
    expect(wang.evidence).toHaveLength(3);

    await record({ parties: ['王德顺'] });
    const after = await Promise.all(await byRule('same_parties'));
    expect(after.map((w) => [w.subject === `person:${person.王德顺}`, w.disputes]).sort()).toEqual([
      [false, 3],
      [true, 4],
    ]);
  });

  it('wage arrears three times in seven days in one village: to the township', async () => {
    for (const name of ['张一', '张二']) await record({ typeCode: '0703', parties: [name], summary: '拖欠工资两个月' });
    expect(await byRule('wage_arrears_cluster')).toEqual([]);
    await record({ typeCode: '0701', parties: ['张三'], summary: '工地拖欠工资' });
    const [w] = await Promise.all(await byRule('wage_arrears_cluster'));
    expect([w.level, w.unitCode, w.subject, w.disputes]).toEqual(['township', FIXTURE.townships[0], `village:${FIXTURE.villages[0]}`, 3]);
  });

  it('escalated twice: to the county; mediation failed with many people: to the county', async () => {
    let d = await record({ parties: ['张四'], typeCode: '0202' });
    d = await step(worker, d.id, { version: d.version, step: 'escalate', reason: '网格调解未果' });
    d = await step(village, d.id, { version: d.version, step: 'accept' });
    expect(await byRule('escalated_twice')).toEqual([]);
    d = await step(village, d.id, { version: d.version, step: 'escalate', reason: '需镇里协调' });
    const [twice] = await Promise.all(await byRule('escalated_twice'));
    expect([twice.level, twice.unitCode, twice.evidence.map((e) => e.id)]).toEqual(['county', FIXTURE.county, [d.id]]);

    const many = await record({ parties: ['张五'], typeCode: '0201', people: 15 });
    expect(await byRule('failed_many')).toEqual([]);
    await step(worker, many.id, {
      version: many.version,
      step: 'session',
      heldOn: '2026-11-02',
      mediator: '陈调解',
      present: [1],
      result: 'failed',
    });
    const [failed] = await Promise.all(await byRule('failed_many'));
    expect([failed.unitCode, failed.evidence.map((e) => e.id)]).toEqual([FIXTURE.county, [many.id]]);
  });

  it('a matter likely to become a petition (信访苗头), by type and keywords: the words found are shown', async () => {
    await record({ parties: ['张六'], typeCode: '0202', summary: '扬言要集体上访' }); // not a listed type
    expect(await byRule('petition_risk')).toEqual([]);
    const d = await record({ parties: ['张六'], typeCode: '1102', summary: '征地补偿未到位，村民扬言要集体上访' });
    const [w] = await Promise.all(await byRule('petition_risk'));
    expect([w.unitCode, w.evidence.map((e) => e.id), w.matchedKeywords.sort()]).toEqual([FIXTURE.county, [d.id], ['上访', '集体'].sort()]);
  });

  it('a run on demand raises nothing twice for the same evidence; a county’s new rule applies to past disputes', async () => {
    const before = await tableCounts();
    const again = await county({ method: 'POST', url: '/api/disputes/warnings/run', payload: {} });
    expect(again.json()).toEqual({ raised: 0, extended: 0 });
    expect(await tableCounts()).toEqual(before);
    const added = await county({
      method: 'PUT',
      url: '/api/disputes/warning-rules/land_cluster',
      payload: { kind: 'type_cluster', level: 'village', enabled: true, params: { days: 30, count: 4, typeCodes: ['09'] } },
    });
    expect(added.statusCode).toBe(200);
    expect((await county({ method: 'POST', url: '/api/disputes/warnings/run', payload: {} })).json()).toEqual({ raised: 1, extended: 0 });
    const [land] = await warnings(village, '?ruleKey=land_cluster');
    expect([land.level, land.unitCode, land.disputes]).toEqual(['village', FIXTURE.villages[0], 4]);
    expect((await county({ method: 'POST', url: '/api/disputes/warnings/run', payload: {} })).json()).toEqual({ raised: 0, extended: 0 });
  });
});

describe('warning rules', () => {
  it('an impossible rule is a 400 naming the field; nothing changed', async () => {
    const before = await tableCounts();
    const put = (key: string, payload: object) => county({ method: 'PUT', url: `/api/disputes/warning-rules/${key}`, payload });
    const cases: [string, object, string][] = [
      [
        'wage_arrears_cluster',
        { kind: 'type_cluster', level: 'township', enabled: true, params: { days: 0, count: 3, typeCodes: ['0703'] } },
        'params.days:positive',
      ],
      [
        'wage_arrears_cluster',
        { kind: 'type_cluster', level: 'township', enabled: true, params: { days: -7, count: 3, typeCodes: ['0703'] } },
        'params.days:positive',
      ],
      [
        'wage_arrears_cluster',
        { kind: 'type_cluster', level: 'township', enabled: true, params: { days: 400, count: 3, typeCodes: ['0703'] } },
        'params.days:at_most_365',
      ],
      [
        'same_parties',
        { kind: 'same_parties', level: 'township', enabled: true, params: { days: 30, count: -1 } },
        'params.count:at_least_2',
      ],
      ['petition_risk', { kind: 'petition_risk', level: 'county', enabled: true, params: { keywords: [] } }, 'params.keywords:required'],
      ['failed_many', { kind: 'failed_many', level: 'county', enabled: true, params: { minPeople: 0 } }, 'params.minPeople:positive'],
    ];
    for (const [key, body, problem] of cases) {
      const res = await put(key, body);
      expect([res.statusCode, res.json().code, details(res)]).toEqual([400, 'dispute_warning.rule_invalid', [problem]]);
    }
    expect(await tableCounts()).toEqual(before);
    const rules = (await township({ method: 'GET', url: '/api/disputes/warning-rules' })).json<{
      items: { key: string; isDefault: boolean }[];
    }>();
    expect(rules.items.map((r) => [r.key, r.isDefault])).toEqual([
      ['same_parties', true],
      ['escalated_twice', true],
      ['wage_arrears_cluster', true],
      ['failed_many', true],
      ['petition_risk', true],
      ['missed_visits', true],
      ['land_cluster', false],
    ]);
  });

  it('a rule switched off raises nothing', async () => {
    await county({
      method: 'PUT',
      url: '/api/disputes/warning-rules/failed_many',
      payload: { kind: 'failed_many', level: 'county', enabled: false, params: { minPeople: 10 } },
    });
    const d = await record({ parties: ['张五'], typeCode: '0201', people: 30 });
    await step(worker, d.id, {
      version: d.version,
      step: 'session',
      heldOn: '2026-11-02',
      mediator: '陈调解',
      present: [1],
      result: 'failed',
    });
    expect(await byRule('failed_many')).toHaveLength(1);
  });
});

describe('handled or dismissed, with a reason, by the addressee; kept', () => {
  it('refuses without a reason and from anyone but the addressee; the closed warning stays with who, when and why', async () => {
    const [w] = await warnings(township, '?ruleKey=wage_arrears_cluster');
    expect(w.abilities).toEqual(['handle', 'dismiss']);
    const before = await tableCounts();
    const close = (request: Request, payload: object) => request({ method: 'POST', url: `/api/disputes/warnings/${w.id}/close`, payload });
    const blank = await close(township, { version: w.version, outcome: 'handled', reason: '  ' });
    expect([blank.statusCode, blank.json().code, details(blank)]).toEqual([400, 'dispute_warning.reason_required', ['reason:required']]);
    const notMine = await close(county, { version: w.version, outcome: 'handled', reason: '县里看过' });
    expect([notMine.statusCode, notMine.json().code]).toEqual([403, 'dispute_warning.not_addressee']);
    expect((await close(farTownship, { version: w.version, outcome: 'handled', reason: '看过' })).statusCode).toBe(404);
    expect((await close(village, { version: w.version, outcome: 'handled', reason: '看过' })).statusCode).toBe(404);
    expect(await tableCounts()).toEqual(before);

    const done = (await close(township, { version: w.version, outcome: 'handled', reason: '约谈包工头，工资三日内结清' })).json<Warning>();
    expect([done.state, done.reason, done.abilities]).toEqual(['handled', '约谈包工头，工资三日内结清', []]);
    const twice = await close(township, { version: done.version, outcome: 'dismissed', reason: '再排除' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'dispute_warning.closed']);
    expect((await warnings(township, '?state=handled')).map((x) => x.id)).toContain(w.id);

    const [wang] = (await warnings(township, '?ruleKey=same_parties')).filter((x) => x.subject === `person:${person.李桂英}`);
    const li = await township({
      method: 'POST',
      url: `/api/disputes/warnings/${wang.id}/close`,
      payload: { version: wang.version, outcome: 'dismissed', reason: '同一纠纷重复登记' },
    });
    expect(li.json<Warning>().state, li.body).toBe('dismissed');
  });

  it('figures by rule: raised, handled, dismissed, and the evidence disputes resolved after', async () => {
    const [cluster] = await Promise.all(await byRule('wage_arrears_cluster'));
    const d = (await worker({ method: 'GET', url: `/api/disputes/${cluster.evidence[0].id}` })).json<{ id: string; version: number }>();
    await step(worker, d.id, { version: d.version, step: 'resolve', agreement: '包工头结清工资', followUpOn: '2026-11-20' });
    const figures = (await county({ method: 'GET', url: '/api/disputes/warnings/figures' })).json<{
      items: { ruleKey: string; raised: number; open: number; handled: number; dismissed: number; resolvedAfter: number }[];
    }>();
    const of = (key: string) => figures.items.find((f) => f.ruleKey === key);
    expect(of('wage_arrears_cluster')).toEqual({
      ruleKey: 'wage_arrears_cluster',
      kind: 'type_cluster',
      raised: 1,
      open: 0,
      handled: 1,
      dismissed: 0,
      resolvedAfter: 1,
    });
    expect(of('same_parties')).toMatchObject({ raised: 2, open: 1, handled: 0, dismissed: 1, resolvedAfter: 0 });
    expect(of('escalated_twice')).toMatchObject({ raised: 1, open: 1 });
  });
});
