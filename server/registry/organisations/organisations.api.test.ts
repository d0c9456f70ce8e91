import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeCreditCode } from '../records/identifiers.core.ts';

let t: TestApp;
let county: Awaited<ReturnType<TestApp['signIn']>>;
let countyName: string;
let otherTownship: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  const signedIn = await t.as(['county_center'], [FIXTURE.county]);
  county = signedIn.request;
  countyName = signedIn.user.displayName;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
});
afterAll(() => t.close());

const ACME = makeCreditCode('91', '420923', 'MA49AB01');
const SCHOOL = makeCreditCode('12', '420923', 'MB000002');
const FARM = makeCreditCode('93', '420923', 'MC000003');
const badCheck = (code: string) => `${code.slice(0, 17)}${code[17] === '1' ? '2' : '1'}`;
const acme = {
  creditCode: ACME,
  name: '云梦县城关五金有限公司',
  orgType: '01',
  address: '城关镇朝阳路 3 号',
  gridCode: FIXTURE.grids[0],
  legalRep: '王志强',
  safetyContact: '刘敏',
  safetyContactPhone: '13872009876',
  hazards: ['02', '06'],
};
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const post = (request: typeof county, payload: object) => request({ method: 'POST', url: '/api/registry/organisations', payload });
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);

describe('organisations: create and edit', () => {
  it('records an organisation with its phone sealed and masked, and its first history entry', async () => {
    const res = await post(county, acme);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      creditCode: ACME,
      gridCode: FIXTURE.grids[0],
      safetyContactPhone: '138****9876',
      hazards: ['02', '06'],
      version: 1,
    });
    expect(res.json().history).toHaveLength(1);
    expect(res.json().verifiedBy).toBe(countyName);
    expect(res.json().history[0].actorName).toBe(countyName);
    expect(JSON.stringify(await queryRows(t.db, sql`select * from organisation`))).not.toContain('13872009876');
  });

  it('finds the grid from a point when no grid is given', async () => {
    const res = await post(county, {
      creditCode: SCHOOL,
      name: '云梦县第二中学',
      orgType: '事业单位',
      address: '义堂镇学府路 1 号',
      lng: 113.32,
      lat: 31.1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgType: '03', gridCode: FIXTURE.grids[6], lng: 113.32 });
  });

  it('refuses a bad credit code and an unknown code-table value, naming each field, and stores nothing', async () => {
    const before = await count('organisation');
    const res = await post(county, { ...acme, creditCode: badCheck(FARM), orgType: '外星企业', hazards: ['海啸'] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('registry.record_invalid');
    expect(fields(res)).toEqual(['creditCode:credit.checksum', 'orgType:code.unknown', 'hazards:code.unknown']);
    expect(res.json().details[0].message).toContain('校验位');
    expect(await count('organisation')).toBe(before);
  });

  it('refuses a grid or a point outside the caller’s jurisdiction, and a second record of the same code', async () => {
    const farm = { ...acme, creditCode: FARM, name: '云梦县城关合作社' };
    expect(fields(await post(otherTownship, farm))).toEqual(['gridCode:grid.not_found']);
    expect(fields(await post(otherTownship, { ...farm, gridCode: null, lng: 113.02, lat: 31.1 }))).toEqual([
      'lng:point.outside_jurisdiction',
    ]);
    expect(fields(await post(county, { ...farm, gridCode: FIXTURE.grids[1], lng: 113.02, lat: 31.1 }))).toEqual([
      'gridCode:grid.point_mismatch',
    ]);
    expect((await post(county, acme)).statusCode).toBe(409);
  });

  it('edits on the version it read; a stale version answers 409; the change is in the history', async () => {
    const { version, ...rest } = {
      ...acme,
      creditCode: undefined,
      name: '云梦县城关五金有限责任公司',
      safetyContactPhone: '13972001111',
      version: 1,
    };
    const res = await county({ method: 'PUT', url: `/api/registry/organisations/${ACME}`, payload: { ...rest, version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '云梦县城关五金有限责任公司', safetyContactPhone: '139****1111', version: 2 });
    const [, change] = res.json().history;
    expect(change.before).toMatchObject({ name: '云梦县城关五金有限公司', safetyPhoneMasked: '138****9876' });
    expect(change.after).toMatchObject({ name: '云梦县城关五金有限责任公司' });
    expect(JSON.stringify(change)).not.toContain('Hash');
    const stale = await county({
      method: 'PUT',
      url: `/api/registry/organisations/${ACME}`,
      payload: { ...rest, name: '别的名字', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await otherTownship({ method: 'PUT', url: `/api/registry/organisations/${ACME}`, payload: { ...rest, version: 2 } })).statusCode,
    ).toBe(404);
  });

  it('an edit that leaves the phone out keeps it; one that changes nothing is no new version', async () => {
    const { creditCode: _c, safetyContactPhone: _p, ...rest } = { ...acme, name: '云梦县城关五金有限责任公司' };
    const res = await county({ method: 'PUT', url: `/api/registry/organisations/${ACME}`, payload: { ...rest, version: 2 } });
    expect(res.json()).toMatchObject({ safetyContactPhone: '139****1111', version: 2 });
    expect(res.json().history).toHaveLength(2);
  });

  it('verifies: who and when, kept in the history', async () => {
    t.advance(60_000);
    const checker = await t.as(['county_center'], [FIXTURE.county]);
    const res = await checker.request({ method: 'POST', url: `/api/registry/organisations/${ACME}/verify`, payload: { version: 2 } });
    expect(res.json()).toMatchObject({ version: 3, verifiedAt: '2026-11-02T01:01:00.000Z', verifiedBy: checker.user.displayName });
    expect(res.json().history.at(-1).after).toEqual({ verifiedAt: '2026-11-02T01:01:00.000Z' });
    expect(res.json().history.map((h: { actorName: string | null }) => h.actorName)).toEqual([
      countyName,
      countyName,
      checker.user.displayName,
    ]);
  });
});

describe('organisations: search, detail, reveal', () => {
  it('finds by part of the name or by the whole credit code, within jurisdiction only', async () => {
    const names = async (request: typeof county, q: string) =>
      (await request({ method: 'GET', url: `/api/registry/organisations?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((o: { name: string }) => o.name);
    expect(await names(county, '五金')).toEqual(['云梦县城关五金有限责任公司']);
    expect(await names(county, ACME.toLowerCase())).toEqual(['云梦县城关五金有限责任公司']);
    expect(await names(otherTownship, '五金')).toEqual([]);
    expect(await names(otherTownship, '中学')).toEqual(['云梦县第二中学']);
    expect((await otherTownship({ method: 'GET', url: `/api/registry/organisations/${ACME}` })).statusCode).toBe(404);
  });

  it('pages the list: offset and limit give each organisation once, in name order, and total counts them all', async () => {
    const page = async (offset: number) =>
      (await county({ method: 'GET', url: `/api/registry/organisations?offset=${offset}&limit=1` })).json<{
        items: { name: string }[];
        total: number;
      }>();
    const first = await page(0);
    expect(first.total).toBe(await count('organisation'));
    const pages = [first];
    for (let offset = 1; offset < first.total; offset++) pages.push(await page(offset));
    expect(pages.every((p) => p.total === first.total && p.items.length === 1)).toBe(true);
    const names = pages.map((p) => p.items[0].name);
    expect(new Set(names).size).toBe(first.total);
    expect(names).toEqual([...names].sort());
    expect((await page(first.total)).items).toEqual([]);
  });

  it('reveals the safety phone to an allowed role with a reason, and audits it', async () => {
    const res = await county({
      method: 'POST',
      url: `/api/registry/organisations/${ACME}/reveal`,
      payload: { field: 'safetyContactPhone', reason: '联系消防检查' },
    });
    expect(res.json()).toEqual({ field: 'safetyContactPhone', value: '13972001111' });
    const [audit] = await queryRows<{ target: string }>(t.db, sql`select target from audit_log where action = 'registry.revealed'`);
    expect(audit.target).toBe(`organisation:${ACME}`);
  });
});

const rowsOf = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
};

describe('organisations: export', () => {
  it('exports the filtered list masked, and audits the filter and row count', async () => {
    const res = await county({ method: 'GET', url: `/api/registry/organisations/export?area=${FIXTURE.townships[0]}` });
    const rows = await rowsOf(res.rawPayload);
    expect(rows[0].slice(0, 3)).toEqual(['统一社会信用代码', '单位名称', '单位类型']);
    expect(rows[0].slice(4, 7)).toEqual(['所属网格', '网格编码', '所属村(社区)']);
    // The grid by name, its code in the next column: two columns after it moved on by two.
    expect(rows.slice(1).map((r) => [r[0], r[2], r[4], r[5], r[6], r[9], r[10]])).toEqual([
      [ACME, '企业', '网格1', FIXTURE.grids[0], '村1', '139****1111', '消防、燃气'],
    ]);
    const [audit] = await queryRows<{ detail: Record<string, unknown> }>(
      t.db,
      sql`select detail from audit_log where action = 'registry.exported' and target = 'organisation'`,
    );
    expect(audit.detail).toMatchObject({ area: FIXTURE.townships[0], rows: 1, unmasked: false });
  });
});

describe('organisations: template and import', () => {
  const HEADER = [
    '统一社会信用代码',
    '单位名称',
    '单位类型',
    '单位地址',
    '所属网格编码',
    '经度',
    '纬度',
    '安全负责人联系电话',
    '安全隐患类型',
  ];
  const FILE = Buffer.from(
    [
      HEADER,
      [FARM, '云梦县城关合作社', '农民专业合作社', '城关镇农场路 8 号', FIXTURE.grids[1], '', '', '13872000001', '无'],
      [
        makeCreditCode('92', '420923', 'MD000004'),
        '老王小吃',
        '个体工商户',
        '城关镇朝阳路 9 号',
        '',
        '113.07',
        '31.1',
        '',
        '人员密集场所、燃气',
      ],
      [badCheck(makeCreditCode('91', '420923', 'ME000005')), '错码公司', '企业', '城关镇', FIXTURE.grids[0], '', '', '', ''],
      [makeCreditCode('91', '420923', 'MF000006'), '怪类型公司', '外星企业', '城关镇', FIXTURE.grids[0], '', '', '', ''],
      [makeCreditCode('91', '420902', 'MG000007'), '外县公司', '企业', '孝南区', '420902001001001', '', '', '', ''],
    ]
      .map((r) => r.join(','))
      .join('\n'),
  );
  const upload = () => importFile(county, 'organisation', FILE, 'orgs.csv');

  it('offers an Excel template with the Chinese headers', async () => {
    const res = await county({ method: 'GET', url: '/api/registry/templates/organisation' });
    expect((await rowsOf(res.rawPayload))[0]).toEqual(expect.arrayContaining(['统一社会信用代码', '单位类型', '安全隐患类型']));
  });

  it('imports the good rows and reports each bad one by row, column and reason', async () => {
    const job = await upload();
    expect(job).toMatchObject({ read: 5, created: 2, updated: 0, unchanged: 0, rejected: 3 });
    const report = await rowsOf((await county({ method: 'GET', url: `/api/registry/import-jobs/${job.id}/report` })).rawPayload);
    expect(report.slice(1).map((r) => r.slice(0, 3).join('|'))).toEqual([
      '4|统一社会信用代码|credit.checksum',
      '5|单位类型|code.unknown',
      '6|所属网格编码|grid.not_found',
    ]);
    const [stall] = (await county({ method: 'GET', url: `/api/registry/organisations?q=${encodeURIComponent('小吃')}` })).json().items;
    expect(stall).toMatchObject({ gridCode: FIXTURE.grids[1], orgType: '05', hazards: ['06', '07'] });
  });

  it('re-importing the same file changes nothing', async () => {
    const [orgs, changes] = [await count('organisation'), await count('record_change')];
    expect(await upload()).toMatchObject({ created: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect([await count('organisation'), await count('record_change')]).toEqual([orgs, changes]);
  });
});
