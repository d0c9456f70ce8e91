import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { HERE, recordPlaces } from '../../testing/record-places.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
type Item = {
  type: string;
  key: string;
  name: string;
  address: string | null;
  lng: number;
  lat: number;
  distanceMeters: number;
  classCode: string | null;
};
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

const nearby = async (request: Request, query: string) => {
  const res = await request({ method: 'GET', url: `/api/registry/nearby?${query}` });
  return { status: res.statusCode, body: res.json(), items: (res.json().items ?? []) as Item[] };
};
const at = (p: { lng: number; lat: number }) => `lng=${p.lng}&lat=${p.lat}`;

describe('records near a point', () => {
  it('not signed in: 401; a department handler (no base-data reading) gets 403', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/registry/nearby?${at(HERE)}` })).statusCode).toBe(401);
    const { request } = await t.as(['department_handler'], [FIXTURE.county], { departmentCode: 'YM-CG' });
    expect((await nearby(request, at(HERE))).status).toBe(403);
  });

  it('lists components, organisations and buildings within 100 m, nearest first, with their distance and point', async () => {
    const { status, items } = await nearby(worker, at(HERE));
    expect(status).toBe(200);
    expect(items.map((i) => `${i.type}:${i.key}`)).toEqual([
      `facility:${r.lamp}`,
      `organisation:${r.org}`,
      `building:${r.building}`,
      `facility:${r.lamp56m}`,
    ]);
    expect(items.map((i) => i.distanceMeters)).toEqual([0, 10, 22, 56]);
    expect(items[1]).toMatchObject({ name: '云梦县城关五金有限公司', address: '城关镇朝阳路 3 号', lng: 113.0201, lat: HERE.lat });
    expect(items[2]).toMatchObject({ name: '朝阳小区1 栋', address: '城关镇朝阳路 8 号 1 栋' });
    // A component names its class (the report form offers the catalogue item of that class); other records none.
    expect(items.map((i) => i.classCode)).toEqual(['01037', null, null, '01037']);
  });

  it('answers no phones, ID numbers or people: each item is a place and nothing more', async () => {
    const { items, body } = await nearby(worker, at(HERE));
    for (const item of items)
      expect(Object.keys(item).sort()).toEqual(['address', 'classCode', 'distanceMeters', 'key', 'lat', 'lng', 'name', 'type']);
    const text = JSON.stringify(body);
    for (const secret of ['13872009876', '9876', '刘敏', '王志强']) expect(text).not.toContain(secret);
  });

  it('takes a wider radius up to a cap; a radius past it is refused naming the field', async () => {
    expect((await nearby(worker, `${at(HERE)}&radius=200`)).items.map((i) => i.key)).toContain(r.cover150m);
    expect((await nearby(worker, `${at(HERE)}&radius=30`)).items.map((i) => i.key)).toEqual([r.lamp, r.org, r.building]);
    const tooWide = await nearby(worker, `${at(HERE)}&radius=501`);
    expect(tooWide.status).toBe(400);
    expect(tooWide.body.details).toMatchObject([{ field: 'querystring.radius', reason: 'maximum' }]);
  });

  it('out of jurisdiction: a component just across the grid edge is the county’s to see, not the grid worker’s', async () => {
    const edge = { lng: 113.0498, lat: HERE.lat };
    expect((await nearby(county, at(edge))).items.map((i) => i.key)).toEqual([r.acrossEdge]);
    expect((await nearby(worker, at(edge))).items).toEqual([]);
  });
});

describe('records by name or code', () => {
  const lookup = async (request: Request, q: string) => {
    const res = await request({ method: 'GET', url: `/api/registry/lookup?q=${encodeURIComponent(q)}` });
    return {
      status: res.statusCode,
      body: res.json(),
      items: (res.json().items ?? []) as (Omit<Item, 'distanceMeters' | 'lng' | 'lat'> & { lng: number | null; lat: number | null })[],
    };
  };

  it('not signed in: 401; an empty query is refused naming q', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/registry/lookup?q=x' })).statusCode).toBe(401);
    expect((await lookup(worker, '')).body.details).toMatchObject([{ field: 'querystring.q' }]);
  });

  it('finds by part of a name or address, and a whole code first; a house stands at its building’s point', async () => {
    const byName = (await lookup(worker, '朝阳')).items.map((i) => `${i.type}:${i.key}`);
    expect(byName).toEqual([`building:${r.building}`, `house:${r.flat}`, `house:${r.loneHouse}`]);
    expect((await lookup(worker, '五金')).items.map((i) => `${i.type}:${i.key}`)).toEqual([`organisation:${r.org}`]);
    expect((await lookup(worker, '路灯')).items.map((i) => i.key)).toEqual([r.lamp, r.lamp56m]); // not the one across the grid edge
    expect((await lookup(worker, r.lamp)).items[0]).toMatchObject({
      type: 'facility',
      key: r.lamp,
      name: '路灯',
      lng: HERE.lng,
      lat: HERE.lat,
    });
    expect((await lookup(worker, r.org.toLowerCase())).items[0]).toMatchObject({ type: 'organisation', key: r.org });
    const flat = (await lookup(worker, r.flat)).items[0];
    expect(flat).toMatchObject({ type: 'house', key: r.flat, lng: HERE.lng, lat: 31.1002 });
    expect(JSON.stringify(flat)).not.toContain('13800001111');
    expect((await lookup(worker, r.loneHouse)).items[0]).toMatchObject({ type: 'house', key: r.loneHouse, lng: null, lat: null });
  });

  it('out of jurisdiction: a component in another township is not found by its code', async () => {
    expect((await lookup(worker, r.otherTownship)).items).toEqual([]);
    expect((await lookup(county, r.otherTownship)).items.map((i) => i.key)).toEqual([r.otherTownship]);
  });
});
