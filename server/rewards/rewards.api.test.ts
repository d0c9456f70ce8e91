/**
 * The rewards ledger through the API: real cases driven round the loop in November (one solved, one closed as an
 * error report, one voided, one still with the department, one reported by a township centre), the county's rules
 * (and bad ones refused), the month's grid-worker assessment published, the ledger computed from verified outcomes
 * only, a task subsidy and an adjustment entered with a reason, submitted, approved by another county account — and
 * then final; the payout workbook read back with exceljs.
 */
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const DAY = 86_400_000;
const COUNTY = FIXTURE.county;

let t: TestApp;
let worker: Request;
let township: Request;
let county: Request;
let approver: Request;
let otherCounty: Request;
let leader: Request;
let cg: Request;
let workerId: string;
let otherWorkerId: string;
let photo: string;
const ids: Record<string, string> = {};
const users: Record<string, string> = {};

async function signInAll() {
  if (!users.worker) {
    const make = async (name: string, roles: string[], areas: string[], extra: { departmentCode?: string } = {}) => {
      const u = await t.buildUser({ roles, areaCodes: areas, ...extra });
      users[name] = u.username;
      return u;
    };
    workerId = (await make('worker', ['grid_worker'], [FIXTURE.grids[0]])).id;
    otherWorkerId = (await make('otherWorker', ['grid_worker'], [FIXTURE.grids[4]])).id;
    await make('township', ['township_center'], [FIXTURE.townships[0]]);
    await make('county', ['county_center'], [COUNTY]);
    await make('approver', ['county_center'], [COUNTY]);
    await make('otherCounty', ['county_center'], [FIXTURE.otherCounty]);
    await make('leader', ['leader'], [COUNTY]);
    await make('cg', ['department_handler'], [COUNTY], { departmentCode: 'YM-CG' });
    await t.db.execute(sql`update app_user set display_name = '张敏' where id = ${workerId}`);
    await t.db.execute(sql`update app_user set display_name = '李强' where id = ${otherWorkerId}`);
  }
  worker = await t.signIn(users.worker);
  township = await t.signIn(users.township);
  county = await t.signIn(users.county);
  approver = await t.signIn(users.approver);
  otherCounty = await t.signIn(users.otherCounty);
  leader = await t.signIn(users.leader);
  cg = await t.signIn(users.cg);
}

