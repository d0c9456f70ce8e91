import { Type } from '@sinclair/typebox';
import { AreaRefSchema, GeometrySchema, Nullable } from '../platform/schemas.ts';

export const AreaCode = Type.String({ pattern: '^[0-9]{6}([0-9]{3}){0,3}$', description: 'Division code: 6 (city/county), 9 (township), 12 (village) or 15 (grid) digits', example: '420923' });
export const GridCode = Type.String({ pattern: '^[0-9]{15}$', description: '15-digit unit-grid code', example: '420923100001001' });

export const AreaNode = Type.Object({
  code: Type.String({ description: 'Code', example: '420923100' }),
  name: Type.String({ description: 'Name', example: '城关镇' }),
  level: Type.String({ description: 'city | county | township | village | grid', example: 'township' }),
  parentCode: Nullable(Type.String({ description: 'Parent code' })),
  childCount: Type.Integer({ description: 'Children in the tree' }),
  gridCount: Type.Integer({ description: 'Grids in the subtree' }),
});
export const AreaNodes = Type.Object({ items: Type.Array(AreaNode) });

export const AreaDetail = Type.Object({
  code: Type.String({ description: 'Code' }),
  name: Type.String({ description: 'Name' }),
  level: Type.String({ description: 'Level' }),
  parentCode: Nullable(Type.String({ description: 'Parent code' })),
  path: Type.Array(AreaRefSchema, { description: 'Ancestors, city first' }),
  gridCount: Type.Integer({ description: 'Grids in the subtree' }),
  bbox: Nullable(Type.Array(Type.Number(), { description: '[minLng, minLat, maxLng, maxLat]' })),
  geometry: Nullable(GeometrySchema),
});

const Feature = Type.Object(
  { type: Type.Literal('Feature'), id: Type.Optional(Type.String()), properties: Nullable(Type.Record(Type.String(), Type.Any())), geometry: Type.Any() },
  { additionalProperties: true },
);
export const FeatureCollection = Type.Object(
  { type: Type.Literal('FeatureCollection', { description: 'GeoJSON FeatureCollection' }), features: Type.Array(Feature) },
  { additionalProperties: true, description: 'GeoJSON, lng/lat. Grid features carry properties {code, name, households?, population?}' },
);

const Ref = Type.Object({ code: Type.String({ description: 'Code' }), name: Type.String({ description: 'Name' }) });

export const GridDetail = Type.Object({
  code: GridCode,
  name: Type.String({ description: 'Name', example: '城关镇东街社区第1网格' }),
  countyCode: Type.String({ description: 'County code' }),
  villageCode: Type.String({ description: 'Village/community code' }),
  path: Type.Array(AreaRefSchema, { description: 'City → county → township → village' }),
  areaM2: Type.Number({ description: 'Area in square metres' }),
  households: Nullable(Type.Integer({ description: 'Households, when known' })),
  population: Nullable(Type.Integer({ description: 'People, when known' })),
  bbox: Type.Array(Type.Number(), { description: '[minLng, minLat, maxLng, maxLat]' }),
  team: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Member id' }),
      role: Type.String({ description: 'grid_leader | grid_worker | instructor | assistant | party_helper' }),
      employment: Nullable(Type.String({ description: 'full_time | part_time (grid workers)' })),
      name: Type.String({ description: 'Name' }),
      phone: Nullable(Type.String({ description: 'Phone, masked' })),
      userId: Nullable(Type.String({ description: 'Account, if the member has one' })),
    }),
    { description: 'The 1+1+1+N team' },
  ),
  professionalUnits: Type.Array(
    Type.Object({
      networkCode: Type.String(), networkName: Type.String(), unitCode: Type.String(), unitName: Type.String(),
      overlapM2: Type.Number({ description: 'Shared area in m²' }),
    }),
    { description: 'Professional units this grid overlaps (多网合一)' },
  ),
  claimedBy: Type.Array(Ref, { description: 'Departments that claimed this grid' }),
  geometry: GeometrySchema,
});

export const LocateQuery = Type.Object({
  lng: Type.Number({ description: 'Longitude (WGS84/CGCS2000)', example: 113.75 }),
  lat: Type.Number({ description: 'Latitude', example: 31.02 }),
});
export const LocateReply = Type.Object({
  found: Type.Boolean({ description: 'Whether the point lies in a grid the caller may see' }),
  reason: Type.Optional(Type.String({ description: 'When not found: outside_all_grids | outside_jurisdiction' })),
  grid: Type.Optional(Ref),
  village: Type.Optional(Ref),
  township: Type.Optional(Ref),
  county: Type.Optional(Ref),
});

export const ImportReply = Type.Object({
  imported: Type.Integer({ description: 'New grids' }),
  replaced: Type.Integer({ description: 'Existing grids replaced' }),
});

export const Network = Type.Object({
  code: Type.String({ description: 'Code', example: 'police' }),
  name: Type.String({ description: 'Name', example: '警务网格' }),
  kind: Type.String({ description: 'police_beat | road_section | other' }),
  unitCount: Type.Integer({ description: 'Units' }),
});
export const CreateNetworkBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: 'Code', example: 'road' }),
    name: Type.String({ minLength: 1, maxLength: 64, description: 'Name', example: '道路路段' }),
    kind: Type.Union([Type.Literal('police_beat'), Type.Literal('road_section'), Type.Literal('other')], { description: 'Kind' }),
  },
  { additionalProperties: false },
);
