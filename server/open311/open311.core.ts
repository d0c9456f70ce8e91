/**
 * GeoReport v2 rules without I/O: reading a request's fields as the specification names them (form-encoded, so
 * every value a string; `attribute[code]` and `attribute[code][]`), W3C date-times, the 90-day window of GET
 * requests, the two statuses, our ids, keys and tokens, and what a service's definition holds.
 */
import { randomBytes } from 'node:crypto';
import { CHINA_OFFSET_MS, startOfChinaDay } from '../../shared/china-time.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { PERSON_NAME_MAX, PHONE_MAX } from '../../shared/limits.ts';
import type { StageLimit } from '../events/index.ts';
import { Open311Error, type Open311Problem, problem } from './open311.errors.ts';
import type { Attribute } from './open311.format.ts';

// ── limits ──

/** The specification's own limit for a description ("free form text limited to 4,000 characters"). */
export const DESCRIPTION_MAX = 4000;
export const ADDRESS_MAX = 250;
export const ADDRESS_ID_MAX = 64;
export const URL_MAX = 2048;
export const EMAIL_MAX = 254;
export const DEVICE_ID_MAX = 128;
export const ACCOUNT_ID_MAX = 64;
export const SERVICE_CODE_MAX = 20;
export const ATTRIBUTE_VALUE_MAX = 200;
export const ATTRIBUTES_MAX = 20;
/** GET requests: at most this many ids or service codes in one call, and at most this many requests back. */
export const LIST_MAX = 100;
export const REQUESTS_MAX = 1000;
/** "may not span more than 90 days"; "the range defaults to most recent 90 days". */
export const RANGE_DAYS = 90;
const DAY_MS = 86_400_000;

// ── fields as sent ──

/** A form body or a query string: each field once, or several times (an array). */
export type Fields = Record<string, string | string[] | undefined>;

/** A form or JSON body as fields: numbers and booleans as their text, anything nested refused. */
export function fieldsOf(body: unknown): Fields {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new Open311Error(problem('body_invalid'));
  const out: Fields = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const one = (x: unknown) => {
      if (typeof x === 'string') return x;
      if (typeof x === 'number' || typeof x === 'boolean') return String(x);
      throw new Open311Error(problem('body_invalid'));
    };
    out[k] = Array.isArray(v) ? v.map(one) : v === null || v === undefined ? undefined : one(v);
  }
  return out;
}

/** `a=1&a=2&b=3` as fields, every value once decoded (URLSearchParams: `+` is a space). */
export function parseForm(text: string): Fields {
  const out: Fields = {};
  for (const [k, v] of new URLSearchParams(text)) {
    const had = out[k];
    out[k] = had === undefined ? v : Array.isArray(had) ? [...had, v] : [had, v];
  }
  return out;
}

/** C0 controls other than tab, LF and CR, and DEL: refused in any field (they cannot be written back as XML). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

/** One field's single value, trimmed; undefined when absent or blank ("Optional" means empty = not passed). */
export function one(fields: Fields, name: string, max: number, problems: Open311Problem[]): string | undefined {
  const raw = fields[name];
  if (raw === undefined) return undefined;
  if (Array.isArray(raw)) {
    const given = raw.filter((v) => v.trim() !== '');
    if (given.length > 1) {
      problems.push(problem('repeated', { field: name }));
      return undefined;
    }
    return one({ [name]: given[0] }, name, max, problems);
  }
  const value = raw.trim();
  if (value === '') return undefined;
  if (CONTROL.test(value)) {
    problems.push(problem('control_characters', { field: name }));
    return undefined;
  }
  if ([...value].length > max) {
    problems.push(problem('too_long', { field: name, max }));
    return undefined;
  }
  return value;
}

/** A comma-delimited list (also given several times), blanks dropped. */
export function list(fields: Fields, name: string, max: number, itemMax: number, problems: Open311Problem[]): string[] | undefined {
  const raw = fields[name];
  if (raw === undefined) return undefined;
  const items = (Array.isArray(raw) ? raw : [raw])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  if (items.length === 0) return undefined;
  if (items.length > max) {
    problems.push(problem('too_many', { field: name, max }));
    return undefined;
  }
  const bad = items.find((v) => CONTROL.test(v) || v.length > itemMax);
  if (bad !== undefined) {
    problems.push(problem(CONTROL.test(bad) ? 'control_characters' : 'too_long', { field: name, max: itemMax }));
    return undefined;
  }
  return [...new Set(items)];
}

// ── dates ──

const W3C = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2})))?$/;

/**
 * A W3C date-time (the "common subset of ISO 8601" of the W3C note) with its time zone — `2010-01-01T00:00:00Z`,
 * `2010-01-01T08:00+08:00` — or a date alone, taken as the start of that day in China. Null when it is not one or
 * names no real instant (a 30 February, a 25th hour).
 */