const report = async (by: Request) => {
  const res = await by({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
};
const act = async (by: Request, id: string, body: Json) => {
  const current = (await county({ method: 'GET', url: `/api/events/${id}` })).json();
  const res = await by({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
};
const toDepartment = async (id: string) => {
  for (const [by, body] of [
    [township, { action: 'accept' }],
    [township, { action: 'dispatch', targetUnit: 'YM-CG' }],
    [cg, { action: 'sign' }],
  ] as [Request, Json][])
    await act(by, id, body);
};
const handled = async (id: string) => {
  await toDepartment(id);
  await act(cg, id, { action: 'handle', note: '已清运', photos: [photo] });
  await act(township, id, { action: 'check', photos: [photo] });
};
const rules = (by: Request, area = COUNTY) => by({ method: 'GET', url: `/api/rewards/rules?county=${area}` });
const addRule = (by: Request, payload: Json) => by({ method: 'POST', url: '/api/rewards/rules', payload: { county: COUNTY, ...payload } });
const compute = (by: Request, period: string, area = COUNTY) =>
  by({ method: 'POST', url: '/api/rewards/sheets', payload: { county: area, period } });
const sheetOf = async (id: string) => (await county({ method: 'GET', url: `/api/rewards/sheets/${id}` })).json() as Json;
const step = (by: Request, id: string, name: 'submit' | 'approve', version: number) =>
  by({ method: 'POST', url: `/api/rewards/sheets/${id}/${name}`, payload: { version } });
const enter = (by: Request, id: string, payload: Json) => by({ method: 'POST', url: `/api/rewards/sheets/${id}/entries`, payload });
const caseNo = async (id: string) => (await county({ method: 'GET', url: `/api/events/${id}` })).json().caseNo as string;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  await signInAll();
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
  // Monday 2 November 2026: the worker's reports (solved; closed as an error; voided; left with the department) and a township's own.
  ids.solved = await report(worker);
  await handled(ids.solved);
  await act(township, ids.solved, { action: 'close' });
  ids.error = await report(worker);
  await handled(ids.error);
  await act(township, ids.error, { action: 'close', closingType: 'error', note: '现场核查不属实' });
  ids.voided = await report(worker);
  await act(township, ids.voided, { action: 'void', note: '重复上报' });
  ids.waiting = await report(worker);
  await toDepartment(ids.waiting);
  ids.township = await report(township);
  await handled(ids.township);
  await act(township, ids.township, { action: 'close' });
});
afterAll(() => t.close());

describe('who may do what', () => {
  it('not signed in: 401; a grid worker, a township or a department: 403; a leader reads but does not set', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/rewards/rules?county=${COUNTY}` })).statusCode).toBe(401);
    expect((await rules(worker)).statusCode).toBe(403);
    expect((await rules(township)).statusCode).toBe(403);
    expect((await rules(cg)).statusCode).toBe(403);
    expect((await rules(leader)).statusCode).toBe(200);
    expect((await addRule(leader, { kind: 'case', key: 'CG', amount: 200 })).statusCode).toBe(403);
    expect((await compute(leader, '2026-11')).statusCode).toBe(403);
  });

  it('out of jurisdiction: another county’s rules and ledger are not found', async () => {
    expect((await rules(otherCounty)).statusCode).toBe(404);
    expect((await addRule(otherCounty, { kind: 'case', key: 'CG', amount: 200 })).statusCode).toBe(404);
    const res = await compute(otherCounty, '2026-10');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'territory.area_not_found', details: [{ field: 'body.county' }] });
  });
});

describe('rules', () => {
  it('takes rules per item class, per task and per star level, named', async () => {
    for (const body of [
      { kind: 'case', key: 'CG06', amount: 300, note: '以奖代补：市容环境' },
      { kind: 'case', key: 'CG', amount: 200 },
      { kind: 'task', key: '工会组织情况调查', amount: 200 },
      ...[1, 2, 3, 4, 5].map((s) => ({ kind: 'star', key: String(s), amount: s * 100 })),
    ]) {
      const res = await addRule(county, body);
      expect(res.statusCode, res.body).toBe(200);
    }
    const list = (await rules(county)).json();
    const cg06 = list.items.find((r: Json) => r.key === 'CG06');
    expect(cg06).toMatchObject({ kind: 'case', amount: 300, abilities: { edit: true } });
    expect(cg06.label).toBeTruthy();
    expect(cg06.label).not.toBe('CG06');
    expect(list.items).toHaveLength(8);
  });

  it('refuses a negative amount, an unknown item class, a star level of 6 and a second rule for a key; nothing changes', async () => {
    const before = (await rules(county)).json();
    const negative = await addRule(county, { kind: 'case', key: 'CG07', amount: -100 });
    expect(negative.statusCode).toBe(400);
    expect(JSON.stringify(negative.json().details)).toContain('amount');
    const unknown = await addRule(county, { kind: 'case', key: 'ZZ99', amount: 300 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'reward.item_unknown', details: [{ field: 'body.key', value: 'ZZ99' }] });
    const six = await addRule(county, { kind: 'star', key: '6', amount: 100 });
    expect(six.json()).toMatchObject({ code: 'reward.rule_invalid', details: [{ field: 'body.key', reason: 'reward.stars_1_to_5' }] });
    const twice = await addRule(county, { kind: 'case', key: 'CG06', amount: 800 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'reward.rule_exists', details: [{ field: 'body.key' }] });
    const cg06 = before.items.find((r: Json) => r.key === 'CG06');
    const negativeEdit = await county({
      method: 'PUT',
      url: `/api/rewards/rules/${cg06.id}`,
      payload: { amount: -1, version: cg06.version },
    });
    expect(negativeEdit.statusCode).toBe(400);
    const stale = await county({ method: 'PUT', url: `/api/rewards/rules/${cg06.id}`, payload: { amount: 400, version: 99 } });
    expect(stale.json()).toMatchObject({ code: 'reward.changed', details: [{ field: 'body.version' }] });
    const elsewhere = await otherCounty({
      method: 'PUT',
      url: `/api/rewards/rules/${cg06.id}`,
      payload: { amount: 400, version: cg06.version },
    });
    expect(elsewhere.statusCode).toBe(404);
    expect((await rules(county)).json()).toEqual(before);
  });

  it('removes a rule on the version seen, audited', async () => {
    const made = (await addRule(county, { kind: 'case', key: 'CG07', amount: 250 })).json();
    const remove = (version: number) => county({ method: 'DELETE', url: `/api/rewards/rules/${made.id}?version=${version}` });
    expect((await otherCounty({ method: 'DELETE', url: `/api/rewards/rules/${made.id}?version=${made.version}` })).statusCode).toBe(404);
    expect((await remove(made.version + 1)).json()).toMatchObject({ code: 'reward.changed' });
    expect((await remove(made.version)).statusCode).toBe(200);
    expect((await rules(county)).json().items.map((r: Json) => r.key)).not.toContain('CG07');
    const audit = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'reward.rule_removed'`);
    expect(audit[0].n).toBe(1);
  });
});

