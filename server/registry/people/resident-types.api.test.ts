import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { createFieldCrypto } from '../../platform/field-crypto.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, TEST_FIELD_KEYS, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

/** Kinds of person through the import: people from abroad by passport, Hong Kong residents, permits, left-behind children. */
type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let county: Request;
const fieldCrypto = createFieldCrypto({
  encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'),
  hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex'),
});
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));

const PASSPORT = 'M12345678';
const HK_PERMIT = 'H60123456';
const migrant = makeIdNumber('411723', '1990-02-02', 202, 'male');
const child = makeIdNumber('420923', '2015-05-01', 201, 'female');
const id = (n: number) => makeIdNumber('420923', '1980-01-01', 300 + n, 'male');

const HEADER = [
  '公民身份号码',
  '姓名',
  '性别',
  '出生日期',
  '民族',
  '联系电话',
  '人员类型',
  '房屋编号',
  '流入原因',
  '证件类型',
  '国籍',
  '外文姓名',
  '来华目的',
  '抵达日期',
  '预计离开日期',
  '办证类型',
  '证件到期日期',
  '留守人员类型',
];
/** A row by header: the cells not given are blank. */
const row = (cells: Partial<Record<(typeof HEADER)[number], string>>) => HEADER.map((h) => cells[h] ?? '');
const korean = {
  公民身份号码: PASSPORT,
  姓名: '金敏俊',
  性别: '男',
  出生日期: '1990-04-02',
  联系电话: '13900000001',
  人员类型: '境外人员',
  房屋编号: 'R-001',
  证件类型: '普通护照',
  国籍: '韩国',
  外文姓名: 'KIM MINJUN',
  来华目的: '就业',
  抵达日期: '2026-03-01',
  预计离开日期: '2028-02-28',
};
const GOOD = [
  row(korean),
  row({
    公民身份号码: HK_PERMIT,
    姓名: '陈家明',
    性别: '男',
    出生日期: '1988-08-08',
    民族: '汉族',
    人员类型: '流动人口',
    房屋编号: 'R-001',
    流入原因: '经商',
    证件类型: '港澳居民来往内地通行证',
  }),
  row({
    公民身份号码: migrant,
    姓名: '周建军',
    民族: '汉族',
    人员类型: '流动人口',
    房屋编号: 'R-002',
    流入原因: '务工',
    办证类型: '居住证',
    证件到期日期: '2027-06-30',
  }),
  row({ 公民身份号码: child, 姓名: '张小雨', 民族: '汉族', 人员类型: '户籍人口', 房屋编号: 'R-002', 留守人员类型: '留守儿童' }),
];
const passportRow = (number: string, extra: Partial<Record<(typeof HEADER)[number], string>>) =>
  row({
    ...korean,
    公民身份号码: number,
    姓名: '外籍',
    外文姓名: '',
    来华目的: '',
    抵达日期: '',
    预计离开日期: '',
    联系电话: '',
    ...extra,
  });
