import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
/** About 20 m north-east of the first report's point. */
const NEAR = { lng: 113.0101, lat: 31.0102 };

let t: TestApp;
let worker: Request;
let worker2: Request;
let township: Request;
let county: Request;
let photo: string;
beforeAll(async () => {
  t = await createTestApp();
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  worker2 = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

const report = (request: Request, extra: Record<string, unknown> = {}) =>
  request({
    method: 'POST',
    url: '/api/events',
    payload: { itemCode: 'CG06010', lng: 113.01, lat: 31.01, description: '路口垃圾堆放', photos: [photo], ...extra },
  });
const get = (request: Request, id: string) => request({ method: 'GET', url: `/api/events/${id}` });
const nearby = (request: Request, q: Record<string, string | number>) =>
  request({ method: 'GET', url: `/api/events/nearby?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}` });
const countOf = async (table: 'event' | 'event_action') =>
  (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;

describe('hotline, department and video intake by centre staff', () => {
  it('records the source, the caller and the work-order number; the phone is sealed and shown masked', async () => {
    const res = await report(county, {
      source: 'hotline',
      reporterName: '王先生',
      reporterPhone: '13812345678',
      externalNo: '12345-20261102-0007',
      description: '来电反映路口垃圾',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'hotline',
      reporterName: '王先生',
      reporterPhone: '138****5678',
      externalNo: '12345-20261102-0007',
      reports: 1,
      repeat: false,
    });
    const [row] = await queryRows<{ reporter_phone: string }>(t.db, sql`select reporter_phone from event where id = ${res.json().id}`);
    expect(row.reporter_phone).toMatch(/^v1\./);
    expect(row.reporter_phone).not.toContain('12345678');
    const listed = (await township({ method: 'GET', url: '/api/events' })).json().items.find((e: { id: string }) => e.id === res.json().id);
    expect(listed.reporterPhone).toBe('138****5678');
    const landline = await report(county, { source: 'video', reporterPhone: '0712-4321234', externalNo: 'SP-0001' });
    expect(landline.json()).toMatchObject({ source: 'video', reporterPhone: '071****1234' });
  });

  it('a grid worker keeps reporting as grid_worker: naming a caller or another source is refused and creates nothing', async () => {
    const before = await countOf('event');
    const named = await report(worker, { reporterName: '王先生' });
    expect(named.statusCode).toBe(403);
    expect(named.json()).toMatchObject({ code: 'event.intake_not_allowed', details: [{ field: 'reporterName' }] });
    expect((await report(worker, { source: 'hotline' })).json()).toMatchObject({
      code: 'event.intake_not_allowed',
      details: [{ field: 'source' }],
    });
    expect((await report(county, { source: 'citizen' })).json().code).toBe('event.intake_not_allowed');
    const phone = await report(county, { source: 'hotline', reporterPhone: '138-1234' });
    expect(phone.json()).toMatchObject({ code: 'request.invalid', details: [{ field: 'body.reporterPhone' }] });
    expect(await countOf('event')).toBe(before);
    expect((await report(worker, { source: 'grid_worker' })).json().source).toBe('grid_worker');
  });
});

describe('repeats and "me too"', () => {
  it('offers open cases of the same item within the radius and window, in the caller’s jurisdiction only', async () => {
    const first = (await report(worker)).json();
    const found = (await nearby(worker2, { itemCode: 'CG06010', ...NEAR })).json().items;
    expect(found.map((e: { id: string }) => e.id)).toContain(first.id);
    expect(found.find((e: { id: string }) => e.id === first.id)).toMatchObject({
      caseNo: first.caseNo,
      reports: 1,
      repeat: false,
      distanceMeters: expect.any(Number),
    });
    expect(found.find((e: { id: string }) => e.id === first.id).distanceMeters).toBeLessThan(50);
    expect(
      (await nearby(worker2, { itemCode: 'CG06010', lng: 113.011, lat: 31.01 })).json().items.map((e: { id: string }) => e.id),
    ).not.toContain(first.id); // ~95 m
    expect((await nearby(worker2, { itemCode: 'CG06020', ...NEAR })).json().items).toEqual([]);
    const { request: elsewhere } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await nearby(elsewhere, { itemCode: 'CG06010', ...NEAR })).json().items).toEqual([]);
    expect((await nearby(worker2, { itemCode: 'CG06010', lng: 200, lat: 31 })).json()).toMatchObject({
      code: 'request.invalid',
      details: [{ field: 'querystring.lng' }],
    });
  });

  it('"me too" adds a report to the case (once per key) with an action carrying the note and photos; three reports make a repeat case', async () => {
    const first = (await report(worker, { lng: 113.02, lat: 31.02 })).json();
    const events = await countOf('event');
    const joined = await report(worker2, {
      lng: 113.0201,
      lat: 31.0201,
      description: '我也看到了',
      sameAs: first.id,
      idempotencyKey: 'metoo-0001-x',
    });
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toMatchObject({ id: first.id, reports: 2, repeat: false, version: first.version, warning: 'blue' });
    const retried = await report(worker2, {
      lng: 113.0201,
      lat: 31.0201,
      description: '我也看到了',
      sameAs: first.id,
      idempotencyKey: 'metoo-0001-x',
    });
    expect(retried.json().reports).toBe(2);
    const three = (await report(township, { lng: 113.0201, lat: 31.0201, description: '又有人反映', sameAs: first.id })).json();
    expect(three).toMatchObject({ reports: 3, repeat: true, warning: 'light_red' });
    expect(await countOf('event')).toBe(events);
    const steps = three.history.filter((h: { action: string }) => h.action === 'me_too');
    expect(steps).toHaveLength(2);
    expect(steps[0]).toMatchObject({
      note: '我也看到了',
      photos: [photo],
      fromStatus: 'reported',
      toStatus: 'reported',
      data: { reports: 2 },
    });
    expect(
      (await nearby(worker, { itemCode: 'CG06010', lng: 113.02, lat: 31.02 })).json().items.find((e: { id: string }) => e.id === first.id),
    ).toMatchObject({ reports: 3, repeat: true });
  });

  it('one person counts once per case: a second "me too" under another key, or one on their own report, is refused by name and changes nothing', async () => {
    const first = (await report(worker, { lng: 113.025, lat: 31.025 })).json();
    const again = { lng: 113.0251, lat: 31.0251, description: '再报一次', sameAs: first.id };
    expect((await report(worker2, { ...again, idempotencyKey: 'metoo-once-a' })).json().reports).toBe(2);
    const actions = await countOf('event_action');
    for (const [who, key] of [
      [worker2, 'metoo-once-b'], // another key: not a retry, a second count
      [worker2, undefined],
      [worker, 'metoo-once-c'], // the reporter themself
    ] as const) {
      const refused = await report(who, { ...again, ...(key ? { idempotencyKey: key } : {}) });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'event.already_reported',
        message: expect.stringContaining('一次'),
        details: [{ field: 'sameAs', reason: 'once_per_person', value: first.id }],
      });
    }
    expect(await countOf('event_action')).toBe(actions);
    expect((await get(township, first.id)).json().reports).toBe(2);
    // The first key again is still a retry of the one that counted: the case, no error.
    const retried = await report(worker2, { ...again, idempotencyKey: 'metoo-once-a' });
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toMatchObject({ id: first.id, reports: 2 });
  });

  it('a new report of the same item nearby is flagged to the accepting centre as a possible repeat, both ways; another item or place is not', async () => {
    const first = (await report(worker, { lng: 113.035, lat: 31.035 })).json();
    const second = (await report(worker2, { lng: 113.0351, lat: 31.0351 })).json(); // ~15 m, not a "me too"
    expect(second.id).not.toBe(first.id);
    expect(second.possibleRepeats).toEqual([
      expect.objectContaining({ id: first.id, caseNo: first.caseNo, reports: 1, distanceMeters: expect.any(Number) }),
    ]);
    expect(second.possibleRepeats[0].distanceMeters).toBeLessThan(50);
    expect((await get(township, first.id)).json().possibleRepeats.map((r: { id: string }) => r.id)).toEqual([second.id]);
    const otherItem = (await report(worker2, { lng: 113.0351, lat: 31.0351, itemCode: 'CG06011' })).json();
    expect(otherItem.possibleRepeats).toEqual([]);
    const far = (await report(worker2, { lng: 113.037, lat: 31.035 })).json(); // ~190 m
    expect(far.possibleRepeats).toEqual([]);
  });

  it('"me too" on a finished case, or one outside the caller’s jurisdiction, is refused and changes nothing', async () => {
    const voided = (await report(worker, { lng: 113.03, lat: 31.03 })).json();
    await township({ method: 'POST', url: `/api/events/${voided.id}/actions`, payload: { action: 'void', version: 1, note: '无效' } });
    const { request: other } = await t.as(['grid_worker'], [FIXTURE.grids[4]]);
    const theirs = (await report(other, { lng: 113.21, lat: 31.01 })).json();
    const actions = await countOf('event_action');
    const closed = await report(worker2, { sameAs: voided.id });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'event.same_as_closed', details: [{ field: 'sameAs' }] });
    expect((await report(worker2, { sameAs: theirs.id })).statusCode).toBe(404);
    expect(await countOf('event_action')).toBe(actions);
    expect((await get(township, voided.id)).json().reports).toBe(1);
  });

  it('merging a duplicate adds its reports to the master in the same step; a bad master changes nothing', async () => {
    const master = (await report(worker, { lng: 113.04, lat: 31.04 })).json();
    const duplicate = (await report(worker2, { lng: 113.0401, lat: 31.0401 })).json();
    await report(township, { sameAs: duplicate.id, lng: 113.0401, lat: 31.0401 }); // the duplicate has 2 reports

    for (const [masterId, reason] of [
      ['00000000-0000-4000-8000-000000000000', 'not_found'],
      [duplicate.id, 'self'],
    ]) {
      const bad = await township({
        method: 'POST',
        url: `/api/events/${duplicate.id}/actions`,
        payload: { action: 'merge', version: 1, masterId },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'event.master_invalid', details: [{ field: 'masterId', reason }] });
    }
    const unchanged = (await get(township, duplicate.id)).json();
    expect(unchanged).toMatchObject({ status: 'reported', version: 1, reports: 2 });
    expect(unchanged.history.map((h: { action: string }) => h.action)).toEqual(['report', 'me_too']);

    const merged = await township({
      method: 'POST',
      url: `/api/events/${duplicate.id}/actions`,
      payload: { action: 'merge', version: 1, masterId: master.id },
    });
    expect(merged.json()).toMatchObject({ status: 'merged' });
    const after = (await get(township, master.id)).json();
    expect(after).toMatchObject({ reports: 3, repeat: true, version: master.version });
    expect(after.history.at(-1)).toMatchObject({
      action: 'duplicate_merged',
      data: { duplicateId: duplicate.id, caseNo: duplicate.caseNo, reports: 2, total: 3 },
    });
  });

  it('a case reported longer ago than the window (7 days by default) is no longer offered', async () => {
    const old = (await report(worker, { lng: 113.045, lat: 31.045 })).json();
    const near = { itemCode: 'CG06010', lng: 113.045, lat: 31.045 };
    expect((await nearby(worker, near)).json().items.map((e: { id: string }) => e.id)).toContain(old.id);
    t.advance(8 * 86_400_000);
    const { request: later } = await t.as(['grid_worker'], [FIXTURE.grids[0]]);
    expect((await nearby(later, near)).json().items.map((e: { id: string }) => e.id)).not.toContain(old.id);
  });
});
