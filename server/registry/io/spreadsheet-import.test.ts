import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../shared/id-number.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';
import { type ReportedError, writeErrorReport, writeTemplate } from './spreadsheet-export.ts';
import { HeaderMismatchError, type ImportRow, type ReadRowsOptions, readRows } from './spreadsheet-import.ts';
import { HOUSE_TEMPLATE, PERSON_TEMPLATE, validateRow } from './templates.ts';

const TODAY = '2025-06-30';
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gezhi-registry-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const collect = async (input: string | Readable, options: ReadRowsOptions) => {
  const rows: ImportRow[] = [];
  for await (const row of readRows(input, options)) rows.push(row);
  return rows;
};
const headerError = async (input: string | Readable, options: ReadRowsOptions) => {
  try {
    await collect(input, options);
  } catch (error) {
    if (error instanceof HeaderMismatchError) return error;
    throw error;
  }
  throw new Error('expected a HeaderMismatchError');
};

const PERSON_HEADER = '公民身份号码,姓名,性别,民族,联系电话,人员类型,房屋编号,与户主关系,流入原因';

describe('readRows from CSV', () => {
  it('streams 200,000 rows without keeping them', async () => {
    const file = path.join(dir, 'people.csv');
    const out = fs.createWriteStream(file);
    out.write(`${PERSON_HEADER}\n`);
    for (let i = 0; i < 200_000; i++) {
      const sex = i % 2 ? 'male' : 'female';
      const line = `${makeIdNumber('420902', `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, Math.floor(i / 900) % 499, sex)},居民${i},${sex === 'male' ? '男' : '女'},汉族,138${String(i).padStart(8, '0')},户籍人口,H${Math.floor(i / 3)},户主,\n`;
      if (!out.write(line)) await new Promise((resolve) => out.once('drain', resolve));
    }
    await new Promise((resolve) => out.end(resolve));

    // Heap that survives a full collection is what the reader keeps; garbage between collections is not.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const base = process.memoryUsage().heapUsed;
    let retained = 0;
    let valid = 0;
    let count = 0;
    for await (const row of readRows(file, { format: 'csv', template: PERSON_TEMPLATE })) {
      if (validateRow(PERSON_TEMPLATE, row.values, { today: TODAY }).ok) valid++;
      if (++count % 20_000 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - base);
      }
    }
    const fileMb = fs.statSync(file).size / 2 ** 20;
    console.log(`CSV ${count} rows, ${fileMb.toFixed(1)} MB: heap retained above baseline at most ${(retained / 2 ** 20).toFixed(1)} MB`);
    expect(count).toBe(200_000);
    expect(valid).toBe(200_000);
    // Holding the rows would take hundreds of MB; streaming keeps a few buffers.
    expect(retained).toBeLessThan(32 * 2 ** 20);
  });

  it('reports the row Excel shows, skipping blank lines, and decodes GB18030 files', async () => {
    const id = makeIdNumber('420923', '1990-05-06', 3, 'female');
    const text = `实有人口信息采集表\n${PERSON_HEADER}\n\n${id},李芳,女,汉族,,户籍人口,H1,户主,\n`;
    const expected = { rowNumber: 4, values: expect.objectContaining({ idNumber: id, name: '李芳', ethnicity: '汉族', birthDate: '' }) };
    expect(await collect(Readable.from([Buffer.from(text)]), { format: 'csv', template: PERSON_TEMPLATE })).toEqual([expected]);
    expect(await collect(Readable.from([gb18030(text)]), { format: 'csv', template: PERSON_TEMPLATE })).toEqual([expected]);
  });

  it('names the missing columns when the file is for another template', async () => {
    const file = path.join(dir, 'houses.csv');
    fs.writeFileSync(file, '房屋编号,房屋地址,所属网格编码,房屋用途,是否出租\nH1,槐荫路 8 号,420902001001001,住宅,否\n');
    const error = await headerError(file, { format: 'csv', template: PERSON_TEMPLATE });
    expect(error.missing).toEqual(['公民身份号码', '姓名', '民族', '人员类型']);
    expect(error.unknown).toEqual(['房屋地址', '所属网格编码', '房屋用途', '是否出租']);
    expect(error.reason).toBe('import.header_mismatch');
  });

  it("drains the caller's stream when it stops early, so an upload's request can finish", async () => {
    const upload = Readable.from(
      (function* () {
        yield '房屋编号,房屋地址\n';
        for (let i = 0; i < 200_000; i++) yield `H${i},槐荫路 ${i} 号\n`;
      })(),
    );
    await headerError(upload, { format: 'csv', template: PERSON_TEMPLATE });
    await finished(upload);
    expect(upload.readableEnded).toBe(true);
  });

  it('refuses a header with the same column twice', async () => {
    const error = await headerError(Readable.from([`${PERSON_HEADER},身份证号\n`]), { format: 'csv', template: PERSON_TEMPLATE });
    expect(error.duplicate).toEqual(['身份证号']);
  });
});

describe('bad rows', () => {
  it('name their row, column and reason, and go into the error report', async () => {
    const good = makeIdNumber('420902', '1985-03-14', 7, 'male');
    const badCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const feb30 = '42090219850230071';
    const csv = [
      `${PERSON_HEADER},出生日期`,
      `${good},张伟,男,汉族,13872001234,户籍人口,H1,户主,,1985-03-14`,
      `${badCheck},王芳,女,汉族,,户籍人口,H1,配偶,,`,
      `${good},刘洋,男,火星族,,户籍人口,H2,户主,,`,
      `${feb30}${idCheckChar(feb30)},陈静,女,汉族,,户籍人口,H3,户主,,`,
      `${good},赵磊,男,汉族,,户籍人口,H4,户主,,1985-02-30`,
      `${good},孙杰,女,汉族,,流动人口,H5,户主,,`,
    ].join('\n');
    const problems: ReportedError[] = [];
    for await (const row of readRows(Readable.from([csv]), { format: 'csv', template: PERSON_TEMPLATE })) {
      const result = validateRow(PERSON_TEMPLATE, row.values, { today: TODAY });
      if (!result.ok)
        problems.push(...result.errors.map((e) => ({ rowNumber: row.rowNumber, column: e.column, reason: e.reason, message: e.message })));
    }
    expect(problems.map(({ rowNumber, column, reason }) => [rowNumber, column, reason])).toEqual([
      [3, '公民身份号码', 'id.checksum'],
      [4, '民族', 'code.unknown'],
      [5, '公民身份号码', 'id.birth_date'],
      [6, '出生日期', 'date.invalid'],
      [7, '性别', 'person.sex_mismatch'],
      [7, '流入原因', 'person.inflow_reason_required'],
    ]);
    expect(problems[1].message).toBe('“火星族”不在民族代码表中');

    const report = path.join(dir, 'report.xlsx');
    await writeErrorReport(problems, fs.createWriteStream(report));
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(report);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '行号', '列名', '原因代码', '说明']);
    expect(sheet.getRow(3).values).toEqual([undefined, 4, '民族', 'code.unknown', '“火星族”不在民族代码表中']);
    expect(sheet.rowCount).toBe(problems.length + 1);
  });
});

describe('the .xlsx template', () => {
  it('round-trips: written, filled in as a person would, read and validated', async () => {
    const file = path.join(dir, 'person-template.xlsx');
    await writeTemplate(PERSON_TEMPLATE, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['实有人口', '填写说明', '代码表']);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...PERSON_TEMPLATE.fields.map((f) => f.header)]);
    expect(sheet.getColumn(1).numFmt).toBe('@'); // ID numbers stay text
    expect(book.worksheets[1].getRow(2).getCell(1).value).toBe('420902198503142016');

    const husband = makeIdNumber('420902', '1962-08-09', 20, 'male');
    const migrant = makeIdNumber('411502', '1998-11-23', 5, 'female');
    sheet.addRow([husband, '张建国', '男', new Date(Date.UTC(1962, 7, 9)), '汉', 13872001234, '户籍人口', 'H-0101', '户主']);
    // Codes typed as numbers lose their leading zero in Excel; tags several to a cell.
    sheet.addRow([migrant, '周敏', 2, null, 1, '0712-2345678', 2, 'H-0102', 99, '411502', '', '务工', '', '闲散青少年、农村留守儿童']);
    await book.xlsx.writeFile(file);

    const rows = await collect(file, { format: 'xlsx', template: PERSON_TEMPLATE });
    const records = rows.map((r) => validateRow(PERSON_TEMPLATE, r.values, { today: TODAY }));
    expect(rows.map((r) => r.rowNumber)).toEqual([2, 3]);
    expect(records).toEqual([
      {
        ok: true,
        record: expect.objectContaining({
          idNumber: husband,
          sex: '1',
          birthDate: '1962-08-09',
          ethnicity: '01',
          phone: '13872001234',
          residentType: '01',
          relation: '02',
        }),
      },
      {
        ok: true,
        record: expect.objectContaining({
          idNumber: migrant,
          sex: '2',
          birthDate: null,
          ethnicity: '01',
          phone: '0712-2345678',
          residentType: '02',
          relation: '99',
          hukouRegion: '411502',
          inflowReason: '01',
          keyPersonTags: ['01', '05'],
        }),
      },
    ]);
  });

  it('names the missing columns of a workbook made for another template', async () => {
    const stream = new PassThrough();
    const written = writeTemplate(HOUSE_TEMPLATE, stream);
    const error = await headerError(stream, { format: 'xlsx', template: PERSON_TEMPLATE });
    await written;
    await finished(stream);
    expect(error.missing).toEqual(['公民身份号码', '姓名', '民族', '人员类型']);
    expect(error.unknown).toContain('房屋用途');
  });
});

/** GB18030 bytes of a text, from a table built by decoding every two-byte code (Node has no GBK encoder). */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}
