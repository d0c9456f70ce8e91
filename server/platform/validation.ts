import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Lang } from '../../shared/i18n/errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean): Ajv {
  // Unknown fields are refused, never silently dropped; bodies are never coerced, so "12" is not a number.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramAjv = makeAjv(true);

/** Querystrings and path params arrive as text and are coerced; JSON bodies are validated as sent. */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  return ajv.compile(schema as object) as never;
};

const ZH_REASONS: Record<string, (e: ErrorObject) => string> = {
  required: () => '必填',
  additionalProperties: () => '不允许的字段',
  type: (e) => `类型应为 ${String(e.params.type)}`,
  minimum: (e) => `不能小于 ${String(e.params.limit)}`,
  maximum: (e) => `不能大于 ${String(e.params.limit)}`,
  minLength: (e) => `长度不能少于 ${String(e.params.limit)}`,
  maxLength: (e) => `长度不能超过 ${String(e.params.limit)}`,
  minItems: (e) => `至少 ${String(e.params.limit)} 项`,
  exclusiveMinimum: (e) => `须大于 ${String(e.params.limit)}`,
  minProperties: (e) => `至少填写 ${String(e.params.limit)} 项`,
  maxProperties: (e) => `最多填写 ${String(e.params.limit)} 项`,
  pattern: () => '格式不正确',
  format: () => '格式不正确',
  enum: (e) => `取值应为 ${(e.params.allowedValues as unknown[]).join('、')} 之一`,
};

/**
 * A nullable field that fails reports "anyOf", "type null" and the real reason: keep only the real reason,
 * so each field gets one line.
 */
function meaningful(errors: ErrorObject[]): ErrorObject[] {
  const real = errors.filter((e) => e.keyword !== 'anyOf');
  return real.filter((e) => !(e.keyword === 'type' && e.params.type === 'null' && real.some((o) => o !== e && o.instancePath === e.instancePath)));
}

/** Ajv errors → field details in the request's language. `part` is body, querystring or params. */
export function validationDetails(errors: ErrorObject[], part: string, lang: Lang): ErrorDetail[] {
  return meaningful(errors).map((e) => {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') field = [field, e.params.missingProperty].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties') field = [field, e.params.additionalProperty].filter(Boolean).join('.');
    const zh = ZH_REASONS[e.keyword];
    const message = lang === 'zh-CN' && zh ? zh(e) : e.keyword === 'additionalProperties' ? 'unknown field' : (e.message ?? e.keyword);
    return { field: field ? `${part}.${field}` : part, reason: e.keyword, message };
  });
}
