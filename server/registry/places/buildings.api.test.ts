import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
let otherTownship: Awaited<ReturnType<TestApp['signIn']>>;
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  // Two flats of building B-01 and one house not yet in a building; 李秀兰 (who will lead the building) lives in the first.
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '楼栋编号', '房屋用途', '是否出租'],
      ['B01-101', '城关镇朝阳路 8 号 1 栋 101 室', FIXTURE.grids[0], '420923100001-01', '住宅', '否'],
      ['B01-102', '城关镇朝阳路 8 号 1 栋 102 室', FIXTURE.grids[0], '420923100001-01', '住宅', '否'],
      ['LONE-1', '城关镇朝阳路 9 号', FIXTURE.grids[0], '', '住宅', '否'],
    ]),
  );
  await importFile(
    county,
    'person',
    csv([
      ['公民身份号码', '姓名', '民族', '联系电话', '人员类型', '房屋编号'],
      [makeIdNumber('420923', '1988-07-02', 102, 'female'), '李秀兰', '汉族', '13972005678', '户籍人口', 'B01-101'],
      [makeIdNumber('420923', '1986-02-11', 104, 'male'), '王建国', '汉族', '', '户籍人口', 'B01-101'],
    ]),
  );
});
afterAll(() => t.close());

const B01 = '420923100001-01';
const building = {
  code: B01,
  name: '1 栋',
  estate: '朝阳小区',
  floors: 6,
  units: 2,
  households: 24,
  leaderName: '李秀兰',
  leaderPhone: '13972005678',
};
let addressCode = '';

