import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('area tree and grids', () => {
  it('not signed in: 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/territory/areas' })).statusCode).toBe(401);
  });

  it('wrong role: an audit admin cannot read the territory', async () => {
    const { request } = await t.as(['audit_admin'], [FIXTURE.city]);
    expect((await request({ method: 'GET', url: '/api/territory/areas' })).statusCode).toBe(403);
  });

  it('out of jurisdiction: a township user sees only its subtree; every other id answers 404', async () => {
    const { request } = await t.as(['township_center'], [FIXTURE.townships[0]]);
    const roots = (await request({ method: 'GET', url: '/api/territory/areas' })).json().items;
    expect(roots.map((r: { code: string }) => r.code)).toEqual([FIXTURE.townships[0]]);
    for (const url of [
      `/api/territory/areas/${FIXTURE.county}`,
      `/api/territory/areas/${FIXTURE.townships[1]}`,
      `/api/territory/areas/${FIXTURE.county}/children`,
      `/api/territory/grids/${FIXTURE.grids[4]}`,
      `/api/territory/grids?area=${FIXTURE.villages[2]}`,
    ]) {
      const res = await request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
    }
    const grids = (await request({ method: 'GET', url: `/api/territory/grids?area=${FIXTURE.townships[0]}` })).json();
    expect(grids.features.map((f: { id: string }) => f.id)).toEqual(FIXTURE.grids.slice(0, 4));
  });

  it('a city user browses city → county → township → village → grid', async () => {
    const { request } = await t.as(['city_center'], [FIXTURE.city]);
    const get = async (url: string) => (await request({ method: 'GET', url })).json();
    expect((await get('/api/territory/areas')).items).toEqual([
      expect.objectContaining({ code: FIXTURE.city, level: 'city', childCount: 2, gridCount: 8 }),
    ]);
    expect((await get(`/api/territory/areas/${FIXTURE.city}/children`)).items.map((a: { name: string }) => a.name)).toEqual([
      '孝南区',
      '云梦县',
    ]);
    expect((await get(`/api/territory/areas/${FIXTURE.county}/children`)).items).toEqual([
      expect.objectContaining({ code: FIXTURE.townships[0], level: 'township', childCount: 2, gridCount: 4 }),
      expect.objectContaining({ code: FIXTURE.townships[1], level: 'township', childCount: 2, gridCount: 4 }),
    ]);
    const grids = (await get(`/api/territory/areas/${FIXTURE.villages[0]}/children`)).items;
    expect(grids).toEqual([
      expect.objectContaining({ code: FIXTURE.grids[0], level: 'grid', parentCode: FIXTURE.villages[0] }),
      expect.objectContaining({ code: FIXTURE.grids[1], level: 'grid' }),
    ]);
    const village = await get(`/api/territory/areas/${FIXTURE.villages[0]}`);
    expect(village.path.map((p: { code: string }) => p.code)).toEqual([FIXTURE.city, FIXTURE.county, FIXTURE.townships[0]]);
    expect(village.bbox).toEqual([113.0, 31.0, 113.1, 31.2]);
  });

  it('shows a grid with code, path, area in m², figures, team with masked phones, and claims', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const res = await request({ method: 'GET', url: `/api/territory/grids/${FIXTURE.grids[0]}` });
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g).toMatchObject({ code: FIXTURE.grids[0], villageCode: FIXTURE.villages[0], households: 300, population: 900 });
    expect(g.path.map((p: { level: string }) => p.level)).toEqual(['city', 'county', 'township', 'village']);
    // 0.05° × 0.2° at 31°N ≈ 4.77 km × 22.2 km
    expect(g.areaM2).toBeGreaterThan(100e6);
    expect(g.areaM2).toBeLessThan(110e6);
  });
});

describe('locate', () => {
  it('answers the grid, village, township and county of a point', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const res = await request({ method: 'GET', url: '/api/territory/locate?lng=113.26&lat=31.1' });
    expect(res.json()).toMatchObject({
      found: true,
      grid: { code: FIXTURE.grids[5] },
      village: { code: FIXTURE.villages[2], name: '村3' },
      township: { code: FIXTURE.townships[1], name: '义堂镇' },
      county: { code: FIXTURE.county, name: '云梦县' },
    });
  });

  it('says clearly when a point is in no grid, or outside the caller’s jurisdiction', async () => {
    const { request } = await t.as(['township_center'], [FIXTURE.townships[0]]);
    expect((await request({ method: 'GET', url: '/api/territory/locate?lng=100&lat=20' })).json()).toEqual({
      found: false,
      reason: 'outside_all_grids',
    });
    expect((await request({ method: 'GET', url: '/api/territory/locate?lng=113.26&lat=31.1' })).json()).toMatchObject({
      found: false,
      reason: 'outside_jurisdiction',
      grid: { code: FIXTURE.grids[5] }, // named: a report made there goes to that grid's centre
      township: { code: FIXTURE.townships[1], name: '义堂镇' },
    });
  });

  it('refuses out-of-range and non-numeric coordinates with field details', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const range = await request({ method: 'GET', url: '/api/territory/locate?lng=200&lat=31' });
    expect(range.statusCode).toBe(400);
    expect(range.json()).toMatchObject({ code: 'territory.coordinate_out_of_range', details: [{ field: 'lng', reason: 'range' }] });
    const text = await request({ method: 'GET', url: '/api/territory/locate?lng=east&lat=31' });
    expect(text.statusCode).toBe(400);
    expect(text.json().details[0]).toMatchObject({ field: 'querystring.lng', reason: 'type' });
  });

  it('the in-server function agrees with the API', async () => {
    expect((await t.services.territory.locate(113.01, 31.01))?.grid.code).toBe(FIXTURE.grids[0]);
    expect(await t.services.territory.locate(0, 0)).toBeNull();
  });
});
