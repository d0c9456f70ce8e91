import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile, startImport } from '../../testing/import-job.ts';
import { multipartFile } from '../../testing/multipart.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
let countyName: string;
beforeAll(async () => {
  t = await createTestApp();
  const signedIn = await t.as(['county_center'], [FIXTURE.county]);
  county = signedIn.request;
  countyName = signedIn.user.displayName;
});
afterAll(() => t.close());

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));

const HOUSE_HEADER = ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'];
const HOUSES = csv([
  HOUSE_HEADER,
  ['H-001', '城关镇朝阳路 1 号 101 室', FIXTURE.grids[0], '住宅', '否'],
  ['H-002', '城关镇朝阳路 1 号 102 室', FIXTURE.grids[1], '住宅', '否'],
  ['H-999', '外县某处', '420902001001001', '住宅', '否'],
]);

const zhang = makeIdNumber('420923', '1985-03-14', 101, 'male');
const li = makeIdNumber('420923', '1988-07-02', 102, 'female');
const son = makeIdNumber('420923', '2012-01-20', 103, 'male');
const badCheck = `${zhang.slice(0, 17)}${zhang[17] === '0' ? '1' : '0'}`;
const PEOPLE_HEADER = ['公民身份号码', '姓名', '民族', '联系电话', '人员类型', '房屋编号', '与户主关系', '特殊人群'];
const people = (zhangHouse = 'H-001') =>
  csv([
    PEOPLE_HEADER,
    [zhang, '张建华', '汉族', '13872001234', '户籍人口', zhangHouse, '户主', ''],
    [li, '李秀兰', '汉族', '13972005678', '户籍人口', 'H-001', '配偶', ''],
    [son, '张小明', '汉族', '', '户籍人口', 'H-001', '子', '社区矫正人员'],
    [badCheck, '王五', '汉族', '', '户籍人口', 'H-002', '', ''],
    [makeIdNumber('420923', '1990-01-01', 7, 'male'), '赵六', '火星族', '', '户籍人口', 'H-002', '', ''],
    [makeIdNumber('420923', '1990-01-01', 9, 'male'), '钱七', '汉族', '', '户籍人口', 'H-404', '', ''],
  ]);

