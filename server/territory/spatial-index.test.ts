import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { GridIndex, type IndexedGrid } from './spatial-index.ts';

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

function seededRandom(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/**
 * A seamless 20 × 20 mesh of irregular quadrilaterals (shared, jittered corners), plus the awkward
 * cases: a grid with a hole, an island grid inside that hole, and a two-part MultiPolygon grid.
 */
function buildMesh(): IndexedGrid[] {
  const random = seededRandom(42);
  const n = 20;
  const size = 0.01;
  const corner: Position[][] = [];
  for (let i = 0; i <= n; i++) {
    corner.push([]);
    for (let j = 0; j <= n; j++) {
      const inner = i > 0 && i < n && j > 0 && j < n;
      const jitter = () => (inner ? (random() - 0.5) * 0.5 * size : 0);
      corner[i].push([113.6 + i * size + jitter(), 30.9 + j * size + jitter()]);
    }
  }
  const grids: IndexedGrid[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const ring = [corner[i][j], corner[i + 1][j], corner[i + 1][j + 1], corner[i][j + 1], corner[i][j]];
      grids.push({ code: `cell-${i}-${j}`, geometry: { type: 'Polygon', coordinates: [ring] } });
    }
  }
  // The corner cell becomes a donut with an island grid in its hole (its inner corner moves by at most
  // a quarter cell, so the hole stays inside).
  const donutOuter = (grids[0].geometry as Polygon).coordinates[0];
  const hole = box(113.603, 30.903, 113.607, 30.907).coordinates[0].slice().reverse();
  grids[0] = { code: 'donut', geometry: { type: 'Polygon', coordinates: [donutOuter, hole] } };
  grids.push({ code: 'island', geometry: box(113.603, 30.903, 113.607, 30.907) });
  // Two separate border cells become one MultiPolygon grid.
  const a = grids.findIndex((g) => g.code === 'cell-19-0');
  const b = grids.findIndex((g) => g.code === 'cell-19-19');
  const parts = [grids[a], grids[b]].map((g) => (g.geometry as Polygon).coordinates);
  grids[a] = { code: 'two-parts', geometry: { type: 'MultiPolygon', coordinates: parts } };
  grids.splice(b, 1);
  return grids;
}

describe('GridIndex.locate', () => {
  const mesh = buildMesh();
  const index = new GridIndex(mesh);

  it('agrees with brute-force point-in-polygon on 10,000 random points', () => {
    const random = seededRandom(7);
    let inside = 0;
    for (let k = 0; k < 10_000; k++) {
      // The mesh spans 0.2° × 0.2°; sample a margin around it so some points fall outside every grid.
      const p = [113.59 + random() * 0.22, 30.89 + random() * 0.22];
      const containing = mesh.filter((g) => booleanPointInPolygon(p, g.geometry)).map((g) => g.code);
      expect(containing.length).toBeLessThanOrEqual(1);
      expect(index.locate(p[0], p[1])).toBe(containing[0] ?? null);
      if (containing.length) inside++;
    }
    expect(inside).toBeGreaterThan(7_000);
  });

  it('handles holes, islands and MultiPolygons', () => {
    expect(index.locate(113.601, 30.901)).toBe('donut');
    expect(index.locate(113.605, 30.905)).toBe('island');
    expect(index.locate(113.795, 30.905)).toBe('two-parts');
    expect(index.locate(113.795, 31.095)).toBe('two-parts');
    expect(index.locate(114.5, 31)).toBeNull();
    // Without the island, a point in the hole is in no grid at all.
    const donutOnly = new GridIndex(mesh.filter((g) => g.code === 'donut'));
    expect(donutOnly.locate(113.605, 30.905)).toBeNull();
    expect(donutOnly.locate(113.601, 30.901)).toBe('donut');
  });

  it('gives a point on a border shared by two grids to exactly one of them', () => {
    const twoSquares = new GridIndex([
      { code: 'west', geometry: box(0, 0, 1, 1) },
      { code: 'east', geometry: box(1, 0, 2, 1) },
    ]);
    expect(['west', 'east']).toContain(twoSquares.locate(1, 0.5));
  });
});

describe('GridIndex changes', () => {
  it('upserts, removes and replaces grids', () => {
    const index = new GridIndex();
    expect(index.locate(0.5, 0.5)).toBeNull();

    index.upsert([
      { code: 'a', geometry: box(0, 0, 1, 1) },
      { code: 'b', geometry: box(1, 0, 2, 1) },
    ]);
    expect(index.locate(0.5, 0.5)).toBe('a');
    expect(index.size).toBe(2);

    // Upserting an existing code moves that grid instead of adding a second one.
    index.upsert([{ code: 'a', geometry: box(5, 5, 6, 6) }]);
    expect(index.locate(0.5, 0.5)).toBeNull();
    expect(index.locate(5.5, 5.5)).toBe('a');
    expect(index.size).toBe(2);

    index.remove(['b']);
    expect(index.locate(1.5, 0.5)).toBeNull();
    expect(index.size).toBe(1);

    index.replaceAll([{ code: 'c', geometry: box(0, 0, 1, 1) }]);
    expect(index.locate(5.5, 5.5)).toBeNull();
    expect(index.locate(0.5, 0.5)).toBe('c');

    index.remove(['c']);
    expect(index.size).toBe(0);
    expect(index.locate(0.5, 0.5)).toBeNull();
  });
});
