import { i18n } from '../i18n/index.ts';
import { fieldLabel, isEmpty, type RecordDescriber } from '../people/change-values.ts';
import type { Codes, CodeTableId } from './use-codes.ts';

/**
 * How the history of organisations or components reads. `coded` names the keys that hold codes (and their
 * table), `departments` the keys that hold department codes; labels come from the screen's namespace.
 */
export function recordDescriber(
  namespace: 'orgs' | 'facilities',
  codes: Codes,
  coded: Record<string, CodeTableId>,
  departments: readonly string[] = [],
): RecordDescriber {
  const show = (key: string, v: unknown): string => {
    if (isEmpty(v)) return '—';
    if (Array.isArray(v)) return v.map((x) => show(key, x)).join(i18n.t('common.listSep'));
    if (coded[key]) return codes.name(coded[key], String(v));
    if (departments.includes(key)) return codes.departmentName(String(v));
    if (key === 'verifiedAt') return new Date(String(v)).toLocaleString(i18n.language);
    return String(v);
  };
  return {
    // The history keeps the masked phone under its own name; it reads as the phone.
    label: (key) => fieldLabel(namespace, key === 'safetyPhoneMasked' ? 'safetyContactPhone' : key),
    show,
    mono: new Set(['gridCode', 'safetyPhoneMasked', 'lng', 'lat', 'classCode']),
  };
}
