/**
 * Distances on the ground between lng/lat points, and the box a radius covers: what "near" means wherever a
 * place is compared with another (repeat cases, records near a report). Plain arithmetic, no PostGIS.
 */
export interface LngLat {
  lng: number;
  lat: number;
}

export interface Box {
  minLng: number;
  maxLng: number;
  minLat: number;
  maxLat: number;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres (haversine); exact enough at the tens of metres places are judged at. */
export function distanceMeters(a: LngLat, b: LngLat): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A box that holds every point within `meters` of the centre, for an index to narrow before the exact test. */
export function boxAround(p: LngLat, meters: number): Box {
  const dLat = (meters / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLng = dLat / Math.max(Math.cos(rad(p.lat)), 0.01);
  return { minLng: p.lng - dLng, maxLng: p.lng + dLng, minLat: p.lat - dLat, maxLat: p.lat + dLat };
}
