import { Type } from '@sinclair/typebox';
import { NETWORK_KINDS } from '../../shared/enums.ts';
import { AreaRefSchema, GeometrySchema, Nullable } from '../platform/schemas.ts';

export const AreaCode = Type.String({
  pattern: '^[0-9]{6}([0-9]{3}){0,3}$',
  description: '区划编码 Division code: 6 (city/county), 9 (township), 12 (village) or 15 (grid) digits',
  example: '420923',
});
export const GridCode = Type.String({
  pattern: '^[0-9]{15}$',
  description: '网格编码 15-digit unit-grid code',
  example: '420923100001001',
});

export const AreaParams = Type.Object({ code: AreaCode });
export const GridParams = Type.Object({ code: GridCode });
export const AreaQuery = Type.Object({ area: AreaCode }, { additionalProperties: false });

export const AreaNode = Type.Object(
  {
    code: Type.String({ description: '编码 Code', example: '420923100' }),
    name: Type.String({ description: '名称 Name', example: '城关镇' }),
    level: Type.String({ description: '层级 city | county | township | village | grid', example: 'township' }),
    parentCode: Nullable(Type.String({ description: '上级编码 Parent code', example: '420923' })),
    childCount: Type.Integer({ description: '下级数 Children in the tree', example: 12 }),
    gridCount: Type.Integer({ description: '网格数 Grids in the subtree', example: 86 }),
  },
  { description: '区域节点 A node of the area tree' },
);
export const AreaNodes = Type.Object({ items: Type.Array(AreaNode, { description: '区域节点 Nodes' }) });

export const AreaDetail = Type.Object({
  code: Type.String({ description: '编码 Code', example: '420923100' }),
  name: Type.String({ description: '名称 Name', example: '城关镇' }),
  level: Type.String({ description: '层级 Level: city | county | township | village | grid', example: 'township' }),
  parentCode: Nullable(Type.String({ description: '上级编码 Parent code' })),
  path: Type.Array(AreaRefSchema, { description: '上级路径 Ancestors, city first' }),
  gridCount: Type.Integer({ description: '网格数 Grids in the subtree' }),
  bbox: Nullable(Type.Array(Type.Number(), { description: '范围 [minLng, minLat, maxLng, maxLat]' })),
  geometry: Nullable(GeometrySchema),
});

const Feature = Type.Object(
  {
    type: Type.Literal('Feature', { description: 'GeoJSON Feature' }),
    id: Type.Optional(Type.String({ description: '要素标识 Feature id' })),
    properties: Nullable(Type.Record(Type.String(), Type.Any(), { description: '属性 Properties' })),
    geometry: Type.Any({ description: '几何 GeoJSON geometry, lng/lat' }),
  },
  { additionalProperties: true },
);
export const FeatureCollection = Type.Object(
  {
    type: Type.Literal('FeatureCollection', { description: 'GeoJSON FeatureCollection' }),
    features: Type.Array(Feature, { description: '要素 Features' }),
  },
  { additionalProperties: true, description: 'GeoJSON, lng/lat. Grid features carry properties {code, name, households?, population?}' },
);

const Ref = Type.Object(
  { code: Type.String({ description: '编码 Code' }), name: Type.String({ description: '名称 Name' }) },
  { description: '编码与名称 Code and name' },
);

export const GridDetail = Type.Object({
  code: GridCode,
  name: Type.String({ description: '网格名称 Name', example: '城关镇东街社区第1网格' }),
  countyCode: Type.String({ description: '县区编码 County code', example: '420923' }),
  villageCode: Type.String({ description: '村社区编码 Village/community code', example: '420923100001' }),
  path: Type.Array(AreaRefSchema, { description: '上级路径 City → county → township → village' }),
  areaM2: Type.Number({ description: '面积 Area in square metres', example: 182000 }),
  households: Nullable(Type.Integer({ description: '户数 Households, when known', example: 312 })),
  population: Nullable(Type.Integer({ description: '人口 People, when known', example: 905 })),
  bbox: Type.Array(Type.Number(), { description: '范围 [minLng, minLat, maxLng, maxLat]' }),
  team: Type.Array(
    Type.Object({
      id: Type.String({ description: '成员标识 Member id' }),
      role: Type.String({ description: '角色 grid_leader | grid_worker | instructor | assistant | party_helper', example: 'grid_worker' }),
      employment: Nullable(Type.String({ description: '专兼职 full_time | part_time (grid workers)', example: 'full_time' })),
      name: Type.String({ description: '姓名 Name', example: '李娜' }),
      phone: Nullable(Type.String({ description: '电话 Phone, masked', example: '138****1234' })),
      userId: Nullable(Type.String({ description: '账号 Account, if the member has one' })),
    }),
    { description: '网格团队 The 1+1+1+N team' },
  ),
  professionalUnits: Type.Array(
    Type.Object({
      networkCode: Type.String({ description: '专业网格编码 Network code', example: 'police' }),
      networkName: Type.String({ description: '专业网格名称 Network name', example: '警务网格' }),
      unitCode: Type.String({ description: '单元编码 Unit code' }),
      unitName: Type.String({ description: '单元名称 Unit name' }),
      overlapM2: Type.Number({ description: '重叠面积 Shared area in m²' }),
    }),
    { description: 'Professional units this grid overlaps (多网合一)' },
  ),
  claimedBy: Type.Array(Ref, { description: '认领部门 Departments that claimed this grid' }),
  geometry: GeometrySchema,
});

export const LocateQuery = Type.Object(
  {
    lng: Type.Number({ description: '经度 Longitude (WGS84/CGCS2000)', example: 113.75 }),
    lat: Type.Number({ description: '纬度 Latitude', example: 31.02 }),
  },
  { additionalProperties: false },
);
export const LocateReply = Type.Object({
  found: Type.Boolean({ description: '是否找到 Whether the point lies in a grid the caller may see' }),
  reason: Type.Optional(
    Type.String({
      description:
        '原因 When not found: outside_all_grids | outside_jurisdiction (then grid, village, township and county still name where the point is: a report made there goes to the centre that owns it)',
      example: 'outside_all_grids',
    }),
  ),
  grid: Type.Optional(Ref),
  village: Type.Optional(Ref),
  township: Type.Optional(Ref),
  county: Type.Optional(Ref),
});

export const ImportReply = Type.Object({
  imported: Type.Integer({ description: '新增 New grids' }),
  replaced: Type.Integer({ description: '替换 Existing grids replaced' }),
});

export const Network = Type.Object(
  {
    code: Type.String({ description: '编码 Code', example: 'police' }),
    name: Type.String({ description: '名称 Name', example: '警务网格' }),
    kind: Type.String({ description: `类型 ${NETWORK_KINDS.join(' | ')}`, example: 'police_beat' }),
    unitCount: Type.Integer({ description: '单元数 Units' }),
  },
  { description: '专业网格 A professional network' },
);
export const Networks = Type.Object({ items: Type.Array(Network, { description: '专业网格 Networks' }) });
export const CreateNetworkBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$', description: '编码 Code', example: 'road' }),
    name: Type.String({ minLength: 1, maxLength: 64, description: '名称 Name', example: '道路路段' }),
    kind: Type.Union(
      NETWORK_KINDS.map((k) => Type.Literal(k)),
      { description: '类型 Kind' },
    ),
  },
  { additionalProperties: false },
);
export const NetworkParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 32, description: '专业网格编码 Network code', example: 'police' }),
});
export const UnitImportReply = Type.Object({
  imported: Type.Integer({ description: '导入单元数 Units imported' }),
  links: Type.Integer({ description: 'Grid ↔ unit links computed' }),
});
