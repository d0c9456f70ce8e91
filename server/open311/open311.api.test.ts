import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';
import { multipartFile } from '../testing/multipart.ts';

/**
 * Drives the Open311 endpoints as a civic client does (FixMyStreet's Open311 module: GET with jurisdiction_id in
 * the query, POST a form with api_key and jurisdiction_id in the body), parses the XML with fast-xml-parser and holds
 * every element name to GeoReport v2 (wiki.open311.org/GeoReport_v2): the services list, a definition, the POST
 * answer, a token, requests and the errors.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const COUNTY = FIXTURE.county;

/** The elements of each resource, in the specification's order. */
const SPEC = {
  service: ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'],
  definition: ['service_code', 'attributes'],
  attribute: ['variable', 'code', 'datatype', 'required', 'datatype_description', 'order', 'description', 'values'],
  receipt: ['service_request_id', 'service_notice', 'account_id'],
  tokenReceipt: ['token', 'service_notice', 'account_id'],
  request: [
    'service_request_id',
    'status',
    'status_notes',
    'service_name',
    'service_code',
    'description',
    'agency_responsible',
    'service_notice',
    'requested_datetime',
    'updated_datetime',
    'expected_datetime',
    'address',
    'address_id',
    'zipcode',
    'lat',
    'long',
    'media_url',
  ],
  error: ['code', 'description'],
  discovery: ['changeset', 'contact', 'key_service', 'endpoints'],
  endpoint: ['specification', 'url', 'changeset', 'type', 'formats'],
};
/** W3C date-time with its zone, as the specification requires of every date. */
const W3C_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

const LISTS = new Set(['services.service', 'service_requests.request', 'errors.error', 'service_definition.attributes.attribute']);
const xml = new XMLParser({
  parseTagValue: false,
  ignoreDeclaration: false,
  isArray: (_name, jpath) =>
    LISTS.has(String(jpath)) || String(jpath).endsWith('.values.value') || String(jpath).endsWith('.formats.format'),
});

let t: TestApp;
let admin: Request;
let worker: Request;
let township: Request;
let county: Request;
let dept: Request;
let photo: string;
let key: string;
let serial = 0;
/** Each call from its own address: the rate limit is tested on its own. */
const client = (opts: InjectOptions) => t.app.inject({ remoteAddress: `10.9.${(++serial >> 8) & 255}.${serial & 255}`, ...opts });
const get = (path: string, query: Record<string, string> = {}) =>
  client({ method: 'GET', url: `/open311/v2/${path}?${new URLSearchParams({ jurisdiction_id: COUNTY, ...query })}` });
const post = (format: 'xml' | 'json', form: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
  return client({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    payload: body.toString(),
  });
};
const report = (extra: Record<string, string | string[]> = {}, format: 'xml' | 'json' = 'xml', headers: Record<string, string> = {}) =>
  post(
    format,
    {
      api_key: key,
      jurisdiction_id: COUNTY,
      service_code: 'CG06010',
      lat: '31.01',
      long: '113.01',
      description: '小区门口垃圾没人清',
      ...extra,
    },
    headers,
  );