export function parseW3cDate(text: string): Date | null {
  const m = W3C.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, , zone, zh, zm] = m;
  const dayOk = (() => {
    const probe = new Date(Date.UTC(+y, +mo - 1, +d));
    return probe.getUTCFullYear() === +y && probe.getUTCMonth() === +mo - 1 && probe.getUTCDate() === +d;
  })();
  if (!dayOk) return null;
  if (h === undefined) return startOfChinaDay(`${y}-${mo}-${d}`);
  if (+h > 23 || +mi > 59 || (s !== undefined && +s > 59)) return null;
  if (zone !== 'Z' && (+zh > 14 || +zm > 59)) return null;
  const t = Date.parse(text);
  return Number.isFinite(t) ? new Date(t) : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An instant in the W3C format, in China time: `2026-11-02T09:00:00+08:00`. */
export function w3cDate(instant: Date): string {
  const s = new Date(instant.getTime() + CHINA_OFFSET_MS);
  return `${s.getUTCFullYear()}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}+08:00`;
}

/**
 * The window of GET requests: both ends given, at most 90 days apart; one end given, the 90 days from or up to
 * it; neither, the most recent 90 days.
 */
export function dateWindow(fields: Fields, now: Date, problems: Open311Problem[]): { from: Date; to: Date } | undefined {
  const read = (name: string) => {
    const text = one(fields, name, 40, problems);
    if (text === undefined) return undefined;
    const date = parseW3cDate(text);
    if (!date) problems.push(problem('date_invalid', { field: name }));
    return date ?? null;
  };
  const start = read('start_date');
  const end = read('end_date');
  if (start === null || end === null) return undefined;
  const span = RANGE_DAYS * DAY_MS;
  const from = start ?? new Date((end ?? now).getTime() - span);
  const to = end ?? (start ? new Date(start.getTime() + span) : now);
  if (from > to) {
    problems.push(problem('date_order'));
    return undefined;
  }
  if (to.getTime() - from.getTime() > span) {
    problems.push(problem('range_too_long', { max: RANGE_DAYS }));
    return undefined;
  }
  return { from, to };
}

// ── statuses ──

/** The status filter: undefined when both (or neither) are asked for. */
export function closedFilter(values: string[] | undefined, problems: Open311Problem[]): boolean | undefined {
  if (!values) return undefined;
  const bad = values.find((v) => v !== 'open' && v !== 'closed');
  if (bad !== undefined) {
    problems.push(problem('status_invalid', { value: bad }));
    return undefined;
  }
  return values.length === 2 ? undefined : values[0] === 'closed';
}

// ── ids, keys and tokens ──

/** A county's 6-digit division code. */
export const COUNTY = /^\d{6}$/;

/** Our service_request_id: the county and its case number, `420923-202611020001` (case numbers are per county). */
export const requestIdOf = (countyCode: string, caseNo: string) => `${countyCode}-${caseNo}`;

export function parseRequestId(text: string): { countyCode: string; caseNo: string } | null {
  const m = /^(\d{6})-(\d{12,14})$/.exec(text);
  return m ? { countyCode: m[1], caseNo: m[2] } : null;
}

/** 32 letters and digits without 0/O and 1/I (the tracking codes' alphabet). */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const randomText = (n: number) => Array.from(randomBytes(n), (b) => ALPHABET[b & 31]).join('');

export const KEY_PREFIX = 'gz311_';
/** 32 random characters, 160 bits from the CSPRNG; shown once, stored as a keyed hash. */
export const newApiKey = () => KEY_PREFIX + randomText(32);
export const keyHint = (key: string) => key.slice(0, KEY_PREFIX.length + 4);
/** A key as a client may send it: our prefix and alphabet, nothing else reaches the hash. */
export const looksLikeKey = (text: string) => new RegExp(`^${KEY_PREFIX}[${ALPHABET}]{32}$`).test(text);

/** A token: the county and 12 random characters (60 bits), like a tracking code; its county finds its row. */
export const newToken = (countyCode: string) => countyCode + randomText(12);
export const looksLikeToken = (text: string) => new RegExp(`^\\d{6}[${ALPHABET}]{12}$`).test(text);

// ── people ──

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}-?\d{7,8}$/;

/** A phone as a client may write it (spaces, brackets, +86 or 0086) made bare; null when it is no Chinese phone. */
export function normalizePhone(text: string): string | null {
  const bare = text.replace(/[\s()（）]/g, '').replace(/^(\+86|0086)-?/, '');
  const mobile = bare.replace(/-/g, '');
  if (MOBILE.test(mobile)) return mobile;
  return LANDLINE.test(bare) && bare.length <= PHONE_MAX ? bare : null;
}

const HAN = /\p{Script=Han}/u;

