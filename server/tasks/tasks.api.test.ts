import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { makeCreditCode, makeIdNumber } from '../registry/index.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { importFile } from '../testing/import-job.ts';
import { multipartFile } from '../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies read as JSON
type Json = Record<string, any>;

const [G0, G1, , , G4] = FIXTURE.grids;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const idOf = {
  zhang: makeIdNumber('420923', '1965-03-14', 201, 'male'),
  li: makeIdNumber('420923', '1968-07-02', 202, 'female'),
  far: makeIdNumber('420923', '1980-02-02', 207, 'female'),
};
const CREDIT = makeCreditCode('91', '420923', 'MA49AB01');

let t: TestApp;
let county: Request;
let department: Request;
let township: Request;
let leader: Request;
let otherCounty: Request;
let workerA: Request;
let workerB: Request;
let farWorker: Request;
let workerAId: string;
let workerBId: string;
let photo: string;
const people: Record<string, string> = {};

/** A gas screening over grids 0 and 1, per house, 50 yuan a worker. */
const gasTask = (over: Json = {}) => ({
  title: '城镇燃气安全隐患排查',
  kind: 'hazard',
  subject: 'house',
  description: '逐户检查燃气报警器',
  deadline: '2026-11-30',
  subsidy: 50,
  gridCodes: [G0, G1],
  fields: [
    { key: 'alarm', label: '燃气报警器', type: 'choice', required: true, options: ['已安装', '未安装'] },
    { key: 'bottles', label: '液化气瓶数', type: 'number', required: false },
    { key: 'checked_on', label: '检查日期', type: 'date', required: true },
    { key: 'contact', label: '在场住户', type: 'person', required: false },
    { key: 'shop', label: '供气单位', type: 'organisation', required: false },
    { key: 'photo', label: '现场照片', type: 'photo', required: false },
    { key: 'note', label: '备注', type: 'text', required: false },
  ],
  ...over,
});
const draft = (by: Request, payload: Json) => by({ method: 'POST', url: '/api/tasks', payload });
const getTask = (by: Request, id: string) => by({ method: 'GET', url: `/api/tasks/${id}` });
const step = (by: Request, id: string, name: 'admit' | 'refuse' | 'close', payload: Json) =>
  by({ method: 'POST', url: `/api/tasks/${id}/${name}`, payload });
const fill = (by: Request, id: string, subject: string, values: Json) =>
  by({ method: 'POST', url: `/api/tasks/${id}/entries`, payload: { subject, values } });