const countEvents = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`))[0].n;
/** The errors of an Open311 error reply in XML, each element checked against the specification. */
function xmlErrors(body: string): { code: string; description: string }[] {
  expect(body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  const errors = xml.parse(body).errors.error;
  for (const e of errors) expect(Object.keys(e)).toEqual(SPEC.error);
  return errors;
}
const act = async (request: Request, id: string, body: Record<string, unknown>) => {
  const current = (await request({ method: 'GET', url: `/api/events/${id}` })).json();
  const res = await request({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  // API keys are credentials: the security admin's (interfaces.keys).
  admin = (await t.as(['security_admin'], [FIXTURE.city])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
  key = (await admin({ method: 'POST', url: '/api/open311/clients', payload: { name: 'FixMyStreet 云梦', countyCode: COUNTY } })).json()
    .apiKey;
});
afterAll(() => t.close());

describe('API keys in the console', () => {
  it('not signed in: 401; a centre or the system admin: 403; a county outside the admin’s jurisdiction: refused', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/open311/clients' })).statusCode).toBe(401);
    expect((await county({ method: 'GET', url: '/api/open311/clients' })).statusCode).toBe(403);
    const { request: system } = await t.as(['system_admin'], [FIXTURE.city]);
    expect((await system({ method: 'POST', url: '/api/open311/clients', payload: { name: 'x', countyCode: COUNTY } })).statusCode).toBe(
      403,
    );
    const { request: countyAdmin } = await t.as(['security_admin'], [FIXTURE.county]);
    const other = await countyAdmin({
      method: 'POST',
      url: '/api/open311/clients',
      payload: { name: 'x', countyCode: FIXTURE.otherCounty },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().code).toBe('open311.jurisdiction_invalid');
    const township = await admin({ method: 'POST', url: '/api/open311/clients', payload: { name: 'x', countyCode: '420923100' } });
    expect(township.statusCode).toBe(400);
  });

  it('shows the key once: the list and the database keep only a hint and a keyed hash; issuing and revoking are audited', async () => {
    const issued = await admin({ method: 'POST', url: '/api/open311/clients', payload: { name: '城市 App', countyCode: COUNTY } });
    expect(issued.statusCode).toBe(201);
    const body = issued.json();
    expect(body.apiKey).toMatch(/^gz311_[2-9A-HJ-NP-Z]{32}$/);
    expect(body).toMatchObject({
      name: '城市 App',
      jurisdiction: { code: COUNTY, name: '云梦县' },
      revokedAt: null,
      keyHint: body.apiKey.slice(0, 10),
    });
    const list = await admin({ method: 'GET', url: '/api/open311/clients' });
    expect(list.body).not.toContain(body.apiKey);
    expect(list.json().items.find((c: { id: string }) => c.id === body.id)).toMatchObject({ keyHint: body.apiKey.slice(0, 10) });
    const stored = await queryRows<{ key_hash: string }>(t.db, sql`select key_hash from open311_client where id = ${body.id}`);
    expect(stored[0].key_hash).not.toContain(body.apiKey.slice(6));

    const revoked = await admin({ method: 'POST', url: `/api/open311/clients/${body.id}/revoke` });
    expect(revoked.json()).toMatchObject({ revokedAt: expect.any(String), revokedBy: expect.any(String) });
    expect((await admin({ method: 'POST', url: `/api/open311/clients/${body.id}/revoke` })).json().code).toBe('open311.client_revoked');
    const audit = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where target = ${body.id} order by id`);
    expect(audit.map((a) => a.action)).toEqual(['open311.key_issued', 'open311.key_revoked']);
  });
});

