import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARMS } from '../../shared/limits.ts';
import { queryRows } from '../platform/db.ts';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

/**
 * Alarms from video and sensor platforms: posted with an API key issued for the alarms interface, each the first of
 * its device and item within the window becomes a case (source video or sensor), every later one within the window
 * joins that case and is counted; concurrent first alarms make one case; bad input creates nothing.
 */

type Request = Awaited<ReturnType<TestApp['signIn']>>;
// biome-ignore lint/suspicious/noExplicitAny: replies are read field by field, as a client reads JSON
type Json = Record<string, any>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const MINUTE = 60_000;

let t: TestApp;
let alarmsKey: string;
let hotlineKey: string;
const u = {} as Record<'security' | 'county' | 'township', Request>;

beforeAll(async () => {
  t = await createTestApp();
  // The API keys are the security admin's (interfaces.keys).
  u.security = (await t.as(['security_admin'], [FIXTURE.city])).request;
  u.county = (await t.as(['county_center'], [FIXTURE.county])).request;
  u.township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  const issue = async (interfaces: string[]) => {
    const res = await u.security({
      method: 'POST',
      url: '/api/open311/clients',
      payload: { name: '云梦县视频平台', countyCode: FIXTURE.county, interfaces },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().apiKey as string;
  };
  alarmsKey = await issue(['alarms']);
  hotlineKey = await issue(['hotline']);
});
afterAll(async () => {
  await t.close();
});

const now = () => t.clock().toISOString();
const post = (body: Json, key: string | null = alarmsKey) =>
  t.app.inject({ method: 'POST', url: '/api/alarms', headers: key ? { 'x-api-key': key } : {}, payload: body });
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql.raw(`select count(*)::int as n from ${table}`)))[0].n;
const register = (body: Json) => u.county({ method: 'POST', url: '/api/alarms/devices', payload: body });

