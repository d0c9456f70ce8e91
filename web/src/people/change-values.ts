import { i18n } from '../i18n/index.ts';
import { codeName, type PersonCodeTable } from './person-codes.ts';

/** History keys that hold codes, and their table. */
const CODED: Record<string, PersonCodeTable> = {
  sex: 'sex',
  ethnicity: 'ethnicity',
  residentType: 'residentType',
  relation: 'relation',
  inflowReason: 'inflowReason',
  idType: 'idType',
  permitType: 'permitType',
  leftBehindType: 'leftBehindType',
  nationality: 'nationality',
  visitPurpose: 'visitPurpose',
  specialGroups: 'specialGroup',
  keyPersonTags: 'keyPerson',
};

/** The history keeps the masked forms under their own names; they read as the field itself. */
const LABEL_KEYS: Record<string, string> = { idNumberMasked: 'idNumber', phoneMasked: 'phone' };

/** Keys of values shown in a fixed-width font (codes and masked numbers). */
export const MONO_KEYS = new Set(['idNumberMasked', 'phoneMasked', 'gridCode', 'houseCode', 'hukouRegion']);

export interface FieldChange {
  key: string;
  label: string;
  before: string;
  after: string;
}

export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/** A value of the history as a person reads it: code names, lists joined, '—' for nothing. */
export function showValue(key: string, v: unknown): string {
  if (isEmpty(v)) return '—';
  const table = CODED[key];
  const one = (x: unknown) => (table ? codeName(table, String(x)) : String(x));
  return Array.isArray(v) ? v.map(one).join(i18n.t('common.listSep')) : typeof v === 'object' ? JSON.stringify(v) : one(v);
}

/** How the history of one kind of record reads: a field's label, a value as words, which keys are codes. */
export interface RecordDescriber {
  label(key: string): string;
  show(key: string, value: unknown): string;
  mono: ReadonlySet<string>;
}

/** A field's label in a record kind's namespace; the fields every record has (verifiedAt…) read from `record`. */
export const fieldLabel = (namespace: string, key: string): string =>
  i18n.t([`${namespace}.${key}`, `record.${key}`], { defaultValue: key });

export const PERSON_DESCRIBER: RecordDescriber = {
  label: (k) => fieldLabel('people', LABEL_KEYS[k] ?? k),
  show: showValue,
  mono: MONO_KEYS,
};

/** The fields whose value differs between two views of a record, in the order of the later one. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  describe: RecordDescriber = PERSON_DESCRIBER,
): FieldChange[] {
  const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return keys
    .filter((k) => !(isEmpty(before[k]) && isEmpty(after[k])) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({
      key: k,
      label: describe.label(k),
      before: describe.show(k, before[k]),
      after: describe.show(k, after[k]),
    }));
}