/** One bad row per rule, each with the column and reason the report must name. */
const BAD: [string[], string[][]][] = [
  [
    row({ 公民身份号码: id(1), 姓名: '王境外', 人员类型: '境外人员', 房屋编号: 'R-001', 国籍: '美国' }),
    [['证件类型', 'person.foreigner_document']],
  ],
  [passportRow('E23456789', { 民族: '汉族', 人员类型: '户籍人口', 国籍: '' }), [['人员类型', 'person.document_foreigner_only']]],
  [
    passportRow('E34567890', { 性别: '', 出生日期: '' }),
    [
      ['性别', 'person.sex_required'],
      ['出生日期', 'person.birth_date_required'],
    ],
  ],
  [passportRow('E45678901', { 国籍: '' }), [['国籍', 'person.nationality_required']]],
  [passportRow('E56789012', { 国籍: '中国' }), [['国籍', 'person.nationality_foreign']]],
  [passportRow('E12-3', {}), [['公民身份号码', 'document.number_invalid']]],
  [passportRow('E67890123', { 抵达日期: '2026-03-01', 预计离开日期: '2026-02-01' }), [['预计离开日期', 'person.departure_before_arrival']]],
  [
    row({
      公民身份号码: 'H70123456',
      姓名: '港户籍',
      性别: '男',
      出生日期: '1988-01-01',
      民族: '汉族',
      人员类型: '户籍人口',
      房屋编号: 'R-001',
      证件类型: '516',
    }),
    [['人员类型', 'person.hmt_resident_type']],
  ],
  [
    row({ 公民身份号码: id(2), 姓名: '无原因', 民族: '汉族', 人员类型: '流动人口', 房屋编号: 'R-002' }),
    [['流入原因', 'person.inflow_reason_required']],
  ],
  [
    row({
      公民身份号码: id(3),
      姓名: '到期无证',
      民族: '汉族',
      人员类型: '流动人口',
      房屋编号: 'R-002',
      流入原因: '务工',
      证件到期日期: '2027-06-30',
    }),
    [['证件到期日期', 'person.permit_expiry_without_type']],
  ],
  [
    row({
      公民身份号码: id(4),
      姓名: '坏日期',
      民族: '汉族',
      人员类型: '流动人口',
      房屋编号: 'R-002',
      流入原因: '务工',
      办证类型: '居住证',
      证件到期日期: '2027-02-30',
    }),
    [['证件到期日期', 'date.invalid']],
  ],
  [
    row({ 公民身份号码: id(5), 姓名: '户籍办证', 民族: '汉族', 人员类型: '户籍人口', 房屋编号: 'R-002', 办证类型: '居住证' }),
    [['办证类型', 'person.permit_floating_only']],
  ],
  [
    row({
      公民身份号码: id(6),
      姓名: '流动留守',
      民族: '汉族',
      人员类型: '流动人口',
      房屋编号: 'R-002',
      流入原因: '务工',
      留守人员类型: '留守老人',
    }),
    [['留守人员类型', 'person.left_behind_registered_only']],
  ],
  [
    row({ 公民身份号码: id(7), 姓名: '外国户籍', 民族: '汉族', 人员类型: '户籍人口', 房屋编号: 'R-002', 国籍: '美国' }),
    [['国籍', 'person.nationality_foreigner_only']],
  ],
  [
    row({ 公民身份号码: id(8), 姓名: '户籍来华', 民族: '汉族', 人员类型: '户籍人口', 房屋编号: 'R-002', 来华目的: '商务' }),
    [['来华目的', 'person.foreigner_only']],
  ],
];
const FILE = csv([HEADER, ...GOOD, ...BAD.map(([r]) => r)]);

const reportOf = async (request: Request, jobId: string) => {
  const res = await request({ method: 'GET', url: `/api/registry/import-jobs/${jobId}/report` });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const lines: [number, string, string][] = [];
  book.worksheets[0].eachRow((r, n) => {
    if (n > 1) lines.push([Number(r.getCell(1).value), String(r.getCell(2).value), String(r.getCell(3).value)]);
  });
  return lines;
};
const find = async (request: Request, q: string) =>
  (await request({ method: 'GET', url: `/api/registry/people?q=${encodeURIComponent(q)}` })).json().items;
const stored = (name: string) =>
  queryRows<{ id_type: string; id_check_ok: boolean | null; version: number; ethnicity: string }>(
    t.db,
    sql`select id_type, id_check_ok, version, ethnicity from person where name = ${name}`,
  ).then((r) => r[0]);

