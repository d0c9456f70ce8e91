/**
 * The workbooks base data is handed out in: the blank template to fill in, the report of the rows an import
 * refused, and (through writeSheet) the list exports. Reports and lists are written by exceljs's streaming
 * writer, so a file with a million rows never sits in memory.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../../../shared/i18n/errors.ts';
import { REFUSED_ROWS_HEADERS } from '../../../shared/i18n/export.ts';
import type { CodeTable } from '../records/code-tables.ts';
import type { ImportTemplate } from './templates.ts';

export interface ReportedError {
  rowNumber: number;
  /** The Chinese header of the column. */
  column: string;
  reason: string;
  message: string;
}

/** Rows of the data sheet that get the drop-downs and the text format; Excel extends them when rows are added. */
const PREPARED_ROWS = 5000;
const DATA_SHEET_RULES_NOTE = '第一行为表头，请勿修改；从第二行起每行一条。示例见“填写说明”。';

const columnLetter = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + columnLetter(((n - 1) % 26) + 1);

/**
 * Writes the template: the data sheet with the header row (required headers in red, text columns formatted
 * as text, code columns with a drop-down of their names), a "填写说明" sheet with a sample row and what each
 * column takes, and a hidden sheet holding the drop-down lists. The sample row is not on the data sheet,
 * so that a forgotten sample never gets imported as a real person.
 */
export async function writeTemplate(template: ImportTemplate, file: string | Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(template.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const help = workbook.addWorksheet('填写说明');
  const lists = workbook.addWorksheet('代码表', { state: 'hidden' });

  const tables: CodeTable[] = [];
  template.fields.forEach((f, i) => {
    const col = i + 1;
    const column = data.getColumn(col);
    column.width = Math.max(12, f.header.length * 2 + 4);
    if (f.text) column.numFmt = '@';
    const head = data.getRow(1).getCell(col);
    head.value = f.header;
    head.font = { bold: true, color: { argb: f.required ? 'FFC00000' : 'FF000000' } };
    head.note = `${f.required ? '必填' : '选填'}${f.codeTable ? `；${f.codeTable.zh}（${f.codeTable.source}）` : ''}`;
    if (!f.codeTable) return;
    let listCol = tables.indexOf(f.codeTable) + 1;
    if (listCol === 0) {
      tables.push(f.codeTable);
      listCol = tables.length;
      lists.getCell(1, listCol).value = f.codeTable.zh;
      f.codeTable.entries.forEach((e, r) => {
        lists.getCell(r + 2, listCol).value = e.zh;
      });
    }
    const letter = columnLetter(listCol);
    // Multi-value cells (several tags) cannot be a drop-down: Excel would refuse "刑满释放人员、吸毒人员".
    if (!f.multiple) {
      (data as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
        `${columnLetter(col)}2:${columnLetter(col)}${PREPARED_ROWS + 1}`,
        { type: 'list', allowBlank: !f.required, formulae: [`'代码表'!$${letter}$2:$${letter}$${f.codeTable.entries.length + 1}`] },
      );
    }
  });
  data.getRow(1).getCell(1).note = `${data.getRow(1).getCell(1).note}\n${DATA_SHEET_RULES_NOTE}`;

  help.addRow(template.fields.map((f) => f.header)).font = { bold: true };
  help.addRow(template.fields.map((f) => f.sample));
  help.addRow([]);
  help.addRow(['列名', '是否必填', '可填写的值']).font = { bold: true };
  for (const f of template.fields) {
    const values = f.codeTable ? f.codeTable.entries.map((e) => e.zh).join('、') : '';
    help.addRow([f.header, f.required ? '必填' : '选填', values]);
  }
  help.getColumn(1).width = 24;
  help.getColumn(3).width = 80;

  if (typeof file === 'string') await workbook.xlsx.writeFile(file);
  else await workbook.xlsx.write(file);
}

/** Let the zip stream drain now and then: exceljs's writer does not wait for the output on its own. */
const YIELD_EVERY_ROWS = 1000;

export interface SheetLayout {
  name: string;
  headers: readonly string[];
  widths: readonly number[];
}

/**
 * One streamed sheet: a bold header row that stays in view, then one line per row. Rows may come lazily, so a
 * list or a report of a million lines never sits in memory as a workbook.
 */
export async function writeSheet(
  layout: SheetLayout,
  rows: Iterable<unknown[]> | AsyncIterable<unknown[]>,
  stream: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet(layout.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = layout.headers.map((header, i) => ({ header, width: layout.widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let n = 0;
  for await (const row of rows) {
    sheet.addRow(row).commit();
    if (++n % YIELD_EVERY_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
}

/** Streams the refused rows of an import into an .xlsx workbook, one line per problem. */
export async function writeErrorReport(
  errors: Iterable<ReportedError> | AsyncIterable<ReportedError>,
  stream: Writable,
  lang: Lang = 'zh-CN',
): Promise<void> {
  async function* lines() {
    for await (const e of errors) yield [e.rowNumber, e.column, e.reason, e.message];
  }
  await writeSheet(
    { name: lang === 'en' ? 'Refused rows' : '未导入的行', headers: REFUSED_ROWS_HEADERS[lang], widths: [8, 20, 28, 60] },
    lines(),
    stream,
  );
}
