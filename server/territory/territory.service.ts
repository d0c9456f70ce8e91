import { ancestorCodes, levelOfCode, subtreePrefix } from '../../shared/codes.ts';
import { maskPhone } from '../../shared/masking.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { type AreaGeometry, bboxOf } from './geometry.core.ts';
import { GridIndex } from './spatial-index.ts';
import * as store from './territory.store.ts';

/** How long a server trusts its spatial index before checking the grid table's fingerprint again. */
const INDEX_TTL_MS = 2000;

export function gridFeature(g: store.GridRow) {
  return {
    type: 'Feature' as const,
    id: g.code,
    properties: {
      code: g.code,
      name: g.name,
      villageCode: g.villageCode,
      areaM2: g.areaM2,
      households: g.households,
      population: g.population,
    },
    geometry: g.geometry as AreaGeometry,
  };
}

/** The departments that claimed a grid (org/ keeps the claims; app.ts passes them in, so territory needs no org). */
export type ClaimsOfGrid = (gridCode: string) => Promise<{ code: string; name: string }[]>;

export function createTerritoryService({ db, claimsOfGrid }: { db: Db; claimsOfGrid: ClaimsOfGrid }) {
  const index = new GridIndex();
  let revision: string | null = null;
  let checkedAt = 0;

  /** Keeps the in-process index in step with the grid table, also when another server changed it. */
  // One check at a time: without it, every report arriving while a check is in flight would start its own
  // (under load the bench saw 45 full reloads of every outline in 5 s).
  let checking: Promise<GridIndex> | null = null;
  async function freshIndex(): Promise<GridIndex> {
    if (Date.now() - checkedAt < INDEX_TTL_MS) return index;
    checking ??= (async () => {
      try {
        const rev = await store.gridRevision(db);
        if (rev !== revision) {
          index.replaceAll((await store.allGridShapes(db)).map((g) => ({ code: g.code, geometry: g.geometry as AreaGeometry })));
          revision = rev;
        }
        checkedAt = Date.now();
        return index;
      } finally {
        checking = null;
      }
    })();
    return checking;
  }

  /**
   * The names along a grid's path (grid, village, township, county), kept as long as the index is trusted: every
   * report locates its point, and the names change as rarely as the outlines.
   */
  const pathNames = new Map<string, { at: number; names: Map<string, string> }>();
  async function namesOfPath(code: string): Promise<Map<string, string>> {
    const held = pathNames.get(code);
    if (held && Date.now() - held.at < INDEX_TTL_MS) return held.names;
    const names = new Map((await store.namesAlongPath(db, code, ancestorCodes(code))).map((a) => [a.code, a.name]));
    pathNames.set(code, { at: Date.now(), names });
    return names;
  }

  async function pathOf(code: string) {
    const codes = ancestorCodes(code);
    const names = new Map((await store.areaNames(db, codes)).map((a) => [a.code, a]));
    return codes.filter((c) => names.has(c)).map((c) => names.get(c)!);
  }

  const gridNode = (g: store.GridRow) => ({
    code: g.code,
    name: g.name,
    level: 'grid',
    parentCode: g.villageCode,
    childCount: 0,
    gridCount: 1,
  });

  return {
    /** Forget the index so the next lookup reloads it (called after a change through this server). */
    invalidateIndex() {
      checkedAt = 0;
      pathNames.clear();
    },

    roots: async (actor: Actor) => {
      const areas = await store.findAreas(
        db,
        actor.scope,
        actor.areas.map((a) => a.code),
      );
      const grids = await Promise.all(actor.areas.filter((a) => a.level === 'grid').map((a) => store.getGrid(db, actor.scope, a.code)));
      return [...areas, ...grids.filter((g) => g !== undefined).map(gridNode)];
    },

    async children(actor: Actor, code: string) {
      const parent = await store.getArea(db, actor.scope, code);
      if (!parent) throw new AppError('territory.area_not_found');
      if (parent.level === 'village') return (await store.gridsUnder(db, actor.scope, code)).map(gridNode);
      return store.childAreas(db, actor.scope, code);
    },

    async area(actor: Actor, code: string) {
      const row = await store.getArea(db, actor.scope, code);
      if (!row) throw new AppError('territory.area_not_found');
      const [counted] = await store.findAreas(db, actor.scope, [code]);
      return {
        code: row.code,
        name: row.name,
        level: row.level,
        parentCode: row.parentCode,
        path: await pathOf(code),
        gridCount: counted.gridCount,
        bbox: row.minLng === null ? null : [row.minLng, row.minLat!, row.maxLng!, row.maxLat!],
        geometry: row.geometry as AreaGeometry | null,
      };
    },

    /** The grids under an area (or the one grid), as GeoJSON. */
    async gridsOf(actor: Actor, code: string) {
      const level = levelOfCode(code);
      if (level === 'grid') {
        if (!(await store.getGrid(db, actor.scope, code))) throw new AppError('territory.grid_not_found');
      } else if (!(await store.getArea(db, actor.scope, code))) {
        throw new AppError('territory.area_not_found');
      }
      const grids = await store.gridsUnder(db, actor.scope, subtreePrefix(code));
      return { type: 'FeatureCollection' as const, features: grids.map(gridFeature) };
    },

    /** The outlines of the area and the areas inside it that have one, as GeoJSON: a base map that needs no tiles. */
    async outlinesOf(actor: Actor, code: string) {
      if (!(await store.getArea(db, actor.scope, code))) throw new AppError('territory.area_not_found');
      const rows = await store.outlinesUnder(db, actor.scope, code);
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((a) => ({
          type: 'Feature' as const,
          id: a.code,
          properties: { code: a.code, name: a.name, level: a.level },
          geometry: a.geometry as AreaGeometry,
        })),
      };
    },

    async grid(actor: Actor, code: string) {
      const g = await store.getGrid(db, actor.scope, code);
      if (!g) throw new AppError('territory.grid_not_found');
      const [team, units, claimedBy, path] = await Promise.all([
        store.teamOfGrid(db, code),
        store.unitsOfGrid(db, code),
        claimsOfGrid(code),
        pathOf(code),
      ]);
      return {
        code: g.code,
        name: g.name,
        countyCode: g.countyCode,
        villageCode: g.villageCode,
        path,
        areaM2: g.areaM2,
        households: g.households,
        population: g.population,
        bbox: bboxOf(g.geometry as AreaGeometry),
        team: team.map((m) => ({
          id: m.id,
          role: m.role,
          employment: m.employment,
          name: m.name,
          phone: maskPhone(m.phone),
          userId: m.userId,
        })),
        professionalUnits: units,
        claimedBy,
        geometry: g.geometry as AreaGeometry,
      };
    },

    /** Which grid, village, township and county a point is in; null outside every grid. Unscoped, for use inside the server. */
    async locate(lng: number, lat: number) {
      const outOfRange = [
        ...(Math.abs(lng) <= 180 ? [] : [{ field: 'lng', reason: 'range', message: String(lng) }]),
        ...(Math.abs(lat) <= 90 ? [] : [{ field: 'lat', reason: 'range', message: String(lat) }]),
      ];
      if (outOfRange.length) throw new AppError('territory.coordinate_out_of_range', outOfRange);
      const code = (await freshIndex()).locate(lng, lat);
      if (!code) return null;
      const names = await namesOfPath(code);
      const ref = (c: string) => ({ code: c, name: names.get(c) ?? c });
      return {
        grid: ref(code),
        village: ref(code.slice(0, 12)),
        township: ref(code.slice(0, 9)),
        county: ref(code.slice(0, 6)),
      };
    },

    /**
     * The API's answer: a point in a grid outside the caller's jurisdiction is reported as such, with the
     * names of where it is (a report made there goes to the centre that owns it).
     */
    async locateFor(actor: Actor, lng: number, lat: number) {
      const hit = await this.locate(lng, lat);
      if (!hit) return { found: false as const, reason: 'outside_all_grids' as const };
      if (!codeInScope(hit.grid.code, actor.scope)) return { found: false as const, reason: 'outside_jurisdiction' as const, ...hit };
      return { found: true as const, ...hit };
    },

    /** Names of a grid and some areas, code → name, in one query. */
    namesAlongPath: (gridCode: string, areaCodes: string[]) => store.namesAlongPath(db, gridCode, areaCodes),
  };
}

export type TerritoryService = ReturnType<typeof createTerritoryService>;