let jobId: string;
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  await importFile(
    county,
    'house',
    csv([
      ['房屋编号', '房屋地址', '所属网格编码', '房屋用途', '是否出租'],
      ['R-001', '城关镇朝阳路 9 号 201 室', FIXTURE.grids[0], '住宅', '否'],
      ['R-002', '城关镇朝阳路 9 号 202 室', FIXTURE.grids[1], '住宅', '否'],
    ]),
  );
  const job = await importFile(county, 'person', FILE);
  jobId = job.id;
  expect(job).toMatchObject({ state: 'done', read: GOOD.length + BAD.length, created: GOOD.length, rejected: BAD.length });
});
afterAll(() => t.close());

describe('import of every kind of person', () => {
  it('keeps the good rows and reports each bad one by row, column and reason', async () => {
    const expected = BAD.flatMap(([, problems], i) => problems.map(([column, reason]) => [GOOD.length + 2 + i, column, reason]));
    expect(await reportOf(county, jobId)).toEqual(expected);
    const names = (await queryRows<{ name: string }>(t.db, sql`select name from person order by name`)).map((p) => p.name);
    expect(names.sort()).toEqual(['周建军', '张小雨', '金敏俊', '陈家明'].sort());
  });

  it('writes each kind’s own facts: document, nationality and stay, permit, left-behind type', async () => {
    const [k] = await find(county, PASSPORT);
    const detail = (await county({ method: 'GET', url: `/api/registry/people/${k.id}` })).json();
    expect(detail).toMatchObject({
      name: '金敏俊',
      idType: '414',
      sex: '1',
      birthDate: '1990-04-02',
      ethnicity: '',
      residentType: '03',
      nationality: 'KOR',
      foreignName: 'KIM MINJUN',
      visitPurpose: '02',
      arrivalDate: '2026-03-01',
      departureDate: '2028-02-28',
      permitType: null,
      leftBehindType: null,
      version: 1,
    });
    expect(detail.history[0].after).toMatchObject({ idType: '414', nationality: 'KOR', idNumberMasked: 'M*****678' });
    expect((await find(county, HK_PERMIT))[0]).toMatchObject({ idType: '516', residentType: '02', inflowReason: '03', nationality: null });
    expect((await find(county, migrant))[0]).toMatchObject({ idType: '111', permitType: '01', permitExpiry: '2027-06-30' });
    expect((await find(county, child))[0]).toMatchObject({
      idType: '111',
      residentType: '01',
      leftBehindType: '03',
      sex: '2',
      birthDate: '2015-05-01',
    });
  });

  it('flags the check digit of ID numbers only; a passport is never checked by the ID algorithm', async () => {
    expect(await stored('金敏俊')).toMatchObject({ id_type: '414', id_check_ok: null });
    expect(await stored('陈家明')).toMatchObject({ id_type: '516', id_check_ok: null });
    expect(await stored('周建军')).toMatchObject({ id_type: '111', id_check_ok: true });
  });

  it('re-importing changes nothing; a changed row raises the version by one', async () => {
    expect(await importFile(county, 'person', FILE)).toMatchObject({ created: 0, updated: 0, unchanged: GOOD.length });
    const moved = csv([HEADER, row({ ...korean, 联系电话: '13900000009', 预计离开日期: '2028-06-30' })]);
    expect(await importFile(county, 'person', moved)).toMatchObject({ updated: 1 });
    expect(await stored('金敏俊')).toMatchObject({ version: 2 });
    expect(await importFile(county, 'person', csv([HEADER, row({ ...korean, 联系电话: '13900000001' })]))).toMatchObject({ updated: 1 });
    expect(await stored('金敏俊')).toMatchObject({ version: 3 });
    expect(await stored('周建军')).toMatchObject({ version: 1 });
  });
});

