import type { ErrorDetail } from '../../shared/errors.ts';
import { fieldKey, reasonKey } from './error-reasons.ts';
import { i18n } from './i18n/index.ts';

/**
 * A refusal's detail in words, in the UI's language: the server's own message when it gave one, else its reason key
 * worded here (`reasons.*`), else the key itself, so nothing is ever hidden.
 */
export function detailText(d: Pick<ErrorDetail, 'reason' | 'message'> & { value?: unknown }): string {
  if (d.message) return d.message;
  const { key, values } = reasonKey(d.reason);
  const value = d.value === undefined || d.value === null ? '' : String(d.value);
  const who = values.role ? i18n.t(`followUps.followers.${values.role}`) : undefined;
  return i18n.exists(`reasons.${key}`) ? i18n.t(`reasons.${key}`, { ...values, who, value }) : d.reason;
}

/** A detail's field in words where the UI knows it (`fields.*`, a list position as "第 3 项"), else the path itself. */
export function fieldText(field: string): string {
  const { key, item } = fieldKey(field);
  if (!i18n.exists(`fields.${key}`)) return field;
  const name = i18n.t(`fields.${key}`);
  return item === null ? name : i18n.t('fields.item', { name, n: item });
}
