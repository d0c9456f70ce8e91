import type { ErrorDetail } from '../../shared/errors.ts';
import { i18n } from './i18n/index.ts';

/** Reasons that carry a number or a name in their key (`at_most_366`, `responsible_is_grid_leader`): key and values. */
const SHAPED: readonly [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^at_most_(\d+)_chars$/, 'at_most_chars', (m) => ({ n: m[1] })],
  [/^at_most_(\d+)_months$/, 'at_most_months', (m) => ({ n: m[1] })],
  [/^at_most_(\d+)$/, 'at_most', (m) => ({ n: m[1] })],
  [/^at_least_(\d+)$/, 'at_least', (m) => ({ n: m[1] })],
  [/^period_over_(\d+)_days$/, 'period_over_days', (m) => ({ n: m[1] })],
  [/^responsible_is_(grid_worker|grid_leader)$/, 'responsible_is_role', (m) => ({ who: i18n.t(`followUps.followers.${m[1]}`) })],
];

/**
 * A refusal's detail in words, in the UI's language: the server's own message when it gave one, else its reason key
 * worded here (`reasons.*`), else the key itself, so nothing is ever hidden.
 */
export function detailText(d: Pick<ErrorDetail, 'reason' | 'message'> & { value?: unknown }): string {
  if (d.message) return d.message;
  const value = d.value === undefined || d.value === null ? '' : String(d.value);
  for (const [pattern, key, values] of SHAPED) {
    const m = d.reason.match(pattern);
    if (m) return i18n.t(`reasons.${key}`, { ...values(m), value });
  }
  const key = `reasons.${d.reason}`;
  return i18n.exists(key) ? i18n.t(key, { value }) : d.reason;
}

/** A detail's field in words where the UI knows it (`fields.*`, list positions as "第 3 项"), else the path itself. */
export function fieldText(field: string): string {
  const m = field.match(/^(.*)\.(\d+)$/);
  const base = m ? m[1] : field;
  const key = `fields.${base.replace(/\./g, '_')}`;
  if (!i18n.exists(key)) return field;
  const name = i18n.t(key);
  return m ? i18n.t('fields.item', { name, n: Number(m[2]) + 1 }) : name;
}
