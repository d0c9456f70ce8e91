import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import * as territoryStore from '../../territory/index.ts';
import { bboxOf } from '../../territory/index.ts';
import { FIXTURE, square } from '../../testing/fixtures.ts';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { importFile } from '../../testing/import-job.ts';
import { makeIdNumber } from '../records/identifiers.core.ts';

type Request = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let county: Request;
let otherTownship: Request;
const B = '420923100001-07';
const OWNER_ID = makeIdNumber('420923', '1966-06-06', 121, 'male');
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\n'));
const count = async (table: string) => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const fields = (res: { json(): { details: { field: string; reason: string }[] } }) =>
  res.json().details.map((d) => `${d.field}:${d.reason}`);
const house = {
  code: 'H7-301',
  buildingCode: B,
  unit: '1 单元',
  floor: 3,
  room: '301',
  use: '01',
  areaM2: 89.5,
  ownerName: '张三',
  ownerIdNumber: OWNER_ID,
  ownerPhone: '13800001111',
  rented: true,
  rentalUse: '02',
  rentalCategory: '02',
  rentalLevel: 'B',
  hazards: ['01'],
};

beforeAll(async () => {
  t = await createTestApp();
  county = (await t.as(['county_center'], [FIXTURE.county])).request;
  otherTownship = (await t.as(['township_center'], [FIXTURE.townships[1]])).request;
  const res = await county({
    method: 'POST',
    url: '/api/registry/buildings',
    payload: { code: B, name: '7 栋', address: '城关镇朝阳路 18 号 7 栋', gridCode: FIXTURE.grids[0] },
  });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(() => t.close());

const post = (request: Request, payload: object) => request({ method: 'POST', url: '/api/registry/houses', payload });
const put = (request: Request, code: string, payload: object) =>
  request({ method: 'PUT', url: `/api/registry/houses/${encodeURIComponent(code)}`, payload });

describe('houses: create', () => {
  it('records a house in a building: grid and address from the building, owner ID and phone sealed and masked', async () => {
    const res = await post(county, house);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'H7-301',
      gridCode: FIXTURE.grids[0],
      address: '城关镇朝阳路 18 号 7 栋 1 单元 301',
      buildingCode: B,
      unit: '1 单元',
      floor: 3,
      room: '301',
      areaM2: 89.5,
      ownerIdNumber: `${OWNER_ID.slice(0, 4)}**********${OWNER_ID.slice(-4)}`,
      ownerPhone: '138****1111',
      rented: true,
      rentalUse: '02',
      rentalCategory: '02',
      rentalLevel: 'B',
      hazards: ['01'],
      building: { code: B },
      version: 1,
    });
    expect(res.json().history).toHaveLength(1);
    expect(res.json().verifiedBy).toBeTruthy();
    const stored =
      JSON.stringify(await queryRows(t.db, sql`select * from house`)) +
      JSON.stringify(await queryRows(t.db, sql`select * from record_change`));
    expect(stored).not.toContain(OWNER_ID);
    expect(stored).not.toContain('13800001111');
  });

  it('refuses bad input the way the house template does, naming each field; stores nothing', async () => {
    const before = [await count('house'), await count('record_change')];
    const bad = (payload: object) => post(county, { ...house, code: 'H-NEW', ...payload });
    expect(fields(await bad({ rentalUse: null }))).toEqual(['rentalUse:house.rental_use_required']);
    expect(
      fields(
        await bad({
          use: 'XX',
          floor: 500,
          ownerIdNumber: `${OWNER_ID.slice(0, 17)}${OWNER_ID[17] === '0' ? '1' : '0'}`,
          rentalLevel: 'Z',
        }),
      ),
    ).toEqual(['floor:number.out_of_range', 'use:code.unknown', 'ownerIdNumber:id.checksum', 'rentalLevel:code.unknown']);
    expect(fields(await bad({ buildingCode: '420923100001-99' }))).toEqual(['buildingCode:building.not_found']);
    expect(fields(await bad({ buildingCode: null }))).toEqual(['address:field.required', 'gridCode:field.required']);
    expect(fields(await bad({ floor: 2.5 }))).toEqual(['body.floor:type']);
    expect(
      fields(
        await post(otherTownship, { ...house, code: 'H-NEW', buildingCode: null, address: '朝阳路 20 号', gridCode: FIXTURE.grids[0] }),
      ),
    ).toEqual(['gridCode:grid.not_found']);
    expect((await bad({ code: 'H7-301' })).statusCode).toBe(409);
    expect([await count('house'), await count('record_change')]).toEqual(before);
  });
});