describe('the monthly ledger', () => {
  let sheet: Json;

  it('refuses a month that has not begun, and a submission before the month is over', async () => {
    const future = await compute(county, '2026-12');
    expect(future.statusCode).toBe(400);
    expect(future.json()).toMatchObject({
      code: 'request.invalid',
      details: [{ field: 'body.period', reason: 'figures.period_in_future' }],
    });
    sheet = (await compute(county, '2026-11')).json();
    expect(sheet.status).toBe('computed');
    const early = await step(county, sheet.id, 'submit', sheet.version);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'reward.period_not_over', details: [{ field: 'period' }] });
  });

  it('pays the verified case to its reporter by the most specific item class, and the stars of the published month', async () => {
    t.advance(30 * DAY); // 2 December
    await signInAll();
    let run = (
      await county({ method: 'POST', url: '/api/assessment/runs', payload: { area: COUNTY, kind: 'grid_worker', period: '2026-11' } })
    ).json();
    run = (await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/review`, payload: { version: run.version } })).json();
    run = (await county({ method: 'POST', url: `/api/assessment/runs/${run.id}/publish`, payload: { version: run.version } })).json();
    expect(run.status).toBe('published');
    const stars = Number(run.results.find((r: Json) => r.assesseeCode === workerId).band);

    sheet = (await compute(county, '2026-11')).json();
    const mine = sheet.entries.filter((e: Json) => e.workerId === workerId);
    expect(mine.filter((e: Json) => e.kind === 'case')).toEqual([
      expect.objectContaining({
        caseId: ids.solved,
        caseNo: await caseNo(ids.solved),
        amount: 300,
        rule: expect.objectContaining({ kind: 'case', key: 'CG06', amount: 300 }),
        itemCode: 'CG06010',
      }),
    ]);
    expect(mine.filter((e: Json) => e.kind === 'star')).toEqual([expect.objectContaining({ stars, amount: stars * 100 })]);
    // The error report, the voided and the waiting case, and the township's own report earn nothing.
    const paid = sheet.entries.map((e: Json) => e.caseId).filter(Boolean);
    expect(paid).toEqual([ids.solved]);
    expect(sheet.workers.find((w: Json) => w.workerId === workerId)).toMatchObject({
      workerName: '张敏',
      gridName: '网格1',
      cases: 1,
      case: 300,
      star: stars * 100,
      total: 300 + stars * 100,
    });
  });

  it('takes a task subsidy by its rule and an adjustment, each with a reason; refuses a bad one and keeps them on recompute', async () => {
    const workers = (await county({ method: 'GET', url: `/api/rewards/workers?county=${COUNTY}` })).json();
    expect(workers.items.map((w: Json) => [w.name, w.gridName])).toEqual([
      ['李强', '网格5'],
      ['张敏', '网格1'],
    ]);
    const task = (await rules(county)).json().items.find((r: Json) => r.kind === 'task');
    const noReason = await enter(county, sheet.id, {
      kind: 'task',
      workerId: otherWorkerId,
      ruleId: task.id,
      reason: ' ',
      version: sheet.version,
    });
    expect(noReason.json()).toMatchObject({ code: 'reward.reason_required', details: [{ field: 'body.reason' }] });
    const stranger = await enter(county, sheet.id, {
      kind: 'task',
      workerId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      ruleId: task.id,
      reason: '调查',
      version: sheet.version,
    });
    expect(stranger.json()).toMatchObject({ code: 'reward.worker_unknown', details: [{ field: 'body.workerId' }] });
    const tooMuch = await enter(county, sheet.id, {
      kind: 'adjustment',
      workerId: workerId,
      amount: -100_000,
      reason: '扣减',
      version: sheet.version,
    });
    expect(tooMuch.json()).toMatchObject({ code: 'reward.total_negative', details: [{ field: 'body.amount' }] });
    expect((await sheetOf(sheet.id)).entries).toHaveLength(sheet.entries.length);

    sheet = (
      await enter(county, sheet.id, {
        kind: 'task',
        workerId: otherWorkerId,
        ruleId: task.id,
        reference: '县总工会〔2026〕12 号',
        reason: '协助调查基层工会组织情况',
        version: sheet.version,
      })
    ).json();
    const adjusted = await enter(county, sheet.id, {
      kind: 'adjustment',
      workerId,
      amount: -50,
      reason: '一件上报信息不全',
      version: sheet.version,
    });
    expect(adjusted.statusCode, adjusted.body).toBe(200);
    sheet = (await compute(county, '2026-11')).json();
    expect(sheet.entries.filter((e: Json) => e.origin === 'manual').map((e: Json) => [e.kind, e.amount, e.reason])).toEqual([
      ['adjustment', -50, '一件上报信息不全'],
      ['task', 200, '协助调查基层工会组织情况'],
    ]);
    const li = sheet.workers.find((w: Json) => w.workerId === otherWorkerId);
    expect(li).toMatchObject({ workerName: '李强', cases: 0, case: 0, task: 200, adjustment: 0, total: 200 + li.star });
  });

  it('is approved by another county account than the submitter; then final and frozen, naming the field', async () => {
    sheet = (await step(county, sheet.id, 'submit', sheet.version)).json();
    expect(sheet).toMatchObject({ status: 'submitted', abilities: { approve: false } });
    const own = await step(county, sheet.id, 'approve', sheet.version);
    expect(own.json()).toMatchObject({ code: 'reward.own_submission', details: [{ field: 'submittedBy' }] });
    expect((await step(worker, sheet.id, 'approve', sheet.version)).statusCode).toBe(403);
    expect((await step(otherCounty, sheet.id, 'approve', sheet.version)).statusCode).toBe(404);
    const approved = await step(approver, sheet.id, 'approve', sheet.version);
    expect(approved.statusCode, approved.body).toBe(200);
    sheet = approved.json();
    expect(sheet).toMatchObject({ status: 'final', abilities: { compute: false, enter: false, submit: false, approve: false } });

    const again = await step(approver, sheet.id, 'approve', sheet.version);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'reward.final', details: [{ field: 'status', reason: 'reward.final' }] });
    const edit = await enter(county, sheet.id, { kind: 'adjustment', workerId, amount: 10, reason: '补发', version: sheet.version });
    expect(edit.json()).toMatchObject({ code: 'reward.final', details: [{ field: 'status' }] });
    expect((await compute(county, '2026-11')).json()).toMatchObject({ code: 'reward.final' });
    // A rule edited afterwards changes nothing the final month paid.
    const cg06 = (await rules(county)).json().items.find((r: Json) => r.key === 'CG06');
    await county({ method: 'PUT', url: `/api/rewards/rules/${cg06.id}`, payload: { amount: 800, version: cg06.version } });
    expect(await sheetOf(sheet.id)).toEqual({ ...sheet, abilities: { ...sheet.abilities } });
    const audit = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where action like 'reward.%' order by id`);
    expect(audit.map((r) => r.action)).toEqual(
      expect.arrayContaining(['reward.computed', 'reward.entered', 'reward.submitted', 'reward.approved']),
    );
  });

  it('pays a case once: reopened and closed again in December, it is not paid again', async () => {
    await act(township, ids.solved, { action: 'reopen', note: '群众反映复发' });
    await act(township, ids.solved, { action: 'dispatch', targetUnit: 'YM-CG' });
    await act(cg, ids.solved, { action: 'sign' });
    await act(cg, ids.solved, { action: 'handle', note: '再次清运', photos: [photo] });
    await act(township, ids.solved, { action: 'check', photos: [photo] });
    await act(township, ids.solved, { action: 'close' });
    const december = (await compute(county, '2026-12')).json();
    expect(december.entries.filter((e: Json) => e.kind === 'case')).toEqual([]);
  });

  it('takes a task subsidy posted by another feature, and refuses one into a final month', async () => {
    const task = (await rules(county)).json().items.find((r: Json) => r.kind === 'task');
    const post = (period: string) =>
      t.db.transaction((tx) =>
        t.services.rewards.postTaskSubsidy(tx, {
          countyCode: COUNTY,
          period,
          workerId,
          ruleId: task.id,
          reference: 'TASK-1',
          by: '委托任务',
        }),
      );
    await expect(post('2026-11')).rejects.toMatchObject({ code: 'reward.final' });
    expect(await post('2026-12')).toMatchObject({ kind: 'task', origin: 'posted', amount: 200, reference: 'TASK-1' });
  });
});