const fields = (res: { json(): Json }) => (res.json().details as { field: string; reason: string }[]).map((d) => `${d.field}:${d.reason}`);
const entryCount = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from task_entry`))[0].n;
const good = { alarm: '已安装', checked_on: '2026-11-03' };

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-YJ', '云梦县应急管理局', '420923')`);
  const make = async (roles: string[], areas: string[], extra: { departmentCode?: string } = {}) => t.as(roles, areas, extra);
  county = (await make(['county_center'], [FIXTURE.county])).request;
  department = (await make(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-YJ' })).request;
  township = (await make(['township_center'], [FIXTURE.townships[0]])).request;
  leader = (await make(['leader'], [FIXTURE.county])).request;
  otherCounty = (await make(['county_center'], [FIXTURE.otherCounty])).request;
  const a = await make(['grid_worker'], [G0]);
  const b = await make(['grid_worker'], [G1]);
  [workerA, workerAId, workerB, workerBId] = [a.request, a.user.id, b.request, b.user.id];
  farWorker = (await make(['grid_worker'], [G4])).request;
  await t.db.execute(sql`update app_user set display_name = '张敏' where id = ${workerAId}`);
  await t.db.execute(sql`update app_user set display_name = '李强' where id = ${workerBId}`);
  workerA = await t.signIn(a.user.username);
  workerB = await t.signIn(b.user.username);
  const houses = await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['T-1', '朝阳路 1 号 101 室', G0, '住宅', '否'],
      ['T-2', '朝阳路 1 号 102 室', G0, '住宅', '否'],
      ['T-3', '朝阳路 1 号 103 室', G0, '住宅', '否'],
      ['T-4', '建设路 2 号', G1, '住宅', '否'],
      ['T-FAR', '义堂路 9 号', G4, '住宅', '否'],
    ]),
  );
  const persons = await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号'],
      [idOf.zhang, '张建华', '汉族', '户籍人口', 'T-1'],
      [idOf.li, '李秀兰', '汉族', '户籍人口', 'T-4'],
      [idOf.far, '赵芳', '汉族', '户籍人口', 'T-FAR'],
    ]),
  );
  expect([houses.created, persons.created, houses.rejected + persons.rejected]).toEqual([5, 3, 0]);
  for (const p of await queryRows<{ id: string; name: string }>(t.db, sql`select id, name from person`)) people[p.name] = p.id;
  const org = await county({
    method: 'POST',
    url: '/api/registry/organisations',
    payload: { creditCode: CREDIT, name: '城关燃气站', orgType: '01', address: '朝阳路 3 号', gridCode: G0 },
  });
  expect(org.statusCode, org.body).toBe(200);
  photo = (await workerA({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
}, 120_000);
afterAll(() => t.close());

let pending: Json;
let admitted: Json;

describe('tasks: who may', () => {
  it('not signed in: 401', async () => {
    for (const opts of [
      { method: 'GET' as const, url: '/api/tasks' },
      { method: 'POST' as const, url: '/api/tasks', payload: gasTask() },
    ])
      expect((await t.app.inject(opts)).statusCode).toBe(401);
  });

  it('wrong role: a leader drafts nothing, a department admits nothing, a worker drafts nothing', async () => {
    expect((await draft(leader, gasTask())).statusCode).toBe(403);
    expect((await draft(workerA, gasTask())).statusCode).toBe(403);
    pending = (await draft(department, gasTask())).json();
    expect(pending).toMatchObject({ no: 'RW-2026-0001', status: 'pending', unitName: '云梦县应急管理局', abilities: { admit: false } });
    expect((await step(department, pending.id, 'admit', { version: pending.version })).statusCode).toBe(403);
    expect((await step(workerA, pending.id, 'admit', { version: pending.version })).statusCode).toBe(403);
  });

  it('out of jurisdiction: another county and a worker of another grid get 404', async () => {
    expect((await getTask(otherCounty, pending.id)).statusCode).toBe(404);
    expect((await step(otherCounty, pending.id, 'admit', { version: pending.version })).json()).toMatchObject({ code: 'task.not_found' });
    expect((await draft(township, gasTask({ gridCodes: [G0, G4] }))).json()).toMatchObject({
      code: 'task.form_invalid',
      details: [{ field: 'body.gridCodes.1', reason: 'outside', value: G4 }],
    });
  });
});

describe('drafting: the form is checked, each problem naming its field', () => {
  it('refuses a form without fields, a choice with one option, a past deadline; nothing is kept', async () => {
    const before = (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from task`))[0].n;
    expect(fields(await draft(department, gasTask({ fields: [] })))).toEqual(['body.fields:required']);
    const oneOption = gasTask({
      fields: [
        { key: 'a', label: '甲', type: 'text', required: true },
        { key: 'b', label: '乙', type: 'choice', required: true, options: ['是'] },
        { key: 'a', label: '丙', type: 'number', required: false },
      ],
      deadline: '2026-10-01',
    });
    expect(fields(await draft(department, oneOption))).toEqual([
      'body.deadline:past',
      'body.fields.1.options:two_or_more',
      'body.fields.2.key:duplicate',
    ]);
    expect((await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from task`))[0].n).toBe(before);
  });
});

