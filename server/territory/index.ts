import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { Guard } from '../access/guard.ts';
import { createTerritoryService } from './territory.service.ts';
import { createGridImportService } from './grid-import.service.ts';
import { createNetworksService } from './networks.service.ts';
import { territoryRoutes } from './territory.routes.ts';

export type { TerritoryService } from './territory.service.ts';

export function createTerritory({ app, db, clock, guard }: { app: Http; db: Db; clock: Clock; guard: Guard }) {
  const service = createTerritoryService({ db });
  const gridImport = createGridImportService({ db, clock, territory: service });
  const networks = createNetworksService({ db, clock });
  territoryRoutes(app, { territory: service, gridImport, networks, guard });
  return { service, gridImport, networks };
}
