import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { validationMessage } from '../../shared/i18n/validation.ts';

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

/**
 * A nullable field that fails reports "anyOf", "type null" and the real reason: keep only the real reason,
 * so each field gets one line.
 */
function meaningful(errors: ErrorObject[]): ErrorObject[] {
  const real = errors.filter((e) => e.keyword !== 'anyOf');
  return real.filter(
    (e) => !(e.keyword === 'type' && e.params.type === 'null' && real.some((o) => o !== e && o.instancePath === e.instancePath)),
  );
}

/** Ajv errors → field details in the request's language. `part` is body, querystring or params. */
export function validationDetails(errors: ErrorObject[], part: string, lang: Lang): ErrorDetail[] {
  return meaningful(errors).map((e) => {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') field = [field, e.params.missingProperty].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties') field = [field, e.params.additionalProperty].filter(Boolean).join('.');
    const message = validationMessage(e.keyword, e.params, lang) ?? e.message ?? e.keyword;
    return { field: field ? `${part}.${field}` : part, reason: e.keyword, message };
  });
}
