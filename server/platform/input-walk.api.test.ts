import { XMLParser } from 'fast-xml-parser';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../shared/roles.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import {
  addressMaker,
  baseValues,
  hasErrorShape,
  type Json,
  jsonBodySchema,
  operationsOf,
  pathAndQuery,
  type Spec,
  sample,
  urlOf,
} from '../testing/operations.ts';

/**
 * Walks every operation of the served OpenAPI document with hostile values in each parameter and body field, and
 * with wrong or broken bodies, and asserts that nothing answers 5xx and every refusal has the one error shape.
 * A new route is walked as soon as it is in the document, so it cannot bring back a 500. The Open311 routes are
 * walked too, and their refusals must have the Open311 error shape instead.
 */

/** Values that broke the server once: NUL bytes, numbers too large for PostgreSQL or not finite at all. */
const HOSTILE_TEXT = ['a\u0000b', '1e308', '-1e308', 'Infinity', '-Infinity', 'NaN', '99999999999999999999'];
/** The same in a JSON body: 1e400 parses to Infinity. */
const HOSTILE_JSON = ['"a\\u0000b"', '1e308', '-1e308', '1e400', '99999999999999999999'];

let t: TestApp;
let spec: Spec;
const sessions: { role: string; request: (o: InjectOptions) => Promise<LightMyRequestResponse> }[] = [];

const address = addressMaker();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    sessions.push({ role, request: (await t.as([role], [FIXTURE.city])).request });
  }
  spec = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
}, 60_000);
afterAll(() => t?.close());

/** Every leaf of a JSON value, as a path of keys. */
function leaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...at, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...at, k]));
  return [at];
}

/** The JSON text of `value` with the leaf at `path` replaced by raw JSON text. */
function withRaw(value: unknown, path: (string | number)[], raw: string): string {
  const marker = '__HOSTILE__';
  const copy = structuredClone(value) as Json;
  if (path.length === 0) return raw;
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, raw);
}

/**
 * The Open311 routes answer in the specification's error reply instead of ours (server/open311/open311.errors.ts):
 * `<errors><error><code/><description/></error></errors>` in XML, `[{code, description}]` in JSON.
 */
const open311Xml = new XMLParser({ isArray: (name) => name === 'error' });
function isOpen311Error(res: LightMyRequestResponse): boolean {
  const items: unknown = (() => {
    try {
      if (String(res.headers['content-type']).startsWith('application/json')) return res.json();
      return open311Xml.parse(res.body)?.errors?.error;
    } catch {
      return null;
    }
  })();
  return (
    Array.isArray(items) &&
    items.length > 0 &&
    items.every((e) => typeof e?.code === 'number' && typeof e.description === 'string' && e.description !== '')
  );
}

interface Finding {
  op: string;
  variant: string;
  status: number;
  body: string;
}

describe('no input answers 5xx', () => {
  it('walks every operation of the OpenAPI document with NUL bytes, huge and infinite numbers and broken bodies', async () => {
    const findings: Finding[] = [];
    const shapeless: Finding[] = [];
    let requests = 0;
    const operations = operationsOf(spec);
    expect(operations.length).toBeGreaterThan(50);

    for (const { path, method, op } of operations) {
      const params = pathAndQuery(op);
      const base = baseValues(params);
      const content = op.requestBody?.content ?? {};
      const jsonSchema = jsonBodySchema(op);
      const multipart = 'multipart/form-data' in content;
      const body = jsonSchema ? sample(jsonSchema) : undefined;

      const variants: { name: string; url: string; payload?: string | Buffer; headers?: Record<string, string> }[] = [];
      const jsonHeaders = { 'content-type': 'application/json' };
      const basePayload = body === undefined ? undefined : JSON.stringify(body);
      for (const p of params) {
        for (const v of HOSTILE_TEXT) {
          const values = new Map(base).set(`${p.in}:${p.name}`, v);
          variants.push({
            name: `${p.in}.${p.name}=${JSON.stringify(v)}`,
            url: urlOf(path, params, values),
            payload: basePayload,
            headers: basePayload ? jsonHeaders : undefined,
          });
        }
      }
      const url = urlOf(path, params, base);
      if (body !== undefined) {
        for (const leaf of leaves(body)) {
          for (const raw of HOSTILE_JSON) {
            variants.push({ name: `body.${leaf.join('.')}=${raw}`, url, payload: withRaw(body, leaf, raw), headers: jsonHeaders });
          }
        }
      }
      if (method !== 'GET' && method !== 'DELETE') {
        variants.push(
          { name: 'text/plain body', url, payload: 'hello', headers: { 'content-type': 'text/plain' } },
          { name: 'unknown content type', url, payload: 'hello', headers: { 'content-type': 'application/x-nonsense' } },
          { name: 'JSON with a NUL escape', url, payload: '{"x":"\\u0000"}', headers: jsonHeaders },
          { name: 'JSON string with a NUL escape', url, payload: '"\\u0000"', headers: jsonHeaders },
          { name: 'multipart without boundary', url, payload: 'x', headers: { 'content-type': 'multipart/form-data' } },
          {
            name: 'broken multipart',
            url,
            payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          },
          {
            name: 'multipart with a field but no file',
            url,
            payload: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nabc\r\n--b--\r\n',
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          },
          {
            name: 'multipart with a NUL file name',
            url,
            payload: '--b\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.csv"\r\n\r\nabc\r\n--b--\r\n',
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          },
        );
        if (multipart) variants.push({ name: 'JSON to a multipart route', url, payload: '{"file":"x"}', headers: jsonHeaders });
      }

      // The first role the route lets in (a route that lets nobody in is checked anonymously).
      let who = sessions[0].request;
      for (const s of sessions) {
        const res = await s.request({ method, url, remoteAddress: address() });
        requests++;
        if (res.statusCode !== 401 && res.statusCode !== 403) {
          who = s.request;
          break;
        }
      }
      for (const v of variants) {
        const res = await who({ method, url: v.url, payload: v.payload, headers: v.headers, remoteAddress: address() });
        requests++;
        const finding = { op: `${method} ${path}`, variant: v.name, status: res.statusCode, body: res.body.slice(0, 200) };
        if (res.statusCode >= 500) findings.push(finding);
        else if (res.statusCode >= 400) {
          if (path.startsWith('/open311/')) {
            if (!isOpen311Error(res)) shapeless.push(finding);
            continue;
          }
          if (!hasErrorShape(res)) shapeless.push(finding);
        }
      }
    }
    console.info(`input walk: ${operations.length} operations, ${requests} requests, ${findings.length} answers of 5xx`);
    expect(findings).toEqual([]);
    expect(shapeless).toEqual([]);
  }, 600_000);
});
