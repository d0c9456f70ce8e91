import { Type } from '@sinclair/typebox';
import { FACILITY_SEARCH_MAX, NOTE_MAX, PAGE } from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable } from '../../platform/schemas.ts';
import { AreaNameFields } from '../records/area-names.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

export const CodeParam = Type.Object({
  code: Type.String({ pattern: '^[0-9]{16,17}$', description: '部件标识码', example: '42092301037000001' }),
});

const Facility = Type.Object({
  code: Type.String({ description: '17 digits: county (6) + class (5) + serial (6)' }),
  classCode: Type.String({ description: 'GB/T 47678.5 class: major (2) + minor (3)' }),
  name: Type.String({ description: '部件名称 Name', example: '路灯' }),
  gridCode: Type.String({ description: '网格编码 Grid' }),
  ...AreaNameFields,
  lng: Type.Number({ description: '经度 Longitude' }),
  lat: Type.Number({ description: '纬度 Latitude' }),
  ownerDept: Type.String({ description: 'Department code of the owner (权属单位)' }),
  ownerDeptName: Nullable(Type.String({ description: '权属单位名称 Owner’s name' })),
  maintainerDept: Nullable(Type.String({ description: 'Department code of the maintainer (养护单位)' })),
  maintainerDeptName: Nullable(Type.String({ description: '养护单位名称 Maintainer’s name' })),
  state: Type.String({ description: 'Code of the facility_state table' }),
  note: Nullable(Type.String({ description: '备注 Note' })),
  verifiedAt: Nullable(Type.String({ description: '核实时间 Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String({ description: '修改时间 Last changed' }),
});
export const Facilities = pageReply(Facility, '部件 Components found');
export const FacilityDetail = Type.Intersect([
  Facility,
  Type.Object({
    verifiedBy: VerifiedBySchema,
    history: RecordHistorySchema,
  }),
]);

const Fields = {
  name: Type.Optional(Nullable(Type.String({ maxLength: 30, description: 'Defaults to the class name' }))),
  lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude', example: 113.75 }),
  lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', example: 31.02 }),
  ownerDept: Type.String({ minLength: 1, maxLength: 40, description: '权属单位 Department code of the owner', example: 'YM-CG' }),
  maintainerDept: Type.Optional(Nullable(Type.String({ maxLength: 40, description: '养护单位 Department code of the maintainer' }))),
  state: Type.String({ minLength: 1, maxLength: 10, description: 'Code or name of the facility_state table', example: '01' }),
  note: Type.Optional(Nullable(Type.String({ maxLength: NOTE_MAX, description: '备注 Note' }))),
};
export const FacilityFilter = {
  classCode: Type.Optional(
    Type.String({ pattern: '^[0-9]{2}([0-9]{3})?$', description: 'Major class (2 digits) or class (5)', example: '01037' }),
  ),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only under this area or grid' })),
  state: Type.Optional(Type.String({ maxLength: 4, description: 'Code of the facility_state table' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: FACILITY_SEARCH_MAX, description: 'Part of the name' })),
};
export const FacilityQuery = Type.Object(
  {
    ...FacilityFilter,
    ...pageQuery(PAGE.facilities),
  },
  { additionalProperties: false },
);

const CodeTableReply = Type.Object({
  id: Type.String({ description: '代码表 Table id', example: 'facility_state' }),
  zh: Type.String({ description: '中文名 Chinese name', example: '部件状态' }),
  en: Type.String({ description: 'English name', example: 'Component state' }),
  entries: Type.Array(
    Type.Object({
      code: Type.String({ description: '代码 Code', example: '01' }),
      zh: Type.String({ description: '中文名 Chinese name', example: '完好' }),
      en: Type.Optional(Type.String({ description: 'English name', example: 'Intact' })),
    }),
    { description: '代码项 Entries' },
  ),
});
export const CodeTables = Type.Object({
  tables: Type.Array(CodeTableReply, { description: '代码表 Code tables' }),
  departments: Type.Array(
    Type.Object({
      code: Type.String({ description: '部门编码 Department code' }),
      name: Type.String({ description: '部门名称 Name' }),
    }),
    { description: '权属单位 Departments that may own components' },
  ),
});

export const CreateFacilityBody = Type.Object(
  { classCode: Type.String({ minLength: 4, maxLength: 5, description: 'GB/T 47678.5 class', example: '01037' }), ...Fields },
  { additionalProperties: false },
);
export const EditFacilityBody = Type.Object(
  { ...Fields, version: Type.Integer({ minimum: 1, description: '版本 The version the form was read at (409 when it changed since)' }) },
  { additionalProperties: false },
);
export const VerifyBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: '版本 The version the record was read at' }) },
  { additionalProperties: false },
);
