/**
 * The cell parsers import templates are built from. Each turns the text of one cell into a stored value or
 * a reason code; what a cell may hold is decided here once, not per template.
 */
import { halfWidth, isRegionCodeShape, parseIdNumber, realDate } from '../../../shared/id-number.ts';
import { type CodeTable, RESIDENT_ID_CARD, resolveCode } from '../records/code-tables.ts';
import { normalizeCreditCode, validateCreditCode } from '../records/identifiers.core.ts';

export type FieldValue = string | number | boolean | readonly string[];

export interface FieldContext {
  /** YYYY-MM-DD in China (chinaDate(clock())): birth dates and other past dates must not be after it. */
  today: string;
}

export type Parsed = { value: FieldValue } | { reason: string };
/** `row` holds the other fields as parsed (null when blank or refused), for a field marked `reads`: a cell read by another's value. */
export type FieldParser = (text: string, ctx: FieldContext, row?: Readonly<Record<string, FieldValue | null>>) => Parsed;

export interface TemplateField {
  /** Key of the value in the parsed record; the name the store and the API use. */
  key: string;
  /** The Chinese column header of the spreadsheet. */
  header: string;
  /** Other headers accepted for the same column (older templates, other systems' exports). */
  aliases?: readonly string[];
  required: boolean;
  /** Rows whose cell of this required column may be blank (a foreigner has no 民族); the column must still be there. */
  blankAllowed?: (values: Readonly<Record<string, string>>) => boolean;
  /** Text a blank cell is read as (证件类型: 居民身份证). */
  fallback?: string;
  /** Another field whose text a blank cell takes (a foreigner's 姓名 may be only the 外文姓名). */
  orElse?: string;
  /** Fields the parser reads from `row` (a document number is read by its type): it is parsed after the others. */
  reads?: readonly string[];
  parse: FieldParser;
  /** A value for the sample row of the downloadable template. */
  sample: string;
  /** A code table: the template offers its names in a drop-down. */
  codeTable?: CodeTable;
  /** Several codes in one cell (tags). */
  multiple?: boolean;
  /** Cells the template should keep as text, so Excel does not turn an 18-digit number into 4.2E+17. */
  text?: boolean;
}

/** A form's value as the text of a spreadsheet cell, so a form is checked by its template's own parsers. */
export const cellText = (v: unknown): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join('、') : typeof v === 'boolean' ? (v ? '是' : '否') : String(v);

const ok = (value: FieldValue): Parsed => ({ value });
const fail = (reason: string): Parsed => ({ reason });

export const textOf =
  (maxLength: number): FieldParser =>
  (t) =>
    t.length > maxLength ? fail('field.too_long') : ok(t);

export const idNumber: FieldParser = (t, ctx) => {
  const result = parseIdNumber(t, ctx.today);
  return result.ok ? ok(result.idNumber) : fail(result.reason);
};

/**
 * The number of the document named by the field `typeKey` (GA/T 517): a resident ID number is checked as one; any
 * other document's number (a passport's, a permit's) is 5–20 letters and digits, upper-cased.
 */
export const documentNumber =
  (typeKey: string): FieldParser =>
  (t, ctx, row) => {
    if (row?.[typeKey] === RESIDENT_ID_CARD) return idNumber(t, ctx);
    const number = halfWidth(t).toUpperCase();
    return /^[A-Z0-9]{5,20}$/.test(number) ? ok(number) : fail('document.number_invalid');
  };

export const creditCode: FieldParser = (t) => {
  const reason = validateCreditCode(t);
  return reason ? fail(reason) : ok(normalizeCreditCode(t));
};

/** A mobile (+86 and separators dropped) or a landline with its area code: 0712-2345678, (0712)2345678. */
export const phone: FieldParser = (t) => {
  const s = halfWidth(t).replace(/[(]/g, '').replace(/[)]/g, '-');
  const mobile = s.replace(/-/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(mobile)) return ok(mobile);
  return /^0\d{2,3}-?\d{7,8}$/.test(s) ? ok(s) : fail('phone.invalid');
};

export const codeOf =
  (table: CodeTable): FieldParser =>
  (t) => {
    const code = resolveCode(table, t);
    return code === null ? fail('code.unknown') : ok(code);
  };

/** Several codes in one cell, separated as people do: 、 , ， ; ； or spaces. */
export const codesOf =
  (table: CodeTable): FieldParser =>
  (t) => {
    const codes: string[] = [];
    for (const part of t.split(/[、,，;；\s]+/).filter(Boolean)) {
      const code = resolveCode(table, part);
      if (code === null) return fail('code.unknown');
      if (!codes.includes(code)) codes.push(code);
    }
    return ok(codes);
  };

/** 2024-05-01, 2024/5/1, 2024.5.1, 20240501, 2024年5月1日 → 2024-05-01. */
export function parseDateText(t: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  return m ? realDate(`${m[1]}${m[2].padStart(2, '0')}${m[3].padStart(2, '0')}`) : null;
}

/** Any real calendar day: an expiry or an expected departure may lie ahead. */
export const calendarDate: FieldParser = (t) => {
  const date = parseDateText(t);
  return date ? ok(date) : fail('date.invalid');
};

export const pastDate: FieldParser = (t, ctx) => {
  const date = parseDateText(t);
  if (!date) return fail('date.invalid');
  return date > ctx.today ? fail('date.future') : ok(date);
};

export const numberIn =
  (min: number, max: number, integer = false): FieldParser =>
  (t) => {
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return fail('number.invalid');
    return n < min || n > max ? fail('number.out_of_range') : ok(n);
  };

export const yesNo: FieldParser = (t) => {
  if (/^(是|有|Y|YES|TRUE|1)$/i.test(t)) return ok(true);
  if (/^(否|无|N|NO|FALSE|0)$/i.test(t)) return ok(false);
  return fail('boolean.invalid');
};

export const regionCode: FieldParser = (t) => (isRegionCodeShape(t) ? ok(t) : fail('region.invalid'));

/** 15 digits: village code (12) + serial (3), GB/T 30428.1. */
export const gridCode: FieldParser = (t) => (/^\d{15}$/.test(t) ? ok(t) : fail('grid.code_invalid'));

/** Degrees within China's extent (73–136 E, 3–54 N), which also catches swapped columns. */
export const longitude = numberIn(73, 136);
export const latitude = numberIn(3, 54);
