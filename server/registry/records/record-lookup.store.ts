/**
 * Records near a point: components, organisations and buildings whose point lies in a box, within the
 * caller's jurisdiction. Plain SQL on the lng/lat columns (no PostGIS); the exact distance is measured in
 * process by the caller.
 */
import { type AnyColumn, and, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { Box, LngLat } from '../../platform/distance.core.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { facility, organisation } from '../organisations/organisations.tables.ts';
import { building } from '../places/places.tables.ts';

export interface NearQuery {
  at: LngLat;
  box: Box;
  limit: number;
}

const inBox = (lng: AnyColumn, lat: AnyColumn, box: Box) =>
  and(gte(lng, box.minLng), lte(lng, box.maxLng), gte(lat, box.minLat), lte(lat, box.maxLat));

/** Nearest first by degrees scaled to the latitude: close enough for a limit to keep the nearest rows. */
const nearestFirst = (lng: AnyColumn, lat: AnyColumn, at: LngLat) =>
  sql`power((${lng} - ${at.lng}::float8) * ${Math.cos((at.lat * Math.PI) / 180)}::float8, 2) + power(${lat} - ${at.lat}::float8, 2)`;

export async function facilitiesNear(tx: Tx, scope: Scope, q: NearQuery) {
  return tx
    .select({
      code: facility.code,
      classCode: facility.classCode,
      name: facility.name,
      lng: facility.lng,
      lat: facility.lat,
      gridCode: facility.gridCode,
    })
    .from(facility)
    .where(and(inScope(facility.gridCode, scope), inBox(facility.lng, facility.lat, q.box)))
    .orderBy(nearestFirst(facility.lng, facility.lat, q.at))
    .limit(q.limit);
}

export async function organisationsNear(tx: Tx, scope: Scope, q: NearQuery) {
  return tx
    .select({
      creditCode: organisation.creditCode,
      name: organisation.name,
      address: organisation.address,
      lng: organisation.lng,
      lat: organisation.lat,
      gridCode: organisation.gridCode,
    })
    .from(organisation)
    .where(and(inScope(organisation.gridCode, scope), inBox(organisation.lng, organisation.lat, q.box)))
    .orderBy(nearestFirst(organisation.lng, organisation.lat, q.at))
    .limit(q.limit);
}

export async function buildingsNear(tx: Tx, scope: Scope, q: NearQuery) {
  return tx
    .select({
      code: building.code,
      name: building.name,
      estate: building.estate,
      address: building.address,
      lng: building.lng,
      lat: building.lat,
      gridCode: building.gridCode,
    })
    .from(building)
    .where(and(inScope(building.gridCode, scope), inBox(building.lng, building.lat, q.box)))
    .orderBy(nearestFirst(building.lng, building.lat, q.at))
    .limit(q.limit);
}
