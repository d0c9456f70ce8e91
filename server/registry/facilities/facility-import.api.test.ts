import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDepartment } from '../../org/index.ts';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  await insertDepartment(t.db, { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: FIXTURE.county });
  await insertDepartment(t.db, { code: 'YM-SW', name: '云梦县水务局', areaCode: FIXTURE.county });
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
});
afterAll(() => t.close());

const HEADER = ['部件标识码', '部件类别', '部件名称', '权属部门编码', '养护部门编码', '部件状态', '经度', '纬度', '备注'];
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\n'));
/** Two good components in the first grid (113.00–113.05 E), then one row for each way a row goes wrong. */
const FILE = csv([
  ['', '路灯', '朝阳路 3 号路灯', 'YM-CG', 'YM-SW', '完好', '113.02', '31.1', ''],
  ['', '01002', '', 'YM-CG', '', '完好', '113.021', '31.1', '井盖有裂纹'],
  ['', '01999', '', 'YM-CG', '', '完好', '113.022', '31.1', ''],
  ['', '路灯', '', 'NOPE', '', '完好', '113.023', '31.1', ''],
  ['', '路灯', '', 'YM-CG', 'GONE', '完好', '113.024', '31.1', ''],
  ['', '路灯', '', 'YM-CG', '', '完好', '114.5', '31.1', ''],
  ['42092301037999999', '路灯', '', 'YM-CG', '', '完好', '113.025', '31.1', ''],
  ['', '路灯', '又一个', 'YM-CG', '', '破损', '113.02', '31.1', ''],
]);
const REFUSED = [
  '4|部件类别|code.unknown',
  '5|权属部门编码|department.unknown',
  '6|养护部门编码|department.unknown',
  '7|经度|point.outside_grids',
  '8|部件标识码|facility.not_found',
  '9|经度|record.duplicate_in_file',
];
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const reportOf = async (request: typeof county, id: string) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await request({ method: 'GET', url: `/api/registry/import-jobs/${id}/report` })).rawPayload as unknown as ArrayBuffer,
  );
  const lines: string[] = [];
  book.worksheets[0].eachRow((row, n) => {
    if (n > 1) lines.push([1, 2, 3].map((c) => String(row.getCell(c).value)).join('|'));
  });
  return lines;
};

describe('facility import', () => {
  it('offers the template with the class drop-down and department-code columns', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await county({ method: 'GET', url: '/api/registry/templates/facility' })).rawPayload as unknown as ArrayBuffer);
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
      '部件标识码',
      '部件类别',
      '部件名称',
      '权属部门编码',
      '养护部门编码',
      '部件状态',
      '经度',
      '纬度',
      '所在单元网格',
      '备注',
    ]);
  });

  it('records the good rows with codes from the server and the grid from the point; reports each bad row', async () => {
    const job = await importFile(county, 'facility', FILE, 'facilities.csv');
    expect(job).toMatchObject({ state: 'done', read: 8, created: 2, updated: 0, unchanged: 0, rejected: 6 });
    expect(await reportOf(county, job.id)).toEqual(REFUSED);
    const items = (await county({ method: 'GET', url: '/api/registry/facilities?classCode=01' })).json().items;
    expect(items).toMatchObject([
      {
        code: '42092301002000001',
        name: '污水井盖',
        gridCode: FIXTURE.grids[0],
        ownerDept: 'YM-CG',
        maintainerDept: null,
        note: '井盖有裂纹',
        version: 1,
      },
      { code: '42092301037000001', name: '朝阳路 3 号路灯', gridCode: FIXTURE.grids[0], maintainerDept: 'YM-SW', state: '01' },
    ]);
  });

  it('re-importing the same file, codes empty, changes nothing: rows match on class and point', async () => {
    const [facilities, changes] = [await count('facility'), await count('record_change')];
    expect(await importFile(county, 'facility', FILE)).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 6 });
    expect([await count('facility'), await count('record_change')]).toEqual([facilities, changes]);
  });

  it('a row with its code updates that component, even moved; the form numbers on after the import', async () => {
    const moved = csv([['42092301037000001', '路灯', '朝阳路 3 号路灯', 'YM-CG', 'YM-SW', '破损', '113.03', '31.1', '灯罩碎了']]);
    expect(await importFile(county, 'facility', moved)).toMatchObject({ created: 0, updated: 1 });
    const lamp = (await county({ method: 'GET', url: '/api/registry/facilities/42092301037000001' })).json();
    expect(lamp).toMatchObject({ state: '02', lng: 113.03, note: '灯罩碎了', version: 2 });
    expect(lamp.history[1]).toMatchObject({ before: { state: '01', lng: 113.02, note: null }, after: { state: '02', lng: 113.03 } });
    expect(await importFile(county, 'facility', moved)).toMatchObject({ unchanged: 1 });
    const made = await county({
      method: 'POST',
      url: '/api/registry/facilities',
      payload: { classCode: '01037', lng: 113.04, lat: 31.1, ownerDept: 'YM-CG', state: '01' },
    });
    expect(made.json().code).toBe('42092301037000002');
  });

  it('another township can neither update a component outside it by code nor place one there', async () => {
    const { request: other } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    const job = await importFile(
      other,
      'facility',
      csv([
        ['42092301037000001', '路灯', '', 'YM-CG', '', '完好', '113.03', '31.1', ''],
        ['', '消防设施', '', 'YM-CG', '', '完好', '113.01', '31.1', ''],
      ]),
    );
    expect(job).toMatchObject({ created: 0, updated: 0, rejected: 2 });
    expect(await reportOf(other, job.id)).toEqual(['2|部件标识码|facility.not_found', '3|经度|point.outside_jurisdiction']);
  });
});