describe('standard addresses', () => {
  it('not signed in: 401; a grid leader may read but not record', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/addresses' })).statusCode).toBe(401);
    const { request } = await t.as(['grid_leader'], [FIXTURE.grids[0]]);
    expect(
      (
        await request({
          method: 'POST',
          url: '/api/registry/addresses',
          payload: { road: '朝阳路', doorNumber: '8 号', gridCode: FIXTURE.grids[0] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('records an address from its parts; the server codes it by village and serial', async () => {
    const res = await county({
      method: 'POST',
      url: '/api/registry/addresses',
      payload: { road: '城关镇朝阳路', doorNumber: '8 号', gridCode: FIXTURE.grids[0] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '420923100001000001',
      fullText: '城关镇朝阳路8 号',
      road: '城关镇朝阳路',
      gridCode: FIXTURE.grids[0],
      version: 1,
    });
    addressCode = res.json().code;
  });

  it('refuses an address with no text, or a grid outside the caller’s jurisdiction, and stores nothing', async () => {
    const before = await count('standard_address');
    expect(fields(await county({ method: 'POST', url: '/api/registry/addresses', payload: { gridCode: FIXTURE.grids[0] } }))).toEqual([
      'fullText:field.required',
    ]);
    expect(
      fields(
        await otherTownship({
          method: 'POST',
          url: '/api/registry/addresses',
          payload: { fullText: '朝阳路 10 号', gridCode: FIXTURE.grids[0] },
        }),
      ),
    ).toEqual(['gridCode:grid.not_found']);
    expect(await count('standard_address')).toBe(before);
  });

  it('edits on the version it read (a stale version answers 409) and finds by part of the text', async () => {
    const put = (version: number) =>
      county({
        method: 'PUT',
        url: `/api/registry/addresses/${addressCode}`,
        payload: { fullText: '城关镇朝阳路 8 号', road: '朝阳路', doorNumber: '8 号', gridCode: FIXTURE.grids[0], version },
      });
    expect((await put(1)).json()).toMatchObject({ fullText: '城关镇朝阳路 8 号', version: 2 });
    expect((await put(1)).statusCode).toBe(409);
    const found = await county({ method: 'GET', url: `/api/registry/addresses?q=${encodeURIComponent('朝阳路 8')}` });
    expect(found.json().items.map((a: { code: string }) => a.code)).toEqual([addressCode]);
    expect((await otherTownship({ method: 'GET', url: `/api/registry/addresses/${addressCode}` })).statusCode).toBe(404);
  });
});

describe('buildings: create, edit, verify', () => {
  it('records a building at a standard address: text and grid from the address, leader phone sealed and linked to the person', async () => {
    const res = await county({ method: 'POST', url: '/api/registry/buildings', payload: { ...building, addressCode } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: B01,
      address: '城关镇朝阳路 8 号',
      addressCode,
      gridCode: FIXTURE.grids[0],
      floors: 6,
      leaderPhone: '139****5678',
      houses: 2,
      version: 1,
    });
    const [li] = (await county({ method: 'GET', url: `/api/registry/people?q=${encodeURIComponent('李秀兰')}` })).json().items;
    expect(res.json().leaderPersonId).toBe(li.id);
    expect(res.json().history).toHaveLength(1);
    expect(JSON.stringify(await queryRows(t.db, sql`select * from building`))).not.toContain('13972005678');
  });

  it('refuses bad floors, an unknown address and a grid outside jurisdiction, naming each field; stores nothing', async () => {
    const before = [await count('building'), await count('record_change')];
    const post = (request: typeof county, payload: object) =>
      request({ method: 'POST', url: '/api/registry/buildings', payload: { ...building, code: 'B-NEW', ...payload } });
    expect(fields(await post(county, { address: '朝阳路 12 号', gridCode: FIXTURE.grids[0], floors: 0, units: 60 }))).toEqual([
      'floors:number.out_of_range',
      'units:number.out_of_range',
    ]);
    expect(fields(await post(county, { address: '朝阳路 12 号', gridCode: FIXTURE.grids[0], floors: 2.5 }))).toEqual(['body.floors:type']);
    expect(fields(await post(county, { addressCode: '420923100001999999' }))).toEqual(['addressCode:address.not_found']);
    expect(fields(await post(otherTownship, { address: '朝阳路 12 号', gridCode: FIXTURE.grids[0] }))).toEqual(['gridCode:grid.not_found']);
    expect(fields(await post(county, { address: '朝阳路 12 号', gridCode: FIXTURE.grids[0], leaderPhone: '12345' }))).toEqual([
      'leaderPhone:phone.invalid',
    ]);
    expect((await post(county, { code: B01, address: '朝阳路 12 号', gridCode: FIXTURE.grids[0] })).statusCode).toBe(409);
    expect([await count('building'), await count('record_change')]).toEqual(before);
  });

  it('edits on the version it read; a stale version answers 409; out of jurisdiction is 404; a left-out phone stays', async () => {
    const { code: _c, leaderPhone: _p, ...rest } = building;
    const put = (request: typeof county, payload: object) =>
      request({ method: 'PUT', url: `/api/registry/buildings/${B01}`, payload: { ...rest, addressCode, ...payload } });
    const res = await put(county, { floors: 7, version: 1 });
    expect(res.json()).toMatchObject({ floors: 7, leaderPhone: '139****5678', version: 2 });
    expect(res.json().leaderPersonId).not.toBeNull();
    expect(res.json().history.at(-1)).toMatchObject({ before: { floors: 6 }, after: { floors: 7 } });
    expect((await put(county, { floors: 8, version: 1 })).statusCode).toBe(409);
    expect((await put(otherTownship, { version: 2 })).statusCode).toBe(404);
    expect((await put(county, { floors: 500, version: 2 })).json().details[0]).toMatchObject({
      field: 'floors',
      reason: 'number.out_of_range',
    });
  });

  it('verifies: who and when, kept in the history', async () => {
    t.advance(60_000);
    const res = await county({ method: 'POST', url: `/api/registry/buildings/${B01}/verify`, payload: { version: 2 } });
    expect(res.json()).toMatchObject({ version: 3, verifiedAt: '2026-11-02T01:01:00.000Z' });
    expect(res.json().verifiedBy).toBeTruthy();
  });

  it('reveals the leader’s phone for a reason and audits it', async () => {
    const res = await county({
      method: 'POST',
      url: `/api/registry/buildings/${B01}/reveal`,
      payload: { field: 'leaderPhone', reason: '通知楼栋排查' },
    });
    expect(res.json()).toEqual({ field: 'leaderPhone', value: '13972005678' });
    const audits = await queryRows<{ target: string }>(t.db, sql`select target from audit_log where action = 'registry.revealed'`);
    expect(audits.map((a) => a.target)).toContain(`building:${B01}`);
  });
});

describe('buildings: search, houses one click away', () => {
  const codes = async (request: typeof county, q: string) =>
    (await request({ method: 'GET', url: `/api/registry/buildings?q=${encodeURIComponent(q)}` }))
      .json()
      .items.map((b: { code: string }) => b.code);

  it('finds a building by part of its address, its code or its address code — within jurisdiction only', async () => {
    expect(await codes(county, '朝阳路')).toEqual([B01]);
    expect(await codes(county, B01)).toEqual([B01]);
    expect(await codes(county, addressCode)).toEqual([B01]);
    expect(await codes(otherTownship, '朝阳路')).toEqual([]);
  });

  it('lists a building’s houses with their residents, and a house names its building', async () => {
    const detail = (await county({ method: 'GET', url: `/api/registry/buildings/${B01}` })).json();
    expect(detail.houseList.map((h: { code: string; residents: number }) => [h.code, h.residents])).toEqual([
      ['B01-101', 2],
      ['B01-102', 0],
    ]);
    const house = (await county({ method: 'GET', url: '/api/registry/houses/B01-101' })).json();
    expect(house).toMatchObject({ building: { code: B01, name: '1 栋' }, group: null });
    expect(house.residents.map((r: { name: string }) => r.name).sort()).toEqual(['李秀兰', '王建国']);
    expect((await county({ method: 'GET', url: '/api/registry/houses/LONE-1' })).json().building).toBeNull();
    expect((await otherTownship({ method: 'GET', url: '/api/registry/houses/B01-101' })).statusCode).toBe(404);
  });
});

const rowsOf = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};

describe('buildings: template and import', () => {
  const FILE = csv([
    ['楼栋编号', '楼栋名称', '小区名称', '楼栋地址', '所属网格编码', '层数', '单元数', '楼栋长姓名', '楼栋长联系电话'],
    ['420923100001-02', '2 栋', '朝阳小区', '城关镇朝阳路 8 号', FIXTURE.grids[0], '5', '1', '', ''],
    ['420923100002-01', '1 栋', '', '城关镇新街 3 号', FIXTURE.grids[2], '18', '3', '赵敏', '13872001111'],
    ['420923100001-03', '3 栋', '', '城关镇朝阳路 8 号', FIXTURE.grids[0], '0', '1', '', ''],
    ['420902001001-01', '外县楼', '', '孝南区某路', '420902001001001', '6', '1', '', ''],
    ['420923100001-02', '2 栋（重复）', '', '城关镇朝阳路 8 号', FIXTURE.grids[0], '5', '1', '', ''],
  ]);

  it('offers the building template with its Chinese headers', async () => {
    const res = await county({ method: 'GET', url: '/api/registry/templates/building' });
    expect((await rowsOf(res.rawPayload))[0]).toEqual(expect.arrayContaining(['楼栋编号', '层数', '楼栋长姓名']));
  });

  it('imports the good rows, links them to their standard address, and reports each bad one by row, column and reason', async () => {
    const job = await importFile(county, 'building', FILE);
    expect(job).toMatchObject({ read: 5, created: 2, updated: 0, unchanged: 0, rejected: 3 });
    const report = await rowsOf((await county({ method: 'GET', url: `/api/registry/import-jobs/${job.id}/report` })).rawPayload);
    expect(report.slice(1).map((r) => r.slice(0, 3).join('|'))).toEqual([
      '4|层数|number.out_of_range',
      '5|所属网格编码|grid.not_found',
      '6|楼栋编号|record.duplicate_in_file',
    ]);
    const second = (await county({ method: 'GET', url: '/api/registry/buildings/420923100001-02' })).json();
    expect(second).toMatchObject({ addressCode, floors: 5, houses: 0 });
  });

  it('re-importing the same file changes nothing', async () => {
    const before = [await count('building'), await count('record_change')];
    expect(await importFile(county, 'building', FILE)).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect([await count('building'), await count('record_change')]).toEqual(before);
  });
});

describe('buildings: data quality', () => {
  it('counts buildings per grid and the houses linked to none', async () => {
    const q = (await county({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.villages[0]}` })).json();
    expect(q.children[0]).toMatchObject({ code: FIXTURE.grids[0], houses: 3, buildings: 2, housesWithoutBuilding: 1 });
    expect(q.total).toMatchObject({ buildings: 2, housesWithoutBuilding: 1, groups: 0 });
  });
});