describe('the payout workbook', () => {
  it('has one row per worker with totals by kind, and a detail sheet, in names not codes', async () => {
    const sheets = (await county({ method: 'GET', url: `/api/rewards/sheets?county=${COUNTY}` })).json();
    const november = sheets.items.find((s: Json) => s.period === '2026-11');
    const month = await sheetOf(november.id);
    const res = await leader({ method: 'GET', url: `/api/rewards/sheets/${november.id}/export` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as never);
    const payout = book.getWorksheet('发放表')!;
    const detail = book.getWorksheet('明细')!;
    expect(String(payout.getCell('A1').value)).toBe('云梦县 2026-11 网格员奖补发放表');
    expect(String(payout.getCell('A2').value)).toContain('已审批定稿');
    expect(payout.getCell('J3').value).toBe('领款人签字');
    const rows = (payout.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 10));
    const zhang = rows.find((r) => r[1] === '张敏')!;
    const me = month.workers.find((w: Json) => w.workerId === workerId);
    const li = month.workers.find((w: Json) => w.workerId === otherWorkerId);
    expect(zhang).toEqual([expect.any(Number), '张敏', '网格1', 1, 300, 0, me.star, -50, 300 + me.star - 50]);
    expect(rows.find((r) => r[1] === '李强')).toEqual([expect.any(Number), '李强', '网格5', 0, 0, 200, li.star, 0, 200 + li.star]);
    expect(rows.find((r) => r[1] === '合计')?.[8]).toBe(month.total);
    const caseRow = (detail.getSheetValues() as unknown[][])
      .filter(Boolean)
      .find((r) => r[4] === month.entries.find((e: Json) => e.kind === 'case').caseNo)!;
    expect(caseRow[1]).toBe('张敏');
    expect(caseRow[3]).toBe('以奖代补');
    expect(String(caseRow[6])).toContain('每案 300 元');
    const text = JSON.stringify([payout.getSheetValues(), detail.getSheetValues()]);
    expect(text).not.toContain(workerId);
    expect(text).not.toContain('grid_worker');
    expect((await otherCounty({ method: 'GET', url: `/api/rewards/sheets/${november.id}/export` })).statusCode).toBe(404);
  });
});
