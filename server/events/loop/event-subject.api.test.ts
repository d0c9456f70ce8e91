import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { HERE, recordPlaces } from '../../testing/record-places.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let county: Request;
let worker: Request;
let r: Awaited<ReturnType<typeof recordPlaces>>;
beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  worker = (await t.as(['grid_worker'], [FIXTURE.grids[0]])).request;
  r = await recordPlaces(t, county);
});
afterAll(() => t.close());

const report = (request: Request, extra: Record<string, unknown>) =>
  request({ method: 'POST', url: '/api/events', payload: { itemCode: 'CG06010', description: '路灯不亮', ...extra } });
const events = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from event`))[0].n;
const refusal = (res: { statusCode: number; json(): { code: string; details: { field: string; reason: string }[] } }) =>
  [
    res.statusCode,
    res.json().code,
    res
      .json()
      .details.map((d) => `${d.field}:${d.reason}`)
      .join(','),
  ].join(' ');

describe('reporting about a base-data record', () => {
  it('not signed in: 401; out of jurisdiction: a record outside the reporter’s grid is not found, and nothing is written', async () => {
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/events',
          payload: { itemCode: 'CG06010', description: 'x', subject: { type: 'facility', key: r.lamp } },
        })
      ).statusCode,
    ).toBe(401);
    const before = await events();
    expect(refusal(await report(worker, { subject: { type: 'facility', key: r.otherTownship } }))).toBe(
      '422 event.subject_not_found subject:not_found',
    );
    expect(refusal(await report(worker, { ...HERE, subject: { type: 'facility', key: r.acrossEdge } }))).toBe(
      '422 event.subject_not_found subject:not_found',
    );
    expect(await events()).toBe(before);
  });

  it('refuses an unknown record, a bad type, a house with no point and a report with no place at all, naming the field; nothing is written', async () => {
    const before = await events();
    expect(refusal(await report(worker, { subject: { type: 'facility', key: '42092301037999999' } }))).toBe(
      '422 event.subject_not_found subject:not_found',
    );
    expect(refusal(await report(worker, { ...HERE, subject: { type: 'person', key: r.lamp } }))).toBe(
      '400 request.invalid body.subject.type:enum',
    );
    expect(refusal(await report(worker, { subject: { type: 'house', key: r.loneHouse } }))).toBe(
      '422 event.subject_no_point subject:no_point',
    );
    expect(refusal(await report(worker, {}))).toBe('400 request.invalid body.lng:required,body.lat:required');
    expect(refusal(await report(worker, { lng: HERE.lng, subject: { type: 'facility', key: r.lamp } }))).toBe(
      '400 request.invalid body.lat:required',
    );
    expect(await events()).toBe(before);
  });

  it('takes the place from the record when the report gives none, and shows the record read from the base data', async () => {
    const res = await report(worker, { subject: { type: 'facility', key: r.lamp } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      lng: HERE.lng,
      lat: HERE.lat,
      gridCode: FIXTURE.grids[0],
      subjectType: 'facility',
      subjectKey: r.lamp,
    });
    expect(res.json().subject).toEqual({ type: 'facility', key: r.lamp, name: '路灯', address: null });
    const flat = (await report(worker, { subject: { type: 'house', key: r.flat } })).json();
    expect(flat).toMatchObject({
      lng: HERE.lng,
      lat: 31.1002,
      subject: { type: 'house', key: r.flat, address: '城关镇朝阳路 8 号 1 栋 1 单元 101' },
    });
  });

  it('keeps the reporter’s point when both are given: they confirmed or corrected it', async () => {
    const res = await report(worker, { lng: 113.03, lat: 31.05, subject: { type: 'facility', key: r.lamp } });
    expect(res.json()).toMatchObject({ lng: 113.03, lat: 31.05, subjectKey: r.lamp });
  });

  it('a centre links a hotline order to an organisation by its credit code as typed; the case keeps the code as registered', async () => {
    const res = await report(county, {
      source: 'hotline',
      reporterName: '李先生',
      subject: { type: 'organisation', key: r.org.toLowerCase() },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'hotline',
      lng: 113.0201,
      subjectKey: r.org,
      subject: { name: '云梦县城关五金有限公司', address: '城关镇朝阳路 3 号' },
    });
  });

  it('the name and address are read when the case is shown, not copied: a renamed organisation shows its new name', async () => {
    const id = (await report(county, { source: 'hotline', subject: { type: 'organisation', key: r.org } })).json().id;
    await t.db.execute(sql`update organisation set name = '云梦县城关五金商行' where credit_code = ${r.org}`);
    expect((await county({ method: 'GET', url: `/api/events/${id}` })).json().subject).toMatchObject({ name: '云梦县城关五金商行' });
  });
});

describe('the cases of a record', () => {
  const list = async (request: Request, query: string) => {
    const res = await request({ method: 'GET', url: `/api/events?${query}` });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists the cases about one record, and only those', async () => {
    const { body } = await list(county, `subjectType=facility&subjectKey=${r.lamp}`);
    expect(body.total).toBe(2);
    expect(body.items.every((e: { subjectKey: string }) => e.subjectKey === r.lamp)).toBe(true);
    expect((await list(county, `subjectType=house&subjectKey=${r.flat}`)).body.total).toBe(1);
    expect((await list(county, `subjectType=building&subjectKey=${r.lamp}`)).body.total).toBe(0);
  });

  it('refuses half a record or an unknown type, naming the field', async () => {
    expect((await list(county, `subjectKey=${r.lamp}`)).body).toMatchObject({
      code: 'request.invalid',
      details: [{ field: 'querystring.subjectType', reason: 'required' }],
    });
    expect((await list(county, `subjectType=person&subjectKey=x`)).body).toMatchObject({
      code: 'request.invalid',
      details: [{ field: 'querystring.subjectType', reason: 'enum' }],
    });
  });

  it('out of jurisdiction: another township lists none of them', async () => {
    const { request } = await t.as(['township_center'], [FIXTURE.townships[1]]);
    expect((await list(request, `subjectType=facility&subjectKey=${r.lamp}`)).body).toMatchObject({ items: [], total: 0 });
  });
});
