/**
 * Point → grid lookup in process: an R-tree (flatbush) of grid bounding boxes narrows the candidates,
 * then an exact even-odd ray-casting test on the grid's rings decides. Flatbush is static, so every
 * change rebuilds the tree; that takes milliseconds for a city's few thousand grids.
 */
import Flatbush from 'flatbush';
import { type AreaGeometry, bboxOf, polygonsOf } from './geometry.core.ts';

export interface IndexedGrid {
  code: string;
  geometry: AreaGeometry;
}

/** A grid prepared for the hot loop: each polygon's rings as flat [lng0, lat0, lng1, lat1, …] arrays. */
interface PreparedGrid {
  code: string;
  geometry: AreaGeometry;
  polygons: Float64Array[][];
}

function prepare(item: IndexedGrid): PreparedGrid {
  const polygons = polygonsOf(item.geometry).map((rings) => rings.map((ring) => Float64Array.from(ring.flatMap((p) => [p[0], p[1]]))));
  return { code: item.code, geometry: item.geometry, polygons };
}

/**
 * Even-odd crossing test. The half-open rule on latitude ((yi > y) !== (yj > y)) makes a point on an edge
 * shared by two grids count for exactly one of them, so seamless grids never both claim it.
 */
function ringContains(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    const yi = ring[i + 1];
    const yj = ring[j + 1];
    if (yi > y !== yj > y) {
      const xi = ring[i];
      if (x < ((ring[j] - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function gridContains(grid: PreparedGrid, x: number, y: number): boolean {
  for (const rings of grid.polygons) {
    // Holes flip the parity just like the outer ring does, so a point in a hole ends up outside.
    let inside = false;
    for (const ring of rings) if (ringContains(ring, x, y)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

export class GridIndex {
  private grids: PreparedGrid[] = [];
  private tree: Flatbush | null = null;

  constructor(items: ReadonlyArray<IndexedGrid> = []) {
    this.replaceAll(items);
  }

  get size(): number {
    return this.grids.length;
  }

  /** Throws away the current grids and indexes these. */
  replaceAll(items: ReadonlyArray<IndexedGrid>): void {
    this.grids = items.map(prepare);
    this.rebuild();
  }

  /** Adds grids, replacing any with the same code. */
  upsert(items: ReadonlyArray<IndexedGrid>): void {
    const incoming = new Set(items.map((i) => i.code));
    this.grids = [...this.grids.filter((g) => !incoming.has(g.code)), ...items.map(prepare)];
    this.rebuild();
  }

  remove(codes: Iterable<string>): void {
    const gone = new Set(codes);
    this.grids = this.grids.filter((g) => !gone.has(g.code));
    this.rebuild();
  }

  /** The code of the grid containing the point, or null outside every grid. */
  locate(lng: number, lat: number): string | null {
    if (!this.tree) return null;
    for (const i of this.tree.search(lng, lat, lng, lat)) {
      if (gridContains(this.grids[i], lng, lat)) return this.grids[i].code;
    }
    return null;
  }

  private rebuild(): void {
    if (this.grids.length === 0) {
      this.tree = null;
      return;
    }
    const tree = new Flatbush(this.grids.length);
    for (const g of this.grids) {
      const [minX, minY, maxX, maxY] = bboxOf(g.geometry);
      tree.add(minX, minY, maxX, maxY);
    }
    tree.finish();
    this.tree = tree;
  }
}
