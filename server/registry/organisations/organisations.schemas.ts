import { Type } from '@sinclair/typebox';
import {
  ADDRESS_MAX,
  CODE_VALUE_MAX,
  GRID_CODE_LENGTH,
  ORG_NAME_MAX,
  PAGE,
  PERSON_NAME_MAX,
  PHONE_MAX,
  REASON,
  SEARCH_TEXT_MAX,
} from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable } from '../../platform/schemas.ts';
import { AreaNameFields } from '../records/area-names.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

export const CreditCodeParam = Type.Object({
  creditCode: Type.String({ minLength: 18, maxLength: 18, description: '统一社会信用代码', example: '91420923MA49ABCD1X' }),
});
const Text = (maxLength: number, description: string) => Nullable(Type.String({ maxLength, description }));

const Organisation = Type.Object({
  creditCode: Type.String({ description: 'Unified social credit code (GB 32100)' }),
  name: Type.String({ description: '单位名称 Name', example: '云梦县城关镇便民超市' }),
  orgType: Type.String({ description: 'Code of the org_type table' }),
  address: Type.String({ description: '单位地址 Address' }),
  gridCode: Type.String({ description: '网格编码 Grid' }),
  ...AreaNameFields,
  lng: Nullable(Type.Number({ description: '经度 Longitude' })),
  lat: Nullable(Type.Number({ description: '纬度 Latitude' })),
  legalRep: Nullable(Type.String({ description: 'Legal representative' })),
  safetyContact: Nullable(Type.String({ description: 'Safety contact' })),
  safetyContactPhone: Nullable(Type.String({ description: 'Masked phone', example: '138****1234' })),
  hazards: Type.Array(Type.String({ description: 'Codes of the org_hazard table' }), { description: '隐患类型 Hazards' }),
  verifiedAt: Nullable(Type.String({ description: 'Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String({ description: '修改时间 Last changed' }),
});
export const Organisations = pageReply(Organisation, '单位 Organisations found');
export const OrganisationDetail = Type.Intersect([
  Organisation,
  Type.Object({
    verifiedBy: VerifiedBySchema,
    history: RecordHistorySchema,
  }),
]);

const Fields = {
  name: Type.String({ minLength: 1, maxLength: ORG_NAME_MAX, description: '单位名称' }),
  orgType: Type.String({ minLength: 1, maxLength: CODE_VALUE_MAX, description: 'Code or name of the org_type table', example: '01' }),
  address: Type.String({ minLength: 1, maxLength: ADDRESS_MAX, description: '单位地址 Address' }),
  gridCode: Type.Optional(
    Nullable(Type.String({ maxLength: GRID_CODE_LENGTH, description: 'Grid; may be left out when a point is given' })),
  ),
  lng: Type.Optional(Nullable(Type.Number({ description: 'Longitude; the grid is found from the point' }))),
  lat: Type.Optional(Nullable(Type.Number({ description: '纬度 Latitude' }))),
  legalRep: Type.Optional(Text(PERSON_NAME_MAX, '法定代表人')),
  safetyContact: Type.Optional(Text(PERSON_NAME_MAX, '安全负责人')),
  safetyContactPhone: Type.Optional(Text(PHONE_MAX, 'Mobile or landline with area code')),
  hazards: Type.Optional(
    Type.Array(Type.String({ maxLength: CODE_VALUE_MAX, description: 'org_hazard code or name' }), {
      maxItems: 20,
      description: 'Codes or names of the org_hazard table',
    }),
  ),
};
export const OrganisationFilter = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: SEARCH_TEXT_MAX, description: 'Part of the name, or a whole credit code' })),
  area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: 'Only under this area or grid' })),
  orgType: Type.Optional(Type.String({ maxLength: 4, description: '单位类型 Code of the org_type table' })),
  hazard: Type.Optional(Type.String({ maxLength: 4, description: '隐患类型 Code of the org_hazard table' })),
};
export const OrganisationQuery = Type.Object(
  {
    ...OrganisationFilter,
    ...pageQuery(PAGE.organisations),
  },
  { additionalProperties: false },
);

export const CreateOrganisationBody = Type.Object(
  { creditCode: Type.String({ minLength: 1, maxLength: 30, description: '统一社会信用代码 Credit code, as given' }), ...Fields },
  { additionalProperties: false },
);
export const EditOrganisationBody = Type.Object(
  { ...Fields, version: Type.Integer({ minimum: 1, description: '版本 The version the form was read at (409 when it changed since)' }) },
  { additionalProperties: false },
);
export const VerifyBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: '版本 The version the record was read at' }) },
  { additionalProperties: false },
);
export const RevealPhoneBody = Type.Object(
  {
    field: Type.Literal('safetyContactPhone', { description: '查看字段 safetyContactPhone' }),
    reason: Type.String({ minLength: REASON.min, maxLength: REASON.max, description: '原因 Why', example: '安全检查联系' }),
  },
  { additionalProperties: false },
);
export const Revealed = Type.Object({
  field: Type.String({ description: '字段 The field revealed' }),
  value: Nullable(Type.String({ description: '完整值 Its full value; none when empty' })),
});
