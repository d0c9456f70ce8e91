/**
 * Geometry rules of the territory area: measuring outlines and validating a grid set before it is
 * imported. Pure: no I/O. The import is all-or-nothing, so validation lists every problem at once.
 */
import { area, difference, feature, featureCollection, intersect, kinks, lineString, union } from '@turf/turf';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export type AreaGeometry = Polygon | MultiPolygon;
/** [minLng, minLat, maxLng, maxLat] */
export type BBox = [number, number, number, number];

/** A township, village or grid outline with its division code. */
export interface AreaShape {
  code: string;
  name: string;
  parentCode: string;
  geometry: AreaGeometry;
}

export const GRID_PROBLEM_REASONS = [
  'grid.geometry_invalid',
  'grid.self_intersection',
  'grid.code_invalid',
  'grid.parent_unknown',
  'grid.duplicate_code',
  'grid.outside_parent',
  'grid.overlaps_sibling',
] as const;
export type GridProblemReason = (typeof GRID_PROBLEM_REASONS)[number];

export interface GridProblem {
  /** Position of the feature in the imported file. */
  index: number;
  code: string | null;
  reason: GridProblemReason;
  detail?: string;
  /** The other grid involved, for duplicates and overlaps. */
  otherCode?: string;
}

/** One imported feature as parsed from the file; nothing about it is trusted. */
export interface GridFeatureInput {
  properties?: { code?: unknown } | null;
  geometry?: unknown;
}

export interface GridValidationContext {
  /** Known villages by 12-digit code, with their outlines. */
  villages: ReadonlyMap<string, AreaGeometry>;
  /** Stored grids; those whose code the import carries are replaced by it and not compared. */
  existingGrids?: ReadonlyArray<{ code: string; geometry: AreaGeometry }>;
}

/**
 * Area tolerance for "outside parent" and "overlap": digitised outlines from different sources never
 * match to the centimetre, so a mismatch counts only if it exceeds 0.5% of the (smaller) grid's area,
 * and never below 1 m² so that rounding noise on tiny grids is not reported.
 */
export const AREA_TOLERANCE = { ratio: 0.005, minSquareMeters: 1 } as const;

const GRID_CODE = /^\d{12}(?!000)\d{3}$/;

export function polygonsOf(geometry: AreaGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

export function bboxOf(geometry: AreaGeometry): BBox {
  const box: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of polygonsOf(geometry)) {
    for (const [lng, lat] of polygon[0]) {
      if (lng < box[0]) box[0] = lng;
      if (lat < box[1]) box[1] = lat;
      if (lng > box[2]) box[2] = lng;
      if (lat > box[3]) box[3] = lat;
    }
  }
  return box;
}

/**
 * Area-weighted centroid in plain lng/lat (holes subtracted). Planar is fine at grid scale, where it
 * only orders grids and moves seed points; it may fall outside a concave shape.
 */
export function centroidOf(geometry: AreaGeometry): [number, number] {
  let sumA = 0;
  let sumX = 0;
  let sumY = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, k) => {
      let a = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[i + 1];
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      // Outer rings add and holes subtract, whatever their winding in the input.
      const sign = (k === 0 ? 1 : -1) * Math.sign(a);
      sumA += sign * a;
      sumX += (sign * cx) / 3;
      sumY += (sign * cy) / 3;
    });
  }
  if (sumA === 0) return polygonsOf(geometry)[0][0][0] as [number, number];
  return [sumX / sumA, sumY / sumA];
}

/** Geodesic area (turf's spherical formula), holes subtracted. */
export function areaSquareMeters(geometry: AreaGeometry): number {
  return area(geometry);
}

function toGeometry(result: ReturnType<typeof intersect>): AreaGeometry | null {
  return result ? result.geometry : null;
}

export function intersectGeometries(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return toGeometry(intersect(featureCollection([feature(a), feature(b)])));
}

export function unionGeometries(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return toGeometry(union(featureCollection([feature(a), feature(b)])));
}

export function differenceGeometries(a: AreaGeometry, b: AreaGeometry): AreaGeometry | null {
  return toGeometry(difference(featureCollection([feature(a), feature(b)])));
}

function isPosition(p: unknown): p is Position {
  return (
    Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]) && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90
  );
}

const samePosition = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

/** A ring without repeated consecutive positions: harmless in files, but zero-length edges confuse kinks. */
function withoutRepeats(ring: Position[]): Position[] {
  return ring.filter((p, i) => i === 0 || !samePosition(p, ring[i - 1]));
}

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a ring needs at least 4 positions';
  if (!ring.every(isPosition)) return 'positions must be finite [lng, lat] with lng in [-180,180] and lat in [-90,90]';
  if (!samePosition(ring[0], ring[ring.length - 1])) return 'ring is not closed';
  return withoutRepeats(ring).length < 4 ? 'a ring needs at least 3 distinct corners' : null;
}

/** Why a value is not a usable Polygon/MultiPolygon, or null if it is one. */
export function geometryProblem(geometry: unknown): string | null {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return 'geometry must be a Polygon or MultiPolygon';
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return 'no coordinates';
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return 'a polygon has no rings';
    for (const ring of polygon) {
      const problem = ringProblem(ring);
      if (problem) return problem;
    }
  }
  return null;
}

/**
 * The first point where a ring crosses or touches itself. Each ring is checked on its own: parts of a
 * MultiPolygon may legitimately touch at a point, which turf.kinks on the whole geometry would report.
 */
export function selfIntersection(geometry: AreaGeometry): Position | null {
  for (const polygon of polygonsOf(geometry)) {
    for (const ring of polygon) {
      const hit = kinks(lineString(withoutRepeats(ring))).features[0];
      if (hit) return hit.geometry.coordinates;
    }
  }
  return null;
}

