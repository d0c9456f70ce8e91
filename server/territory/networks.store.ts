import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { gridUnitLink, professionalNetwork, professionalUnit } from './territory.tables.ts';

export async function listNetworks(tx: Tx) {
  return tx
    .select({
      code: professionalNetwork.code,
      name: professionalNetwork.name,
      kind: professionalNetwork.kind,
      unitCount: sql<number>`(select count(*)::int from professional_unit u where u.network_code = "professional_network"."code")`,
    })
    .from(professionalNetwork)
    .orderBy(professionalNetwork.code);
}

export async function getNetwork(tx: Tx, code: string) {
  return (await tx.select().from(professionalNetwork).where(eq(professionalNetwork.code, code)))[0];
}

export async function insertNetwork(tx: Tx, values: typeof professionalNetwork.$inferInsert) {
  await tx.insert(professionalNetwork).values(values);
}

export async function allUnits(tx: Tx, networkCode?: string) {
  return tx
    .select()
    .from(professionalUnit)
    .where(networkCode ? eq(professionalUnit.networkCode, networkCode) : sql`true`)
    .orderBy(professionalUnit.code);
}

export async function upsertUnits(tx: Tx, rows: (typeof professionalUnit.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(professionalUnit)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [professionalUnit.networkCode, professionalUnit.code],
        set: {
          name: sql`excluded.name`,
          geometry: sql`excluded.geometry`,
          minLng: sql`excluded.min_lng`,
          minLat: sql`excluded.min_lat`,
          maxLng: sql`excluded.max_lng`,
          maxLat: sql`excluded.max_lat`,
        },
      });
  }
}

/** Replace the links of the given units (when a network's units change) or of the given grids (when grids change). */
export async function replaceLinks(
  tx: Tx,
  by: { networkCode: string; unitCodes: string[] } | { gridCodes: string[] },
  links: (typeof gridUnitLink.$inferInsert)[],
) {
  if ('gridCodes' in by) {
    if (by.gridCodes.length) await tx.delete(gridUnitLink).where(inArray(gridUnitLink.gridCode, by.gridCodes));
  } else if (by.unitCodes.length) {
    await tx.delete(gridUnitLink).where(and(eq(gridUnitLink.networkCode, by.networkCode), inArray(gridUnitLink.unitCode, by.unitCodes)));
  }
  for (let i = 0; i < links.length; i += 500) await tx.insert(gridUnitLink).values(links.slice(i, i + 500));
}

/** Units linked to any grid in the caller's scope under `prefix`. */
export async function unitsInArea(tx: Tx, scope: Scope, networkCode: string, prefix: string) {
  return tx
    .selectDistinct({ code: professionalUnit.code, name: professionalUnit.name, geometry: professionalUnit.geometry })
    .from(professionalUnit)
    .innerJoin(
      gridUnitLink,
      and(eq(gridUnitLink.networkCode, professionalUnit.networkCode), eq(gridUnitLink.unitCode, professionalUnit.code)),
    )
    .where(
      and(
        eq(professionalUnit.networkCode, networkCode),
        sql`${gridUnitLink.gridCode} like ${`${prefix}%`}`,
        inScope(gridUnitLink.gridCode, scope),
      ),
    );
}
