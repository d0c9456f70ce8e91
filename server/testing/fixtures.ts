import { countyOf } from '../../shared/codes.ts';
import type { Db } from '../platform/db.ts';
import * as territoryStore from '../territory/index.ts';
import { type AreaGeometry, areaSquareMeters, bboxOf } from '../territory/index.ts';

/** An axis-aligned square polygon [west, south] → [east, north]. */
export function square(west: number, south: number, east: number, north: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/**
 * A small territory with real 云梦县 codes and simple outlines:
 * county 420923 = [113.0,31.0]–[113.4,31.2]; townships 100 (west half) and 101 (east half);
 * each township two villages side by side; each village two grids side by side (west 001, east 002).
 */
export const FIXTURE = {
  city: '420900',
  county: '420923',
  otherCounty: '420902',
  townships: ['420923100', '420923101'],
  villages: ['420923100001', '420923100002', '420923101201', '420923101202'],
  grids: [
    '420923100001001',
    '420923100001002',
    '420923100002001',
    '420923100002002',
    '420923101201001',
    '420923101201002',
    '420923101202001',
    '420923101202002',
  ],
};

export function villageBox(i: number): AreaGeometry {
  return square(113.0 + i * 0.1, 31.0, 113.1 + i * 0.1, 31.2);
}

export function gridBox(village: number, serial: 0 | 1): AreaGeometry {
  return square(113.0 + village * 0.1 + serial * 0.05, 31.0, 113.05 + village * 0.1 + serial * 0.05, 31.2);
}

const box = (g: AreaGeometry) => {
  const [minLng, minLat, maxLng, maxLat] = bboxOf(g);
  return { geometry: g, minLng, minLat, maxLng, maxLat };
};

export async function seedTerritory(db: Db) {
  await territoryStore.insertAreas(db, [
    { code: FIXTURE.city, level: 'city', parentCode: null, name: '孝感市', ...box(square(112.9, 30.9, 114.5, 31.5)) },
    { code: FIXTURE.county, level: 'county', parentCode: FIXTURE.city, name: '云梦县', ...box(square(113.0, 31.0, 113.4, 31.2)) },
    { code: FIXTURE.otherCounty, level: 'county', parentCode: FIXTURE.city, name: '孝南区', ...box(square(113.5, 31.0, 113.9, 31.2)) },
    { code: '420902001', level: 'township', parentCode: FIXTURE.otherCounty, name: '书院街道', ...box(square(113.5, 31.0, 113.9, 31.2)) },
    { code: FIXTURE.townships[0], level: 'township', parentCode: FIXTURE.county, name: '城关镇', ...box(square(113.0, 31.0, 113.2, 31.2)) },
    { code: FIXTURE.townships[1], level: 'township', parentCode: FIXTURE.county, name: '义堂镇', ...box(square(113.2, 31.0, 113.4, 31.2)) },
    ...FIXTURE.villages.map((code, i) => ({
      code,
      level: 'village',
      parentCode: code.slice(0, 9),
      name: `村${i + 1}`,
      ...box(villageBox(i)),
    })),
  ]);
  await territoryStore.upsertGrids(
    db,
    FIXTURE.grids.map((code, i) => {
      const geometry = gridBox(Math.floor(i / 2), (i % 2) as 0 | 1);
      return {
        countyCode: countyOf(code),
        code,
        villageCode: code.slice(0, 12),
        name: `网格${i + 1}`,
        ...box(geometry),
        areaM2: areaSquareMeters(geometry),
        households: 300 + i,
        population: 900 + i,
      };
    }),
  );
}
