import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { followImport, startImport } from '../../testing/import-job.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
});
afterAll(() => t.close());

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const HEADER = ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'];
/** 2,500 houses (three batches), every 1,000th with a use no code table knows. */
const HOUSES = csv([
  HEADER,
  ...Array.from({ length: 2500 }, (_, i) => [
    `J-${i}`,
    `城关镇进度路 ${i} 号`,
    FIXTURE.grids[i % 3],
    i % 1000 === 7 ? '城堡' : '住宅',
    '否',
  ]),
]);
const houses = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from house`))[0].n;

describe('import as a job', () => {
  let jobId = '';

  it('answers the upload at once with a running job, whose counts only grow until it is done', async () => {
    const res = await startImport(county, 'house', HOUSES, 'houses.csv');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ template: 'house', state: 'running', read: 0, created: 0, reportReady: false, failure: null });
    jobId = res.json().id;
    const { last, seen } = await followImport(county, jobId);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i].read).toBeGreaterThanOrEqual(seen[i - 1].read);
      expect(seen[i].percent).toBeGreaterThanOrEqual(seen[i - 1].percent);
    }
    expect(seen.filter((j) => j.state === 'running').every((j) => j.percent < 100)).toBe(true);
    expect(last).toMatchObject({ state: 'done', read: 2500, created: 2497, rejected: 3, percent: 100, reportReady: true });
    expect(await houses()).toBe(2497);
  });

  it('serves the report of the refused rows when done: row, column and reason', async () => {
    const res = await county({ method: 'GET', url: `/api/registry/import-jobs/${jobId}/report` });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const lines: string[] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n > 1) lines.push([1, 2, 3].map((c) => String(row.getCell(c).value)).join('|'));
    });
    expect(lines).toEqual(['9|房屋用途|code.unknown', '1009|房屋用途|code.unknown', '2009|房屋用途|code.unknown']);
  });

  it('someone else’s job answers 404, progress and report alike, even for the same role and area', async () => {
    const { request: colleague } = await t.as(['county_center'], [FIXTURE.county]);
    expect((await colleague({ method: 'GET', url: `/api/registry/import-jobs/${jobId}` })).statusCode).toBe(404);
    const report = await colleague({ method: 'GET', url: `/api/registry/import-jobs/${jobId}/report` });
    expect(report.statusCode).toBe(404);
    expect(report.json().code).toBe('registry.import_not_found');
    expect((await county({ method: 'GET', url: `/api/registry/import-jobs/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });

  it('a job without refused rows has no report', async () => {
    const res = await startImport(county, 'house', csv([HEADER, ['J-0', '城关镇进度路 0 号', FIXTURE.grids[0], '住宅', '否']]));
    const { last } = await followImport(county, res.json().id);
    expect(last).toMatchObject({ state: 'done', read: 1, unchanged: 1, reportReady: false });
    expect((await county({ method: 'GET', url: `/api/registry/import-jobs/${last.id}/report` })).json().code).toBe('file.not_found');
  });

  it('a bad file is refused in the upload’s reply, with the reason, and starts nothing', async () => {
    const before = await houses();
    const refusal = async (bytes: Buffer, name: string) => {
      const res = await startImport(county, 'house', bytes, name);
      return [res.statusCode, res.json().code, res.json().details.map((d: { field: string; reason: string }) => `${d.field}:${d.reason}`)];
    };
    expect(await refusal(Buffer.from('hello'), 'notes.txt')).toEqual([415, 'registry.import_format', ['file:format']]);
    expect(
      await refusal(
        csv([
          ['公民身份号码', '姓名'],
          ['x', 'y'],
        ]),
        'people.csv',
      ),
    ).toEqual([
      422,
      'registry.import_header',
      ['房屋编号:missing', '房屋地址:missing', '所属网格编码:missing', '房屋用途:missing', '是否出租:missing'],
    ]);
    expect(await refusal(Buffer.from('this is no spreadsheet'), 'houses.xlsx')).toEqual([
      422,
      'registry.import_unreadable',
      ['file:unreadable'],
    ]);
    expect(await refusal(Buffer.alloc(0), 'houses.xlsx')).toEqual([422, 'registry.import_unreadable', ['file:unreadable']]);
    const missing = await county({
      method: 'POST',
      url: '/api/registry/imports/house',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect([missing.statusCode, missing.json().code]).toEqual([400, 'file.missing']);
    expect((await startImport(county, 'nothing', HOUSES)).statusCode).toBe(400);
    expect(await houses()).toBe(before);
  });
});