describe('discovery and services', () => {
  it('discovery in both formats names the GeoReport v2 endpoint and its formats', async () => {
    const res = await client({ method: 'GET', url: '/open311/discovery.xml' });
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const d = xml.parse(res.body).discovery;
    expect(Object.keys(d)).toEqual(SPEC.discovery);
    expect(Object.keys(d.endpoints.endpoint)).toEqual(SPEC.endpoint);
    expect(d.endpoints.endpoint).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', type: 'production' });
    expect(d.endpoints.endpoint.url).toMatch(/\/open311\/v2$/);
    expect(d.endpoints.endpoint.formats.format).toEqual(['text/xml', 'application/json']);
    const json = (await client({ method: 'GET', url: '/open311/discovery.json' })).json();
    expect(json.endpoints[0].formats).toEqual(['text/xml', 'application/json']);
  });

  it('lists the items open to citizens with exactly the specification’s elements, XML and JSON alike', async () => {
    const res = await get('services.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const services = xml.parse(res.body).services.service;
    for (const s of services) expect(Object.keys(s)).toEqual(SPEC.service);
    const garbage = services.find((s: { service_code: string }) => s.service_code === 'CG06010');
    expect(garbage).toMatchObject({ service_name: '暴露垃圾', metadata: 'false', type: 'realtime', group: '市容环境类' });
    expect(services.find((s: { service_code: string }) => s.service_code === 'CG01037')).toMatchObject({ metadata: 'true' });
    const json = (await get('services.json')).json();
    expect(json).toHaveLength(services.length);
    expect(json.find((s: { service_code: string }) => s.service_code === 'CG06010')).toMatchObject({ metadata: false, type: 'realtime' });
    expect(Object.keys(json[0])).toEqual(SPEC.service);
  });

  it('a definition lists its attributes; an unknown service or jurisdiction is 404, a missing jurisdiction 400', async () => {
    const def = xml.parse((await get('services/CG01037.xml')).body).service_definition;
    expect(Object.keys(def)).toEqual(SPEC.definition);
    expect(Object.keys(def.attributes.attribute[0])).toEqual(SPEC.attribute);
    expect(def.attributes.attribute[0]).toMatchObject({
      code: 'facility_code',
      datatype: 'string',
      variable: 'true',
      required: 'false',
      order: '1',
    });
    expect((await get('services/CG06010.json')).json()).toEqual({ service_code: 'CG06010', attributes: [] });

    const unknown = await get('services/NOPE99.xml');
    expect(unknown.statusCode).toBe(404);
    expect(xmlErrors(unknown.body)[0]).toMatchObject({ code: '404', description: expect.stringContaining('NOPE99') });
    const noCounty = await client({ method: 'GET', url: '/open311/v2/services.xml' });
    expect(noCounty.statusCode).toBe(400);
    expect(xmlErrors(noCounty.body)[0].description).toContain('jurisdiction_id');
    expect((await get('services.xml', { jurisdiction_id: '999999' })).statusCode).toBe(404);
    expect((await get('services.xml', { jurisdiction_id: FIXTURE.townships[0] })).statusCode).toBe(404);
    const json = await client({ method: 'GET', url: '/open311/v2/services.json', headers: { 'accept-language': 'en' } });
    expect(json.json()).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id was not provided') }]);
    const format = await get('services.html');
    expect(format.statusCode).toBe(404);
    expect(xmlErrors(format.body)[0].description).toContain('.html');
    expect(xmlErrors((await client({ method: 'GET', url: '/open311/v2/nothing.xml' })).body)[0].code).toBe('404');
  });
});

describe('POST a service request', () => {
  it('without a key, with a wrong, revoked or another county’s key: 403 with the errors, and nothing is created', async () => {
    const before = await countEvents();
    const none = await report({ api_key: '' });
    expect(none.statusCode).toBe(403);
    expect(xmlErrors(none.body)[0]).toMatchObject({ code: '403', description: expect.stringContaining('api_key') });
    expect((await report({ api_key: 'gz311_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(403);
    expect((await report({ api_key: 'not a key at all' })).statusCode).toBe(403);

    const issued = (await admin({ method: 'POST', url: '/api/open311/clients', payload: { name: '将吊销', countyCode: COUNTY } })).json();
    expect((await report({ api_key: issued.apiKey, description: '吊销前' })).statusCode).toBe(200);
    await admin({ method: 'POST', url: `/api/open311/clients/${issued.id}/revoke` });
    const revoked = await report({ api_key: issued.apiKey, description: '吊销后' }, 'json');
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json()).toEqual([{ code: 403, description: expect.stringContaining('api_key') }]);

    const other = (
      await admin({ method: 'POST', url: '/api/open311/clients', payload: { name: '孝南', countyCode: FIXTURE.otherCounty } })
    ).json();
    const wrongCounty = await report({ api_key: other.apiKey });
    expect(wrongCounty.statusCode).toBe(403);
    expect(xmlErrors(wrongCounty.body)[0].description).toContain(COUNTY);
    expect(await countEvents()).toBe(before + 1);
  });

  it('files a citizen report of the loop: the id at once, the tracking code in the notice, the phone sealed, the event list shows it', async () => {
    const res = await report({
      phone: '+86 139 1234 5678',
      first_name: '三',
      last_name: '张',
      media_url: 'https://fms.example.org/p/1.jpg',
      account_id: 'u-77',
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [answer] = xml.parse(res.body).service_requests.request;
    expect(Object.keys(answer)).toEqual(SPEC.receipt);
    expect(answer.service_request_id).toMatch(/^420923-\d{12}$/);
    expect(answer.account_id).toBe('u-77');
    const trackingCode = /420923-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}/.exec(answer.service_notice)![0];

    const caseNo = answer.service_request_id.slice(7);
    const [stored] = await queryRows<{
      id: string;
      source: string;
      channel: string;
      reporter_phone: string;
      reporter_name: string;
      tracking_code: string;
    }>(t.db, sql`select id, source, channel, reporter_phone, reporter_name, tracking_code from event where case_no = ${caseNo}`);
    expect(stored).toMatchObject({
      source: 'citizen',
      channel: 'open311',
      reporter_name: '张三',
      tracking_code: trackingCode.replaceAll('-', ''),
    });
    expect(stored.reporter_phone).not.toContain('12345678');
    const listed = (await township({ method: 'GET', url: '/api/events?source=citizen' })).json();
    expect(listed.items.map((e: { caseNo: string }) => e.caseNo)).toContain(caseNo);
    const seen = (await township({ method: 'GET', url: `/api/events/${stored.id}` })).json();
    expect(seen).toMatchObject({ source: 'citizen', reporterPhone: '139****5678', status: 'verifying' });
    expect(seen.description).toContain('https://fms.example.org/p/1.jpg');
    // The citizen follows it on the public page with the code the client passed on.
    const tracked = await client({ method: 'GET', url: `/api/public/reports/${trackingCode}` });
    expect(tracked.json()).toMatchObject({ caseNo, status: 'verifying' });
  });

  it('a component’s code (attribute facility_code) links the report to that component on record', async () => {
    const created = await county({
      method: 'POST',
      url: '/api/registry/facilities',
      payload: { classCode: '01037', lng: 113.02, lat: 31.1, ownerDept: 'YM-CG', state: '01' },
    });
    expect(created.statusCode, created.body).toBe(200);
    const code = created.json().code;
    const res = await report({
      service_code: 'CG01037',
      lat: '31.1',
      long: '113.02',
      description: '路灯不亮',
      'attribute[facility_code]': code,
    });
    expect(res.statusCode, res.body).toBe(200);
    const caseNo = xml.parse(res.body).service_requests.request[0].service_request_id.slice(7);
    const [row] = await queryRows<{ subject_type: string; subject_key: string }>(
      t.db,
      sql`select subject_type, subject_key from event where case_no = ${caseNo}`,
    );
    expect(row).toEqual({ subject_type: 'facility', subject_key: code });
  });

  it('a flood from one client address is refused with 429 in the errors shape', async () => {
    let last = await client({ method: 'GET', url: '/open311/discovery.xml', remoteAddress: '10.99.0.1' });
    for (let i = 0; i < 120 && last.statusCode === 200; i++)
      last = await client({ method: 'GET', url: '/open311/discovery.xml', remoteAddress: '10.99.0.1' });
    expect(last.statusCode).toBe(429);
    expect(xmlErrors(last.body)[0].code).toBe('429');
    expect((await client({ method: 'GET', url: '/open311/discovery.xml' })).statusCode).toBe(200);
  });

  it('a retry — the same request, or the same Idempotency-Key — gets the first answer; concurrent ones file one case', async () => {
    const first = (await report({ description: '重试的上报' }, 'json')).json()[0];
    const before = await countEvents();
    const again = (await report({ description: '重试的上报' }, 'json')).json()[0];
    expect(again.service_request_id).toBe(first.service_request_id);
    expect(again.service_notice).toBe(first.service_notice);
    const keyed = (await report({ description: '带幂等键' }, 'json', { 'idempotency-key': 'fms-report-0001' })).json()[0];
    const keyedAgain = (
      await report({ description: '带幂等键（客户端改写了描述）' }, 'json', { 'idempotency-key': 'fms-report-0001' })
    ).json()[0];
    expect(keyedAgain.service_request_id).toBe(keyed.service_request_id);
    const racing = await Promise.all(Array.from({ length: 5 }, () => report({ description: '同时发出的五次' }, 'json')));
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(racing.map((r) => r.json()[0].service_request_id)).size).toBe(1);
    expect(await countEvents()).toBe(before + 2);
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from open311_request where description = '同时发出的五次'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('bad input gets the specification’s error reply, every problem listed, never a 500, and nothing is created', async () => {
    const before = await countEvents();
    const check = async (form: Record<string, string | string[]>, status: number, text: string | RegExp) => {
      const res = await report(form);
      expect(res.statusCode, res.body).toBe(status);
      const errors = xmlErrors(res.body);
      expect(errors.map((e) => e.description).join(' | ')).toMatch(text);
      return errors;
    };
    await check({ service_code: 'NOPE99' }, 404, 'NOPE99');
    await check({ service_code: '' }, 400, 'service_code');
    await check({ lat: '', long: '' }, 400, /lat.*long.*address_string/);
    await check({ long: '' }, 400, 'lat 与 long');
    await check({ lat: '91', long: 'east' }, 400, /lat.*-90.*90.*long/s);
    await check({ description: 'x'.repeat(4001) }, 400, /description.*4000/);
    await check({ address_string: 'x'.repeat(251) }, 400, /address_string.*250/);
    await check({ description: 'a\u0001b' }, 400, /description.*控制字符/);
    await check({ phone: '12345' }, 400, 'phone');
    await check({ email: 'not-an-email' }, 400, 'email');
    await check({ media_url: 'javascript:alert(1)' }, 400, 'media_url');
    await check({ service_code: ['CG06010', 'CG06011'] }, 400, 'service_code');
    await check({ 'attribute[colour]': 'red' }, 400, 'colour');
    await check({ service_code: 'CG01037', 'attribute[facility_code]': 'abc' }, 400, 'facility_code');
    await check({ service_code: 'CG01037', 'attribute[facility_code]': '42092301037999999' }, 400, 'facility_code');
    await check({ lat: '20', long: '100' }, 400, /lat\/long.*网格/);
    const xiaonan = (
      await admin({ method: 'POST', url: '/api/open311/clients', payload: { name: '孝南 App', countyCode: FIXTURE.otherCounty } })
    ).json();
    await check({ api_key: xiaonan.apiKey, jurisdiction_id: FIXTURE.otherCounty }, 400, /lat\/long.*辖区/);
    const many = await check({ lat: '', long: '', phone: '1', description: 'x'.repeat(4001) }, 400, /.*/);
    expect(many.length).toBe(3);
    const json = await report({ lat: 'x' }, 'json');
    expect(json.json()).toEqual([{ code: 400, description: expect.stringContaining('lat') }]);

    const plain = await client({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(plain.statusCode).toBe(400);
    expect(xmlErrors(plain.body)[0].description).toContain('x-www-form-urlencoded');
    const huge = await client({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `description=${'x'.repeat(70_000)}`,
    });
    expect(huge.statusCode).toBe(400);
    xmlErrors(huge.body);
    expect(await countEvents()).toBe(before);
  });

  it('a request located only by its address gets a token; the county centre places it and the token gives its id', async () => {
    const res = await report({ lat: '', long: '', address_string: '城关镇建设路18号', phone: '13812345678' }, 'xml');
    expect(res.statusCode).toBe(200);
    const [answer] = xml.parse(res.body).service_requests.request;
    expect(Object.keys(answer)).toEqual(SPEC.tokenReceipt);
    const token = answer.token;
    const waiting = xml.parse((await get(`tokens/${token}.xml`)).body).service_requests.request[0];
    expect(waiting).toEqual({ token });
    expect((await get(`tokens/${token}.xml`, { jurisdiction_id: FIXTURE.otherCounty })).statusCode).toBe(404);
    expect((await get('tokens/420923AAAAAAAAAAAA.xml')).statusCode).toBe(404);

    expect((await township({ method: 'GET', url: '/api/open311/pending' })).statusCode).toBe(403);
    const pending = (await county({ method: 'GET', url: '/api/open311/pending' })).json().items;
    expect(pending.find((p: { token: string }) => p.token === token)).toMatchObject({
      addressString: '城关镇建设路18号',
      serviceName: '暴露垃圾',
      client: 'FixMyStreet 云梦',
    });
    const placed = await county({ method: 'POST', url: `/api/open311/pending/${token}/place`, payload: { lng: 113.02, lat: 31.02 } });
    expect(placed.statusCode, placed.body).toBe(200);
    const { serviceRequestId, eventId } = placed.json();
    expect(
      (await county({ method: 'POST', url: `/api/open311/pending/${token}/place`, payload: { lng: 113.02, lat: 31.02 } })).json().code,
    ).toBe('open311.submission_done');
    const resolved = xml.parse((await get(`tokens/${token}.xml`)).body).service_requests.request[0];
    expect(Object.keys(resolved)).toEqual(['service_request_id', 'token']);
    expect(resolved.service_request_id).toBe(serviceRequestId);
    const seen = (await county({ method: 'GET', url: `/api/events/${eventId}` })).json();
    expect(seen).toMatchObject({ source: 'citizen', reporterPhone: '138****5678' });
    expect(seen.description).toContain('城关镇建设路18号');
    const read = xml.parse((await get(`requests/${serviceRequestId}.xml`)).body).service_requests.request[0];
    expect(read).toMatchObject({ address: '城关镇建设路18号', lat: '31.02', long: '113.02' });
    // The client's retry of the first POST still answers its token.
    expect(
      xml.parse((await report({ lat: '', long: '', address_string: '城关镇建设路18号', phone: '13812345678' })).body).service_requests
        .request[0].token,
    ).toBe(token);

    const other = xml.parse((await report({ lat: '', long: '', address_string: '外县某地' })).body).service_requests.request[0].token;
    const refused = await county({ method: 'POST', url: `/api/open311/pending/${other}/refuse`, payload: { reason: '地址不在本县' } });
    expect(refused.json()).toEqual({ token: other, status: 'refused' });
    const answerRefused = await get(`tokens/${other}.json`);
    expect(answerRefused.statusCode).toBe(400);
    expect(answerRefused.json()[0].description).toContain('地址不在本县');
    const audit = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where action in ('open311.request_placed', 'open311.request_refused') and target in (${eventId}, ${other})`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['open311.request_placed', 'open311.request_refused']);
  });
});

describe('reading requests back', () => {
  it('one request follows the loop: names not codes, open until closed, the reply in the notes', async () => {
    const posted = xml.parse((await report({ description: '跟踪到结案' })).body).service_requests.request[0].service_request_id;
    const read = async () => {
      const res = await get(`requests/${posted}.xml`);
      expect(res.statusCode).toBe(200);
      const [r] = xml.parse(res.body).service_requests.request;
      expect(Object.keys(r)).toEqual(SPEC.request);
      for (const f of ['requested_datetime', 'updated_datetime']) expect(r[f]).toMatch(W3C_DATE);
      return r;
    };
    const first = await read();
    expect(first).toMatchObject({
      status: 'open',
      status_notes: '待核实',
      service_name: '暴露垃圾',
      service_code: 'CG06010',
      description: '跟踪到结案',
      agency_responsible: '城关镇',
      lat: '31.01',
      long: '113.01',
    });
    expect(first.address).toContain('城关镇');

    const [{ id }] = await queryRows<{ id: string }>(t.db, sql`select id from event where case_no = ${posted.slice(7)}`);
    await act(worker, id, { action: 'verify', note: '现场确有垃圾', photos: [photo] });
    await act(township, id, { action: 'accept' });
    await act(township, id, { action: 'dispatch', targetUnit: 'YM-CG' });
    const dispatched = await read();
    expect(dispatched).toMatchObject({ status: 'open', status_notes: '已派遣', agency_responsible: '云梦县城市管理执法局' });
    expect(dispatched.expected_datetime).toMatch(W3C_DATE);
    t.advance(60_000);
    await act(dept, id, { action: 'sign' });
    await act(dept, id, { action: 'handle', note: '已清运完毕', photos: [photo] });
    await act(township, id, { action: 'check', photos: [photo] });
    await act(township, id, { action: 'close' });
    const closed = await read();
    expect(closed).toMatchObject({ status: 'closed', status_notes: '已结案。处置答复: 已清运完毕', expected_datetime: '' });
    expect(closed.updated_datetime).not.toBe(first.updated_datetime);
    const en = (await client({ method: 'GET', url: `/open311/v2/requests/${posted}.json?jurisdiction_id=${COUNTY}&lang=en` })).json()[0];
    expect(en).toMatchObject({
      status: 'closed',
      status_notes: 'Closed. Reply: 已清运完毕',
      expected_datetime: null,
      lat: 31.01,
      long: 113.01,
    });
    expect(Object.keys(en)).toEqual(SPEC.request);

    expect((await get('requests/420923-209901010001.xml')).statusCode).toBe(404);
    expect((await get(`requests/${posted}.xml`, { jurisdiction_id: FIXTURE.otherCounty })).statusCode).toBe(404);
  });

  it('filters by ids, service, status and a window of at most 90 days; only requests made through Open311 are listed', async () => {
    await report({ service_code: 'CG06011', description: '另一种服务' });
    await township({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '网格员发现的', photos: [photo] },
    });
    const all = xml.parse((await get('requests.xml')).body).service_requests.request as {
      service_request_id: string;
      service_code: string;
      status: string;
      description: string;
      requested_datetime: string;
    }[];
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((r) => r.description)).not.toContain('网格员发现的');
    const times = all.map((r) => r.requested_datetime);
    expect([...times].sort().reverse()).toEqual(times);

    const other = xml.parse((await get('requests.xml', { service_code: 'CG06011' })).body).service_requests.request;
    expect(other.map((r: { service_code: string }) => r.service_code)).toEqual(['CG06011']);
    const closed = xml.parse((await get('requests.xml', { status: 'closed' })).body).service_requests.request;
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    const open = (await get('requests.json', { status: 'open' })).json();
    expect(open.length + closed.length).toBe(all.length);
    expect((await get('requests.json', { status: 'open,closed' })).json()).toHaveLength(all.length);

    const ids = [all[0].service_request_id, all[2].service_request_id];
    const byId = (await get('requests.json', { service_request_id: ids.join(','), status: 'closed', service_code: 'NOPE' })).json();
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([...ids].sort());

    expect(
      xml.parse((await get('requests.xml', { start_date: '2026-10-01T00:00:00Z', end_date: '2026-10-31T00:00:00Z' })).body)
        .service_requests,
    ).toBe('');
    expect(
      (await get('requests.json', { start_date: '2026-11-02T00:00:00+08:00', end_date: '2026-11-03T00:00:00+08:00' })).json(),
    ).toHaveLength(all.length);
    expect((await get('requests.json', { start_date: '2026-11-02' })).json()).toHaveLength(all.length);

    for (const [query, text] of [
      [{ start_date: '2026-11-01', end_date: '2027-03-01' }, '90'],
      [{ start_date: 'yesterday' }, 'start_date'],
      [{ end_date: '2026-11-02T09:00:00' }, 'end_date'],
      [{ start_date: '2026-02-30T00:00:00Z' }, 'start_date'],
      [{ start_date: '2026-11-03T00:00:00Z', end_date: '2026-11-02T00:00:00Z' }, 'start_date'],
      [{ status: 'pending' }, 'status'],
      [{ service_request_id: Array.from({ length: 101 }, (_, i) => `420923-20261102${String(i).padStart(4, '0')}`).join(',') }, '100'],
    ] as [Record<string, string>, string][]) {
      const res = await get('requests.xml', query);
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(xmlErrors(res.body)[0].description).toContain(text);
    }
  });
});

describe('the API key in use', () => {
  it('a POST touches its client’s last use and is audited without a person', async () => {
    const before = (await admin({ method: 'GET', url: '/api/open311/clients' }))
      .json()
      .items.find((c: { name: string }) => c.name === 'FixMyStreet 云梦');
    expect(before.lastUsedAt).not.toBeNull();
    const rows = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'open311.request_received' and actor_id is null and detail->>'clientId' = ${before.id}`,
    );
    expect(rows[0].n).toBeGreaterThan(3);
  });
});

describe('the next day', () => {
  it('the same request word for word is a new report, not yesterday’s retry (the clock moves: this block runs last)', async () => {
    const first = (await report({ description: '每天都有人乱倒垃圾' }, 'json')).json()[0].service_request_id;
    expect((await report({ description: '每天都有人乱倒垃圾' }, 'json')).json()[0].service_request_id).toBe(first);
    t.advance(86_400_000);
    const next = await report({ description: '每天都有人乱倒垃圾' }, 'json');
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()[0].service_request_id).not.toBe(first);
  });
});
