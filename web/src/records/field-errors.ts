import type { FormInstance } from 'antd';
import { ApiError } from '../api.ts';
import { detailText } from '../error-words.ts';

/**
 * Puts a refused record's problems (422, one per field) beside the form's fields; true when it did, so the
 * caller shows nothing more. Other errors are left to the usual message.
 */
export function showFieldErrors(form: FormInstance, err: unknown, fields: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.status !== 422) return false;
  const mine = err.body.details.filter((d) => fields.includes(d.field));
  if (mine.length === 0) return false;
  form.setFields(mine.map((d) => ({ name: d.field, errors: [detailText(d)] })));
  return mine.length === err.body.details.length;
}
