import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { makeIdNumber } from '../../registry/index.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies read as JSON
type Json = Record<string, any>;

const [G0, G1, , , G4] = FIXTURE.grids;
const HOUR = 3_600_000;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const ON_RECORD = makeIdNumber('420923', '1965-03-14', 201, 'male');
const NEWCOMER = makeIdNumber('420102', '1990-05-06', 311, 'female');
/** The newcomer's number with its check digit changed. */
const BAD_CHECK = `${NEWCOMER.slice(0, 17)}${NEWCOMER[17] === '0' ? '1' : '0'}`;

let t: TestApp;
let county: Request;
let leader: Request;
let otherCounty: Request;
let workerA: Request;
let farWorker: Request;
let task: Json;
let point: Json;
let keyNo = 0;
let address = '';

const resident = (opts: InjectOptions) => t.app.inject({ remoteAddress: address, ...opts });
const declare = (body: Json, token = point.token) =>
  resident({
    method: 'POST',
    url: `/api/public/declare/${token}`,
    payload: { key: `decl-key-${++keyNo}`, device: 'device-one-0001', ...body },
  });
const good = (over: Json = {}) => ({
  name: '王晓梅',
  idNumber: NEWCOMER,
  phone: '13900001111',
  cameFrom: '湖北省武汉市',
  values: { fever: '否' },
  ...over,
});
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const fields = (res: { json(): Json }) => (res.json().details as { field: string; reason: string }[]).map((d) => `${d.field}:${d.reason}`);

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  leader = (await t.as(['leader'], [FIXTURE.county])).request;
  otherCounty = (await t.as(['county_center'], [FIXTURE.otherCounty])).request;
  workerA = (await t.as(['grid_worker'], [G0])).request;
  farWorker = (await t.as(['grid_worker'], [G4])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['D-1', '朝阳路 1 号', G0, '住宅', '否'],
    ]),
  );
  const people = await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号'],
      [ON_RECORD, '张建华', '汉族', '户籍人口', 'D-1'],
    ]),
  );
  expect(people.created).toBe(1);
  const drafted = await county({
    method: 'POST',
    url: '/api/tasks',
    payload: {
      title: '返乡人员健康排查',
      kind: 'epidemic',
      subject: 'person',
      deadline: '2026-11-30',
      subsidy: 0,
      gridCodes: [G0, G1],
      fields: [
        { key: 'fever', label: '近 14 天是否发热', type: 'choice', required: true, options: ['是', '否'] },
        { key: 'photo', label: '健康码截图', type: 'photo', required: false },
      ],
    },
  });
  expect(drafted.statusCode, drafted.body).toBe(200);
  task = (await county({ method: 'POST', url: `/api/tasks/${drafted.json().id}/admit`, payload: { version: 1 } })).json();
  const placed = await county({
    method: 'POST',
    url: `/api/tasks/${task.id}/points`,
    payload: { kind: 'checkpoint', name: '城东高速卡口', lng: 113.02, lat: 31.1 },
  });
  expect(placed.statusCode, placed.body).toBe(200);
  point = placed.json();
}, 120_000);
afterAll(() => t.close());