describe('houses: edit', () => {
  const { code: _c, ownerIdNumber: _i, ownerPhone: _p, ...rest } = house;

  it('edits on the version it read; a left-out owner ID and phone stay; the change is in the history', async () => {
    const res = await put(county, 'H7-301', {
      ...rest,
      floor: 4,
      room: '401',
      rented: false,
      rentalUse: null,
      rentalCategory: null,
      rentalLevel: null,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      floor: 4,
      room: '401',
      address: '城关镇朝阳路 18 号 7 栋 1 单元 401',
      rented: false,
      rentalLevel: null,
      ownerPhone: '138****1111',
      version: 2,
    });
    expect(res.json().ownerIdNumber).toMatch(/^\d{4}\*+/);
    expect(res.json().history.at(-1)).toMatchObject({ before: { floor: 3, rented: true }, after: { floor: 4, rented: false } });
  });

  it('a stale version answers 409, out of jurisdiction 404, bad input 422 — each changing nothing', async () => {
    const before = [await count('record_change')];
    expect((await put(county, 'H7-301', { ...rest, floor: 5, version: 1 })).statusCode).toBe(409);
    expect((await put(otherTownship, 'H7-301', { ...rest, version: 2 })).statusCode).toBe(404);
    expect(fields(await put(county, 'H7-301', { ...rest, areaM2: 0, version: 2 }))).toEqual(['areaM2:number.out_of_range']);
    expect([await count('record_change')]).toEqual(before);
    expect((await county({ method: 'GET', url: '/api/registry/houses/H7-301' })).json()).toMatchObject({ floor: 4, version: 2 });
  });

  it('a house stays in its county: moving it to another county’s grid is refused', async () => {
    const g = square(113.5, 31.0, 113.6, 31.1);
    const [minLng, minLat, maxLng, maxLat] = bboxOf(g);
    await territoryStore.upsertGrids(t.db, [
      {
        countyCode: FIXTURE.otherCounty,
        code: '420902001001001',
        villageCode: '420902001001',
        name: '外县网格',
        geometry: g,
        minLng,
        minLat,
        maxLng,
        maxLat,
        areaM2: 1,
        households: 1,
        population: 1,
      },
    ]);
    const { request: city } = await t.as(['city_center'], [FIXTURE.city]);
    expect(
      fields(
        await put(city, 'H7-301', { ...rest, buildingCode: null, address: '孝南区某路 1 号', gridCode: '420902001001001', version: 2 }),
      ),
    ).toEqual(['gridCode:house.outside_county']);
  });
});

describe('houses: the form’s code tables', () => {
  it('are served with the organisation and component tables', async () => {
    const { tables } = (await county({ method: 'GET', url: '/api/registry/org-facility-codes' })).json();
    const ids = tables.map((tb: { id: string }) => tb.id);
    expect(ids).toEqual(expect.arrayContaining(['house_use', 'rental_use', 'rental_category', 'rental_level', 'house_hazard']));
  });
});

describe('houses: import carries unit, floor and room', () => {
  it('imports them and re-importing changes nothing', async () => {
    const file = csv([
      ['房屋编号', '房屋地址', '所属网格编码', '楼栋编号', '单元', '楼层', '室号', '房屋用途', '是否出租'],
      ['H7-101', '城关镇朝阳路 18 号 7 栋 1 单元 101', FIXTURE.grids[0], B, '1 单元', '1', '101', '住宅', '否'],
      ['H7-B01', '城关镇朝阳路 18 号 7 栋 地下室', FIXTURE.grids[0], B, '', '-1', 'B01', '仓储', '否'],
    ]);
    expect(await importFile(county, 'house', file)).toMatchObject({ created: 2, rejected: 0 });
    expect((await county({ method: 'GET', url: '/api/registry/houses/H7-B01' })).json()).toMatchObject({
      unit: null,
      floor: -1,
      room: 'B01',
      use: '05',
      version: 1,
    });
    expect(await importFile(county, 'house', file)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });
});
