import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import type { BuildingsService } from './buildings.service.ts';
import type { AddressesService } from './addresses.service.ts';
import type { HousesService } from './houses.service.ts';
import { writeBuildingSheet } from './building-export.ts';
import { writeHouseSheet } from './house-export.ts';
import { exportRoute } from '../io/list-export.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

const Text = (maxLength: number, description: string) => Type.Optional(Nullable(Type.String({ maxLength, description })));
const Version = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
const SearchFilter = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Part of the address or name, or a whole code' })),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only under this area or grid' })),
};
const Search = Type.Object({ ...SearchFilter, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 200 })) }, { additionalProperties: false });
const HouseFilter = {
  building: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: '楼栋编号: the houses of this building' })),
  grid: Type.Optional(Type.String({ pattern: '^[0-9]{15}$', description: 'The houses of this grid' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 60, description: 'Part of the address or house code' })),
};
const Point = { lng: Nullable(Type.Number()), lat: Nullable(Type.Number()) };
const PointInput = { lng: Type.Optional(Nullable(Type.Number({ description: 'Longitude; the grid is found from the point' }))), lat: Type.Optional(Nullable(Type.Number())) };

const AddressCode = Type.Object({ code: Type.String({ pattern: '^[0-9]{18}$', description: '标准地址编码: village (12) + serial (6)', example: '420923100001000001' }) });
const AddressParts = {
  road: Nullable(Type.String({ description: '街路巷' })), doorNumber: Nullable(Type.String({ description: '门牌号' })), estate: Nullable(Type.String({ description: '小区' })),
  building: Nullable(Type.String({ description: '楼栋' })), unit: Nullable(Type.String({ description: '单元' })), room: Nullable(Type.String({ description: '户室' })),
};
const Address = Type.Object({
  code: Type.String(), fullText: Type.String({ description: 'The whole address' }), ...AddressParts, gridCode: Type.String(), ...Point,
  verifiedAt: Nullable(Type.String()), version: Type.Integer({ description: 'Send it back with an edit' }), updatedAt: Type.String(),
});
const AddressDetail = Type.Intersect([Address, Type.Object({
  buildings: Type.Array(Type.Object({ code: Type.String(), name: Type.String() }), { description: 'Buildings at this address' }),
  verifiedBy: VerifiedBySchema, history: RecordHistorySchema,
})]);
const AddressFields = {
  fullText: Text(120, 'The whole address; left out, the parts joined'),
  road: Text(60, '街路巷'), doorNumber: Text(20, '门牌号'), estate: Text(60, '小区'), building: Text(20, '楼栋'), unit: Text(20, '单元'), room: Text(20, '户室'),
  gridCode: Text(15, 'Grid; may be left out when a point is given'), ...PointInput,
};

const BuildingCode = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, description: '楼栋编号', example: '420923100001-01' }) });
const HouseRow = Type.Object({
  code: Type.String(), address: Type.String(), gridCode: Type.String(), buildingCode: Nullable(Type.String()), use: Type.String(), rented: Type.Boolean(),
  residents: Type.Integer({ description: 'People living there now' }), groupId: Nullable(Type.String({ description: 'Its ten-household group' })),
});
const Building = Type.Object({
  code: Type.String(), name: Type.String(), estate: Nullable(Type.String()), addressCode: Nullable(Type.String({ description: 'Its standard address' })), address: Type.String(),
  gridCode: Type.String(), ...Point, floors: Nullable(Type.Integer()), units: Nullable(Type.Integer()), households: Nullable(Type.Integer({ description: '户数 as declared' })),
  houses: Type.Integer({ description: 'Houses on record in the building' }),
  leaderName: Nullable(Type.String({ description: '楼栋长' })), leaderPhone: Nullable(Type.String({ description: 'Masked', example: '139****5678' })),
  leaderPersonId: Nullable(Type.String({ description: 'The leader as a person on record: picked, or matched by name and phone' })),
  verifiedAt: Nullable(Type.String()), version: Type.Integer(), updatedAt: Type.String(),
});
const BuildingDetail = Type.Intersect([Building, Type.Object({ houseList: Type.Array(HouseRow), verifiedBy: VerifiedBySchema, history: RecordHistorySchema })]);
const BuildingFields = {
  name: Type.String({ minLength: 1, maxLength: 60, description: '楼栋名称', example: '1 栋' }),
  estate: Text(60, '小区名称'),
  addressCode: Text(18, 'A standard address on record: its text, grid and point fill what is left out'),
  address: Text(120, '楼栋地址 (required without addressCode)'),
  gridCode: Text(15, 'Grid; may be left out when the address or a point gives it'), ...PointInput,
  // Integers are checked by the building template (1–200 floors, …) so a bad value is named like an import's.
  floors: Type.Optional(Nullable(Type.Integer({ description: '层数' }))),
  units: Type.Optional(Nullable(Type.Integer({ description: '单元数' }))),
  households: Type.Optional(Nullable(Type.Integer({ description: '户数' }))),
  leaderPersonId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '楼栋长 picked from the people on record (in jurisdiction): name and phone are then the person’s, and any typed are not used' }))),
  leaderName: Text(50, '楼栋长姓名, for a leader not on record'),
  leaderPhone: Text(20, 'Left out on an edit: the phone on record stays'),
};

