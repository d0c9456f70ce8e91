import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { multipartFile } from '../../testing/multipart.ts';
import { queryRows } from '../db.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

let t: TestApp;
let city: Request;
let county: Request;
let worker: Request;
let township: Request;
let photo: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.execute(sql`insert into department (code, name, area_code) values ('YM-CG', '云梦县城市管理执法局', '420923')`);
  city = (await t.as(['city_center'], [FIXTURE.city])).request;
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  township = (await t.as(['township_center'], [FIXTURE.townships[0]])).request;
  photo = (await worker({ method: 'POST', url: '/api/files/photos', ...multipartFile(PNG, 'p.png', 'image/png') })).json().key;
});
afterAll(() => t.close());

/** The handling deadline of a 20-working-day case dispatched now (Monday 2 November 2026, 09:00). */
async function handlingDue(): Promise<string> {
  const created = (
    await worker({
      method: 'POST',
      url: '/api/events',
      payload: { itemCode: 'CG06001', lng: 113.01, lat: 31.01, description: '违章搭建', photos: [photo] },
    })
  ).json();
  const act = (body: Record<string, unknown>) =>
    township({ method: 'POST', url: `/api/events/${created.id}/actions`, payload: body }).then((r) => r.json());
  const accepted = await act({ action: 'accept', version: 1 });
  return (await act({ action: 'dispatch', version: accepted.version, targetUnit: 'YM-CG' })).dueAt;
}
const setDay = (request: Request, day: string, body: Record<string, unknown>) =>
  request({ method: 'PUT', url: `/api/calendar/days/${day}`, payload: body });

describe('calendar overrides', () => {
  it('a day an administrator takes off moves the deadlines counted across it', async () => {
    expect(await handlingDue()).toBe(new Date('2026-11-30T17:30:00+08:00').toISOString());
    const res = await setDay(city, '2026-11-03', { kind: 'holiday', note: '防汛调休' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ day: '2026-11-03', kind: 'holiday', official: 'workday', note: '防汛调休' });
    expect(await handlingDue()).toBe(new Date('2026-12-01T17:30:00+08:00').toISOString());
    expect((await city({ method: 'GET', url: '/api/calendar/days?year=2026' })).json().items).toMatchObject([
      { day: '2026-11-03', kind: 'holiday' },
    ]);
    expect((await city({ method: 'GET', url: '/api/calendar/days?year=2027' })).json().items).toEqual([]);
  });

  it('a Saturday made a working day counts, and dropping an override restores the official table', async () => {
    expect((await setDay(city, '2026-11-07', { kind: 'workday' })).json()).toMatchObject({ official: 'holiday', note: null });
    expect(await handlingDue()).toBe(new Date('2026-11-30T17:30:00+08:00').toISOString());
    expect((await city({ method: 'DELETE', url: '/api/calendar/days/2026-11-07' })).statusCode).toBe(204);
    expect((await city({ method: 'DELETE', url: '/api/calendar/days/2026-11-03' })).statusCode).toBe(204);
    expect(await handlingDue()).toBe(new Date('2026-11-30T17:30:00+08:00').toISOString());
    const gone = await city({ method: 'DELETE', url: '/api/calendar/days/2026-11-03' });
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ code: 'calendar.day_not_found', details: [{ field: 'params.day' }] });
    const audited = await queryRows<{ action: string }>(t.db, sql`select action from audit_log where action like 'calendar.%' order by id`);
    expect(audited.map((a) => a.action)).toEqual(['calendar.set_day', 'calendar.set_day', 'calendar.remove_day', 'calendar.remove_day']);
  });

  it('refuses a date that does not exist, a malformed one and an unknown kind, naming the field; nothing is saved', async () => {
    const impossible = await setDay(city, '2026-02-30', { kind: 'holiday' });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json()).toMatchObject({ code: 'calendar.day_invalid', details: [{ field: 'params.day', reason: 'date' }] });
    expect((await setDay(city, '2026-1-3', { kind: 'holiday' })).json().details[0].field).toBe('params.day');
    expect((await setDay(city, '2026-11-09', { kind: 'weekend' })).json().details[0].field).toBe('body.kind');
    expect((await city({ method: 'GET', url: '/api/calendar/days' })).json().items).toEqual([]);
  });

  it('only the city centre and the system administrator may edit or read overrides', async () => {
    expect((await setDay(county, '2026-11-09', { kind: 'holiday' })).statusCode).toBe(403);
    expect((await county({ method: 'GET', url: '/api/calendar/days' })).statusCode).toBe(403);
  });
});
