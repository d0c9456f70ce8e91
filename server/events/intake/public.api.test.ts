import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestApp;
let township: Request;
let dept: Request;
let photo: string;
let clientNo = 0;
/** Each test speaks from its own address, so only the flood test meets the per-client limit. */
let client = '';
const citizen = (opts: InjectOptions) => t.app.inject({ remoteAddress: client, ...opts });
const countEvents = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`))[0].n;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  dept = (await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' })).request;
  photo = (
    await t.app.inject({
      method: 'POST',
      url: '/api/public/photos',
      remoteAddress: '10.1.1.1',
      ...multipartFile(PNG, 'p.png', 'image/png'),
    })
  ).json().key;
});
afterAll(() => t.close());
beforeEach(() => {
  client = `10.0.0.${++clientNo}`;
});

const report = (extra: Record<string, unknown> = {}) =>
  citizen({
    method: 'POST',
    url: '/api/public/reports',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '小区门口垃圾没人清', ...extra },
  });

describe('citizen reporting without an account', () => {
  it('lists the items a citizen may pick, names only, and takes a photo checked like any other', async () => {
    const items = (await citizen({ method: 'GET', url: '/api/public/catalogue' })).json().items;
    expect(items.find((i: { code: string }) => i.code === 'CG06010')).toMatchObject({ code: 'CG06010', name: expect.any(String) });
    expect(items[0]).not.toHaveProperty('rule');
    const photo = await citizen({ method: 'POST', url: '/api/public/photos', ...multipartFile(PNG, 'p.png', 'image/png') });
    expect(photo.statusCode).toBe(201);
    const fake = await citizen({
      method: 'POST',
      url: '/api/public/photos',
      ...multipartFile(Buffer.from('MZ not an image'), 'x.jpg', 'image/jpeg'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('file.not_an_image');
  });

  it('files the report to the grid of the point and answers with an unguessable tracking code; the phone is sealed and shown to staff masked', async () => {
    const res = await report({ phone: '13812345678', photos: [photo] });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.trackingCode).toMatch(/^420923-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(body).toMatchObject({ status: 'reported', canRate: false, timeline: [{ status: 'reported' }] });
    const second = (await report()).json();
    expect(second.trackingCode).not.toBe(body.trackingCode);
    expect(second.trackingCode.slice(7)).not.toBe(body.trackingCode.slice(7));

    const [stored] = await queryRows<{ id: string; reporter_phone: string; source: string; reporter_id: string | null }>(
      t.db,
      sql`select id, reporter_phone, source, reporter_id from event where case_no = ${body.caseNo}`,
    );
    expect(stored).toMatchObject({ source: 'citizen', reporter_id: null });
    expect(stored.reporter_phone).toMatch(/^v1\./);
    expect(stored.reporter_phone).not.toContain('12345678');
    const seen = (await township({ method: 'GET', url: `/api/events/${stored.id}` })).json();
    expect(seen).toMatchObject({ source: 'citizen', reporterPhone: '138****5678', photos: [photo], ownerCode: FIXTURE.townships[0] });
    expect(seen.history[0].actorName).toBe('市民');
  });

  it('a retried report with the same key creates nothing new', async () => {
    const first = (await report({ idempotencyKey: 'citizen-key-0001' })).json();
    const before = await countEvents();
    const again = await report({ idempotencyKey: 'citizen-key-0001' });
    expect(again.json().trackingCode).toBe(first.trackingCode);
    expect(await countEvents()).toBe(before);
  });

  it('bad input is refused with the field named, and nothing is created', async () => {
    const before = await countEvents();
    const phone = await report({ phone: '1381234567' });
    expect(phone.statusCode).toBe(400);
    expect(phone.json()).toMatchObject({ code: 'request.invalid', details: [{ field: 'body.phone', reason: 'pattern' }] });
    expect((await report({ phone: '23812345678' })).statusCode).toBe(400);
    const item = await report({ itemCode: 'NOPE' });
    expect(item.json()).toMatchObject({ code: 'event.item_unknown', details: [{ field: 'itemCode' }] });
    const outside = await report({ lng: 100, lat: 20 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json()).toMatchObject({ code: 'event.outside_grids', details: [{ field: 'lng', reason: 'outside_all_grids' }] });
    expect((await report({ description: '' })).json().details[0].field).toBe('body.description');
    expect(await countEvents()).toBe(before);
  });
});

describe('following and rating with the tracking code', () => {
  it('shows progress, the reply and times, never a staff name, another reporter or the phone; rates once closed', async () => {
    // With a photo, so it is registered at once (without one the grid team verifies it first: loop-controls test).
    const filed = (await report({ phone: '13912345678', photos: [photo] })).json();
    const other = (await report({ description: '另一位市民的事' })).json();
    const [{ id }] = await queryRows<{ id: string }>(t.db, sql`select id from event where case_no = ${filed.caseNo}`);
    const act = async (request: Request, body: Record<string, unknown>) => {
      const current = (await request({ method: 'GET', url: `/api/events/${id}` })).json();
      const res = await request({ method: 'POST', url: `/api/events/${id}/actions`, payload: { version: current.version, ...body } });
      expect(res.statusCode).toBe(200);
    };
    await act(township, { action: 'accept' });
    const early = await citizen({
      method: 'POST',
      url: `/api/public/reports/${filed.trackingCode}/rating`,
      payload: { rating: 'satisfied' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('event.transition_not_allowed');
    await act(township, { action: 'dispatch', targetUnit: 'YM-CG' });
    await act(dept, { action: 'sign' });
    await act(dept, { action: 'handle', note: '已清运完毕', photos: [photo] });
    await act(township, { action: 'check', photos: [photo] });
    await act(township, { action: 'close' });

    // Typed as a citizen might: lower case, spaces instead of dashes.
    const typed = filed.trackingCode.toLowerCase().replaceAll('-', ' ');
    const tracked = await citizen({ method: 'GET', url: `/api/public/reports/${encodeURIComponent(typed)}` });
    expect(tracked.statusCode).toBe(200);
    const view = tracked.json();
    expect(view).toMatchObject({ caseNo: filed.caseNo, status: 'closed', reply: '已清运完毕', canRate: true, mergedInto: null });
    expect(view.timeline.map((s: { status: string }) => s.status)).toEqual([
      'reported',
      'accepted',
      'dispatched',
      'signed',
      'handled',
      'checked',
      'closed',
    ]);
    const text = tracked.body;
    for (const hidden of [
      'actorName',
      'user',
      'YM-CG',
      '云梦县城市管理执法局',
      '13912345678',
      '139****5678',
      other.caseNo,
      other.trackingCode,
      'reporterPhone',
    ])
      expect(text).not.toContain(hidden);

    const noReason = await citizen({
      method: 'POST',
      url: `/api/public/reports/${filed.trackingCode}/rating`,
      payload: { rating: 'dissatisfied' },
    });
    expect(noReason.json()).toMatchObject({ code: 'event.reason_required', details: [{ field: 'note' }] });
    const rated = await citizen({ method: 'POST', url: `/api/public/reports/${filed.trackingCode}/rating`, payload: { rating: 'basic' } });
    expect(rated.json()).toMatchObject({ status: 'visited', rating: 'basic', canRate: false });
    const again = await citizen({
      method: 'POST',
      url: `/api/public/reports/${filed.trackingCode}/rating`,
      payload: { rating: 'satisfied' },
    });
    expect(again.statusCode).toBe(409);
    const history = (await township({ method: 'GET', url: `/api/events/${id}` })).json().history;
    expect(history.at(-1)).toMatchObject({ action: 'visit', actorName: '市民', data: { rating: 'basic' } });
  });

  it('a code reveals only its own report; an unknown or malformed code answers 404 and says nothing more', async () => {
    const mine = (await report({ description: '我的' })).json();
    const theirs = (await report({ description: '别人的' })).json();
    expect((await citizen({ method: 'GET', url: `/api/public/reports/${mine.trackingCode}` })).json()).toMatchObject({
      caseNo: mine.caseNo,
      description: '我的',
    });
    expect((await citizen({ method: 'GET', url: `/api/public/reports/${theirs.trackingCode}` })).json().caseNo).not.toBe(mine.caseNo);
    const guess = `${mine.trackingCode.slice(0, -1)}${mine.trackingCode.endsWith('2') ? '3' : '2'}`;
    for (const code of [guess, '420923-0000-0000-0000-00']) {
      const res = await citizen({ method: 'GET', url: `/api/public/reports/${code}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'public.not_found' });
    }
  });
});

describe('flood control', () => {
  it('refuses a flood from one client with 429 in the one error shape, in the caller’s language; other clients and staff routes go on', async () => {
    client = '10.9.9.9';
    let last: Awaited<ReturnType<typeof citizen>> | undefined;
    for (let i = 0; i < 31; i++) last = await citizen({ method: 'GET', url: '/api/public/catalogue' });
    expect(last!.statusCode).toBe(429);
    expect(last!.json()).toMatchObject({
      code: 'public.rate_limited',
      message: '操作过于频繁，请稍后再试',
      details: [{ field: 'request', reason: 'rate_limited' }],
    });
    expect(last!.headers['retry-after']).toBeDefined();
    const en = await citizen({ method: 'POST', url: '/api/public/reports', headers: { 'accept-language': 'en' }, payload: {} });
    expect(en.statusCode).toBe(429);
    expect(en.json().message).toBe('Too many requests; please wait a moment and try again');
    client = '10.9.9.10';
    expect((await citizen({ method: 'GET', url: '/api/public/catalogue' })).statusCode).toBe(200);
    for (let i = 0; i < 35; i++)
      expect((await township({ method: 'GET', url: '/api/auth/me', remoteAddress: '10.9.9.9' })).statusCode).toBe(200);
  });
});
