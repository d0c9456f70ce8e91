import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  type AreaGeometry,
  areaSquareMeters,
  bboxOf,
  centroidOf,
  type GridFeatureInput,
  geometryProblem,
  validateGridFeatures,
} from './geometry.core.ts';

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
const grid = (code: unknown, geometry: unknown): GridFeatureInput => ({ properties: { code }, geometry });

// Two villages side by side, each 0.02° × 0.02°.
const V1 = '420923100001';
const V2 = '420923100002';
const villages = new Map<string, AreaGeometry>([
  [V1, box(113.7, 31.0, 113.72, 31.02)],
  [V2, box(113.72, 31.0, 113.74, 31.02)],
]);

describe('validateGridFeatures', () => {
  it('accepts a clean set', () => {
    const features = [grid(`${V1}001`, box(113.7, 31.0, 113.71, 31.02)), grid(`${V1}002`, box(113.71, 31.0, 113.72, 31.02))];
    expect(validateGridFeatures(features, { villages })).toEqual([]);
  });

  it('reports every problem of a file, each with its feature index', () => {
    const bowTie: Position[] = [
      [113.7, 31.0],
      [113.71, 31.01],
      [113.71, 31.0],
      [113.7, 31.01],
      [113.7, 31.0],
    ];
    const features = [
      /* 0 */ grid(`${V1}001`, box(113.7, 31.01, 113.71, 31.02)),
      /* 1 */ grid(`${V1}002`, box(113.71, 31.01, 113.72, 31.02)),
      /* 2 */ grid(`${V1}003`, {
        type: 'Polygon',
        coordinates: [
          [
            [113.7, 31.0],
            [113.71, 31.0],
            [113.71, 31.01],
            [113.7, 31.01],
          ],
        ],
      }),
      /* 3 */ grid(`${V1}004`, { type: 'Polygon', coordinates: [bowTie] }),
      /* 4 */ grid(`${V2}001`, box(113.73, 31.0, 113.75, 31.01)),
      /* 5 */ grid(`${V1}005`, box(113.7, 31.01, 113.705, 31.02)),
      /* 6 */ grid(`${V1}001`, box(113.71, 31.0, 113.72, 31.01)),
      /* 7 */ grid('4209231000010', box(113.7, 31.0, 113.71, 31.01)),
      /* 8 */ grid('999999999999001', box(113.72, 31.01, 113.73, 31.02)),
      /* 9 */ grid(`${V2}002`, box(113.72, 31.0, 113.73, 31.01)),
      /* 10 */ grid(`${V2}003`, box(113.73, 31.01, 113.74, 31.02001)),
      /* 11 */ grid(Number(`${V2}004`), null),
      /* 12 */ grid(`${V2}005`, box(113.73, 89.0, 113.74, 95.0)),
      /* 13 */ grid('abc', { type: 'Polygon', coordinates: [bowTie] }),
    ];
    const existingGrids = [
      { code: `${V2}009`, geometry: box(113.72, 31.0, 113.73, 31.01) },
      // Same code as feature 1, so the import replaces it and its overlap with feature 0 does not count.
      { code: `${V1}002`, geometry: box(113.7, 31.01, 113.72, 31.02) },
    ];
    const problems = validateGridFeatures(features, { villages, existingGrids });
    expect(problems.map(({ index, code, reason, otherCode }) => ({ index, code, reason, otherCode }))).toEqual([
      { index: 2, code: `${V1}003`, reason: 'grid.geometry_invalid', otherCode: undefined },
      { index: 3, code: `${V1}004`, reason: 'grid.self_intersection', otherCode: undefined },
      { index: 4, code: `${V2}001`, reason: 'grid.outside_parent', otherCode: undefined },
      { index: 5, code: `${V1}005`, reason: 'grid.overlaps_sibling', otherCode: `${V1}001` },
      { index: 6, code: `${V1}001`, reason: 'grid.duplicate_code', otherCode: `${V1}001` },
      { index: 7, code: '4209231000010', reason: 'grid.code_invalid', otherCode: undefined },
      { index: 8, code: '999999999999001', reason: 'grid.parent_unknown', otherCode: undefined },
      { index: 9, code: `${V2}002`, reason: 'grid.overlaps_sibling', otherCode: `${V2}009` },
      { index: 11, code: `${V2}004`, reason: 'grid.geometry_invalid', otherCode: undefined },
      { index: 12, code: `${V2}005`, reason: 'grid.geometry_invalid', otherCode: undefined },
      { index: 13, code: 'abc', reason: 'grid.code_invalid', otherCode: undefined },
      { index: 13, code: 'abc', reason: 'grid.self_intersection', otherCode: undefined },
    ]);
    expect(problems.find((p) => p.index === 2)?.detail).toMatch(/not closed/);
    expect(problems.find((p) => p.index === 4)?.detail).toMatch(/outside village 420923100002/);
    expect(problems.find((p) => p.index === 12)?.detail).toMatch(/lat in \[-90,90\]/);
  });

  it('tolerates a mismatch below 0.5% of the grid area but not above', () => {
    const slightly = grid(`${V1}001`, box(113.7, 31.0, 113.72, 31.02005)); // 0.25% outside
    const clearly = grid(`${V1}001`, box(113.7, 31.0, 113.72, 31.0203)); // 1.5% outside
    expect(validateGridFeatures([slightly], { villages })).toEqual([]);
    expect(validateGridFeatures([clearly], { villages }).map((p) => p.reason)).toEqual(['grid.outside_parent']);
  });

  it('compares grids of neighbouring villages too', () => {
    const features = [grid(`${V1}001`, box(113.7, 31.0, 113.72, 31.02)), grid(`${V2}001`, box(113.71, 31.0, 113.74, 31.02))];
    const reasons = validateGridFeatures(features, { villages }).map((p) => `${p.index}:${p.reason}`);
    expect(reasons).toEqual(['1:grid.outside_parent', '1:grid.overlaps_sibling']);
  });

  it('ignores repeated consecutive positions, which are common in exported files', () => {
    const ring = [
      [113.7, 31.0],
      [113.71, 31.0],
      [113.71, 31.0],
      [113.71, 31.01],
      [113.7, 31.01],
      [113.7, 31.0],
    ];
    expect(validateGridFeatures([grid(`${V1}001`, { type: 'Polygon', coordinates: [ring] })], { villages })).toEqual([]);
  });
});

