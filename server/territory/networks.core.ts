import Flatbush from 'flatbush';
import { AREA_TOLERANCE, type AreaGeometry, areaSquareMeters, bboxOf, intersectGeometries } from './geometry.core.ts';

interface Shape {
  code: string;
  geometry: AreaGeometry;
}

/**
 * 多网合一: which professional units each grid overlaps. An overlap counts when it is larger than the
 * tolerance used for grid imports, so outlines digitised from different maps don't link by their seams.
 */
export function overlapLinks<G extends Shape, U extends Shape>(grids: G[], units: U[]): { grid: G; unit: U; overlapM2: number }[] {
  if (grids.length === 0 || units.length === 0) return [];
  const tree = new Flatbush(units.length);
  for (const u of units) tree.add(...bboxOf(u.geometry));
  tree.finish();
  const links = [];
  for (const g of grids) {
    const gridArea = areaSquareMeters(g.geometry);
    for (const i of tree.search(...bboxOf(g.geometry))) {
      const shared = intersectGeometries(g.geometry, units[i].geometry);
      const overlapM2 = shared ? areaSquareMeters(shared) : 0;
      if (overlapM2 > Math.max(AREA_TOLERANCE.minSquareMeters, AREA_TOLERANCE.ratio * gridArea)) {
        links.push({ grid: g, unit: units[i], overlapM2: Math.round(overlapM2) });
      }
    }
  }
  return links;
}
