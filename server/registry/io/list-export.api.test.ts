import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDepartment } from '../../org/index.ts';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let county: Request;
let otherTownship: Request;
let worker: Request;

const LEADER_PHONE = '13972005678';
const OWNER_ID = makeIdNumber('420923', '1966-06-06', 121, 'male');
const OWNER_PHONE = '13800001111';
const B1 = '420923100001-01';
const B2 = '420923100002-01';
const B3 = '420923101201-01';
const maskedId = `${OWNER_ID.slice(0, 4)}**********${OWNER_ID.slice(-4)}`;

const ok = (res: LightMyRequestResponse) => {
  if (res.statusCode !== 200) throw new Error(res.body);
  return res;
};
const rowsOf = async (res: LightMyRequestResponse) => {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};
/** The data rows as objects keyed by the Chinese headers. */
const recordsOf = async (res: LightMyRequestResponse) => {
  const [header, ...rows] = await rowsOf(res);
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
};
const get = (request: Request, url: string) => request({ method: 'GET', url });
const exports = async () =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from audit_log where action = 'registry.exported'`))[0].n;
const lastAudit = async (target: string) =>
  (
    await queryRows<{ detail: Record<string, unknown> }>(
      t.db,
      sql`select detail from audit_log where action = 'registry.exported' and target = ${target} order by id desc limit 1`,
    )
  )[0]?.detail;
const fields = (res: LightMyRequestResponse) =>
  res.json<{ details: { field: string; reason: string }[] }>().details.map((d) => `${d.field}:${d.reason}`);

beforeAll(async () => {
  t = await createTestApp();
  await insertDepartment(t.db, { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county });
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  const post = (url: string, payload: object) => county({ method: 'POST', url, payload }).then(ok);
  // Components: two lamps and a manhole in township 城关镇 (grids 0 and 2), a lamp in 义堂镇 (grid 4).
  await post('/api/registry/facilities', {
    classCode: '01037',
    name: '朝阳路 3 号路灯',
    lng: 113.02,
    lat: 31.1,
    ownerDept: 'YM-CG',
    state: '01',
  });
  await post('/api/registry/facilities', {
    classCode: '01037',
    name: '学府路路灯',
    lng: 113.12,
    lat: 31.1,
    ownerDept: 'YM-CG',
    state: '02',
  });
  await post('/api/registry/facilities', {
    classCode: '01002',
    lng: 113.03,
    lat: 31.1,
    ownerDept: 'YM-CG',
    state: '01',
    note: '井盖有裂纹',
  });
  await post('/api/registry/facilities', { classCode: '01037', name: '义堂路灯', lng: 113.22, lat: 31.1, ownerDept: 'YM-CG', state: '01' });
  // Buildings: one with a leader in grid 0, one in grid 2, one in 义堂镇.
  await post('/api/registry/buildings', {
    code: B1,
    name: '1 栋',
    estate: '朝阳小区',
    address: '城关镇朝阳路 8 号 1 栋',
    gridCode: FIXTURE.grids[0],
    floors: 6,
    leaderName: '李秀兰',
    leaderPhone: LEADER_PHONE,
  });
  await post('/api/registry/buildings', { code: B2, name: '2 栋', address: '城关镇学府路 2 号', gridCode: FIXTURE.grids[2] });
  await post('/api/registry/buildings', { code: B3, name: '3 栋', address: '义堂镇义堂路 3 号', gridCode: FIXTURE.grids[4] });
  // Houses: two in B1 (one with its owner's ID and phone), one alone in grid 1, one in B3.
  const house = { use: '01', rented: false };
  await post('/api/registry/houses', {
    ...house,
    code: 'B1-101',
    buildingCode: B1,
    unit: '1 单元',
    floor: 1,
    room: '101',
    ownerName: '张三',
    ownerIdNumber: OWNER_ID,
    ownerPhone: OWNER_PHONE,
    hazards: ['01'],
  });
  await post('/api/registry/houses', { ...house, code: 'B1-102', buildingCode: B1, room: '102', rented: true, rentalUse: '02' });
  await post('/api/registry/houses', { ...house, code: 'LONE-1', address: '城关镇朝阳路 9 号', gridCode: FIXTURE.grids[1] });
  await post('/api/registry/houses', { ...house, code: 'B3-101', buildingCode: B3, room: '101' });
  await importFile(
    county,
    'person',
    Buffer.from(
      [
        ['公民身份号码', '姓名', '民族', '人员类型', '房屋编号'],
        [makeIdNumber('420923', '1988-07-02', 102, 'female'), '李秀兰', '汉族', '户籍人口', 'B1-101'],
      ]
        .map((r) => r.join(','))
        .join('\n'),
    ),
  );
});
afterAll(() => t.close());

describe.each([
  ['facilities', '/api/registry/facilities/export'],
  ['buildings', '/api/registry/buildings/export'],
  ['houses', `/api/registry/houses/export?grid=${FIXTURE.grids[0]}`],
])('%s export: who may', (_name, url) => {
  it('not signed in: 401; a role without registry.read: 403; nothing audited', async () => {
    const before = await exports();
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    const { request: dept } = await t.as(['department_handler'], [FIXTURE.county]);
    expect((await get(dept, url)).statusCode).toBe(403);
    expect(await exports()).toBe(before);
  });
});

describe('facilities export', () => {
  it('exports the filtered list with the template’s headers, and audits the filter and row count', async () => {
    const rows = await recordsOf(await get(county, `/api/registry/facilities/export?classCode=01037&area=${FIXTURE.townships[0]}`));
    // The grid by name, its code in a column of its own.
    expect(
      rows.map((r) => [r.部件名称, r.部件类别, r.部件状态, r.权属部门编码, r.权属部门, r.所在单元网格, r.单元网格编码, r['所属村(社区)']]),
    ).toEqual([
      ['朝阳路 3 号路灯', '路灯', '完好', 'YM-CG', '云梦县城市管理执法局', '网格1', FIXTURE.grids[0], '村1'],
      ['学府路路灯', '路灯', '破损', 'YM-CG', '云梦县城市管理执法局', '网格3', FIXTURE.grids[2], '村2'],
    ]);
    expect(rows[0].部件标识码).toMatch(/^42092301037\d{6}$/);
    expect(await lastAudit('facility')).toEqual({
      classCode: '01037',
      area: FIXTURE.townships[0],
      state: null,
      q: null,
      rows: 2,
      unmasked: false,
      reason: null,
    });
  });

  it('honours the state and name filters', async () => {
    expect((await recordsOf(await get(county, '/api/registry/facilities/export?state=02'))).map((r) => r.部件名称)).toEqual(['学府路路灯']);
    expect(
      (await recordsOf(await get(county, `/api/registry/facilities/export?q=${encodeURIComponent('井盖')}`))).map((r) => r.备注),
    ).toEqual(['井盖有裂纹']);
  });

  it('speaks the caller’s language', async () => {
    const [header, first] = await rowsOf(
      await county({ method: 'GET', url: '/api/registry/facilities/export?state=02', headers: { 'accept-language': 'en' } }),
    );
    expect(header.slice(0, 3)).toEqual(['Code', 'Class', 'Name']);
    expect(first[5]).toBe('damaged');
  });

  it('out of jurisdiction: another township exports only its own; a grid worker only their grid', async () => {
    expect(await recordsOf(await get(otherTownship, `/api/registry/facilities/export?area=${FIXTURE.townships[0]}`))).toEqual([]);
    expect((await recordsOf(await get(otherTownship, '/api/registry/facilities/export'))).map((r) => r.部件名称)).toEqual(['义堂路灯']);
    expect((await recordsOf(await get(worker, '/api/registry/facilities/export'))).map((r) => r.单元网格编码)).toEqual([
      FIXTURE.grids[0],
      FIXTURE.grids[0],
    ]);
    expect(await lastAudit('facility')).toMatchObject({ rows: 2 });
  });

  it('a bad filter, or asking to unmask a list with nothing sealed, is refused naming the field; nothing audited', async () => {
    const before = await exports();
    const bad = await get(county, '/api/registry/facilities/export?classCode=lamp&area=42');
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['querystring.classCode:pattern', 'querystring.area:pattern']);
    expect(fields(await get(county, '/api/registry/facilities/export?unmask=true&reason=%E6%A0%B8%E5%AE%9E'))).toEqual([
      'querystring.unmask:additionalProperties',
      'querystring.reason:additionalProperties',
    ]);
    expect(await exports()).toBe(before);
  });
});

describe('buildings export', () => {
  it('exports the filtered list with the leader’s phone masked, and audits the filter and row count', async () => {
    const res = await get(county, `/api/registry/buildings/export?area=${FIXTURE.townships[0]}`);
    const rows = (await recordsOf(res)).sort((a, b) => a.楼栋编号.localeCompare(b.楼栋编号));
    expect(rows.map((r) => [r.楼栋编号, r.楼栋名称, r.小区名称, r.楼栋长姓名, r.楼栋长联系电话, r.在册房屋])).toEqual([
      [B1, '1 栋', '朝阳小区', '李秀兰', '139****5678', '2'],
      [B2, '2 栋', '', '', '', '0'],
    ]);
    expect(rows.map((r) => [r.所属网格, r.所属网格编码])).toEqual([
      ['网格1', FIXTURE.grids[0]],
      ['网格3', FIXTURE.grids[2]],
    ]);
    expect(res.rawPayload.includes(Buffer.from(LEADER_PHONE))).toBe(false);
    expect(await lastAudit('building')).toEqual({ q: null, area: FIXTURE.townships[0], rows: 2, unmasked: false, reason: null });
  });

  it('honours the text filter', async () => {
    expect(
      (await recordsOf(await get(county, `/api/registry/buildings/export?q=${encodeURIComponent('学府路')}`))).map((r) => r.楼栋编号),
    ).toEqual([B2]);
  });

  it('unmasks only for a role allowed to, with a reason; the audit row says so', async () => {
    const url = `/api/registry/buildings/export?q=${B1}&unmask=true`;
    expect(fields(await get(county, url))).toEqual(['querystring.reason:required']);
    const before = await exports();
    expect((await get(worker, `${url}&reason=${encodeURIComponent('想看看')}`)).statusCode).toBe(403);
    expect(await exports()).toBe(before);
    const rows = await recordsOf(await get(county, `${url}&reason=${encodeURIComponent('楼栋长走访')}`));
    expect(rows.map((r) => r.楼栋长联系电话)).toEqual([LEADER_PHONE]);
    expect(await lastAudit('building')).toEqual({
      q: B1,
      area: null,
      rows: 1,
      unmasked: true,
      reason: '楼栋长走访',
      revealed: { leaderPhone: 1 },
      recordIds: [B1],
    });
  });

  it('out of jurisdiction: another township sees only its own building, even by code', async () => {
    expect(await recordsOf(await get(otherTownship, `/api/registry/buildings/export?q=${B1}`))).toEqual([]);
    expect((await recordsOf(await get(otherTownship, '/api/registry/buildings/export'))).map((r) => r.楼栋编号)).toEqual([B3]);
  });

  it('a bad filter is refused naming the field', async () => {
    expect(fields(await get(county, '/api/registry/buildings/export?area=abc'))).toEqual(['querystring.area:pattern']);
  });
});

describe('houses export', () => {
  it('exports the houses of a building with the owner’s ID number and phone masked, and audits the filter and row count', async () => {
    const res = await get(county, `/api/registry/houses/export?building=${B1}`);
    const rows = await recordsOf(res);
    expect(rows.map((r) => [r.房屋编号, r.房主公民身份号码, r.房主联系电话, r.是否出租, r.出租用途, r.现住人数])).toEqual([
      ['B1-101', maskedId, '138****1111', '否', '', '1'],
      ['B1-102', '', '', '是', '住房', '0'],
    ]);
    expect(rows[0]).toMatchObject({
      所属网格: '网格1',
      '所属村(社区)': '村1',
      所属网格编码: FIXTURE.grids[0],
      楼栋编号: B1,
      单元: '1 单元',
      楼层: '1',
      室号: '101',
      房屋用途: '住宅',
      隐患类型: '火灾',
    });
    expect(res.rawPayload.includes(Buffer.from(OWNER_ID))).toBe(false);
    expect(await lastAudit('house')).toEqual({ building: B1, grid: null, q: null, rows: 2, unmasked: false, reason: null });
  });

  it('honours the grid and address filters', async () => {
    expect((await recordsOf(await get(county, `/api/registry/houses/export?grid=${FIXTURE.grids[1]}`))).map((r) => r.房屋编号)).toEqual([
      'LONE-1',
    ]);
    expect(
      (await recordsOf(await get(county, `/api/registry/houses/export?q=${encodeURIComponent('朝阳路 9')}`))).map((r) => r.房屋编号),
    ).toEqual(['LONE-1']);
  });

  it('unmasks only for a role allowed to, with a reason', async () => {
    const url = `/api/registry/houses/export?building=${B1}&unmask=true`;
    expect(fields(await get(county, url))).toEqual(['querystring.reason:required']);
    expect((await get(worker, `${url}&reason=${encodeURIComponent('想看看')}`)).statusCode).toBe(403);
    const rows = await recordsOf(await get(county, `${url}&reason=${encodeURIComponent('出租屋核查')}`));
    expect(rows.map((r) => [r.房主公民身份号码, r.房主联系电话])).toEqual([
      [OWNER_ID, OWNER_PHONE],
      ['', ''],
    ]);
    expect(await lastAudit('house')).toMatchObject({ building: B1, rows: 2, unmasked: true, reason: '出租屋核查' });
  });

  it('out of jurisdiction: another township gets none of the building’s or the grid’s houses', async () => {
    expect(await recordsOf(await get(otherTownship, `/api/registry/houses/export?building=${B1}`))).toEqual([]);
    expect(await recordsOf(await get(otherTownship, `/api/registry/houses/export?grid=${FIXTURE.grids[0]}`))).toEqual([]);
    expect((await recordsOf(await get(otherTownship, `/api/registry/houses/export?building=${B3}`))).map((r) => r.房屋编号)).toEqual([
      'B3-101',
    ]);
  });

  it('without a building, grid or text, or with a bad one, is refused naming the field; nothing audited', async () => {
    const before = await exports();
    for (const url of ['/api/registry/houses/export', '/api/registry/houses/export?q=%20%20']) {
      const res = await get(county, url);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'request.invalid',
        details: [{ field: 'querystring', reason: 'filter.required', message: '请至少按以下一项筛选：building、grid、q' }],
      });
    }
    expect(fields(await get(county, '/api/registry/houses/export?grid=4209231000010'))).toEqual(['querystring.grid:pattern']);
    expect(await exports()).toBe(before);
  });
});
