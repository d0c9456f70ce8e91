import { Type } from '@sinclair/typebox';
import { DISPUTE_TYPE_CODES, PARTY_KINDS, RISK_LEVELS } from '../../shared/disputes.ts';
import { ALERT_KINDS } from '../../shared/followups.ts';
import { DESCRIPTION_MAX, ITEM_CODE_MAX, NOTE_MAX, PAGE, PHOTOS_MAX, RECORD_CODE_MAX } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
const Kind = oneOf(ALERT_KINDS, '预警类别 stranger (陌生人员), fire (火情), theft (盗窃) or in_need (有人需要帮助)');

export const GroupId = Type.Object({ id: Uuid('联防组标识 Group id') });
export const AlertId = Type.Object({ id: Uuid('预警标识 Alert id') });

export const AlertBody = Type.Object(
  {
    kind: Kind,
    houseCode: Type.Optional(
      Nullable(
        Type.String({
          minLength: 1,
          maxLength: RECORD_CODE_MAX,
          description: '报警住户 The member household raising it; left out, the grid worker saw it',
        }),
      ),
    ),
    note: Type.Optional(
      Nullable(Type.String({ maxLength: DESCRIPTION_MAX, description: '情况 What was seen', example: '两名陌生男子在楼道徘徊' })),
    ),
    photos: Type.Optional(
      Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$', description: '照片键 Key of a photo uploaded to /api/files/photos' }), {
        maxItems: PHOTOS_MAX,
        description: '照片 Photos, optional',
      }),
    ),
    lng: Type.Optional(Nullable(Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude, optional', example: 113.02 }))),
    lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude, optional', example: 31.1 }))),
  },
  { additionalProperties: false },
);

export const Alert = Type.Object({
  id: Type.String({ description: '预警标识 Alert id' }),
  groupId: Type.String({ description: '联防组标识 Its group' }),
  groupName: Type.String({ description: '联防组名称 The group’s name when it was raised' }),
  gridCode: Type.String({ description: '网格编码 The group’s grid', example: '420923100001001' }),
  houseCode: Nullable(Type.String({ description: '报警住户 The household that raised it; null: the grid worker' })),
  kind: Kind,
  note: Nullable(Type.String({ description: '情况 What was seen' })),
  photos: Type.Array(Type.String(), { description: '照片 Photo keys' }),
  lng: Nullable(Type.Number({ description: '经度 Longitude' })),
  lat: Nullable(Type.Number({ description: '纬度 Latitude' })),
  at: Type.String({ description: '时间 When it was raised' }),
  actorName: Type.String({ description: '记录人 Who recorded it' }),
  eventId: Nullable(Type.String({ description: '转为事件 The loop case it became' })),
  caseNo: Nullable(Type.String({ description: '案件编号 That case’s number' })),
  disputeId: Nullable(Type.String({ description: '转为纠纷 The dispute it became' })),
  convertedAt: Nullable(Type.String({ description: '转办时间 When it became one' })),
});

export const AlertsQuery = Type.Object({ ...pageQuery(PAGE.alerts) }, { additionalProperties: false });
export const Alerts = pageReply(Alert, '联防预警 The group’s alerts of this page, newest first', {
  disbanded: Type.Boolean({ description: '已解散 The group was disbanded: its history only' }),
});

export const AlertEventBody = Type.Object(
  {
    itemCode: Type.String({
      minLength: 1,
      maxLength: ITEM_CODE_MAX,
      description: '事项 The catalogue item of the case',
      example: 'AQ0101',
    }),
    description: Type.Optional(Nullable(Type.String({ maxLength: DESCRIPTION_MAX, description: '描述 Left out, the alert’s own words' }))),
  },
  { additionalProperties: false },
);

export const AlertDisputeBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 100, description: '事件名称 Title', example: '邻里因噪音争执' }),
    typeCode: oneOf(DISPUTE_TYPE_CODES, '事件类别 Dispute type, GB/T 31000 code 5.56'),
    riskLevel: oneOf(RISK_LEVELS, '风险等级 Risk level'),
    peopleInvolved: Type.Integer({ minimum: 1, maximum: 100000, description: '涉及人数 People involved', example: 2 }),
    parties: Type.Array(
      Type.Object(
        {
          kind: oneOf(PARTY_KINDS, 'A person or an organisation on record'),
          key: Type.String({
            minLength: 1,
            maxLength: RECORD_CODE_MAX,
            description: 'The person’s record id, or the organisation’s credit code',
          }),
          claim: Type.String({ minLength: 1, maxLength: NOTE_MAX, description: '诉求 What this party asks' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50, description: '主要当事人 The parties, picked from the records' },
    ),
    summary: Type.Optional(Nullable(Type.String({ maxLength: DESCRIPTION_MAX, description: '简述 Left out, the alert’s own words' }))),
  },
  { additionalProperties: false },
);
