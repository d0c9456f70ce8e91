import { Type } from '@sinclair/typebox';
import { PAGE, PLACE_NAME_MAX, RECORD_CODE_MAX } from '../../../shared/limits.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable } from '../../platform/schemas.ts';
import { AreaNameFields } from '../records/area-names.ts';
import { RecordHistorySchema, VerifiedBySchema } from '../records/record-history.ts';

export const GroupParams = Type.Object({ id: Type.String({ format: 'uuid', description: '联防组标识 Group id' }) });

const Group = Type.Object({
  id: Type.String({ description: '联防组标识 Group id' }),
  name: Type.String({ description: '联防组名称 Group name', example: '槐荫路 8 号十户联防组' }),
  gridCode: Type.String({ description: '网格编码 Its grid', example: '420923100001001' }),
  ...AreaNameFields,
  leadHouseCode: Nullable(Type.String({ description: 'The lead household (联防户长)' })),
  members: Type.Integer({ description: 'Member houses' }),
  verifiedAt: Nullable(Type.String({ description: '核实时间 Last verified' })),
  version: Type.Integer({ description: 'Send it back with an edit' }),
  updatedAt: Type.String({ description: '修改时间 Last changed' }),
});
export const Groups = pageReply(Group, '十户联防组 Groups found');
export const GroupDetail = Type.Intersect([
  Group,
  Type.Object({
    houses: Type.Array(
      Type.Object({
        houseCode: Type.String({ description: '房屋编号 House code' }),
        address: Nullable(Type.String({ description: '房屋地址 Address' })),
        buildingCode: Nullable(Type.String({ description: '楼栋编号 Its building' })),
        gridCode: Nullable(Type.String({ description: '网格编码 Its grid' })),
        residents: Type.Integer({ description: 'People living there now' }),
        lead: Type.Boolean({ description: '联防户长 The lead household' }),
      }),
      { description: '成员房屋 Member houses' },
    ),
    residents: Type.Integer({ description: 'People living in the member houses' }),
    verifiedBy: VerifiedBySchema,
    history: RecordHistorySchema,
  }),
]);

const Fields = {
  name: Type.String({ minLength: 1, maxLength: PLACE_NAME_MAX, description: 'Group name', example: '槐荫路 8 号十户联防组' }),
  // Limits are checked by the service (2–15) so the reply names them; this bound only guards the request size.
  houseCodes: Type.Array(Type.String({ minLength: 1, maxLength: RECORD_CODE_MAX, description: '房屋编号 House code' }), {
    maxItems: 100,
    description: 'Member houses, all in the group’s grid',
  }),
  leadHouseCode: Type.Optional(Nullable(Type.String({ maxLength: RECORD_CODE_MAX, description: 'One of the member houses' }))),
};

export const GroupsQuery = Type.Object(
  {
    grid: Type.Optional(Type.String({ pattern: '^[0-9]{15}$', description: '网格编码 The groups of this grid' })),
    area: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$', description: '区域编码 The groups under this area' })),
    ...pageQuery(PAGE.householdGroups),
  },
  { additionalProperties: false },
);

export const CreateGroupBody = Type.Object(
  { gridCode: Type.String({ pattern: '^[0-9]{15}$', description: '网格编码 The grid of every member house' }), ...Fields },
  { additionalProperties: false },
);
export const EditGroupBody = Type.Object(
  { ...Fields, version: Type.Integer({ minimum: 1, description: '版本 The version the group was read at' }) },
  { additionalProperties: false },
);
export const VerifyGroupBody = Type.Object(
  { version: Type.Integer({ minimum: 1, description: '版本 The version the group was read at' }) },
  { additionalProperties: false },
);
export const DisbandQuery = Type.Object(
  { version: Type.Integer({ minimum: 1, description: 'The version the group was read at' }) },
  { additionalProperties: false },
);
export const Disbanded = Type.Null({ description: 'Disbanded; the history keeps the group as it was' });
