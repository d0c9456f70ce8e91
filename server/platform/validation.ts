import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { validationMessage } from '../../shared/i18n/validation.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean): Ajv {
  // Unknown fields are refused, never silently dropped; bodies are never coerced, so "12" is not a number.
  // strictNumbers: NaN and Infinity (a query's "Infinity", a body's 1e400) are not numbers.
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false, strictNumbers: true });
  addFormats(ajv);
  return ajv;
}

const bodyAjv = makeAjv(false);
const paramAjv = makeAjv(true);

const DATA_KEYS = new Set(['example', 'examples', 'default', 'const', 'enum']);
const MAP_KEYS = new Set(['properties', 'patternProperties', '$defs', 'definitions']);

/** The range of a PostgreSQL integer: an integer field without its own bounds gets these. */
export const INTEGER_RANGE = { minimum: -2_147_483_648, maximum: 2_147_483_647 };

/**
 * A copy of the schema in which every integer without a bound of its own is held to INTEGER_RANGE, so
 * `offset=1e308` (an integer to JSON Schema) is refused here instead of failing in SQL.
 */
export function boundIntegers(schema: unknown, isMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => boundIntegers(s));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // Inside `properties` every value is a schema; elsewhere examples and defaults are data, kept as they are.
    out[key] = isMap ? boundIntegers(value) : DATA_KEYS.has(key) ? value : boundIntegers(value, MAP_KEYS.has(key));
  }
  if (isMap) return out;
  const types = ([] as unknown[]).concat(out.type);
  if (types.includes('integer')) {
    const hasMin = out.minimum !== undefined || out.exclusiveMinimum !== undefined;
    const hasMax = out.maximum !== undefined || out.exclusiveMaximum !== undefined;
    if (!hasMin) out.minimum = INTEGER_RANGE.minimum;
    if (!hasMax) out.maximum = INTEGER_RANGE.maximum;
  }
  return out;
}

/** Paths (Ajv's instancePath form) of numbers that are not finite: `1e400` in JSON, or "Infinity" coerced. */
function nonFinite(value: unknown, at: string, out: string[] = []): string[] {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(at);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nonFinite(v, `${at}/${i}`, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${at}/${k}`, out);
  }
  return out;
}

/**
 * Querystrings and path params arrive as text and are coerced; JSON bodies are validated as sent. After Ajv, no
 * number may be infinite: Ajv coerces the text "Infinity" to a number and then skips its range checks, and a JSON
 * body's 1e400 parses to Infinity where a schema allows any value.
 */
export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : paramAjv;
  const validate = ajv.compile(boundIntegers(schema) as object);
  const checked = (data: unknown) => {
    if (!validate(data)) {
      checked.errors = validate.errors;
      return false;
    }
    const bad = nonFinite(data, '');
    checked.errors = bad.map(
      (instancePath): ErrorObject => ({ instancePath, schemaPath: '', keyword: 'finite', params: {}, message: 'must be a finite number' }),
    );
    return bad.length === 0;
  };
  checked.errors = null as ErrorObject[] | null | undefined;
  return checked as never;
};

/** Every place in a value (keys included) where a string holds U+0000, as field paths under `part`. */
export function nulFields(value: unknown, part: string, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(part);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulFields(v, `${part}.${i}`, out);
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push(part);
      else nulFields(v, `${part}.${k}`, out);
    }
  }
  return out;
}

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
