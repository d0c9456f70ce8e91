import { Type } from '@sinclair/typebox';
import {
  ADDRESS_CODE_LENGTH,
  ADDRESS_MAX,
  ADDRESS_PART_MAX,
  CODE_VALUE_MAX,
  GRID_CODE_LENGTH,
  PAGE,
  PERSON_NAME_MAX,
  PHONE_MAX,
  PLACE_NAME_MAX,
  REASON,
  RECORD_CODE_MAX,
  SEARCH_TEXT_MAX,
} from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable } from '../../platform/schemas.ts';
import { AreaNameFields } from '../records/area-names.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

const Text = (maxLength: number, description: string) => Type.Optional(Nullable(Type.String({ maxLength, description })));
export const VersionBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: '版本 The version the record was read at (409 when it changed since)' }) },
  { additionalProperties: false },
);
const EditVersion = Type.Integer({ minimum: 1, description: '版本 The version the form was read at (409 when it changed since)' });
const Point = {
  lng: Nullable(Type.Number({ description: '经度 Longitude', example: 113.75 })),
  lat: Nullable(Type.Number({ description: '纬度 Latitude', example: 31.02 })),
};
const PointInput = {
  lng: Type.Optional(Nullable(Type.Number({ description: 'Longitude; the grid is found from the point' }))),
  lat: Type.Optional(Nullable(Type.Number({ description: '纬度 Latitude' }))),
};
const CodeInput = Type.String({ minLength: 1, maxLength: RECORD_CODE_MAX, description: '编号 The record’s code, as given' });

// ── search ──

export const SearchFilter = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, description: 'Part of the address or name, or a whole code' })),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only under this area or grid' })),
};
export const SearchQuery = Type.Object(
  {
    ...SearchFilter,
    ...pageQuery(PAGE.places),
  },
  { additionalProperties: false },
);
export const HouseFilter = {
  building: Type.Optional(Type.String({ minLength: 1, maxLength: RECORD_CODE_MAX, description: '楼栋编号: the houses of this building' })),
  grid: Type.Optional(Type.String({ pattern: '^[0-9]{15}$', description: 'The houses of this grid' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, description: 'Part of the address or house code' })),
};
export const HouseQuery = Type.Object(
  {
    ...HouseFilter,
    ...pageQuery(PAGE.houses),
  },
  { additionalProperties: false },
);

// ── standard addresses ──