function readCode(f: GridFeatureInput): string | null {
  const code = f.properties?.code;
  if (typeof code === 'string') return code.trim();
  // Shapefile-to-GeoJSON converters often turn codes into numbers; 15 digits are still exact.
  return typeof code === 'number' && Number.isSafeInteger(code) ? String(code) : null;
}

function tolerance(areaM2: number): number {
  return Math.max(AREA_TOLERANCE.minSquareMeters, AREA_TOLERANCE.ratio * areaM2);
}

interface Checked {
  index: number;
  code: string | null;
  geometry: AreaGeometry;
  areaM2: number;
}

/** Every problem of a grid set to import; an empty list means the whole set may be imported. */
export function validateGridFeatures(features: ReadonlyArray<GridFeatureInput>, ctx: GridValidationContext): GridProblem[] {
  const problems: GridProblem[] = [];
  const firstIndexOfCode = new Map<string, number>();
  const measurable: Checked[] = [];

  features.forEach((f, index) => {
    const code = readCode(f);
    if (code === null || !GRID_CODE.test(code)) {
      problems.push({ index, code, reason: 'grid.code_invalid', detail: 'a grid code is 15 digits: village code + serial 001–999' });
    } else {
      const first = firstIndexOfCode.get(code);
      if (first !== undefined)
        problems.push({ index, code, reason: 'grid.duplicate_code', otherCode: code, detail: `same code as feature ${first}` });
      else firstIndexOfCode.set(code, index);
      if (!ctx.villages.has(code.slice(0, 12)))
        problems.push({ index, code, reason: 'grid.parent_unknown', detail: `no village ${code.slice(0, 12)}` });
    }
    const invalid = geometryProblem(f.geometry);
    if (invalid) {
      problems.push({ index, code, reason: 'grid.geometry_invalid', detail: invalid });
      return;
    }
    const geometry = f.geometry as AreaGeometry;
    const kink = selfIntersection(geometry);
    // A self-intersecting outline has no well-defined area, so it is not measured against others.
    if (kink) {
      problems.push({ index, code, reason: 'grid.self_intersection', detail: `at ${kink[0]},${kink[1]}` });
      return;
    }
    measurable.push({ index, code, geometry, areaM2: areaSquareMeters(geometry) });
  });

  for (const grid of measurable) problems.push(...outsideParent(grid, ctx));
  problems.push(...overlaps(measurable, ctx, new Set(firstIndexOfCode.keys())));
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * Area of a clipping result. The clipper can still throw on odd but structurally valid input (rings
 * folding onto themselves); that is reported against the imported grid instead of failing the request.
 */
function clippedArea(grid: Checked, clip: () => AreaGeometry | null): number | GridProblem {
  try {
    const result = clip();
    return result ? areaSquareMeters(result) : 0;
  } catch (error) {
    return {
      index: grid.index,
      code: grid.code,
      reason: 'grid.geometry_invalid',
      detail: `cannot be clipped: ${(error as Error).message}`,
    };
  }
}

function outsideParent(grid: Checked, ctx: GridValidationContext): GridProblem[] {
  const village = grid.code && GRID_CODE.test(grid.code) ? ctx.villages.get(grid.code.slice(0, 12)) : undefined;
  if (!village) return [];
  const outsideM2 = clippedArea(grid, () => differenceGeometries(grid.geometry, village));
  if (typeof outsideM2 !== 'number') return [outsideM2];
  if (outsideM2 <= tolerance(grid.areaM2)) return [];
  const detail = `${outsideM2.toFixed(1)} m² of ${grid.areaM2.toFixed(1)} m² lies outside village ${grid.code!.slice(0, 12)}`;
  return [{ index: grid.index, code: grid.code, reason: 'grid.outside_parent', detail }];
}

/** Pairwise overlaps, found through an R-tree of bounding boxes so only near neighbours are clipped. */
function overlaps(grids: Checked[], ctx: GridValidationContext, importedCodes: Set<string>): GridProblem[] {
  const kept = (ctx.existingGrids ?? []).filter((g) => !importedCodes.has(g.code));
  const all = [
    ...grids.map((g) => ({ ...g, existing: false })),
    ...kept.map((g) => ({ index: -1, code: g.code, geometry: g.geometry, areaM2: areaSquareMeters(g.geometry), existing: true })),
  ];
  if (all.length === 0) return [];
  const index = new Flatbush(all.length);
  const boxes = all.map((g) => bboxOf(g.geometry));
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();

  const problems: GridProblem[] = [];
  grids.forEach((grid, i) => {
    const b = boxes[i];
    // Candidates sorted so that each problem lists in file order; an imported pair is reported once, on the later feature.
    for (const j of index.search(b[0], b[1], b[2], b[3]).sort((x, y) => x - y)) {
      const other = all[j];
      if (j === i || (!other.existing && j > i)) continue;
      const commonM2 = clippedArea(grid, () => intersectGeometries(grid.geometry, other.geometry));
      // A grid the clipper cannot handle is reported once and compared no further.
      if (typeof commonM2 !== 'number') {
        problems.push(commonM2);
        return;
      }
      if (commonM2 <= tolerance(Math.min(grid.areaM2, other.areaM2))) continue;
      const what = other.existing ? `stored grid ${other.code}` : `feature ${other.index}`;
      problems.push({
        index: grid.index,
        code: grid.code,
        reason: 'grid.overlaps_sibling',
        detail: `overlaps ${what} by ${commonM2.toFixed(1)} m²`,
        ...(other.code ? { otherCode: other.code } : {}),
      });
    }
  });
  return problems;
}
