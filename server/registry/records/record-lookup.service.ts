/**
 * Base-data records as other forms pick them ("collect once"): one record by its type and natural key, the
 * records near a point, and a search by name or code. Each answer is a short place summary — type, key, name,
 * address, point — never a phone or an ID number, and always within the caller's jurisdiction.
 */

import type { RecordType } from '../../../shared/enums.ts';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { boxAround, distanceMeters, type LngLat } from '../../platform/distance.core.ts';
import { firstRows } from '../../platform/paging.ts';
import { codeInScope } from '../../platform/scope.ts';
import {
  type FacilityRow,
  getFacility,
  getOrganisation,
  listFacilities,
  type OrganisationRow,
  searchOrganisations,
} from '../organisations/organisations.store.ts';
import { type BuildingRow, buildingsByCode, getBuilding, getHouse, listHouses, searchBuildings } from '../places/places.store.ts';
import { normalizeCreditCode } from './identifiers.core.ts';
import { buildingsNear, facilitiesNear, organisationsNear } from './record-lookup.store.ts';

/** Record types a form may link, named as in record_change; the key is each one's natural key. */

/** Default and largest radius of "near": a worker standing at the door, not the whole street. */
export const NEARBY_RADIUS_M = { default: 100, max: 500 } as const;
/** Records one nearby answer or one search lists. */
const MAX_RESULTS = 30;

export interface RecordPlace {
  type: RecordType;
  key: string;
  name: string;
  address: string | null;
  lng: number | null;
  lat: number | null;
  gridCode: string;
  /** A component's class code (GB/T 30428.2); the catalogue's urban-management items carry it after `CG` (路灯 01037 → 路灯异常 CG01037). */
  classCode: string | null;
}

type Point = { lng: number | null; lat: number | null };
const facilityPlace = (f: Pick<FacilityRow, 'code' | 'classCode' | 'name' | 'lng' | 'lat' | 'gridCode'>): RecordPlace => ({
  type: 'facility',
  key: f.code,
  name: f.name,
  address: null,
  lng: f.lng,
  lat: f.lat,
  gridCode: f.gridCode,
  classCode: f.classCode,
});
const organisationPlace = (o: Pick<OrganisationRow, 'creditCode' | 'name' | 'address' | 'lng' | 'lat' | 'gridCode'>): RecordPlace => ({
  type: 'organisation',
  key: o.creditCode,
  name: o.name,
  address: o.address,
  lng: o.lng,
  lat: o.lat,
  gridCode: o.gridCode,
  classCode: null,
});
const buildingPlace = (b: Pick<BuildingRow, 'code' | 'name' | 'estate' | 'address' | 'lng' | 'lat' | 'gridCode'>): RecordPlace => ({
  type: 'building',
  key: b.code,
  name: `${b.estate ?? ''}${b.name}`,
  address: b.address,
  lng: b.lng,
  lat: b.lat,
  gridCode: b.gridCode,
  classCode: null,
});
/** A house has no point of its own: it stands where its building does. */
const housePlace = (h: { code: string; address: string; gridCode: string }, at: Point | undefined): RecordPlace => ({
  type: 'house',
  key: h.code,
  name: h.address,
  address: h.address,
  lng: at?.lng ?? null,
  lat: at?.lat ?? null,
  gridCode: h.gridCode,
  classCode: null,
});

export function createRecordLookup({ db }: { db: Db }) {
  /** One record in the caller's jurisdiction; undefined when there is none (or it lies outside). */
  async function find(actor: Pick<Actor, 'scope'>, type: RecordType, key: string): Promise<RecordPlace | undefined> {
    const { scope } = actor;
    switch (type) {
      case 'facility': {
        const f = await getFacility(db, scope, key);
        return f && facilityPlace(f);
      }
      case 'organisation': {
        const o = await getOrganisation(db, scope, normalizeCreditCode(key));
        return o && organisationPlace(o);
      }
      case 'building': {
        const b = await getBuilding(db, scope, key);
        return b && buildingPlace(b);
      }
      case 'house': {
        const h = await getHouse(db, scope, key);
        return h && housePlace(h, h.buildingCode ? await getBuilding(db, scope, h.buildingCode) : undefined);
      }
    }
  }

  /** Components, organisations and buildings within `radiusMeters` of a point, nearest first. */
  async function near(actor: Pick<Actor, 'scope'>, at: LngLat, radiusMeters: number) {
    const q = { at, box: boxAround(at, radiusMeters), limit: MAX_RESULTS };
    const [facilities, organisations, buildings] = await Promise.all([
      facilitiesNear(db, actor.scope, q),
      organisationsNear(db, actor.scope, q),
      buildingsNear(db, actor.scope, q),
    ]);
    return (
      [...facilities.map(facilityPlace), ...organisations.map(organisationPlace), ...buildings.map(buildingPlace)]
        // The box holds only rows with a point; the check tells the compiler so.
        .flatMap(({ lng, lat, ...p }) =>
          lng === null || lat === null ? [] : [{ ...p, lng, lat, distanceMeters: Math.round(distanceMeters(at, { lng, lat })) }],
        )
        .filter((p) => p.distanceMeters <= radiusMeters)
        .sort((a, b) => a.distanceMeters - b.distanceMeters || a.type.localeCompare(b.type) || a.key.localeCompare(b.key))
        .slice(0, MAX_RESULTS)
    );
  }

  /** Records whose whole code, or part of whose name or address, is `text`: whole-code matches first. */
  async function search(actor: Pick<Actor, 'scope'>, text: string): Promise<RecordPlace[]> {
    const { scope } = actor;
    const q = text.trim();
    if (!q) return [];
    const [facility, orgByCode, buildingByCode, houses, facilities, orgs, buildings] = await Promise.all([
      getFacility(db, scope, q),
      searchOrganisations(db, scope, { creditCode: normalizeCreditCode(q) }, firstRows(1)),
      searchBuildings(db, scope, { code: q }, firstRows(MAX_RESULTS)),
      listHouses(db, scope, { text: q }, firstRows(MAX_RESULTS)),
      listFacilities(db, scope, { name: q }, firstRows(MAX_RESULTS)),
      searchOrganisations(db, scope, { name: q }, firstRows(MAX_RESULTS)),
      searchBuildings(db, scope, { text: q }, firstRows(MAX_RESULTS)),
    ]);
    const buildingCodes = [...new Set(houses.map((h) => h.buildingCode).filter((c): c is string => !!c))];
    const points = new Map(
      (await buildingsByCode(db, buildingCodes)).filter((b) => codeInScope(b.gridCode, scope)).map((b) => [b.code, b]),
    );
    const house = (h: (typeof houses)[number]) => housePlace(h, h.buildingCode ? points.get(h.buildingCode) : undefined);
    const byKey = new Map<string, RecordPlace>();
    for (const p of [
      ...(facility ? [facilityPlace(facility)] : []),
      ...orgByCode.map(organisationPlace),
      ...buildingByCode.filter((r) => r.b.code === q).map((r) => buildingPlace(r.b)),
      ...houses.filter((h) => h.code === q).map(house),
      ...facilities.map(facilityPlace),
      ...orgs.map(organisationPlace),
      ...buildings.map((r) => buildingPlace(r.b)),
      ...houses.map(house),
    ]) {
      if (!byKey.has(`${p.type}:${p.key}`)) byKey.set(`${p.type}:${p.key}`, p);
    }
    return [...byKey.values()].slice(0, MAX_RESULTS);
  }

  return { find, near, search };
}

export type RecordLookup = ReturnType<typeof createRecordLookup>;
