import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission, ROLES, type Role } from '../../shared/roles.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import {
  addressMaker,
  baseValues,
  jsonBodySchema,
  type OperationRef,
  operationsOf,
  pathAndQuery,
  sample,
  urlOf,
} from '../testing/operations.ts';
import { recordPlaces } from '../testing/record-places.ts';

/**
 * The endpoint × role × jurisdiction matrix, generated from the served OpenAPI document: every guarded operation
 * answers 401 to an anonymous caller and 403 to each role without its permission, and lets each role with it past
 * the guard; every operation without a guard is on the list below, so a new route that forgets its guard fails
 * here; and the operations on one record answer 404 to a user of another township, as if it did not exist.
 */

type Request = (o: InjectOptions) => Promise<LightMyRequestResponse>;

/** The operations anyone may call, and why. */
const PUBLIC: Record<string, string> = {
  'GET /api/health': 'balancers’ health check',
  'POST /api/auth/login': 'signing in',
  'POST /api/auth/login/second-factor': 'the second step of signing in, with the pending token the first step gave',
  'GET /api/auth/host': 'the field routes ask how they sign on before anyone is signed in',
  'POST /api/auth/host/token': 'signing on with the host super-app’s signed token (404 unless host mode is configured)',
  'GET /api/auth/host/authorize': 'beginning OpenID sign-on at the host (404 unless host mode is configured)',
  'GET /api/auth/host/callback': 'the host sends the browser back with its code (refused without this browser’s state)',
  'GET /api/public/catalogue': 'the citizens’ report page',
  'POST /api/public/photos': 'the citizens’ report page (rate-limited)',
  'POST /api/public/reports': 'the citizens’ report page (rate-limited)',
  'GET /api/public/reports/{code}': 'a citizen follows their report by its tracking code',
  'POST /api/public/reports/{code}/rating': 'a citizen rates their closed report by its tracking code',
  'GET /api/public/declare/{token}': 'the residents’ declaration page a QR code opens',
  'POST /api/public/declare/{token}': 'a resident declares by QR code (once per key, limited per device and address)',
  'POST /api/public/my/code': 'a citizen asks for an SMS code to their own reports (one a minute, rate-limited)',
  'POST /api/public/my/session': 'a citizen verifies the code: a session bound to that phone’s hash',
  'GET /api/public/my/session': 'the citizen’s own session, by its cookie',
  'DELETE /api/public/my/session': 'the citizen leaves their session',
  'GET /api/public/my/reports': 'the reports made with the session’s phone, refused without the citizen’s cookie',
  'GET /open311/discovery.{format}': 'Open311 discovery',
  'GET /open311/v2/services.{format}': 'Open311 service list',
  'GET /open311/v2/services/{service_code}.{format}': 'Open311 service definition',
  'POST /open311/v2/requests.{format}': 'Open311 request, refused without a county’s API key',
  'GET /open311/v2/requests.{format}': 'Open311 requests read back, names and places only',
  'GET /open311/v2/tokens/{token}.{format}': 'Open311 token of a request waiting to be placed',
  'GET /open311/v2/requests/{service_request_id}.{format}': 'Open311 request read back',
  'POST /api/hotline/orders': '12345 work order, refused without an API key issued for the hotline interface',
  'POST /api/alarms': 'video or sensor alarm, refused without an API key issued for the alarms interface',
  'GET /api/province/changes': 'the province platform’s pull, refused without an API key issued for the province interface',
};

let t: TestApp;
let operations: OperationRef[];
const sessions = new Map<Role, Request>();
const address = addressMaker();

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) sessions.set(role, (await t.as([role], [FIXTURE.city])).request);
  // Signing out ends the session every later request would use: it is tried last.
  const last = (o: OperationRef) => (o.name === 'POST /api/auth/logout' ? 1 : 0);
  operations = operationsOf((await t.app.inject({ method: 'GET', url: '/docs/json' })).json()).sort((a, b) => last(a) - last(b));
}, 120_000);
afterAll(() => t?.close());

