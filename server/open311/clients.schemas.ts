import { Type } from '@sinclair/typebox';
import { KEY_INTERFACES } from '../../shared/enums.ts';
import { DISPLAY_NAME_MAX, ITEM_CODE_MAX, REASON } from '../../shared/limits.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });

export const Client = Type.Object({
  id: Type.String({ format: 'uuid', description: '接入方标识 Client id' }),
  name: Type.String({ description: '接入方名称 Client name', example: 'FixMyStreet 孝感' }),
  jurisdiction: Type.Object(
    {
      code: Type.String({ description: '区县代码 County code: the jurisdiction_id the key may post to', example: '420923' }),
      name: Type.String({ description: '区县 County', example: '云梦县' }),
    },
    { description: '辖区 The county the key is bound to' },
  ),
  keyHint: Type.String({ description: '密钥前缀 The key’s first characters, to tell keys apart', example: 'gz311_K7QM' }),
  createdAt: DateTime('签发时间 Issued'),
  createdBy: Nullable(Type.String({ description: '签发人 Issued by' })),
  revokedAt: Nullable(DateTime('吊销时间 Revoked; null while the key works')),
  revokedBy: Nullable(Type.String({ description: '吊销人 Revoked by' })),
  rotatedFrom: Nullable(Type.String({ format: 'uuid', description: '轮换自 The key this one replaced' })),
  lastUsedAt: Nullable(DateTime('最近使用 Last POST with this key')),
  interfaces: Type.Array(oneOf(KEY_INTERFACES, '接口 An interface the key may be used on'), {
    description: '可用接口 The interfaces the key may be used on: open311, hotline (the 12345 push)',
    example: ['open311'],
  }),
});

export const ClientList = Type.Object({ items: Type.Array(Client, { description: '接入方 Clients, live keys first' }) });

export const IssuedClient = Type.Intersect([
  Client,
  Type.Object({
    apiKey: Type.String({
      description: 'API 密钥 The key itself: shown this once and never again (only its hash is kept)',
      example: 'gz311_K7QM3XHP9TRW2ABCDEFGHJKLMNPQRS',
    }),
  }),
]);

export const IssueBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: DISPLAY_NAME_MAX,
      pattern: '\\S',
      description: '接入方名称 Who the key is for',
      example: 'FixMyStreet 孝感',
    }),
    countyCode: Type.String({
      pattern: '^\\d{6}$',
      description: '区县代码 The county (jurisdiction_id) the key may post to',
      example: '420923',
    }),
    interfaces: Type.Optional(
      Type.Array(oneOf(KEY_INTERFACES, '接口 An interface the key may be used on'), {
        minItems: 1,
        maxItems: KEY_INTERFACES.length,
        description: '可用接口 The interfaces the key may be used on; open311 when left out',
        example: ['hotline'],
      }),
    ),
  },
  { additionalProperties: false },
);

export const ClientParams = Type.Object({ id: Type.String({ format: 'uuid', description: '接入方标识 Client id' }) });

export const Pending = Type.Object({
  token: Type.String({ description: 'token: what the client asks tokens/{token} with', example: '420923K7QM3XHP9TRW' }),
  countyCode: Type.String({ description: '区县代码 County', example: '420923' }),
  client: Nullable(Type.String({ description: '接入方 Client' })),
  serviceCode: Type.String({ description: '事项编码 Item asked for', example: 'CG06010' }),
  serviceName: Nullable(Type.String({ description: '事项 Item', example: '暴露垃圾' })),
  description: Type.String({ description: '描述 What the client sent' }),
  addressString: Nullable(Type.String({ description: '地址 Address as sent' })),
  addressId: Nullable(Type.String({ description: '地址编码 Address id as sent' })),
  mediaUrl: Nullable(Type.String({ description: '图片链接 Media URL as sent' })),
  requestedAt: DateTime('收到时间 Received'),
});
export const PendingList = Type.Object({ items: Type.Array(Pending, { description: '待定位 Requests to place, oldest first' }) });

export const TokenParams = Type.Object({
  token: Type.String({ pattern: '^\\d{6}[2-9A-HJ-NP-Z]{12}$', description: 'token', example: '420923K7QM3XHP9TRW' }),
});

export const PlaceBody = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude of the place', example: 113.01 }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', example: 31.01 }),
    itemCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: ITEM_CODE_MAX,
        description: '事项编码 The item, when the client chose the wrong one',
        example: 'CG06010',
      }),
    ),
  },
  { additionalProperties: false },
);
export const Placed = Type.Object({
  token: Type.String({ description: 'token' }),
  eventId: Type.String({ format: 'uuid', description: '事件标识 The case filed' }),
  caseNo: Type.String({ description: '案卷号 Case number', example: '202611020001' }),
  serviceRequestId: Type.String({ description: 'service_request_id the client now gets', example: '420923-202611020001' }),
});

export const RefuseBody = Type.Object(
  {
    reason: Type.String({
      minLength: REASON.min,
      maxLength: REASON.max,
      pattern: '\\S',
      description: '退回原因 Why, as the client will read it',
      example: '地址不在本县',
    }),
  },
  { additionalProperties: false },
);
export const Refused = Type.Object({
  token: Type.String({ description: 'token' }),
  status: Type.Literal('refused', { description: '已退回 Refused' }),
});
