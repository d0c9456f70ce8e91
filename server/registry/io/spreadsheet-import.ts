/**
 * Reads an import file row by row without holding it: CSV through csv-parse, .xlsx through exceljs's
 * streaming WorkbookReader (the first worksheet only). The header row is matched to a template's Chinese
 * headers; each later row comes out as text keyed by field, with the row number the user sees in Excel.
 * Checking the text is validateRow's job (templates.ts), so a bad cell never stops the file.
 */
import fs from 'node:fs';
import { type Readable, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { halfWidth } from '../../../shared/id-number.ts';
import type { ImportTemplate } from './templates.ts';

export type SpreadsheetFormat = 'csv' | 'xlsx';

export interface ReadRowsOptions {
  format: SpreadsheetFormat;
  template: ImportTemplate;
  /**
   * CSV only. Excel on Chinese Windows saves CSV in GB18030 (GBK); "auto" takes UTF-8 when the start of the
   * file is valid UTF-8 (or has its BOM) and GB18030 otherwise.
   */
  encoding?: 'auto' | 'utf-8' | 'gb18030';
}

export interface ImportRow {
  /** 1-based row of the sheet, header included, as Excel numbers it. */
  rowNumber: number;
  /** Cell text by field key, trimmed; '' for empty cells and for optional columns the file lacks. */
  values: Record<string, string>;
}

/** The header row does not fit the template; the reply names the columns. */
export class HeaderMismatchError extends Error {
  readonly reason = 'import.header_mismatch';
  constructor(
    /** Required headers the file lacks. */
    readonly missing: string[],
    /** Headers of the file that no template field knows. */
    readonly unknown: string[],
    /** Headers that appear twice. */
    readonly duplicate: string[],
  ) {
    super(
      `header does not match the template: missing ${missing.join('、') || '-'}; duplicate ${duplicate.join('、') || '-'}; unknown ${unknown.join('、') || '-'}`,
    );
  }
}

interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** Title rows above the header ("实有人口信息采集表") are common; the header is searched this far down. */
const HEADER_SEARCH_ROWS = 10;
const SNIFF_BYTES = 64 * 1024;

/** "＊公民身份号码（必填）" and "公民身份号码" are the same column. */
const headerKey = (text: string) =>
  halfWidth(text)
    .replace(/^\*+/, '')
    .replace(/\((必填|选填)\)$/, '');

export async function* readRows(input: string | Readable, options: ReadRowsOptions): AsyncGenerator<ImportRow> {
  const source = typeof input === 'string' ? fs.createReadStream(input) : input;
  try {
    const raw = options.format === 'csv' ? csvRows(source, options.encoding ?? 'auto') : xlsxRows(source);
    yield* mapRows(raw, options.template);
  } finally {
    // Reading may stop early: after the first sheet, on a header error, or when the caller breaks off.
    // A path is our stream to close; a caller's stream (an upload) is drained so its request can finish.
    if (typeof input === 'string') source.destroy();
    else if (!source.readableEnded && !source.destroyed) source.unpipe().resume();
  }
}

async function* mapRows(rows: AsyncIterable<RawRow>, template: ImportTemplate): AsyncGenerator<ImportRow> {
  const byHeader = new Map<string, string>();
  for (const f of template.fields) for (const h of [f.header, ...(f.aliases ?? []), f.key]) byHeader.set(headerKey(h), f.key);

  let columns: { index: number; key: string }[] | null = null;
  let firstRow: string[] | null = null;
  let seen = 0;
  for await (const { rowNumber, cells } of rows) {
    if (columns) {
      const values: Record<string, string> = {};
      for (const f of template.fields) values[f.key] = '';
      let blank = true;
      for (const { index, key } of columns) {
        const text = (cells[index] ?? '').trim();
        values[key] = text;
        if (text) blank = false;
      }
      if (!blank) yield { rowNumber, values };
      continue;
    }
    if (cells.every((c) => !c.trim())) continue;
    firstRow ??= cells;
    if (cells.some((c) => byHeader.has(headerKey(c)))) columns = headerColumns(cells, byHeader, template);
    else if (++seen >= HEADER_SEARCH_ROWS) break;
  }
  // No row looked like the header: every required column is missing, so this throws.
  if (!columns) headerColumns(firstRow ?? [], byHeader, template);
}

/** Column positions of the template's fields in a header row; throws when a required one is missing. */
function headerColumns(cells: string[], byHeader: Map<string, string>, template: ImportTemplate): { index: number; key: string }[] {
  const columns: { index: number; key: string }[] = [];
  const unknown: string[] = [];
  const duplicate: string[] = [];
  cells.forEach((cell, index) => {
    if (!cell.trim()) return;
    const key = byHeader.get(headerKey(cell));
    if (!key) unknown.push(cell.trim());
    else if (columns.some((c) => c.key === key)) duplicate.push(cell.trim());
    else columns.push({ index, key });
  });
  const missing = template.fields.filter((f) => f.required && !columns.some((c) => c.key === f.key)).map((f) => f.header);
  if (missing.length || duplicate.length) throw new HeaderMismatchError(missing, unknown, duplicate);
  return columns;
}

async function* csvRows(source: Readable, encoding: NonNullable<ReadRowsOptions['encoding']>): AsyncGenerator<RawRow> {
  // Plain pipes, not pipeline(): stopping early must leave the caller's stream open to be drained.
  // Empty lines are kept (as one empty cell) so that record numbers stay the row numbers Excel shows.
  const parser = source.pipe(utf8Decoder(encoding)).pipe(parse({ relax_column_count: true, relax_quotes: true }));
  const fail = (error: Error) => parser.destroy(error);
  source.once('error', fail);
  try {
    let rowNumber = 0;
    for await (const record of parser as AsyncIterable<string[]>) yield { rowNumber: ++rowNumber, cells: record };
  } finally {
    source.off('error', fail);
  }
}

/** Decodes to text, choosing the encoding from the first 64 KB when asked to. */
function utf8Decoder(encoding: NonNullable<ReadRowsOptions['encoding']>): Transform {
  const decoderFor = (sample: Buffer) => new TextDecoder(encoding === 'auto' ? sniffEncoding(sample) : encoding);
  let decoder: TextDecoder | undefined;
  let head = Buffer.alloc(0);
  return new Transform({
    decodeStrings: true,
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      if (decoder) return done(null, decoder.decode(chunk, { stream: true }));
      head = Buffer.concat([head, chunk]);
      if (head.length < SNIFF_BYTES) return done();
      decoder = decoderFor(head);
      done(null, decoder.decode(head, { stream: true }));
    },
    flush(done) {
      done(null, decoder ? decoder.decode() : decoderFor(head).decode(head));
    },
  });
}

function sniffEncoding(sample: Buffer): 'utf-8' | 'gb18030' {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  try {
    // stream: true, so a character cut at the end of the sample is not taken for an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

async function* xlsxRows(source: Readable): AsyncGenerator<RawRow> {
  // styles are read so that date cells come out as dates; shared strings are cached as Excel needs them.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      yield { rowNumber: row.number, cells: Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => cellText(values[i + 1])) };
    }
    return;
  }
}

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // exceljs gives date cells as UTC midnight of the day shown.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
  if (v.richText) return v.richText.map((r) => r.text).join('');
  if ('result' in v) return cellText(v.result);
  if ('text' in v) return cellText(v.text);
  return '';
}
