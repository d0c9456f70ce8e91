/**
 * The operations of the served OpenAPI document, for the tests that walk every one of them (input walk, route
 * matrix, fuzz): a route added to the server is walked as soon as it is in the document.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';

export type Json = Record<string, unknown>;

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
}

export interface Operation {
  parameters?: Param[];
  requestBody?: { content?: Record<string, { schema?: Json }> };
  /** The permission the route's guard checks, `signed-in` for any user; absent on a public route (platform/http.ts). */
  'x-permission'?: string;
}

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
}

export interface OperationRef {
  path: string;
  method: NonNullable<InjectOptions['method']>;
  op: Operation;
  /** `METHOD /path`, as the document names it. */
  name: string;
}

export function operationsOf(spec: Spec): OperationRef[] {
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      path,
      method: method.toUpperCase() as OperationRef['method'],
      op,
      name: `${method.toUpperCase()} ${path}`,
    })),
  );
}

/** A value of each string format the document uses, so a sampled request gets past validation to the handler. */
const FORMATTED: Record<string, string> = {
  uuid: '00000000-0000-4000-8000-000000000000',
  'date-time': '2026-11-02T01:00:00.000Z',
  date: '2026-11-02',
};

/** A plausible value for a schema: its example, default, first enum value, or something of its type. */
export function sample(schema: Json | undefined): unknown {
  if (!schema) return 'x';
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Json[] | undefined;
    if (options) return sample(options.find((o) => o.type !== 'null') ?? options[0]);
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return typeof schema.minimum === 'number' ? schema.minimum : 1;
    case 'boolean':
      return true;
    case 'array':
      return [sample(schema.items as Json)];
    case 'object': {
      const out: Json = {};
      const props = (schema.properties ?? {}) as Record<string, Json>;
      for (const name of (schema.required as string[] | undefined) ?? []) out[name] = sample(props[name]);
      return out;
    }
    default:
      if (typeof schema.format === 'string' && schema.format in FORMATTED) return FORMATTED[schema.format];
      return typeof schema.minLength === 'number' ? 'x'.repeat(schema.minLength) : 'x';
  }
}

/** The path and query parameters an operation reads. */
export const pathAndQuery = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query');

/** Sampled values for every path parameter and every required query parameter, keyed `in:name`. */
export function baseValues(params: Param[]): Map<string, string> {
  const base = new Map<string, string>();
  for (const p of params) if (p.in === 'path' || p.required) base.set(`${p.in}:${p.name}`, String(sample(p.schema)));
  return base;
}

/** The URL of an operation with these parameter values (keyed `in:name`), each encoded. */
export function urlOf(path: string, params: Param[], values: Map<string, string>) {
  const url = path.replace(/\{(\w+)\}/g, (_m, name) => encodeURIComponent(values.get(`path:${name}`) ?? 'x'));
  const query = params
    .filter((p) => p.in === 'query' && values.has(`query:${p.name}`))
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(values.get(`query:${p.name}`)!)}`);
  return query.length ? `${url}?${query.join('&')}` : url;
}

/** The JSON body schema of an operation, if it takes JSON. */
export const jsonBodySchema = (op: Operation) => op.requestBody?.content?.['application/json']?.schema;

/** A new client address for each call, so no per-address limit (sign-in, the citizens' pages) hides a handler. */
export function addressMaker(): () => string {
  let serial = 0;
  return () => {
    serial++;
    return `10.${(serial >> 16) & 255}.${(serial >> 8) & 255}.${serial & 255}`;
  };
}

/** Whether a refusal has the one error shape: `{ code, message, details[] }`. */
export function hasErrorShape(res: LightMyRequestResponse): boolean {
  try {
    const json = res.json();
    return typeof json.code === 'string' && typeof json.message === 'string' && Array.isArray(json.details);
  } catch {
    return false;
  }
}
