import { countyOf } from '../../shared/codes.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { type Lang, PROBLEM_MESSAGES } from '../../shared/i18n/errors.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { type AreaGeometry, areaSquareMeters, bboxOf, type GridFeatureInput, validateGridFeatures } from './geometry.core.ts';
import { overlapLinks } from './networks.core.ts';
import * as networks from './networks.store.ts';
import type { TerritoryService } from './territory.service.ts';
import * as store from './territory.store.ts';

export interface GridFeatureCollection {
  type: 'FeatureCollection';
  features: (GridFeatureInput & { properties?: Record<string, unknown> | null })[];
}

export interface Problem {
  index: number;
  code: string | null;
  reason: string;
  detail?: string;
  otherCode?: string;
}

/** Problems → the one error shape, one detail per problem: a message in the request's language, the technical detail beside it. */
export function problemDetails(problems: Problem[], lang: Lang): ErrorDetail[] {
  return problems
    .sort((a, b) => a.index - b.index)
    .map((p) => ({
      field: `features[${p.index}]`,
      index: p.index,
      code: p.code,
      reason: p.reason,
      message: `${PROBLEM_MESSAGES[lang][p.reason] ?? p.reason}${p.otherCode && p.otherCode !== p.code ? ` (${p.otherCode})` : ''}`,
      ...(p.detail ? { detail: p.detail } : {}),
    }));
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
const count = (v: unknown) => (Number.isInteger(v) && (v as number) >= 0 ? (v as number) : null);

export function createGridImportService({ db, clock, territory }: { db: Db; clock: Clock; territory: TerritoryService }) {
  return {
    /** All-or-nothing: any problem refuses the whole file with every problem listed, and nothing changes. */
    async importGrids(actor: Actor, fc: GridFeatureCollection, lang: Lang) {
      const codes = fc.features.map((f) => text(f.properties?.code));
      const villageCodes = [...new Set(codes.filter((c): c is string => !!c && c.length >= 12).map((c) => c.slice(0, 12)))];
      const villages = new Map(
        (await store.villageShapes(db, villageCodes)).filter((v) => v.geometry).map((v) => [v.code, v.geometry as AreaGeometry]),
      );
      const existing = (await store.allGridShapes(db)).map((g) => ({ code: g.code, geometry: g.geometry as AreaGeometry }));
      const problems: Problem[] = validateGridFeatures(fc.features, { villages, existingGrids: existing });
      fc.features.forEach((f, index) => {
        const code = codes[index];
        if (!text(f.properties?.name)) problems.push({ index, code, reason: 'grid.name_invalid' });
        if (code && !codeInScope(code, actor.scope)) problems.push({ index, code, reason: 'grid.out_of_jurisdiction' });
      });
      if (problems.length) throw new AppError('territory.import_invalid', problemDetails(problems, lang));

      const now = clock();
      const rows = fc.features.map((f, i) => {
        const geometry = f.geometry as AreaGeometry;
        const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
        const code = codes[i]!;
        return {
          countyCode: countyOf(code),
          code,
          villageCode: code.slice(0, 12),
          name: text(f.properties?.name)!,
          geometry,
          minLng,
          minLat,
          maxLng,
          maxLat,
          areaM2: areaSquareMeters(geometry),
          households: count(f.properties?.households),
          population: count(f.properties?.population),
          updatedAt: now,
        };
      });
      const replaced = await store.existingGridCodes(
        db,
        rows.map((r) => r.code),
      );
      const units = await networks.allUnits(db);
      await db.transaction(async (tx) => {
        await store.upsertGrids(tx, rows);
        const links = overlapLinks(
          rows,
          units.map((u) => ({ ...u, geometry: u.geometry as AreaGeometry })),
        );
        await networks.replaceLinks(
          tx,
          { gridCodes: rows.map((r) => r.code) },
          links.map(({ grid, unit, overlapM2 }) => ({
            countyCode: grid.countyCode,
            gridCode: grid.code,
            networkCode: unit.networkCode,
            unitCode: unit.code,
            overlapM2,
          })),
        );
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'grid.imported',
          detail: { count: rows.length, replaced: replaced.size },
        });
      });
      territory.invalidateIndex();
      return { imported: rows.length - replaced.size, replaced: replaced.size };
    },

    /** The grids under an area as a GeoJSON file the import accepts back unchanged. */
    async exportGrids(actor: Actor, areaCode: string) {
      const fc = await territory.gridsOf(actor, areaCode);
      return {
        type: 'FeatureCollection' as const,
        features: fc.features.map((f) => ({
          type: 'Feature' as const,
          properties: {
            code: f.properties.code,
            name: f.properties.name,
            households: f.properties.households,
            population: f.properties.population,
          },
          geometry: f.geometry,
        })),
      };
    },
  };
}

export type GridImportService = ReturnType<typeof createGridImportService>;