/** first_name and last_name as one name: a Chinese name family name first (张 + 三 = 张三), others "John Smith". */
export function personName(first: string | undefined, last: string | undefined): string | undefined {
  if (!first && !last) return undefined;
  if ([first, last].every((x) => !x || HAN.test(x))) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}

export const NAME_MAX = PERSON_NAME_MAX;

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

// ── attributes ──

/** The facility_code attribute: a component's code as printed on its plate (GB/T 47678.5: 17 digits; legacy 16). */
export const FACILITY_CODE = /^\d{16,17}$/;

/** What a service's definition holds: the component's code for items about a component, nothing for the others. */
export function attributesOf(service: { aboutFacility: boolean }, lang: Lang): Attribute[] {
  if (!service.aboutFacility) return [];
  return [
    {
      variable: true,
      code: 'facility_code',
      datatype: 'string',
      required: false,
      datatype_description: lang === 'en' ? 'The 16 or 17 digits printed on the component’s plate' : '设施铭牌上的16位或17位数字编码',
      order: 1,
      description:
        lang === 'en'
          ? 'Component code (管理部件标识码), if the component carries one: the report is then linked to that component'
          : '部件标识码（如设施上有铭牌）：填写后上报关联到该部件',
      values: [],
    },
  ];
}

/** `attribute[code]=v` and `attribute[code][]=v` as code → values. */
export function attributesSent(fields: Fields, problems: Open311Problem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, raw] of Object.entries(fields)) {
    const m = /^attribute\[([^\]]{1,40})\](\[\])?$/.exec(name);
    if (!m || raw === undefined) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => v.trim()).filter(Boolean);
    if (values.some((v) => CONTROL.test(v))) problems.push(problem('control_characters', { field: name }));
    else if (values.some((v) => [...v].length > ATTRIBUTE_VALUE_MAX))
      problems.push(problem('too_long', { field: name, max: ATTRIBUTE_VALUE_MAX }));
    else if (values.length) out[m[1]] = [...(out[m[1]] ?? []), ...values];
  }
  if (Object.keys(out).length > ATTRIBUTES_MAX) problems.push(problem('too_many', { field: 'attribute', max: ATTRIBUTES_MAX }));
  return out;
}

/** The attributes sent against the service's definition: known codes, required ones present, values of their type. */
export function checkAttributes(defs: Attribute[], sent: Record<string, string[]>, problems: Open311Problem[]): void {
  for (const code of Object.keys(sent))
    if (!defs.some((d) => d.code === code)) problems.push(problem('attribute_unknown', { value: code }));
  for (const d of defs) {
    const values = sent[d.code];
    if (!values?.length) {
      if (d.required && d.variable) problems.push(problem('attribute_required', { value: d.code }));
      continue;
    }
    const hint = d.datatype_description ?? d.datatype;
    const fail = () => problems.push(problem('attribute_invalid', { value: d.code, hint }));
    if (d.datatype !== 'multivaluelist' && values.length > 1) fail();
    else if (d.datatype === 'singlevaluelist' || d.datatype === 'multivaluelist') {
      if (values.some((v) => !d.values.some((o) => o.key === v))) fail();
    } else if (d.datatype === 'number') {
      if (values.some((v) => !Number.isFinite(Number(v)))) fail();
    } else if (d.datatype === 'datetime') {
      if (values.some((v) => !parseW3cDate(v))) fail();
    } else if (d.code === 'facility_code' && !FACILITY_CODE.test(values[0])) fail();
  }
}

// ── the loop in words ──

/**
 * The description the case carries: what the client wrote, and what staff need of the rest to act on it — in
 * Chinese whatever the client's language, since staff read it; who placed it when a centre did.
 */
export function caseDescription(input: {
  description: string;
  addressString?: string | null;
  addressId?: string | null;
  mediaUrl?: string | null;
  clientName: string;
  placedBy?: string;
}): string {
  return [
    input.description,
    ...(input.addressString ? [`地址：${input.addressString}`] : []),
    ...(input.addressId ? [`地址编码：${input.addressId}`] : []),
    ...(input.mediaUrl ? [`图片链接：${input.mediaUrl}`] : []),
    `（经 Open311 接入方 ${input.clientName} 上报${input.placedBy ? `，${input.placedBy} 定位` : ''}）`,
  ].join('\n');
}

/** A stage limit as a citizen reads it: 3个工作日, 4个工作小时, 2小时. */
export function limitText(limit: StageLimit, lang: Lang): string {
  const n = 'workingDays' in limit ? limit.workingDays : 'hours' in limit ? limit.hours : limit.clockHours;
  if (lang === 'en') {
    const unit = 'workingDays' in limit ? 'working day' : 'hours' in limit ? 'working hour' : 'hour';
    return `${n} ${unit}${n === 1 ? '' : 's'}`;
  }
  return `${n}${'workingDays' in limit ? '个工作日' : 'hours' in limit ? '个工作小时' : '小时'}`;
}