describe('declaration points: who may', () => {
  it('not signed in: 401; wrong role: 403; out of jurisdiction: 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/tasks/${task.id}/points` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: `/api/declarations/${point.id}/confirm`, payload: { version: 1 } })).statusCode).toBe(
      401,
    );
    const byLeader = await leader({
      method: 'POST',
      url: `/api/tasks/${task.id}/points`,
      payload: { kind: 'checkpoint', name: 'x', lng: 113.02, lat: 31.1 },
    });
    expect(byLeader.statusCode).toBe(403);
    expect((await otherCounty({ method: 'GET', url: `/api/tasks/${task.id}/points` })).statusCode).toBe(404);
  });

  it('places a checkpoint in the grid its point lies in, and refuses one outside the task’s grids or without a name, naming the field', async () => {
    expect(point).toMatchObject({ kind: 'checkpoint', name: '城东高速卡口', gridCode: G0, pending: 0 });
    const before = await count('declaration_point');
    const far = await county({
      method: 'POST',
      url: `/api/tasks/${task.id}/points`,
      payload: { kind: 'checkpoint', name: '义堂卡口', lng: 113.22, lat: 31.1 },
    });
    expect([far.statusCode, ...fields(far)]).toEqual([400, 'body.lng:not_in_task']);
    const unnamed = await county({
      method: 'POST',
      url: `/api/tasks/${task.id}/points`,
      payload: { kind: 'checkpoint', lng: 113.02, lat: 31.1 },
    });
    expect([unnamed.statusCode, ...fields(unnamed)]).toEqual([400, 'body.name:required']);
    const building = await county({
      method: 'POST',
      url: `/api/tasks/${task.id}/points`,
      payload: { kind: 'building', buildingCode: 'NO-SUCH' },
    });
    expect([building.statusCode, ...fields(building)]).toEqual([400, 'body.buildingCode:not_in_task']);
    expect(await count('declaration_point')).toBe(before);
  });

  it('publishes codes for admitted screenings only', async () => {
    const survey = await county({
      method: 'POST',
      url: '/api/tasks',
      payload: { ...task, kind: 'survey', gridCodes: [G0], fields: task.fields, deadline: '2026-11-30', subsidy: 0, title: '满意度调查' },
    });
    const admitted = (await county({ method: 'POST', url: `/api/tasks/${survey.json().id}/admit`, payload: { version: 1 } })).json();
    const res = await county({
      method: 'POST',
      url: `/api/tasks/${admitted.id}/points`,
      payload: { kind: 'checkpoint', name: '卡口', lng: 113.02, lat: 31.1 },
    });
    expect([res.statusCode, res.json().code]).toEqual([409, 'task.not_screening']);
  });
});

describe('declaring without an account', () => {
  it('shows the task, the point and the questions a resident can answer, and nothing for an unknown code', async () => {
    address = '10.9.0.1';
    const page = (await resident({ method: 'GET', url: `/api/public/declare/${point.token}` })).json();
    expect(page).toMatchObject({ taskTitle: '返乡人员健康排查', pointName: '城东高速卡口', open: true });
    expect(page.questions.map((q: Json) => q.key)).toEqual(['fever']);
    expect((await resident({ method: 'GET', url: '/api/public/declare/no-such-token' })).statusCode).toBe(404);
  });

  it('refuses a bad ID check digit naming the field, and stores nothing', async () => {
    address = '10.9.0.2';
    const before = await count('declaration');
    const res = await declare(good({ idNumber: BAD_CHECK, phone: '123', values: {} }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('declare.invalid');
    expect(fields(res)).toEqual(['body.idNumber:id.checksum', 'body.phone:phone', 'body.values.fever:required']);
    expect(await count('declaration')).toBe(before);
  });

  it('keeps a declaration pending, sealed and masked; the same key again answers the first', async () => {
    address = '10.9.0.3';
    const payload = { key: 'resident-retry-0001', device: 'device-retry-01', ...good() };
    const first = await resident({ method: 'POST', url: `/api/public/declare/${point.token}`, payload });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'pending',
      pointName: '城东高速卡口',
      idNumber: `${NEWCOMER.slice(0, 4)}**********${NEWCOMER.slice(-4)}`,
      phone: '139****1111',
    });
    const before = await count('declaration');
    const again = await resident({ method: 'POST', url: `/api/public/declare/${point.token}`, payload: { ...payload, name: '别的名字' } });
    expect(again.json().id).toBe(first.json().id);
    expect(await count('declaration')).toBe(before);
    const stored = JSON.stringify(await queryRows(t.db, sql`select * from declaration`));
    expect(stored).not.toContain(NEWCOMER);
    expect(stored).not.toContain('13900001111');
  });

  it('refuses a sixth declaration from one device within the hour, and takes it an hour later', async () => {
    address = '10.9.0.4';
    const device = 'device-flood-01';
    for (let i = 0; i < 5; i++) expect((await declare({ ...good({ name: `住户${i}` }), device })).statusCode).toBe(200);
    const sixth = await declare({ ...good(), device });
    expect([sixth.statusCode, sixth.json().code, sixth.json().details[0].value]).toEqual([429, 'declare.rate_limited', 'device']);
    t.advance(HOUR + 1000);
    expect((await declare({ ...good(), device })).statusCode).toBe(200);
  });
});

