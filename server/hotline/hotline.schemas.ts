import { Type } from '@sinclair/typebox';
import { HOTLINE_NATURES, URGENCIES } from '../../shared/enums.ts';
import { ADDRESS_MAX, DESCRIPTION_MAX, ITEM_CODE_MAX, PERSON_NAME_MAX } from '../../shared/limits.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

/** A mobile, or a landline with its area code (as the loop's hotline form takes it). */
const PHONE = '^(1\\d{10}|0\\d{2,3}-?\\d{7,8})$';

export const OrderHeaders = Type.Object({
  'x-api-key': Type.Optional(
    Type.String({ maxLength: 64, description: 'API 密钥 A key issued for the hotline interface (接入密钥, interfaces: hotline)' }),
  ),
});

export const OrderBody = Type.Object(
  {
    orderNo: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: '^[\\x21-\\x7e]+$',
      description: '工单号 The hotline platform’s order number: the same number again returns the first case',
      example: 'RX2026110200017',
    }),
    callerName: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: PERSON_NAME_MAX,
        description: '来电人 The caller’s name as the hotline took it',
        example: '张女士',
      }),
    ),
    phone: Type.Optional(
      Type.String({
        pattern: PHONE,
        description: '来电号码 The caller’s phone; sealed (SM4) on arrival, shown masked',
        example: '13800138000',
      }),
    ),
    nature: oneOf(HOTLINE_NATURES, '诉求性质 consult 咨询 · help 求助 · complaint 投诉 · report 举报 · suggestion 建议'),
    urgency: Type.Optional(oneOf(URGENCIES, '紧急程度 normal 一般 · urgent 紧急 · very_urgent 特急; shortens the limits')),
    itemCode: Type.String({
      minLength: 1,
      maxLength: ITEM_CODE_MAX,
      description: '事项 The catalogue item the order is about (派单目录)',
      example: 'CG06010',
    }),
    description: Type.String({
      minLength: 1,
      maxLength: DESCRIPTION_MAX,
      pattern: '\\S',
      description: '诉求内容 What the caller asks',
      example: '小区门口垃圾三天没人清运',
    }),
    address: Type.Optional(
      Type.String({ minLength: 1, maxLength: ADDRESS_MAX, description: '地址 The address the caller gave', example: '城关镇解放路 12 号' }),
    ),
    areaCode: Type.Optional(
      Type.String({
        pattern: '^[0-9]{9}([0-9]{3})?$',
        description:
          '乡镇（街道）或村（社区）代码 Where an order without a point waits to be placed (待定位), when the platform routed it; the county’s centre otherwise',
        example: '420923100',
      }),
    ),
    lng: Type.Optional(
      Type.Number({
        minimum: -180,
        maximum: 180,
        description:
          '经度 Longitude of the point (CGCS2000/WGS84); without a point, give the address: the order waits to be placed (待定位)',
        example: 113.01,
      }),
    ),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude of the point, with lng', example: 31.01 })),
    deadlineAsked: Type.Optional(
      Type.String({
        format: 'date-time',
        description: '要求办结时间 The deadline the hotline asks for',
        example: '2026-11-09T18:00:00+08:00',
      }),
    ),
  },
  { additionalProperties: false },
);

export const OrderReceipt = Type.Object({
  orderNo: Type.String({ description: '工单号 The order number as sent', example: 'RX2026110200017' }),
  eventId: Nullable(Type.String({ format: 'uuid', description: '事件标识 The case it became; null while it waits to be placed' })),
  caseNo: Nullable(Type.String({ description: '案件编号 The case number; null while it waits to be placed', example: '202611020001' })),
  status: Type.String({
    description: '状态 The case’s status now, or to_locate (waiting to be placed on the map: 202) or located (placed, being filed)',
    example: 'reported',
  }),
  callId: Nullable(
    Type.String({
      format: 'uuid',
      description: '待定位来电标识 The call waiting to be placed, for an order without a point; null otherwise',
    }),
  ),
});