describe('geometryProblem', () => {
  it('names what is wrong', () => {
    expect(geometryProblem(box(0, 0, 1, 1))).toBeNull();
    expect(geometryProblem({ type: 'Point', coordinates: [0, 0] })).toMatch(/Polygon or MultiPolygon/);
    expect(
      geometryProblem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toMatch(/at least 4/);
    expect(
      geometryProblem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [NaN, 1],
            [0, 0],
          ],
        ],
      }),
    ).toMatch(/finite/);
    expect(
      geometryProblem({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 0],
            [1, 0],
            [0, 0],
          ],
        ],
      }),
    ).toMatch(/3 distinct/);
    expect(geometryProblem({ type: 'MultiPolygon', coordinates: [] })).toMatch(/no coordinates/);
  });
});

describe('measures', () => {
  it('areaSquareMeters is geodesic: 0.01° × 0.01° at the equator is about 1.236 km²', () => {
    expect(areaSquareMeters(box(0, 0, 0.01, 0.01)) / 1e6).toBeCloseTo(1.236, 2);
    // A degree of longitude shrinks with latitude, so the same box at 60° N has half the area.
    expect(areaSquareMeters(box(0, 60, 0.01, 60.01)) / areaSquareMeters(box(0, 0, 0.01, 0.01))).toBeCloseTo(0.5, 2);
  });

  it('bboxOf spans every part of a MultiPolygon', () => {
    const multi: AreaGeometry = { type: 'MultiPolygon', coordinates: [box(1, 2, 3, 4).coordinates, box(-1, 5, 0, 6).coordinates] };
    expect(bboxOf(multi)).toEqual([-1, 2, 3, 6]);
  });

  it('centroidOf weighs area and subtracts holes', () => {
    const withHole: AreaGeometry = {
      type: 'Polygon',
      coordinates: [box(0, 0, 4, 2).coordinates[0], box(0.5, 0.5, 1.5, 1.5).coordinates[0]],
    };
    const [x, y] = centroidOf(withHole);
    // (8 × 2 − 1 × 1) / 7 along x; the hole is symmetric in y.
    expect(x).toBeCloseTo(15 / 7, 10);
    expect(y).toBeCloseTo(1, 10);
  });
});
