import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { createGridImportService } from './grid-import.service.ts';
import { createNetworksService } from './networks.service.ts';
import { territoryRoutes } from './territory.routes.ts';
import { type ClaimsOfGrid, createTerritoryService } from './territory.service.ts';

export { loadCityOutlines } from './echarts-geo.ts';
export { type AreaGeometry, areaSquareMeters, bboxOf } from './geometry.core.ts';
export { generateCountyGrids } from './grid-generation.core.ts';
export { createGridImportService } from './grid-import.service.ts';
export { overlapLinks } from './networks.core.ts';
export { insertNetwork, replaceLinks, upsertUnits } from './networks.store.ts';
export type { TerritoryService } from './territory.service.ts';
/** Narrow reads other areas need: names and whether codes exist in a jurisdiction. */
/** Writes the demo loader and the test fixtures make, row sets they built themselves. */
export {
  areaNameOf,
  areaNames,
  areasOfLevel,
  childNodes,
  type GridRow,
  gridsInScope,
  gridsUnder,
  insertAreas,
  insertMembers,
  linkMemberAccount,
  nodeNames,
  upsertGrids,
} from './territory.store.ts';

export function createTerritory({
  app,
  db,
  clock,
  guard,
  claimsOfGrid,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  claimsOfGrid: ClaimsOfGrid;
}) {
  const service = createTerritoryService({ db, claimsOfGrid });
  const gridImport = createGridImportService({ db, clock, territory: service });
  const networks = createNetworksService({ db, clock });
  territoryRoutes(app, { territory: service, gridImport, networks, guard });
  return { service, gridImport, networks };
}