describe('admission (准入制): nothing reaches workers before the county admits it', () => {
  it('a pending task is invisible to its workers and cannot be filled', async () => {
    expect((await workerA({ method: 'GET', url: '/api/tasks' })).json().items).toEqual([]);
    expect((await getTask(workerA, pending.id)).statusCode).toBe(404);
    expect((await fill(workerA, pending.id, 'T-1', good)).statusCode).toBe(404);
    expect(await entryCount()).toBe(0);
  });

  it('refused with a reason (required): the drafter reads it, the workers never see the task', async () => {
    const seen = (await getTask(county, pending.id)).json();
    expect(seen.abilities).toMatchObject({ admit: true });
    expect((await step(county, pending.id, 'refuse', { version: seen.version, reason: ' ' })).json()).toMatchObject({
      code: 'task.reason_required',
      details: [{ field: 'body.reason' }],
    });
    const refused = await step(county, pending.id, 'refuse', { version: seen.version, reason: '与全县普查重复' });
    expect(refused.json()).toMatchObject({ status: 'refused', refusal: '与全县普查重复' });
    expect((await getTask(department, pending.id)).json()).toMatchObject({ status: 'refused', refusal: '与全县普查重复' });
    expect((await step(county, pending.id, 'admit', { version: refused.json().version })).json()).toMatchObject({
      code: 'task.not_pending',
    });
    expect((await workerA({ method: 'GET', url: '/api/tasks' })).json().items).toEqual([]);
  });

  it('admitted: the workers of its grids see it with their own grid only; the subsidy becomes the county’s task rule', async () => {
    const again = (await draft(department, gasTask())).json();
    expect((await step(county, again.id, 'admit', { version: again.version + 1 })).json()).toMatchObject({ code: 'task.changed' });
    admitted = (await step(county, again.id, 'admit', { version: again.version })).json();
    expect(admitted).toMatchObject({ no: 'RW-2026-0002', status: 'admitted' });
    const mine = (await workerA({ method: 'GET', url: '/api/tasks' })).json().items;
    expect(mine.map((x: Json) => [x.no, x.grids.map((g: Json) => g.code), x.abilities.fill])).toEqual([['RW-2026-0002', [G0], true]]);
    expect((await farWorker({ method: 'GET', url: '/api/tasks' })).json().items).toEqual([]);
    expect((await getTask(farWorker, admitted.id)).statusCode).toBe(404);
    const rules = (await county({ method: 'GET', url: `/api/rewards/rules?county=${FIXTURE.county}` })).json().items;
    expect(rules.filter((r: Json) => r.kind === 'task').map((r: Json) => [r.key, r.amount])).toEqual([
      ['RW-2026-0002 城镇燃气安全隐患排查', 50],
    ]);
  });
});