describe('search and masking of a passport', () => {
  it('finds a person by a passport number typed exactly (any case), never by a part of it; only within jurisdiction', async () => {
    expect((await find(county, PASSPORT.toLowerCase())).map((p: { name: string }) => p.name)).toEqual(['金敏俊']);
    expect((await find(county, HK_PERMIT)).map((p: { name: string }) => p.name)).toEqual(['陈家明']);
    expect(await find(county, PASSPORT.slice(0, 6))).toEqual([]);
    expect((await find(county, '敏俊')).map((p: { name: string }) => p.name)).toEqual(['金敏俊']);
    const { request: other } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect(await find(other, PASSPORT)).toEqual([]);
  });

  it('masks a passport to its first 1 and last 3 characters in the list, the detail and the export; never stores it in clear', async () => {
    const [listed] = await find(county, PASSPORT);
    expect(listed.idNumber).toBe('M*****678');
    expect((await county({ method: 'GET', url: `/api/registry/people/${listed.id}` })).json().idNumber).toBe('M*****678');
    expect((await find(county, HK_PERMIT))[0].idNumber).toBe('H*****456');
    expect((await find(county, migrant))[0].idNumber).toBe(`${migrant.slice(0, 4)}**********${migrant.slice(-4)}`);

    const exported = async (query: string) => {
      const res = await county({ method: 'GET', url: `/api/registry/people/export?area=${FIXTURE.villages[0]}${query}` });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: Record<string, string>[] = [];
      const sheet = book.worksheets[0];
      const header = Array.from({ length: sheet.getRow(1).cellCount }, (_, i) => String(sheet.getRow(1).getCell(i + 1).value));
      sheet.eachRow((r, n) => {
        if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, String(r.getCell(i + 1).value ?? '')])));
      });
      return rows;
    };
    const masked = (await exported('')).find((r) => r.姓名 === '金敏俊')!;
    expect(masked).toMatchObject({
      证件号码: 'M*****678',
      证件类型: '普通护照',
      国籍: '韩国',
      外文姓名: 'KIM MINJUN',
      来华目的: '就业',
      预计离开日期: '2028-02-28',
    });
    const full = await exported(`&unmask=true&reason=${encodeURIComponent('境外人员核查')}`);
    expect(full.find((r) => r.姓名 === '金敏俊')!.证件号码).toBe(PASSPORT);
    expect(full.find((r) => r.姓名 === '周建军')).toMatchObject({ 办证类型: '居住证', 证件到期日期: '2027-06-30' });
    expect(full.find((r) => r.姓名 === '张小雨')).toMatchObject({ 留守人员类型: '留守儿童' });

    const all = JSON.stringify(await queryRows(t.db, sql`select * from person`));
    for (const secret of [PASSPORT, HK_PERMIT]) expect(all).not.toContain(secret);
  });
});

describe('data quality never checks a passport', () => {
  it('an older passport row (flag never set) is neither failed nor unchecked, and the background pass leaves it alone', async () => {
    // As an older load left it: a passport number whose letters and digits would fail the ID check digit.
    await t.db.execute(sql`insert into person (county_code, id, id_type, id_number_enc, id_number_hash, id_number_masked, name, sex, birth_date, ethnicity, resident_type, nationality, grid_code, updated_at)
      values (${FIXTURE.county}, ${randomUUID()}, '414', ${fieldCrypto.encrypt('E99999999')}, ${fieldCrypto.searchHash('E99999999')}, 'E*****999', '旧档外籍', '1', '1970-01-01', '', '03', 'USA', ${FIXTURE.grids[0]}, now())`);
    expect(await t.services.idCheckBacklog()).toBe(0);
    expect(await stored('旧档外籍')).toMatchObject({ id_check_ok: null });
    const q = (await county({ method: 'GET', url: `/api/registry/quality?area=${FIXTURE.villages[0]}` })).json();
    expect(q.total).toMatchObject({ people: 5, idCheckFailed: 0, idUnchecked: 0 });
    const fails = (
      await county({ method: 'GET', url: `/api/registry/quality/anomalies?area=${FIXTURE.villages[0]}&kind=idCheckDigitFails` })
    ).json();
    expect(fails).toMatchObject({ total: 0, items: [] });
  });
});