const HouseDetail = Type.Object({
  code: Type.String(), address: Type.String(), gridCode: Type.String(), buildingCode: Nullable(Type.String()),
  unit: Nullable(Type.String()), floor: Nullable(Type.Integer()), room: Nullable(Type.String()),
  use: Type.String({ description: 'house_use code' }), areaM2: Nullable(Type.Number()),
  ownerName: Nullable(Type.String()), ownerIdNumber: Nullable(Type.String({ description: 'Masked' })), ownerPhone: Nullable(Type.String({ description: 'Masked' })),
  rented: Type.Boolean(), rentalUse: Nullable(Type.String()), rentalCategory: Nullable(Type.String()), rentalLevel: Nullable(Type.String()), hazards: Type.Array(Type.String()),
  building: Nullable(Type.Object({ code: Type.String(), name: Type.String(), address: Type.String() })),
  group: Nullable(Type.Object({ id: Type.String(), name: Type.String(), lead: Type.Boolean() })),
  residents: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), relation: Nullable(Type.String()), movedIn: Type.String() })),
  verifiedAt: Nullable(Type.String()), verifiedBy: VerifiedBySchema, version: Type.Integer({ description: 'Send it back with an edit' }), updatedAt: Type.String(),
  history: RecordHistorySchema,
});
const HouseCode = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40, description: '房屋编号', example: '420923100001-01-0101' }) });
// Lengths, ranges and codes are the house template's to check, so a refusal names the field like an import's.
const HouseFields = {
  address: Text(200, '房屋地址; left out, the building’s address with the unit and room'),
  gridCode: Text(15, 'Grid; left out, the building’s'),
  buildingCode: Text(40, '楼栋编号 of a building on record'),
  unit: Text(40, '单元'), floor: Type.Optional(Nullable(Type.Integer({ description: '楼层 (negative: basement)' }))), room: Text(40, '室号'),
  use: Type.String({ maxLength: 20, description: 'house_use code or name', example: '01' }),
  areaM2: Type.Optional(Nullable(Type.Number({ description: '建筑面积 m²' }))),
  ownerName: Text(100, '房主姓名'),
  ownerIdNumber: Text(40, '房主公民身份号码; left out on an edit, the one on record stays'),
  ownerPhone: Text(40, '房主联系电话; left out on an edit, the one on record stays'),
  rented: Type.Boolean({ description: '是否出租' }),
  rentalUse: Text(20, 'rental_use code (required when rented)'), rentalCategory: Text(20, 'rental_category code'), rentalLevel: Text(20, 'rental_level code'),
  hazards: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 10, description: 'house_hazard codes' })),
};

