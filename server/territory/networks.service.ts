import { countyOf, subtreePrefix } from '../../shared/codes.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { type AreaGeometry, areaSquareMeters, bboxOf, geometryProblem, selfIntersection } from './geometry.core.ts';
import { type GridFeatureCollection, type Problem, problemDetails } from './grid-import.service.ts';
import { overlapLinks } from './networks.core.ts';
import * as store from './networks.store.ts';
import { allGridShapes } from './territory.store.ts';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Professional networks (专业网格) over the same territory, and the grid ↔ unit mapping (多网合一). */
export function createNetworksService({ db, clock }: { db: Db; clock: Clock }) {
  async function mustGet(code: string) {
    const n = await store.getNetwork(db, code);
    if (!n) throw new AppError('territory.network_not_found');
    return n;
  }

  return {
    find: () => store.listNetworks(db),

    async create(actor: Actor, input: { code: string; name: string; kind: string }) {
      if (await store.getNetwork(db, input.code)) throw new AppError('territory.network_exists', [{ field: 'body.code', reason: 'taken' }]);
      await db.transaction(async (tx) => {
        await store.insertNetwork(tx, { ...input, createdAt: clock() });
        await recordAudit(tx, { at: clock(), actorId: actor.id, action: 'network.created', target: input.code, detail: input });
      });
      return (await store.listNetworks(db)).find((n) => n.code === input.code)!;
    },

    /** Adds or replaces units of a network from GeoJSON and recomputes which grids they overlap. All-or-nothing. */
    async importUnits(actor: Actor, networkCode: string, fc: GridFeatureCollection, lang: Lang) {
      await mustGet(networkCode);
      const problems: Problem[] = [];
      const seen = new Map<string, number>();
      fc.features.forEach((f, index) => {
        const code = text(f.properties?.code);
        if (!code) problems.push({ index, code, reason: 'unit.code_invalid' });
        else if (seen.has(code)) problems.push({ index, code, reason: 'unit.duplicate_code', detail: `#${seen.get(code)}` });
        else seen.set(code, index);
        if (!text(f.properties?.name)) problems.push({ index, code, reason: 'unit.name_invalid' });
        const broken = geometryProblem(f.geometry);
        if (broken) problems.push({ index, code, reason: 'grid.geometry_invalid', detail: broken });
        else if (selfIntersection(f.geometry as AreaGeometry)) problems.push({ index, code, reason: 'grid.self_intersection' });
      });
      if (problems.length) throw new AppError('territory.import_invalid', problemDetails(problems, lang));

      const units = fc.features.map((f) => {
        const geometry = f.geometry as AreaGeometry;
        const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
        return { networkCode, code: text(f.properties?.code)!, name: text(f.properties?.name)!, geometry, minLng, minLat, maxLng, maxLat };
      });
      const grids = (await allGridShapes(db)).map((g) => ({ code: g.code, geometry: g.geometry as AreaGeometry }));
      const links = overlapLinks(grids, units).map(({ grid, unit, overlapM2 }) => ({
        countyCode: countyOf(grid.code),
        gridCode: grid.code,
        networkCode,
        unitCode: unit.code,
        overlapM2,
      }));
      await db.transaction(async (tx) => {
        await store.upsertUnits(tx, units);
        await store.replaceLinks(tx, { networkCode, unitCodes: units.map((u) => u.code) }, links);
        await recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: 'network.units_imported',
          target: networkCode,
          detail: { count: units.length, links: links.length },
        });
      });
      return { imported: units.length, links: links.length };
    },

    /** Units of a network that overlap grids under an area the caller may see. */
    async unitsOf(actor: Actor, networkCode: string, areaCode: string) {
      await mustGet(networkCode);
      const rows = await store.unitsInArea(db, actor.scope, networkCode, subtreePrefix(areaCode));
      return {
        type: 'FeatureCollection' as const,
        features: rows.map((u) => ({
          type: 'Feature' as const,
          id: u.code,
          properties: { code: u.code, name: u.name, areaM2: areaSquareMeters(u.geometry as AreaGeometry) },
          geometry: u.geometry as AreaGeometry,
        })),
      };
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;