export const AddressCode = Type.Object({
  code: Type.String({ pattern: '^[0-9]{18}$', description: '标准地址编码: village (12) + serial (6)', example: '420923100001000001' }),
});
const AddressParts = {
  road: Nullable(Type.String({ description: '街路巷' })),
  doorNumber: Nullable(Type.String({ description: '门牌号' })),
  estate: Nullable(Type.String({ description: '小区' })),
  building: Nullable(Type.String({ description: '楼栋' })),
  unit: Nullable(Type.String({ description: '单元' })),
  room: Nullable(Type.String({ description: '户室' })),
};
const Address = Type.Object({
  code: Type.String({ description: '标准地址编码 Address code', example: '420923100001000001' }),
  fullText: Type.String({ description: 'The whole address' }),
  ...AddressParts,
  gridCode: Type.String({ description: '网格编码 Grid' }),
  ...Point,
  verifiedAt: Nullable(Type.String({ description: '核实时间 Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String({ description: '修改时间 Last changed' }),
});
export const Addresses = pageReply(Address, '标准地址 Addresses found');
export const AddressDetail = Type.Intersect([
  Address,
  Type.Object({
    buildings: Type.Array(
      Type.Object({
        code: Type.String({ description: '楼栋编号 Building code' }),
        name: Type.String({ description: '楼栋名称 Building name' }),
      }),
      { description: 'Buildings at this address' },
    ),
    verifiedBy: VerifiedBySchema,
    history: RecordHistorySchema,
  }),
]);
const AddressFields = {
  fullText: Text(ADDRESS_MAX, 'The whole address; left out, the parts joined'),
  road: Text(PLACE_NAME_MAX, '街路巷'),
  doorNumber: Text(ADDRESS_PART_MAX, '门牌号'),
  estate: Text(PLACE_NAME_MAX, '小区'),
  building: Text(ADDRESS_PART_MAX, '楼栋'),
  unit: Text(ADDRESS_PART_MAX, '单元'),
  room: Text(ADDRESS_PART_MAX, '户室'),
  gridCode: Text(GRID_CODE_LENGTH, 'Grid; may be left out when a point is given'),
  ...PointInput,
};
export const CreateAddressBody = Type.Object(AddressFields, { additionalProperties: false });
export const EditAddressBody = Type.Object({ ...AddressFields, version: EditVersion }, { additionalProperties: false });

// ── buildings ──

export const BuildingCode = Type.Object({
  code: Type.String({ minLength: 1, maxLength: RECORD_CODE_MAX, description: '楼栋编号', example: '420923100001-01' }),
});
const HouseRow = Type.Object({
  code: Type.String({ description: '房屋编号 House code', example: '420923100001-01-0101' }),
  address: Type.String({ description: '房屋地址 Address' }),
  gridCode: Type.String({ description: '网格编码 Grid' }),
  buildingCode: Nullable(Type.String({ description: '楼栋编号 Its building' })),
  use: Type.String({ description: 'house_use code', example: '01' }),
  rented: Type.Boolean({ description: '是否出租 Let' }),
  residents: Type.Integer({ description: 'People living there now' }),
  groupId: Nullable(Type.String({ description: 'Its ten-household group' })),
});
export const Houses = pageReply(HouseRow, '房屋 Houses found');
const Building = Type.Object({
  code: Type.String({ description: '楼栋编号 Building code', example: '420923100001-01' }),
  name: Type.String({ description: '楼栋名称 Name', example: '1 栋' }),
  estate: Nullable(Type.String({ description: '小区名称 Estate' })),
  addressCode: Nullable(Type.String({ description: 'Its standard address' })),
  address: Type.String({ description: '楼栋地址 Address' }),
  gridCode: Type.String({ description: '网格编码 Grid' }),
  ...AreaNameFields,
  ...Point,
  floors: Nullable(Type.Integer({ description: '层数 Floors' })),
  units: Nullable(Type.Integer({ description: '单元数 Units' })),
  households: Nullable(Type.Integer({ description: '户数 as declared' })),
  houses: Type.Integer({ description: 'Houses on record in the building' }),
  leaderName: Nullable(Type.String({ description: '楼栋长' })),
  leaderPhone: Nullable(Type.String({ description: 'Masked', example: '139****5678' })),
  leaderPersonId: Nullable(Type.String({ description: 'The leader as a person on record: picked, or matched by name and phone' })),
  verifiedAt: Nullable(Type.String({ description: '核实时间 Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String({ description: '修改时间 Last changed' }),
});
export const Buildings = pageReply(Building, '楼栋 Buildings found');
export const BuildingDetail = Type.Intersect([
  Building,
  Type.Object({
    houseList: Type.Array(HouseRow, { description: '楼内房屋 Houses in the building' }),
    verifiedBy: VerifiedBySchema,
    history: RecordHistorySchema,
  }),
]);
const BuildingFields = {
  name: Type.String({ minLength: 1, maxLength: PLACE_NAME_MAX, description: '楼栋名称', example: '1 栋' }),
  estate: Text(PLACE_NAME_MAX, '小区名称'),
  addressCode: Text(ADDRESS_CODE_LENGTH, 'A standard address on record: its text, grid and point fill what is left out'),
  address: Text(ADDRESS_MAX, '楼栋地址 (required without addressCode)'),
  gridCode: Text(GRID_CODE_LENGTH, 'Grid; may be left out when the address or a point gives it'),
  ...PointInput,
  // Integers are checked by the building template (1–200 floors, …) so a bad value is named like an import's.
  floors: Type.Optional(Nullable(Type.Integer({ description: '层数' }))),
  units: Type.Optional(Nullable(Type.Integer({ description: '单元数' }))),
  households: Type.Optional(Nullable(Type.Integer({ description: '户数' }))),
  leaderPersonId: Type.Optional(
    Nullable(
      Type.String({
        format: 'uuid',
        description:
          '楼栋长 picked from the people on record (in jurisdiction): name and phone are then the person’s, and any typed are not used',
      }),
    ),
  ),
  leaderName: Text(PERSON_NAME_MAX, '楼栋长姓名, for a leader not on record'),
  leaderPhone: Text(PHONE_MAX, 'Left out on an edit: the phone on record stays'),
};
export const CreateBuildingBody = Type.Object({ code: CodeInput, ...BuildingFields }, { additionalProperties: false });
export const EditBuildingBody = Type.Object({ ...BuildingFields, version: EditVersion }, { additionalProperties: false });
export const RevealLeaderBody = Type.Object(
  {
    field: Type.Literal('leaderPhone', { description: '查看字段 leaderPhone' }),
    reason: Type.String({ minLength: REASON.min, maxLength: REASON.max, description: '原因 Why', example: '联系楼栋长核实' }),
  },
  { additionalProperties: false },
);
export const Revealed = Type.Object({
  field: Type.String({ description: '字段 The field revealed' }),
  value: Nullable(Type.String({ description: '完整值 Its full value; none when empty' })),
});

// ── houses ──

export const HouseDetail = Type.Object({
  code: Type.String({ description: '房屋编号 House code', example: '420923100001-01-0101' }),
  address: Type.String({ description: '房屋地址 Address' }),
  gridCode: Type.String({ description: '网格编码 Grid' }),
  ...AreaNameFields,
  buildingCode: Nullable(Type.String({ description: '楼栋编号 Its building' })),
  unit: Nullable(Type.String({ description: '单元 Unit' })),
  floor: Nullable(Type.Integer({ description: '楼层 Floor (negative: basement)' })),
  room: Nullable(Type.String({ description: '室号 Room' })),
  use: Type.String({ description: 'house_use code' }),
  areaM2: Nullable(Type.Number({ description: '建筑面积 m²' })),
  ownerName: Nullable(Type.String({ description: '房主姓名 Owner' })),
  ownerIdNumber: Nullable(Type.String({ description: 'Masked' })),
  ownerPhone: Nullable(Type.String({ description: 'Masked' })),
  rented: Type.Boolean({ description: '是否出租 Let' }),
  rentalUse: Nullable(Type.String({ description: 'rental_use code' })),
  rentalCategory: Nullable(Type.String({ description: 'rental_category code' })),
  rentalLevel: Nullable(Type.String({ description: 'rental_level code' })),
  hazards: Type.Array(Type.String(), { description: 'house_hazard codes' }),
  building: Nullable(
    Type.Object(
      {
        code: Type.String({ description: '楼栋编号 Building code' }),
        name: Type.String({ description: '楼栋名称 Name' }),
        address: Type.String({ description: '楼栋地址 Address' }),
      },
      { description: '所在楼栋 Its building' },
    ),
  ),
  group: Nullable(
    Type.Object(
      {
        id: Type.String({ description: '联防组标识 Group id' }),
        name: Type.String({ description: '联防组名称 Name' }),
        lead: Type.Boolean({ description: '联防户长 This house leads the group' }),
      },
      { description: '十户联防组 Its ten-household group' },
    ),
  ),
  residents: Type.Array(
    Type.Object({
      id: Type.String({ description: '人员标识 Person id' }),
      name: Type.String({ description: '姓名 Name' }),
      relation: Nullable(Type.String({ description: '与户主关系 Relation code' })),
      movedIn: Type.String({ description: '迁入日期 Moved in' }),
    }),
    { description: '现住人员 Who lives there now' },
  ),
  verifiedAt: Nullable(Type.String({ description: '核实时间 Last verified' })),
  verifiedBy: VerifiedBySchema,
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String({ description: '修改时间 Last changed' }),
  history: RecordHistorySchema,
});
export const HouseCode = Type.Object({
  code: Type.String({ minLength: 1, maxLength: RECORD_CODE_MAX, description: '房屋编号', example: '420923100001-01-0101' }),
});
// Lengths, ranges and codes are the house template's to check, so a refusal names the field like an import's.
const HouseFields = {
  address: Text(200, '房屋地址; left out, the building’s address with the unit and room'),
  gridCode: Text(GRID_CODE_LENGTH, 'Grid; left out, the building’s'),
  buildingCode: Text(RECORD_CODE_MAX, '楼栋编号 of a building on record'),
  unit: Text(40, '单元'),
  floor: Type.Optional(Nullable(Type.Integer({ description: '楼层 (negative: basement)' }))),
  room: Text(40, '室号'),
  use: Type.String({ maxLength: CODE_VALUE_MAX, description: 'house_use code or name', example: '01' }),
  areaM2: Type.Optional(Nullable(Type.Number({ description: '建筑面积 m²' }))),
  ownerName: Text(100, '房主姓名'),
  ownerIdNumber: Text(40, '房主公民身份号码; left out on an edit, the one on record stays'),
  ownerPhone: Text(40, '房主联系电话; left out on an edit, the one on record stays'),
  rented: Type.Boolean({ description: '是否出租' }),
  rentalUse: Text(CODE_VALUE_MAX, 'rental_use code (required when rented)'),
  rentalCategory: Text(CODE_VALUE_MAX, 'rental_category code'),
  rentalLevel: Text(CODE_VALUE_MAX, 'rental_level code'),
  hazards: Type.Optional(
    Type.Array(Type.String({ maxLength: CODE_VALUE_MAX, description: 'house_hazard code' }), {
      maxItems: 10,
      description: 'house_hazard codes',
    }),
  ),
};
export const CreateHouseBody = Type.Object({ code: CodeInput, ...HouseFields }, { additionalProperties: false });
export const EditHouseBody = Type.Object({ ...HouseFields, version: EditVersion }, { additionalProperties: false });