describe('registry import', () => {
  it('not signed in: 401; wrong role: a department handler may not import', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/registry/imports/house', ...multipartFile(HOUSES, 'h.csv') })).statusCode).toBe(
      401,
    );
    const { request } = await t.as(['department_handler'], [FIXTURE.county]);
    expect((await startImport(request, 'house', HOUSES)).statusCode).toBe(403);
  });

  it('imports good houses and reports the bad row; out-of-jurisdiction grids are refused', async () => {
    expect(await importFile(county, 'house', HOUSES)).toMatchObject({
      state: 'done',
      read: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      reportReady: true,
    });
  });

  it('imports people, refusing each bad row with its row, column and reason in an Excel report', async () => {
    const job = await importFile(county, 'person', people());
    expect(job).toMatchObject({ read: 6, created: 3, rejected: 3 });
    const report = await county({ method: 'GET', url: `/api/registry/import-jobs/${job.id}/report` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const lines: string[] = [];
    book.worksheets[0].eachRow((row, n) => {
      if (n > 1) lines.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}|${String(row.getCell(3).value)}`);
    });
    expect(lines).toEqual(['5|公民身份号码|id.checksum', '6|民族|code.unknown', '7|房屋编号|house.not_found']);
  });

  it('re-importing the same file changes nothing', async () => {
    const before = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from record_change`);
    expect(await importFile(county, 'person', people())).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 3 });
    const after = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from record_change`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('a wrong template is refused naming the missing columns', async () => {
    const res = await startImport(county, 'person', HOUSES);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('registry.import_header');
    expect(res.json().details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['公民身份号码', '姓名']));
  });

  it('a move is a new residence; the old one ends, and the change is in the history with who made it', async () => {
    const clerk = await t.as(['county_center'], [FIXTURE.county]);
    expect(await importFile(clerk.request, 'person', people('H-002'))).toMatchObject({ updated: 1, unchanged: 2 });
    const [found] = (await county({ method: 'GET', url: `/api/registry/people?q=${zhang}` })).json().items;
    const detail = (await county({ method: 'GET', url: `/api/registry/people/${found.id}` })).json();
    expect(detail.residences.map((r: { houseCode: string; movedOut: string | null }) => [r.houseCode, r.movedOut !== null])).toEqual([
      ['H-001', true],
      ['H-002', false],
    ]);
    expect(detail.history).toHaveLength(2);
    expect(detail.history[1].before.gridCode).toBe(FIXTURE.grids[0]);
    expect(detail.history[1].after.gridCode).toBe(FIXTURE.grids[1]);
    expect(detail.history.map((h: { actorName: string | null }) => h.actorName)).toEqual([countyName, clerk.user.displayName]);
    expect(detail.verifiedBy).toBe(clerk.user.displayName);
  });
});

describe('people: search, masking, reveal', () => {
  it('finds by part of a name, by ID number and by phone — masked — within jurisdiction only', async () => {
    const byName = (await county({ method: 'GET', url: `/api/registry/people?q=${encodeURIComponent('建')}` })).json().items;
    expect(byName.map((p: { name: string }) => p.name)).toEqual(['张建华']);
    expect(byName[0].idNumber).toBe(`${zhang.slice(0, 4)}**********${zhang.slice(-4)}`);
    expect(byName[0].phone).toBe('138****1234');
    // The grid by name beside its code, in the list and the drawer.
    expect(byName[0]).toMatchObject({ gridName: expect.stringMatching(/^网格\d$/), villageName: expect.stringMatching(/^村\d$/) });
    const detail = (await county({ method: 'GET', url: `/api/registry/people/${byName[0].id}` })).json();
    expect(detail).toMatchObject({ gridCode: byName[0].gridCode, gridName: byName[0].gridName, villageName: byName[0].villageName });
    expect(
      (await county({ method: 'GET', url: `/api/registry/people?q=${li}` })).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['李秀兰']);
    expect(
      (await county({ method: 'GET', url: '/api/registry/people?q=13972005678' })).json().items.map((p: { name: string }) => p.name),
    ).toEqual(['李秀兰']);
    const { request: other } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await other({ method: 'GET', url: `/api/registry/people?q=${encodeURIComponent('张')}` })).json().items).toEqual([]);
  });

  it('never stores an ID number or phone in clear', async () => {
    const rows = await queryRows<Record<string, string>>(t.db, sql`select * from person`);
    const all = JSON.stringify(rows);
    for (const secret of [zhang, li, son, '13872001234', '13972005678']) expect(all).not.toContain(secret);
  });

  it('shows special-group tags only to roles allowed to see them', async () => {
    const [boy] = (await county({ method: 'GET', url: `/api/registry/people?q=${son}` })).json().items;
    expect(boy.tags.specialGroups).toHaveLength(1);
    const { request: worker } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    const [seen] = (await worker({ method: 'GET', url: `/api/registry/people?q=${son}` })).json().items;
    expect(seen.tags).toBeNull();
    const detail = (await worker({ method: 'GET', url: `/api/registry/people/${seen.id}` })).json();
    expect(JSON.stringify(detail.history)).not.toContain('specialGroups');
    expect(detail.history[0].actorName).toBe(countyName);
  });

  it('reveals one value to an allowed role with a reason, and audits it; others get 403', async () => {
    const [p] = (await county({ method: 'GET', url: `/api/registry/people?q=${zhang}` })).json().items;
    const res = await county({
      method: 'POST',
      url: `/api/registry/people/${p.id}/reveal`,
      payload: { field: 'idNumber', reason: '核实走访对象身份' },
    });
    expect(res.json()).toEqual({ field: 'idNumber', value: zhang });
    const audit = await queryRows<{ detail: { field: string; reason: string } }>(
      t.db,
      sql`select detail from audit_log where action = 'registry.revealed'`,
    );
    expect(audit.map((a) => a.detail)).toEqual([{ field: 'idNumber', reason: '核实走访对象身份' }]);
    const { request: worker } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    expect(
      (await worker({ method: 'POST', url: `/api/registry/people/${p.id}/reveal`, payload: { field: 'phone', reason: 'x1' } })).statusCode,
    ).toBe(403);
    expect((await county({ method: 'POST', url: `/api/registry/people/${p.id}/reveal`, payload: { field: 'phone' } })).statusCode).toBe(
      400,
    );
  });

  it('out of jurisdiction: another township’s user gets 404 for the record', async () => {
    const [p] = (await county({ method: 'GET', url: `/api/registry/people?q=${zhang}` })).json().items;
    const { request: other } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await other({ method: 'GET', url: `/api/registry/people/${p.id}` })).statusCode).toBe(404);
  });
});

describe('export', () => {
  const rowsOf = async (bytes: Buffer) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };

  it('exports the filtered list masked by default, and audits the filter and row count', async () => {
    const res = await county({ method: 'GET', url: `/api/registry/people/export?area=${FIXTURE.villages[0]}` });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['姓名', '性别', '出生日期', '民族', '证件号码', '证件类型']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['张小明', '张建华', '李秀兰']);
    expect(JSON.stringify(rows)).not.toContain(li);
    expect(rows.find((r) => r[0] === '李秀兰')![4]).toBe(`${li.slice(0, 4)}**********${li.slice(-4)}`);
    const [audit] = await queryRows<{ detail: Record<string, unknown> }>(
      t.db,
      sql`select detail from audit_log where action = 'registry.exported' order by id desc limit 1`,
    );
    expect(audit.detail).toMatchObject({ area: FIXTURE.villages[0], rows: 3, unmasked: false });
  });

  it('unmasks only for an allowed role that gives a reason', async () => {
    expect((await county({ method: 'GET', url: `/api/registry/people/export?area=${FIXTURE.villages[0]}&unmask=true` })).statusCode).toBe(
      400,
    );
    const full = await county({
      method: 'GET',
      url: `/api/registry/people/export?area=${FIXTURE.villages[0]}&unmask=true&reason=${encodeURIComponent('低保复核')}`,
    });
    expect(JSON.stringify(await rowsOf(full.rawPayload))).toContain(li);
    const { request: worker } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    expect(
      (await worker({ method: 'GET', url: `/api/registry/people/export?unmask=true&reason=${encodeURIComponent('想看看')}` })).statusCode,
    ).toBe(403);
  });
});

describe('data quality', () => {
  it('counts per grid, verification share, empty houses, and the same address under two codes', async () => {
    await importFile(county, 'house', csv([HOUSE_HEADER, ['H-003', '城关镇朝阳路 1 号 101 室', FIXTURE.grids[0], '住宅', '否']]));
    const q = (await county({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.villages[0]}` })).json();
    expect(q.children.map((g: { code: string }) => g.code)).toEqual([FIXTURE.grids[0], FIXTURE.grids[1]]);
    expect(q.total).toMatchObject({ people: 3, houses: 3, peopleVerified: 3, homeless: 0 });
    expect(q.children[0]).toMatchObject({ houses: 2, emptyHouses: 1 }); // H-001 lost 张建华 but keeps two; H-003 is empty
    const same = (
      await county({ method: 'GET', url: `/api/registry/quality/anomalies?area=${FIXTURE.villages[0]}&kind=sameAddressDifferentCodes` })
    ).json();
    expect(same.items.map((i: { key: string; houses: { code: string }[] }) => [i.key, i.houses.map((h) => h.code)])).toEqual([
      ['城关镇朝阳路 1 号 101 室', ['H-001', 'H-003']],
    ]);
    t.advance(120 * 86_400_000);
    const { request: later } = await t.as(['county_center'], [FIXTURE.county]); // sessions expire; sign in again
    expect(
      (await later({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.villages[0]}&days=90` })).json().total.peopleVerified,
    ).toBe(0);
  });

  it('out of jurisdiction: another township’s area answers 404', async () => {
    const { request } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await request({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.villages[0]}` })).statusCode).toBe(404);
  });
});
