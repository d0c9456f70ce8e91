import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, square } from '../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../testing/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const feature = (code: string, geometry: unknown, name = `网格${code.slice(-3)}`) => ({
  type: 'Feature',
  properties: { code, name },
  geometry,
});
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const v3 = FIXTURE.villages[3]; // [113.3, 31.0]–[113.4, 31.2], grids 001 and 002 today

describe('grid import', () => {
  it('not signed in: 401', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/territory/grids/import', payload: fc() })).statusCode).toBe(401);
  });

  it('wrong role: a grid worker may not import', async () => {
    const { request } = await t.as(['grid_worker'], [FIXTURE.county]);
    expect((await request({ method: 'POST', url: '/api/territory/grids/import', payload: fc() })).statusCode).toBe(403);
  });

  it('out of jurisdiction: a township admin cannot import grids of another township', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.townships[0]]);
    const res = await request({
      method: 'POST',
      url: '/api/territory/grids/import',
      payload: fc(feature(`${v3}003`, square(113.36, 31.0, 113.4, 31.2))),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().details.map((d: { reason: string }) => d.reason)).toContain('grid.out_of_jurisdiction');
  });

  it('refuses a file with every kind of problem, lists each (index, code, reason), and changes nothing', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const before = (await request({ method: 'GET', url: `/api/territory/grids?area=${FIXTURE.county}` })).json();
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [113.31, 31.01],
          [113.33, 31.03],
          [113.33, 31.01],
          [113.31, 31.03],
          [113.31, 31.01],
        ],
      ],
    };
    const res = await request({
      method: 'POST',
      url: '/api/territory/grids/import',
      payload: fc(
        feature(`${v3}010`, {
          type: 'Polygon',
          coordinates: [
            [
              [113.3, 31.0],
              [113.31, 31.0],
            ],
          ],
        }), // 0 broken
        feature(`${v3}011`, bowTie), // 1 self-intersecting
        feature(`${v3}012`, square(113.38, 31.0, 113.45, 31.05)), // 2 outside its village
        feature(`${FIXTURE.villages[2]}003`, square(113.2, 31.0, 113.22, 31.05)), // 3 overlaps 420923101201001
        feature(`${v3}013`, square(113.3, 31.15, 113.31, 31.16)), // 4 duplicate of 5 …
        feature(`${v3}013`, square(113.32, 31.15, 113.33, 31.16)), // 5
        feature('12345', square(113.3, 31.1, 113.31, 31.11)), // 6 bad code
        feature(`${v3}014`, square(113.34, 31.17, 113.35, 31.18), ''), // 7 no name
      ),
    });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('territory.import_invalid');
    const got = body.details.map((d: { index: number; reason: string }) => `${d.index}:${d.reason}`);
    for (const want of [
      '0:grid.geometry_invalid',
      '1:grid.self_intersection',
      '2:grid.outside_parent',
      '3:grid.overlaps_sibling',
      '5:grid.duplicate_code',
      '6:grid.code_invalid',
      '7:grid.name_invalid',
    ]) {
      expect(got).toContain(want);
    }
    expect(body.details.find((d: { index: number }) => d.index === 3)).toMatchObject({
      field: 'features[3]',
      code: `${FIXTURE.villages[2]}003`,
    });
    const after = (await request({ method: 'GET', url: `/api/territory/grids?area=${FIXTURE.county}` })).json();
    expect(after).toEqual(before);
  });

  it('imports a valid file: replaces grids with the same code, adds new ones, and locate follows at once', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    expect((await t.services.territory.locate(113.39, 31.1))?.grid.code).toBe(`${v3}002`);
    const res = await request({
      method: 'POST',
      url: '/api/territory/grids/import',
      payload: fc(feature(`${v3}001`, square(113.3, 31.0, 113.33, 31.2)), feature(`${v3}002`, square(113.33, 31.0, 113.36, 31.2)), {
        ...feature(`${v3}003`, square(113.36, 31.0, 113.4, 31.2), '新网格'),
        properties: { code: `${v3}003`, name: '新网格', households: 120, population: 350 },
      }),
    });
    expect(res.json()).toEqual({ imported: 1, replaced: 2 });
    expect((await t.services.territory.locate(113.39, 31.1))?.grid).toEqual({ code: `${v3}003`, name: '新网格' });
    const grid = (await request({ method: 'GET', url: `/api/territory/grids/${v3}003` })).json();
    expect(grid).toMatchObject({ households: 120, population: 350 });
  });

  it('exports grids as GeoJSON that imports back unchanged', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const exported = await request({ method: 'GET', url: `/api/territory/grids/export?area=${FIXTURE.townships[1]}` });
    expect(exported.headers['content-disposition']).toContain(`grids-${FIXTURE.townships[1]}.geojson`);
    const file = exported.json();
    expect(file.features).toHaveLength(5);
    expect(file.features[0].properties).toMatchObject({ code: FIXTURE.grids[4], name: '网格5' });
    const again = await request({ method: 'POST', url: '/api/territory/grids/import', payload: file });
    expect(again.json()).toEqual({ imported: 0, replaced: 5 });
  });
});

describe('professional networks (多网合一)', () => {
  it('wrong role: a township user may not define networks', async () => {
    const { request } = await t.as(['township_center'], [FIXTURE.townships[0]]);
    expect(
      (await request({ method: 'POST', url: '/api/territory/networks', payload: { code: 'x', name: 'x', kind: 'other' } })).statusCode,
    ).toBe(403);
  });

  it('defines a network, imports its units, and maps each grid to the units it overlaps', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    const created = await request({
      method: 'POST',
      url: '/api/territory/networks',
      payload: { code: 'police', name: '警务网格', kind: 'police_beat' },
    });
    expect(created.statusCode).toBe(201);
    // Beat A covers the first village and half of the second; beat B the rest of township 100.
    const units = await request({
      method: 'POST',
      url: '/api/territory/networks/police/units',
      payload: fc(
        { type: 'Feature', properties: { code: 'A', name: '东街警务区' }, geometry: square(113.0, 31.0, 113.15, 31.2) },
        { type: 'Feature', properties: { code: 'B', name: '西街警务区' }, geometry: square(113.15, 31.0, 113.2, 31.2) },
      ),
    });
    expect(units.json()).toEqual({ imported: 2, links: 4 });
    const g = (code: string) =>
      request({ method: 'GET', url: `/api/territory/grids/${code}` }).then((r) =>
        r.json().professionalUnits.map((u: { unitCode: string }) => u.unitCode),
      );
    expect(await g(FIXTURE.grids[0])).toEqual(['A']);
    expect(await g(FIXTURE.grids[2])).toEqual(['A']);
    expect(await g(FIXTURE.grids[3])).toEqual(['B']);
    expect(await g(FIXTURE.grids[4])).toEqual([]);
    const list = (await request({ method: 'GET', url: '/api/territory/networks' })).json().items;
    expect(list).toEqual([{ code: 'police', name: '警务网格', kind: 'police_beat', unitCount: 2 }]);
  });

  it('refuses a network with an unknown kind and units without codes', async () => {
    const { request } = await t.as(['county_center'], [FIXTURE.county]);
    expect(
      (await request({ method: 'POST', url: '/api/territory/networks', payload: { code: 'r', name: '路段', kind: 'moon' } })).statusCode,
    ).toBe(400);
    const bad = await request({
      method: 'POST',
      url: '/api/territory/networks/police/units',
      payload: fc({ type: 'Feature', properties: { name: 'x' }, geometry: square(113, 31, 113.1, 31.1) }),
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().details[0]).toMatchObject({ index: 0, reason: 'unit.code_invalid' });
  });
});
