import { TASK_FIELD_TYPES, TASK_KINDS, TASK_SUBJECTS, type TaskFieldType, type TaskKind, type TaskSubject } from '../../shared/enums.ts';

/** One field of a task's form. A choice lists its options; person, house and organisation are picked from the base data. */
export interface TaskField {
  key: string;
  label: string;
  type: TaskFieldType;
  required: boolean;
  options?: string[];
}

/** A picked record as an entry keeps it: its key (house code, person id, credit code) and its name as on record. */
export interface PickedValue {
  key: string;
  name: string;
}
/** An answer: text, a choice or a date (YYYY-MM-DD) as text, a number, a photo's key, or a picked record. */
export type EntryValue = string | number | PickedValue;

export interface TaskDraft {
  title: string;
  kind: TaskKind;
  subject: TaskSubject;
  description?: string | null;
  fields: TaskField[];
  gridCodes: string[];
  deadline: string;
  subsidy: number;
}

export interface Detail {
  field: string;
  reason: string;
  value?: unknown;
}

/** Limits of a form: enough for a census sheet, not a second registry. */
export const TASK_LIMITS = { fields: 40, options: 30, label: 60, text: 500, title: 80, subsidy: 10_000 } as const;

const KEY = /^[a-z][a-z0-9_]{0,31}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PHOTO = /^[0-9a-f]{64}$/;
const isDay = (s: string) =>
  DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** What is wrong with a draft, each problem naming its field; empty when it may be asked for. `today` is a China date. */
export function checkDraft(d: TaskDraft, today: string): Detail[] {
  const out: Detail[] = [];
  if (!d.title.trim()) out.push({ field: 'body.title', reason: 'required' });
  if (!(TASK_KINDS as readonly string[]).includes(d.kind)) out.push({ field: 'body.kind', reason: 'unknown', value: d.kind });
  if (!(TASK_SUBJECTS as readonly string[]).includes(d.subject)) out.push({ field: 'body.subject', reason: 'unknown', value: d.subject });
  if (d.gridCodes.length === 0) out.push({ field: 'body.gridCodes', reason: 'required' });
  if (!isDay(d.deadline)) out.push({ field: 'body.deadline', reason: 'date', value: d.deadline });
  else if (d.deadline < today) out.push({ field: 'body.deadline', reason: 'past', value: d.deadline });
  if (!Number.isInteger(d.subsidy) || d.subsidy < 0 || d.subsidy > TASK_LIMITS.subsidy)
    out.push({ field: 'body.subsidy', reason: 'range', value: d.subsidy });
  if (d.fields.length === 0) out.push({ field: 'body.fields', reason: 'required' });
  const seen = new Set<string>();
  d.fields.forEach((f, i) => {
    const at = `body.fields.${i}`;
    if (!KEY.test(f.key)) out.push({ field: `${at}.key`, reason: 'format', value: f.key });
    else if (seen.has(f.key)) out.push({ field: `${at}.key`, reason: 'duplicate', value: f.key });
    seen.add(f.key);
    if (!f.label.trim()) out.push({ field: `${at}.label`, reason: 'required' });
    if (!(TASK_FIELD_TYPES as readonly string[]).includes(f.type)) out.push({ field: `${at}.type`, reason: 'unknown', value: f.type });
    const options = (f.options ?? []).map((o) => o.trim()).filter(Boolean);
    if (f.type === 'choice' && new Set(options).size < 2) out.push({ field: `${at}.options`, reason: 'two_or_more' });
    if (new Set(options).size !== options.length) out.push({ field: `${at}.options`, reason: 'duplicate' });
  });
  return out;
}

/** The draft's fields as kept: labels and options trimmed, options only on a choice. */
export const keptFields = (fields: TaskField[]): TaskField[] =>
  fields.map((f) => ({
    key: f.key,
    label: f.label.trim(),
    type: f.type,
    required: f.required,
    ...(f.type === 'choice' ? { options: (f.options ?? []).map((o) => o.trim()).filter(Boolean) } : {}),
  }));

/** Records a form picks: their keys by type, to be read from the base data in the caller's jurisdiction. */
export interface Picks {
  person: string[];
  house: string[];
  organisation: string[];
}

const isPicked = (v: unknown): v is { key: string } =>
  typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string' && (v as { key: string }).key.trim() !== '';

/**
 * The answers checked against the form, each problem naming the field as `body.values.<key>`: required ones given,
 * a number a number, a date a real date, a choice one of its options, a photo a stored photo's key, a picked record a
 * key (whether it is on record the service asks the base data). Keys not on the form are refused.
 */
export function checkValues(fields: TaskField[], values: Record<string, unknown>): { details: Detail[]; picks: Picks } {
  const details: Detail[] = [];
  const picks: Picks = { person: [], house: [], organisation: [] };
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(values))
    if (!byKey.has(key)) details.push({ field: `body.values.${key}`, reason: 'not_on_form', value: key });
  for (const f of fields) {
    const field = `body.values.${f.key}`;
    const v = values[f.key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (f.required) details.push({ field, reason: 'required' });
      continue;
    }
    const bad = (reason: string) => details.push({ field, reason, value: v });
    switch (f.type) {
      case 'text':
        if (typeof v !== 'string') bad('text');
        else if (v.length > TASK_LIMITS.text) bad('too_long');
        break;
      case 'number':
        if (typeof v !== 'number' || !Number.isFinite(v)) bad('number');
        break;
      case 'date':
        if (typeof v !== 'string' || !isDay(v)) bad('date');
        break;
      case 'choice':
        if (typeof v !== 'string' || !(f.options ?? []).includes(v)) bad('not_an_option');
        break;
      case 'photo':
        if (typeof v !== 'string' || !PHOTO.test(v)) bad('photo');
        break;
      default:
        if (!isPicked(v)) bad('pick');
        else picks[f.type].push(v.key.trim());
    }
  }
  return { details, picks };
}

/** The answers as kept: text trimmed, picked records by key and their name on record (`named`), nothing else. */
export function keptValues(
  fields: TaskField[],
  values: Record<string, unknown>,
  named: (type: 'person' | 'house' | 'organisation', key: string) => string,
): Record<string, EntryValue> {
  const out: Record<string, EntryValue> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) continue;
    if (f.type === 'person' || f.type === 'house' || f.type === 'organisation') {
      const key = (v as PickedValue).key.trim();
      out[f.key] = { key, name: named(f.type, key) };
    } else out[f.key] = typeof v === 'string' ? v.trim() : (v as number);
  }
  return out;
}

/** An answer as a cell of the workbook or a line of the list: a picked record by its name, a photo as its key. */
export const valueText = (v: EntryValue | undefined): string | number => (v === undefined ? '' : typeof v === 'object' ? v.name : v);

/** Per grid: what it has to fill (houses or people on record), what is filled, and the share done (0–1). */
export function progressOf(rows: { gridCode: string; total: number; filled: number }[]) {
  return rows.map((r) => ({ ...r, open: Math.max(r.total - r.filled, 0), share: r.total === 0 ? 0 : Math.min(r.filled / r.total, 1) }));
}