/** A request to an operation with sampled parameters and body. */
function requestOf({ path, method, op }: OperationRef, values: Map<string, string> = new Map()): InjectOptions {
  const params = pathAndQuery(op);
  const body = jsonBodySchema(op);
  return {
    method,
    url: urlOf(path, params, new Map([...baseValues(params), ...values])),
    ...(body ? { payload: sample(body) as object } : {}),
    remoteAddress: address(),
  };
}

const isGuardRefusal = (res: LightMyRequestResponse) => {
  if (res.statusCode !== 403) return false;
  const body = res.json() as { code?: string; details?: unknown[] };
  return body.code === 'access.forbidden' && body.details?.length === 0;
};

describe('a record outside one’s jurisdiction answers as if it did not exist', () => {
  it('gives 404 on every operation on a case, an area, a grid and a base-data record of another township', async () => {
    const county = (await t.as(['county_center'], [FIXTURE.county])).request;
    const worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
    const places = await recordPlaces(t, county);
    const reported = await worker({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.02, lat: 31.1, description: '路口垃圾堆放', photos: [] },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const outsider = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;

    // Which record each path parameter names, all of them in the first township.
    const records: Record<string, Record<string, string>> = {
      '/api/events/{id}': { id: reported.json().id },
      '/api/territory/areas/{code}': { code: FIXTURE.villages[0] },
      '/api/territory/grids/{code}': { code: FIXTURE.grids[0] },
      '/api/registry/facilities/{code}': { code: places.lamp },
      '/api/registry/organisations/{creditCode}': { creditCode: places.org },
      '/api/registry/buildings/{code}': { code: places.building },
      '/api/registry/houses/{code}': { code: places.loneHouse },
      '/api/fieldwork/houses/{code}': { code: places.loneHouse },
    };
    const checked: string[] = [];
    const leaks: string[] = [];
    for (const o of operations) {
      const prefix = Object.keys(records).find((p) => o.path === p || o.path.startsWith(`${p}/`));
      if (!prefix || !can(['township_center'], o.op['x-permission'] as Permission)) continue;
      const values = new Map(Object.entries(records[prefix]).map(([name, value]) => [`path:${name}`, value]));
      const res = await outsider(requestOf(o, values));
      checked.push(o.name);
      if (res.statusCode !== 404) leaks.push(`${o.name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    console.info(`out of scope: ${checked.length} operations on records of another township`);
    expect(checked.length).toBeGreaterThan(15);
    expect(leaks).toEqual([]);
  }, 120_000);
});

// After the records above: the matrix's sampled requests write too (a department, a network, …).
describe('every route is guarded, and guarded for the right roles', () => {
  it('has a guard on every operation except the public ones listed here', () => {
    expect(operations.length).toBeGreaterThan(100);
    const unguarded = operations.filter((o) => o.op['x-permission'] === undefined).map((o) => o.name);
    expect(unguarded.sort()).toEqual(Object.keys(PUBLIC).sort());
  });

  it('answers 401 to anyone without a session on every guarded operation', async () => {
    const open: string[] = [];
    for (const o of operations.filter((o) => o.op['x-permission'])) {
      const res = await t.app.inject(requestOf(o));
      if (res.statusCode !== 401 || res.json().code !== 'auth.required') open.push(`${o.name}: ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('answers 403 to each role without the operation’s permission, and lets each role with it past the guard', async () => {
    const wrong: string[] = [];
    let tried = 0;
    for (const o of operations.filter((o) => o.op['x-permission'])) {
      const permission = o.op['x-permission'] as Permission | 'signed-in';
      for (const [role, request] of sessions) {
        const allowed = permission === 'signed-in' || can([role], permission);
        const res = await request(requestOf(o));
        tried++;
        if (res.statusCode === 401) wrong.push(`${o.name} as ${role}: 401`);
        else if (isGuardRefusal(res) === allowed)
          wrong.push(`${o.name} as ${role}: ${res.statusCode} (${allowed ? 'allowed' : 'not allowed'})`);
      }
    }
    console.info(`route matrix: ${tried} operation × role pairs`);
    expect(wrong).toEqual([]);
  }, 300_000);
});
