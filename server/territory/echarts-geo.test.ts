import { area, feature, featureCollection, union } from '@turf/turf';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodeEchartsGeoJson, extractRegisteredMap, loadCityOutlines } from './echarts-geo.ts';
import { bboxOf } from './geometry.core.ts';

/** The inverse of ECharts' decoder, written independently: positions in 1/1024 degree, zigzag deltas + 64. */
function encodeRing(ring: Position[]): { text: string; offset: [number, number] } {
  const ints = ring.map(([x, y]) => [Math.round(x * 1024), Math.round(y * 1024)]);
  const offset: [number, number] = [ints[0][0], ints[0][1]];
  let [px, py] = offset;
  let text = '';
  for (const [x, y] of ints) {
    for (const d of [x - px, y - py]) text += String.fromCharCode((d >= 0 ? d * 2 : -d * 2 - 1) + 64);
    [px, py] = [x, y];
  }
  return { text, offset };
}

const square: Position[] = [
  [113.5, 31],
  [113.5, 31.25],
  [113.75, 31.25],
  [113.75, 31],
];
const triangle: Position[] = [
  [114, 30],
  [114.5, 30],
  [114, 30.5],
];

describe('decodeEchartsGeoJson', () => {
  it('decodes Polygon and MultiPolygon rings and closes them', () => {
    const sq = encodeRing(square);
    const tri = encodeRing(triangle);
    const {
      features: [poly, multi],
    } = decodeEchartsGeoJson({
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [
        {
          type: 'Feature',
          id: '1',
          properties: { name: 'a' },
          geometry: { type: 'Polygon', coordinates: [sq.text], encodeOffsets: [sq.offset] },
        },
        {
          type: 'Feature',
          id: '2',
          geometry: { type: 'MultiPolygon', coordinates: [[sq.text], [tri.text]], encodeOffsets: [[sq.offset], [tri.offset]] },
        },
      ],
    });
    expect(poly.geometry).toEqual({ type: 'Polygon', coordinates: [[...square, square[0]]] });
    expect(multi.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[[...square, square[0]]], [[...triangle, triangle[0]]]] });
    expect(poly.properties).toEqual({ name: 'a' });
  });

  it('drops zero deltas, which would otherwise be zero-length edges', () => {
    const withRepeat = encodeRing([square[0], square[0], square[1], square[2], square[2], square[3]]);
    const {
      features: [f],
    } = decodeEchartsGeoJson({
      type: 'FeatureCollection',
      UTF8Encoding: true,
      features: [{ type: 'Feature', geometry: { type: 'Polygon', coordinates: [withRepeat.text], encodeOffsets: [withRepeat.offset] } }],
    });
    expect(f.geometry.coordinates).toEqual([[...square, square[0]]]);
  });

  it('leaves a collection without UTF8Encoding as it is', () => {
    const geometry = { type: 'Polygon', coordinates: [[...square, square[0]]] };
    const {
      features: [f],
    } = decodeEchartsGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry }] });
    expect(f.geometry).toEqual(geometry);
  });
});

describe('extractRegisteredMap', () => {
  it('finds the object passed to registerMap, braces inside strings included', () => {
    const script = `(function(){if(!echarts){log('{');}echarts.registerMap('x', {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"a}\\"{"},"geometry":null}],"UTF8Encoding":true});}));`;
    const fc = extractRegisteredMap(script);
    expect(fc.features[0].properties).toEqual({ name: 'a}"{' });
    expect(fc.UTF8Encoding).toBe(true);
  });

  it('refuses a script without registerMap', () => {
    expect(() => extractRegisteredMap('var x = {};')).toThrow(/registerMap/);
  });
});

describe('loadCityOutlines', () => {
  const counties = loadCityOutlines('湖北', '孝感市.js');

  it('returns the seven counties of Xiaogan with their codes and names', () => {
    expect(counties.map((c) => c.id).sort()).toEqual(['420902', '420921', '420922', '420923', '420981', '420982', '420984']);
    expect(counties.find((c) => c.id === '420923')?.properties.name).toBe('云梦县');
  });

  it('decodes 云梦县 where it is on the map', () => {
    const yunmeng = counties.find((c) => c.id === '420923')!;
    const [minLng, minLat, maxLng, maxLat] = bboxOf(yunmeng.geometry);
    expect(minLng).toBeGreaterThan(113.55);
    expect(maxLng).toBeLessThan(113.95);
    expect(minLat).toBeGreaterThan(30.7);
    expect(maxLat).toBeLessThan(31.25);
    expect(maxLng - minLng).toBeGreaterThan(0.2);
    expect(maxLat - minLat).toBeGreaterThan(0.3);
    // Yunmeng covers about 604 km².
    expect(area(yunmeng) / 1e6).toBeGreaterThan(570);
    expect(area(yunmeng) / 1e6).toBeLessThan(640);
  });

  it('gives counties that tile the city: the sum of their areas is the area of their union', () => {
    const sum = counties.reduce((total, c) => total + area(c), 0);
    const city = union(featureCollection(counties.map((c) => feature(c.geometry))))!;
    expect(Math.abs(sum - area(city)) / area(city)).toBeLessThan(0.001);
  });

  it('closes every ring', () => {
    for (const c of counties) {
      const polygons = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
      for (const ring of polygons.flat()) expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });
});
