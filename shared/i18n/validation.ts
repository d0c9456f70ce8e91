/** What a field that fails its schema is told, by the schema keyword that failed (Ajv's), in each language. */
import type { Lang } from './errors.ts';

type Params = Record<string, unknown>;

const ZH: Record<string, (p: Params) => string> = {
  required: () => '必填',
  additionalProperties: () => '不允许的字段',
  type: (p) => `类型应为 ${String(p.type)}`,
  minimum: (p) => `不能小于 ${String(p.limit)}`,
  maximum: (p) => `不能大于 ${String(p.limit)}`,
  minLength: (p) => `长度不能少于 ${String(p.limit)}`,
  maxLength: (p) => `长度不能超过 ${String(p.limit)}`,
  minItems: (p) => `至少 ${String(p.limit)} 项`,
  exclusiveMinimum: (p) => `须大于 ${String(p.limit)}`,
  minProperties: (p) => `至少填写 ${String(p.limit)} 项`,
  maxProperties: (p) => `最多填写 ${String(p.limit)} 项`,
  pattern: () => '格式不正确',
  format: () => '格式不正确',
  enum: (p) => `取值应为 ${(p.allowedValues as unknown[]).join('、')} 之一`,
  nul: () => '不能包含空字符（NUL）',
  finite: () => '应为有限的数字',
};

/** English keeps Ajv's own wording, except for the one it words for developers. */
const EN: Record<string, (p: Params) => string> = {
  additionalProperties: () => 'unknown field',
  nul: () => 'must not contain a NUL character',
  finite: () => 'must be a finite number',
};

/** The message for a failed keyword, or undefined to use the validator's own. */
export function validationMessage(keyword: string, params: Params, lang: Lang): string | undefined {
  return (lang === 'zh-CN' ? ZH : EN)[keyword]?.(params);
}