describe('filling per house: answers checked against the form, records picked from the base data', () => {
  it('names each wrong field and keeps nothing', async () => {
    const res = await fill(workerA, admitted.id, 'T-1', {
      alarm: '坏了',
      bottles: '两个',
      contact: { key: people['赵芳'] },
      shop: { key: CREDIT },
      photo: 'f'.repeat(64),
      extra: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('task.entry_invalid');
    expect(fields(res).sort()).toEqual([
      'body.values.alarm:not_an_option',
      'body.values.bottles:number',
      'body.values.checked_on:required',
      'body.values.contact:not_on_record',
      'body.values.extra:not_on_form',
      'body.values.photo:photo_missing',
    ]);
    expect(await entryCount()).toBe(0);
  });

  it('refuses a house outside the worker’s grid, or outside the task', async () => {
    for (const code of ['T-4', 'T-FAR', 'NO-SUCH'])
      expect((await fill(workerA, admitted.id, code, good)).json()).toMatchObject({
        code: 'task.subject_unknown',
        details: [{ field: 'body.subject', value: code }],
      });
    expect(await entryCount()).toBe(0);
  });

  it('keeps picked records by their names on record (people masked); filled again, the answers are replaced', async () => {
    const first = await fill(workerA, admitted.id, 'T-1', { ...good, bottles: 2, contact: { key: people['张建华'], name: '随便写' } });
    expect(first.statusCode, first.body).toBe(200);
    const contact = first.json().values.contact;
    expect(contact.key).toBe(people['张建华']);
    expect(contact.name).toMatch(/^张建华 4209\*+\d{3}[\dX]$/);
    expect(contact.name).not.toContain(idOf.zhang);
    const again = await fill(workerA, admitted.id, 'T-1', { ...good, alarm: '未安装', shop: { key: CREDIT }, photo, note: ' 管道老化 ' });
    expect(again.json()).toMatchObject({ subjectName: '朝阳路 1 号 101 室', workerName: '张敏' });
    expect(again.json().values).toEqual({
      alarm: '未安装',
      checked_on: '2026-11-03',
      shop: { key: CREDIT, name: '城关燃气站' },
      photo,
      note: '管道老化',
    });
    expect((await fill(workerA, admitted.id, 'T-2', good)).statusCode).toBe(200);
    expect((await fill(workerB, admitted.id, 'T-4', { ...good, contact: { key: people['李秀兰'] } })).statusCode).toBe(200);
    expect(await entryCount()).toBe(3);
    expect((await workerA({ method: 'GET', url: `/api/tasks/${admitted.id}/entries` })).json().items.map((e: Json) => e.subject)).toEqual([
      'T-1',
      'T-2',
    ]);
  });
});

describe('progress per grid and the workers’ load', () => {
  it('the drafter sees each grid’s houses, filled and open; a worker sees their grid', async () => {
    const all = (await department({ method: 'GET', url: `/api/tasks/${admitted.id}/progress` })).json().items;
    expect(all.map((g: Json) => [g.gridCode, g.total, g.filled, g.open])).toEqual([
      [G0, 3, 2, 1],
      [G1, 1, 1, 0],
    ]);
    expect(all[0].share).toBeCloseTo(2 / 3);
    expect(all[0].gridName).not.toBe(G0);
    const mine = (await workerB({ method: 'GET', url: `/api/tasks/${admitted.id}/progress` })).json().items;
    expect(mine.map((g: Json) => g.gridCode)).toEqual([G1]);
  });

  it('before assigning, a centre sees each worker of the grids with their open items', async () => {
    const load = (await county({ method: 'GET', url: `/api/tasks/load?grids=${G0},${G1},${G4}` })).json().items;
    expect(load.map((w: Json) => [w.workerName, w.openItems, w.openTasks])).toEqual([
      ['张敏', 1, 1],
      ['李强', 0, 1],
      [expect.any(String), 0, 0],
    ]);
    expect((await township({ method: 'GET', url: `/api/tasks/load?grids=${G4}` })).json().items).toEqual([]);
    expect((await workerA({ method: 'GET', url: `/api/tasks/load?grids=${G0}` })).statusCode).toBe(403);
  });
});

describe('results workbook', () => {
  it('a row per house with a column per field by its label, names not codes, and the progress; audited', async () => {
    const res = await department({ method: 'GET', url: `/api/tasks/${admitted.id}/export` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const sheet = book.getWorksheet('填报结果')!;
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['RW-2026-0002 城镇燃气安全隐患排查 填报结果']);
    expect(rows[1]).toEqual([
      '网格',
      '对象',
      '对象编号',
      '填报人',
      '填报时间',
      '燃气报警器',
      '液化气瓶数',
      '检查日期',
      '在场住户',
      '供气单位',
      '现场照片',
      '备注',
    ]);
    const t1 = rows.find((r) => r[2] === 'T-1')!;
    expect([t1[1], t1[3], t1[5], t1[9], t1[11]]).toEqual(['朝阳路 1 号 101 室', '张敏', '未安装', '城关燃气站', '管道老化']);
    const t4 = rows.find((r) => r[2] === 'T-4')!;
    expect(String(t4[8])).toMatch(/^李秀兰 4209\*+/);
    expect(JSON.stringify(rows)).not.toContain(idOf.li);
    const progress = (book.getWorksheet('网格进度')!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(2));
    expect(progress).toEqual([
      ['应填', '已填', '未填'],
      [3, 2, 1],
      [1, 1, 0],
    ]);
    const audit = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'task.exported'`);
    expect(audit[0].n).toBe(1);
    expect((await otherCounty({ method: 'GET', url: `/api/tasks/${admitted.id}/export` })).statusCode).toBe(404);
  });
});

describe('closing pays the subsidy into the county’s monthly ledger', () => {
  it('each worker who filled it gets one task entry this month; nothing can be filled after', async () => {
    const current = (await getTask(department, admitted.id)).json();
    expect(current.abilities.close).toBe(true);
    expect((await step(township, admitted.id, 'close', { version: current.version })).statusCode).toBe(403);
    const closed = await step(department, admitted.id, 'close', { version: current.version });
    expect(closed.json()).toMatchObject({ status: 'closed', closedBy: expect.any(String) });
    expect((await step(department, admitted.id, 'close', { version: closed.json().version })).json()).toMatchObject({
      code: 'task.not_admitted',
    });
    expect((await fill(workerA, admitted.id, 'T-3', good)).json()).toMatchObject({ code: 'task.not_admitted' });
    const sheets = (await county({ method: 'GET', url: `/api/rewards/sheets?county=${FIXTURE.county}` })).json().items;
    const november = sheets.find((s: Json) => s.period === '2026-11');
    const sheet = (await county({ method: 'GET', url: `/api/rewards/sheets/${november.id}` })).json();
    const paid = sheet.entries.filter((e: Json) => e.kind === 'task');
    expect(paid.map((e: Json) => [e.workerName, e.amount, e.reference, e.origin]).sort()).toEqual([
      ['张敏', 50, 'RW-2026-0002', 'posted'],
      ['李强', 50, 'RW-2026-0002', 'posted'],
    ]);
    // Computing the month again keeps what the task posted.
    const recomputed = (
      await county({ method: 'POST', url: '/api/rewards/sheets', payload: { county: FIXTURE.county, period: '2026-11' } })
    ).json();
    expect(recomputed.entries.filter((e: Json) => e.kind === 'task')).toHaveLength(2);
    expect(recomputed.workers.find((w: Json) => w.workerId === workerAId)).toMatchObject({ task: 50 });
  });
});
