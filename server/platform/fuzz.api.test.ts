import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import {
  addressMaker,
  hasErrorShape,
  type Json,
  jsonBodySchema,
  type OperationRef,
  operationsOf,
  type Param,
  pathAndQuery,
} from '../testing/operations.ts';

/**
 * Property-based fuzz over every operation of the served OpenAPI document (fast-check): parameters and bodies
 * drawn from each field's schema, mixed with values of any shape (any text, any JSON, the strings that broke the
 * server once), sent by a user the route lets in. The property: no answer is 5xx, and every refusal outside
 * /open311 has the one error shape. The seed is printed on failure, so a finding can be replayed.
 */

const RUNS_PER_OPERATION = 25;

let t: TestApp;
let operations: OperationRef[];
const sessions: ((o: InjectOptions) => Promise<LightMyRequestResponse>)[] = [];
const address = addressMaker();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) sessions.push((await t.as([role], [FIXTURE.city])).request);
  // Signing out would end the fuzzing user's session: it is left to the route matrix.
  operations = operationsOf((await t.app.inject({ method: 'GET', url: '/docs/json' })).json()).filter(
    (o) => o.name !== 'POST /api/auth/logout',
  );
}, 120_000);
afterAll(() => t?.close());

/** Text of any shape, and the texts that broke the server once. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u0000', 'a\u0000b', '1e308', '-1e308', 'Infinity', 'NaN', '-0', '9'.repeat(40), '%00', '../..', ' ', ''),
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(anyText, fc.jsonValue({ maxDepth: 2 }), fc.double(), fc.integer(), fc.boolean());

/** Values of a schema's shape (most draws), or anything at all. */
function drawOf(schema: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 3, arbitrary: shaped(schema, depth) }, { weight: 1, arbitrary: anyValue });
}

function shaped(schema: Json | undefined, depth: number): fc.Arbitrary<unknown> {
  if (!schema || depth > 3) return anyValue;
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Json[] | undefined;
    if (options?.length) return fc.oneof(...options.map((o) => shaped(o, depth + 1)));
  }
  switch (schema.type) {
    case 'integer':
      return fc.oneof(fc.integer(), fc.bigInt().map(String), fc.constantFrom(0, -1, 2 ** 31, Number.MAX_SAFE_INTEGER));
    case 'number':
      return fc.double();
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(drawOf(schema.items as Json, depth + 1), { maxLength: 4 });
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Json>;
      const required = (schema.required as string[] | undefined) ?? [];
      return fc.record(Object.fromEntries(Object.entries(props).map(([name, s]) => [name, drawOf(s, depth + 1)])), {
        requiredKeys: required.filter((name) => name in props),
      });
    }
    default:
      return fc.oneof(fc.string({ maxLength: typeof schema.maxLength === 'number' ? schema.maxLength : 40 }), anyText);
  }
}

/** A drawn value as URL text: a string as it is, anything else as JSON (fast-check draws objects without a prototype). */
const textOf = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)));

function requestArbitrary(o: OperationRef): fc.Arbitrary<InjectOptions> {
  const params = pathAndQuery(o.op);
  const body = jsonBodySchema(o.op);
  const param = (p: Param) => (p.in === 'path' || p.required ? drawOf(p.schema) : fc.option(drawOf(p.schema), { nil: undefined }));
  return fc
    .record({
      values: fc.tuple(...params.map(param)),
      payload: body ? drawOf(body) : fc.constant(undefined),
    })
    .map(({ values, payload }) => {
      const path = o.path.replace(/\{(\w+)\}/g, (_m, name) => {
        const i = params.findIndex((p) => p.in === 'path' && p.name === name);
        return encodeURIComponent(textOf(values[i] ?? 'x'));
      });
      const query = params
        .map((p, i) => [p, values[i]] as const)
        .filter(([p, v]) => p.in === 'query' && v !== undefined)
        .map(([p, v]) => `${encodeURIComponent(p.name)}=${encodeURIComponent(textOf(v))}`);
      return {
        method: o.method,
        url: query.length ? `${path}?${query.join('&')}` : path,
        ...(payload !== undefined ? { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } } : {}),
      };
    });
}

describe('fuzzing every operation', () => {
  it('never answers 5xx, and every refusal has the error shape', async () => {
    let requests = 0;
    for (const o of operations) {
      // The first user the route lets past its guard with a plain request (anonymous for a public route).
      let who: (r: InjectOptions) => Promise<LightMyRequestResponse> = (r) => t.app.inject(r);
      if (o.op['x-permission'])
        for (const request of sessions) {
          const probe = await request({ method: o.method, url: o.path.replace(/\{\w+\}/g, 'x'), remoteAddress: address() });
          if (probe.statusCode !== 401 && probe.statusCode !== 403) {
            who = request;
            break;
          }
        }
      await fc.assert(
        fc.asyncProperty(requestArbitrary(o), async (request) => {
          const res = await who({ ...request, remoteAddress: address() });
          requests++;
          const what = `${o.name} ${request.url} ${String(request.payload ?? '').slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          if (res.statusCode >= 400 && !o.path.startsWith('/open311/')) expect(hasErrorShape(res), what).toBe(true);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    console.info(`fuzz: ${operations.length} operations, ${requests} requests, no 5xx`);
  }, 600_000);
});