describe('the device registry', () => {
  it('the county centre registers and edits devices inside its county; others cannot', async () => {
    const res = await register({
      countyCode: FIXTURE.county,
      deviceId: 'CAM-001',
      kind: 'video',
      name: '解放路口 东',
      lng: 113.05,
      lat: 31.05,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ county: { code: FIXTURE.county, name: '云梦县' }, deviceId: 'CAM-001', kind: 'video' });
    expect(
      (await register({ countyCode: FIXTURE.county, deviceId: 'SEN-001', kind: 'sensor', name: '井盖 7 号', lng: 113.3, lat: 31.1 }))
        .statusCode,
    ).toBe(201);
    const again = await register({ countyCode: FIXTURE.county, deviceId: 'CAM-001', kind: 'video', name: '重复', lng: 113.05, lat: 31.05 });
    expect(again.statusCode).toBe(409);
    expect(again.json().details[0].field).toBe('body.deviceId');
    const outside = await register({ countyCode: FIXTURE.county, deviceId: 'CAM-X', kind: 'video', name: '外县', lng: 113.6, lat: 31.1 });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().details[0].field).toBe('body.lng');
    const otherCounty = await register({
      countyCode: FIXTURE.otherCounty,
      deviceId: 'CAM-Y',
      kind: 'video',
      name: '外县',
      lng: 113.6,
      lat: 31.1,
    });
    expect(otherCounty.json()).toMatchObject({ code: 'alarms.county_invalid', details: [{ field: 'body.countyCode' }] });
    expect((await u.township({ method: 'GET', url: '/api/alarms/devices' })).statusCode).toBe(403);

    const moved = await u.county({
      method: 'PUT',
      url: `/api/alarms/devices/${FIXTURE.county}/CAM-001`,
      payload: { kind: 'video', name: '解放路口 东（新）', lng: 113.06, lat: 31.05 },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const list = (await u.county({ method: 'GET', url: '/api/alarms/devices' })).json().items;
    expect(list.map((d: Json) => [d.deviceId, d.name, d.lng])).toEqual([
      ['CAM-001', '解放路口 东（新）', 113.06],
      ['SEN-001', '井盖 7 号', 113.3],
    ]);
    const audited = await queryRows<{ action: string }>(
      t.db,
      sql`select action from audit_log where action like 'alarms.device_%' order by at, action`,
    );
    expect(audited.map((a) => a.action).sort()).toEqual(['alarms.device_registered', 'alarms.device_registered', 'alarms.device_updated']);
  });
});

describe('alarms posted by a platform', () => {
  it('a key missing, unknown or not for alarms: 401, nothing created', async () => {
    const before = await count('event');
    for (const key of [null, 'gz311_nonsense', hotlineKey]) {
      const res = await post({ deviceId: 'CAM-001', itemCode: 'CG09006', occurredAt: now() }, key);
      expect(res.statusCode, String(key)).toBe(401);
      expect(res.json()).toMatchObject({ code: 'alarms.key_invalid', details: [{ field: 'headers.x-api-key' }] });
    }
    expect(await count('event')).toBe(before);
    expect(await count('alarm')).toBe(0);
  });

  it('a camera’s alarm without a point becomes a video case at its registered point with the snapshot; repeats in the window join it', async () => {
    const first = await post({
      deviceId: 'CAM-001',
      itemCode: 'CG09006',
      occurredAt: now(),
      snapshot: PNG.toString('base64'),
      note: '占道经营 置信度 0.93',
    });
    expect(first.statusCode, first.body).toBe(201);
    const receipt = first.json();
    expect(receipt).toMatchObject({ repeat: false, alarmsInWindow: 1, caseNo: expect.stringMatching(/^\d{12}$/) });
    const [row] = await queryRows<Json>(
      t.db,
      sql`select source, channel, lng, lat, photos, status, description from event where id = ${receipt.eventId}`,
    );
    expect(row).toMatchObject({ source: 'video', channel: 'alarms', lng: 113.06, lat: 31.05, status: 'reported' });
    expect(row.photos).toHaveLength(1);
    expect(row.description).toBe('【视频告警】解放路口 东（新）（CAM-001）；告警时间：2026-11-02 09:00；占道经营 置信度 0.93');
    const photo = await u.township({ method: 'GET', url: `/api/files/photos/${row.photos[0]}` });
    expect(photo.rawPayload.equals(PNG)).toBe(true);

    t.advance(ALARMS.dedupMinutes.default * MINUTE - MINUTE);
    const repeat = await post({ deviceId: 'CAM-001', itemCode: 'CG09006', occurredAt: now(), lng: 113.07, lat: 31.06 });
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json()).toMatchObject({ eventId: receipt.eventId, caseNo: receipt.caseNo, repeat: true, alarmsInWindow: 2 });
    // Another item of the same camera is a case of its own.
    const other = await post({ deviceId: 'CAM-001', itemCode: 'CG06010', occurredAt: now() });
    expect(other.statusCode).toBe(201);
    expect(other.json().eventId).not.toBe(receipt.eventId);

    t.advance(2 * MINUTE);
    const later = await post({ deviceId: 'CAM-001', itemCode: 'CG09006', occurredAt: now() });
    expect(later.statusCode, later.body).toBe(201);
    expect(later.json()).toMatchObject({ repeat: false, alarmsInWindow: 1 });
    expect(later.json().eventId).not.toBe(receipt.eventId);
    const kept = await queryRows<Json>(
      t.db,
      sql`select repeat, registered_point, lng from alarm where event_id = ${receipt.eventId} order by occurred_at`,
    );
    expect(kept).toEqual([
      { repeat: false, registered_point: true, lng: 113.06 },
      { repeat: true, registered_point: false, lng: 113.07 },
    ]);
    const audited = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from audit_log where action = 'alarms.alarm_received' and target = ${receipt.eventId}`,
    );
    expect(audited[0].n).toBe(2);
  });

  it('a sensor’s alarm is a sensor case waiting to be verified; an unregistered device with a point is a video case', async () => {
    const sensor = await post({ deviceId: 'SEN-001', itemCode: 'CG06010', occurredAt: now() });
    expect(sensor.statusCode, sensor.body).toBe(201);
    const [s] = await queryRows<Json>(t.db, sql`select source, status, lng from event where id = ${sensor.json().eventId}`);
    expect(s).toEqual({ source: 'sensor', status: 'verifying', lng: 113.3 });
    const stranger = await post({ deviceId: 'CAM-NEW', itemCode: 'CG06010', occurredAt: now(), lng: 113.15, lat: 31.15 });
    expect(stranger.statusCode, stranger.body).toBe(201);
    const [v] = await queryRows<Json>(t.db, sql`select source from event where id = ${stranger.json().eventId}`);
    expect(v.source).toBe('video');
  });

  it('concurrent first alarms of one device and item make one case, and every call gets it', async () => {
    t.advance(60 * MINUTE);
    const before = await count('event');
    const at = now();
    const replies = await Promise.all(Array.from({ length: 6 }, () => post({ deviceId: 'CAM-001', itemCode: 'CG09006', occurredAt: at })));
    expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(replies.map((r) => r.json().eventId)).size).toBe(1);
    expect(await count('event')).toBe(before + 1);
    const [n] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from alarm where event_id = ${replies[0].json().eventId}`,
    );
    expect(n.n).toBe(6);
  });

  it('bad input names its field and creates nothing', async () => {
    t.advance(60 * MINUTE);
    const [events, alarms, windows] = [await count('event'), await count('alarm'), await count('alarm_window')];
    const ok = { deviceId: 'SEN-001', itemCode: 'CG09006', occurredAt: now() };
    const refused: [Json, number, string][] = [
      [{ itemCode: 'XX99999' }, 400, 'itemCode'],
      [{ lng: 100.0, lat: 20.0 }, 422, 'body.lng'],
      [{ lng: 113.6, lat: 31.1 }, 422, 'body.lng'],
      [{ lng: 113.1 }, 400, 'body.lat'],
      [{ deviceId: 'CAM-UNKNOWN' }, 422, 'body.lng'],
      [{ occurredAt: 'yesterday' }, 400, 'occurredAt'],
      [{ occurredAt: new Date(t.clock().getTime() + 60 * MINUTE).toISOString() }, 400, 'body.occurredAt'],
      [{ snapshot: 'not base64!' }, 400, 'body.snapshot'],
      [{ snapshot: Buffer.from('plain text, no image').toString('base64') }, 400, 'body.snapshot'],
      [{ kind: 'radar' }, 400, 'kind'],
      [{ deviceId: '' }, 400, 'deviceId'],
      [{ extra: 1 }, 400, ''],
    ];
    for (const [change, status, field] of refused) {
      const res = await post({ ...ok, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(status);
      expect(
        res
          .json()
          .details.map((d: Json) => d.field)
          .join(' '),
        JSON.stringify(change),
      ).toContain(field);
    }
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/alarms',
      headers: { 'x-api-key': alarmsKey, 'content-type': 'application/json' },
      payload: '{"deviceId": "CAM-001",',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBeTruthy();
    expect([await count('event'), await count('alarm'), await count('alarm_window')]).toEqual([events, alarms, windows]);
    // The refused item left no window behind: the next good alarm opens one and files a case.
    expect((await post(ok)).statusCode).toBe(201);
  });
});