describe('the grid worker confirms or rejects', () => {
  const pendingOf = async (by: Request) =>
    (await by({ method: 'GET', url: `/api/tasks/${task.id}/declarations?status=pending&limit=200` })).json() as {
      items: Json[];
      total: number;
    };

  it('out of jurisdiction: a worker of another grid finds neither the task’s declarations nor one of them (404)', async () => {
    address = '10.9.0.5';
    const d = (await declare(good({ name: '外网格看不到' }))).json();
    expect((await farWorker({ method: 'GET', url: `/api/tasks/${task.id}/declarations` })).statusCode).toBe(404);
    const res = await farWorker({ method: 'POST', url: `/api/declarations/${d.id}/confirm`, payload: { version: 1 } });
    expect(res.statusCode).toBe(404);
  });

  it('confirms a person already on record by matching the ID number: linked, not duplicated, the new phone sealed onto them', async () => {
    address = '10.9.0.6';
    const d = (await declare(good({ name: '张建华', idNumber: ON_RECORD, phone: '13711112222' }))).json();
    const [onRecord] = await queryRows<{ id: string }>(t.db, sql`select id from person where name = '张建华'`);
    const before = await count('person');
    const res = await workerA({ method: 'POST', url: `/api/declarations/${d.id}/confirm`, payload: { version: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'confirmed',
      matched: true,
      personId: onRecord.id,
      idNumber: expect.stringContaining('****'),
    });
    expect(await count('person')).toBe(before);
    const [p] = await queryRows<{ phone_masked: string }>(t.db, sql`select phone_masked from person where id = ${onRecord.id}`);
    expect(p.phone_masked).toBe('137****2222');
    const again = await workerA({ method: 'POST', url: `/api/declarations/${d.id}/confirm`, payload: { version: 2 } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'declare.not_pending']);
  });

  it('confirms a newcomer into the records in the point’s grid, masked, with the answers as the task’s entry, audited', async () => {
    address = '10.9.0.7';
    const d = (await declare(good({ name: '王晓梅', idNumber: NEWCOMER }))).json();
    const before = await count('person');
    const res = await workerA({ method: 'POST', url: `/api/declarations/${d.id}/confirm`, payload: { version: 1 } });
    expect(res.json()).toMatchObject({ status: 'confirmed', matched: false });
    expect(await count('person')).toBe(before + 1);
    const person = (await workerA({ method: 'GET', url: `/api/registry/people/${res.json().personId}` })).json();
    expect(person).toMatchObject({
      name: '王晓梅',
      gridCode: G0,
      sex: '2',
      birthDate: '1990-05-06',
      residentType: '02',
      phone: '139****1111',
    });
    expect(person.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const entries = (await workerA({ method: 'GET', url: `/api/tasks/${task.id}/entries` })).json().items;
    expect(entries.find((e: Json) => e.subject === person.id)).toMatchObject({ values: { fever: '否' } });
    const audits = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where target = ${d.id}`);
    expect(audits.map((a) => a.action)).toEqual(['declaration.confirmed']);
  });

  it('rejects with a reason only; nothing reaches the people records; the point counts each state', async () => {
    address = '10.9.0.8';
    const d = (await declare(good({ name: '恶作剧', idNumber: makeIdNumber('420923', '2000-01-01', 11, 'male') }))).json();
    const before = await count('person');
    const bare = await workerA({ method: 'POST', url: `/api/declarations/${d.id}/reject`, payload: { version: 1, reason: ' ' } });
    expect([bare.statusCode, ...fields(bare)]).toEqual([400, 'body.reason:required']);
    const res = await workerA({ method: 'POST', url: `/api/declarations/${d.id}/reject`, payload: { version: 1, reason: '虚假申报' } });
    expect(res.json()).toMatchObject({ status: 'rejected', rejection: '虚假申报', personId: null });
    expect(await count('person')).toBe(before);
    const [p] = (await county({ method: 'GET', url: `/api/tasks/${task.id}/points` })).json().items;
    const pending = await pendingOf(county);
    expect(p).toMatchObject({ confirmed: 2, rejected: 1, pending: pending.total, gridName: expect.any(String) });
  });
});