export async function buildingRoutes(app: Http, { buildings, addresses, houses, guard }: { buildings: BuildingsService; addresses: AddressesService; houses: HousesService; guard: Guard }) {
  const tags = ['registry'];
  const read = guard('registry.read');
  const write = guard('registry.write');

  app.get('/api/registry/addresses', { schema: { tags, summary: '查找标准地址 Standard addresses by text (part) or code, within jurisdiction', querystring: Search, response: { 200: Type.Object({ items: Type.Array(Address) }), ...errorReplies } }, onRequest: read },
    async (request) => ({ items: await addresses.search(request.actor, request.query, request.query.limit ?? 200) }));
  app.get('/api/registry/addresses/:code', { schema: { tags, summary: '标准地址详情 An address, its buildings and history', params: AddressCode, response: { 200: AddressDetail, ...errorReplies } }, onRequest: read },
    async (request) => addresses.get(request.actor, request.params.code));
  app.post('/api/registry/addresses', { schema: { tags, summary: '登记标准地址 Record an address; the server gives its code', body: Type.Object(AddressFields, { additionalProperties: false }), response: { 200: AddressDetail, ...errorReplies } }, onRequest: write },
    async (request) => addresses.create(request.actor, request.body, request.lang));
  app.put('/api/registry/addresses/:code', { schema: { tags, summary: '修改标准地址 Edit an address (409 when it changed since `version`)', params: AddressCode, body: Type.Object({ ...AddressFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: AddressDetail, ...errorReplies } }, onRequest: write },
    async (request) => addresses.edit(request.actor, request.params.code, request.body, request.lang));
  app.post('/api/registry/addresses/:code/verify', { schema: { tags, summary: '核实标准地址 Confirm the record as it stands', params: AddressCode, body: Version, response: { 200: AddressDetail, ...errorReplies } }, onRequest: write },
    async (request) => addresses.verify(request.actor, request.params.code, request.body.version));

  app.get('/api/registry/buildings', { schema: { tags, summary: '查找楼栋 Buildings by address or name (part), building or address code, area — within jurisdiction', querystring: Search, response: { 200: Type.Object({ items: Type.Array(Building) }), ...errorReplies } }, onRequest: read },
    async (request) => ({ items: await buildings.search(request.actor, request.query, request.query.limit ?? 200) }));
  app.get('/api/registry/buildings/:code', { schema: { tags, summary: '楼栋详情 A building, its houses, who verified it, and its history', params: BuildingCode, response: { 200: BuildingDetail, ...errorReplies } }, onRequest: read },
    async (request) => buildings.get(request.actor, request.params.code));
  app.post('/api/registry/buildings', { schema: { tags, summary: '登记楼栋 Record a building', body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), ...BuildingFields }, { additionalProperties: false }), response: { 200: BuildingDetail, ...errorReplies } }, onRequest: write },
    async (request) => buildings.create(request.actor, request.body, request.lang));
  app.put('/api/registry/buildings/:code', { schema: { tags, summary: '修改楼栋 Edit a building (409 when it changed since `version`)', params: BuildingCode, body: Type.Object({ ...BuildingFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: BuildingDetail, ...errorReplies } }, onRequest: write },
    async (request) => buildings.edit(request.actor, request.params.code, request.body, request.lang));
  app.post('/api/registry/buildings/:code/verify', { schema: { tags, summary: '核实楼栋 Confirm the record as it stands', params: BuildingCode, body: Version, response: { 200: BuildingDetail, ...errorReplies } }, onRequest: write },
    async (request) => buildings.verify(request.actor, request.params.code, request.body.version));
  app.post('/api/registry/buildings/:code/reveal', {
    schema: { tags, summary: '查看楼栋长电话 Reveal the leader’s phone, with a reason (audited)', params: BuildingCode, body: Type.Object({ field: Type.Literal('leaderPhone'), reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false }), response: { 200: Type.Object({ field: Type.String(), value: Nullable(Type.String()) }), ...errorReplies } },
    onRequest: guard('registry.unmask'),
  }, async (request) => buildings.reveal(request.actor, request.params.code, request.body.reason));

  app.get('/api/registry/houses', {
    schema: {
      tags, summary: '查找房屋 Houses of a building or a grid, or by address or code (part) — within jurisdiction',
      querystring: Type.Object({ ...HouseFilter, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(HouseRow) }), ...errorReplies },
    },
    onRequest: read,
  }, async (request) => ({ items: await houses.list(request.actor, request.query, request.query.limit ?? 500) }));
  exportRoute(app, guard, {
    url: '/api/registry/buildings/export',
    summary: '导出楼栋 Export a filtered list to Excel (leader phones masked unless unmasking is allowed and explained; audited)',
    filter: SearchFilter,
    unmaskable: true,
    fileName: 'buildings.xlsx',
    rows: (actor, filter, unmask) => buildings.export(actor, { ...filter, unmask }),
    write: writeBuildingSheet,
  });
  exportRoute(app, guard, {
    url: '/api/registry/houses/export',
    summary: '导出房屋 Export the houses of a building or grid, or found by address or code, to Excel (owner ID numbers and phones masked unless unmasking is allowed and explained; audited)',
    filter: HouseFilter,
    needsOneOf: ['building', 'grid', 'q'],
    unmaskable: true,
    fileName: 'houses.xlsx',
    rows: (actor, filter, unmask) => houses.export(actor, { ...filter, unmask }),
    write: writeHouseSheet,
  });
  app.get('/api/registry/houses/:code', { schema: { tags, summary: '房屋详情 A house, its building, its ten-household group, who lives there, and its history', params: HouseCode, response: { 200: HouseDetail, ...errorReplies } }, onRequest: read },
    async (request) => houses.get(request.actor, request.params.code));
  app.post('/api/registry/houses', { schema: { tags, summary: '登记房屋 Record a house (checked like a row of the house template)', body: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }), ...HouseFields }, { additionalProperties: false }), response: { 200: HouseDetail, ...errorReplies } }, onRequest: write },
    async (request) => houses.create(request.actor, request.body, request.lang));
  app.put('/api/registry/houses/:code', { schema: { tags, summary: '修改房屋 Edit a house (409 when it changed since `version`)', params: HouseCode, body: Type.Object({ ...HouseFields, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }), response: { 200: HouseDetail, ...errorReplies } }, onRequest: write },
    async (request) => houses.edit(request.actor, request.params.code, request.body, request.lang));
}
