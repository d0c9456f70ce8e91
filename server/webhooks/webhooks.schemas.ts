import { Type } from '@sinclair/typebox';
import { DISPLAY_NAME_MAX, PAGE } from '../../shared/limits.ts';
import {
  WEBHOOK_ALGORITHMS,
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENT_KINDS,
  WEBHOOK_PURPOSES,
  WEBHOOK_STATUSES,
  WEBHOOK_URL_MAX,
} from '../../shared/webhooks.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });
const Kind = oneOf(WEBHOOK_EVENT_KINDS, '事件类型 Event kind');
const Algorithm = oneOf(WEBHOOK_ALGORITHMS, '签名算法 Signature algorithm: HMAC-SHA256 or HMAC-SM3');

export const Subscription = Type.Object({
  id: Type.String({ format: 'uuid', description: '订阅标识 Subscription id' }),
  name: Type.String({ description: '订阅名称 Who receives it', example: '区应急管理平台' }),
  url: Type.String({ description: '接收地址 Where deliveries are POSTed', example: 'https://yingji.example.gov.cn/hooks/gezhi' }),
  area: Type.Object(
    {
      code: Type.String({ description: '区域代码 Area code', example: '420923' }),
      name: Type.String({ description: '区域 Area', example: '云梦县' }),
    },
    { description: '订阅范围 The area whose facts it receives' },
  ),
  kinds: Type.Array(Kind, { description: '订阅的事件类型 The kinds it receives', example: ['case.dispatched', 'case.closed'] }),
  algorithm: Algorithm,
  purpose: oneOf(
    WEBHOOK_PURPOSES,
    '用途 webhook: any system, given up on after 10 tries · hotline: the 12345 platform, its own orders only, tried until acknowledged',
  ),
  status: oneOf(WEBHOOK_STATUSES, '状态 active, or paused (facts still recorded, delivered once resumed)'),
  pausedReason: Nullable(oneOf(['by_admin', 'failing'], '暂停原因 Paused by an administrator, or after a delivery ran out of tries')),
  pausedAt: Nullable(DateTime('暂停时间 When it was paused')),
  createdAt: DateTime('创建时间 Created'),
  createdBy: Nullable(Type.String({ description: '创建人 Created by' })),
  deliveries: Type.Object(
    {
      pending: Type.Integer({ description: '待投递 Waiting to go', example: 0 }),
      delivered: Type.Integer({ description: '已投递 Acknowledged', example: 120 }),
      failed: Type.Integer({ description: '投递失败 Given up on', example: 0 }),
    },
    { description: '投递统计 Deliveries by status' },
  ),
});

export const SubscriptionList = Type.Object({ items: Type.Array(Subscription, { description: '订阅 Subscriptions, newest first' }) });

export const CreatedSubscription = Type.Intersect([
  Subscription,
  Type.Object({
    secret: Type.String({
      description: '签名密钥 The signing secret: shown this once; the receiver keeps it to check signatures',
      example: 'whsec_3q2-7wAbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
    }),
  }),
]);

export const SubscribeBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: DISPLAY_NAME_MAX,
      pattern: '\\S',
      description: '订阅名称 Who receives it',
      example: '区应急管理平台',
    }),
    url: Type.String({
      minLength: 8,
      maxLength: WEBHOOK_URL_MAX,
      pattern: '^[Hh][Tt][Tt][Pp][Ss]?://',
      description: '接收地址 An http or https URL deliveries are POSTed to',
      example: 'https://yingji.example.gov.cn/hooks/gezhi',
    }),
    areaCode: Type.String({
      pattern: '^\\d{6}(\\d{3}(\\d{3}(\\d{3})?)?)?$',
      description: '订阅范围 The area (city, county, township, village) whose facts it receives',
      example: '420923',
    }),
    kinds: Type.Array(Kind, {
      minItems: 1,
      maxItems: WEBHOOK_EVENT_KINDS.length,
      description: '事件类型 The kinds it receives',
      example: ['case.dispatched', 'case.closed'],
    }),
    algorithm: Algorithm,
    purpose: Type.Optional(
      oneOf(WEBHOOK_PURPOSES, '用途 webhook (the default), or hotline: only the cases the 12345 platform sent, tried until acknowledged'),
    ),
  },
  { additionalProperties: false },
);

export const SubscriptionParams = Type.Object({ id: Type.String({ format: 'uuid', description: '订阅标识 Subscription id' }) });

export const ReplayBody = Type.Object(
  {
    since: Type.String({
      format: 'date-time',
      description: '重放起点 Everything recorded at or after this moment goes again, in order',
      example: '2026-11-02T00:00:00+08:00',
    }),
  },
  { additionalProperties: false },
);

export const Replayed = Type.Object({
  id: Type.String({ format: 'uuid', description: '订阅标识 Subscription id' }),
  requeued: Type.Integer({ description: '重新排队 Deliveries queued again', example: 12 }),
});

export const DeliveryQuery = Type.Object(
  {
    status: Type.Optional(oneOf(WEBHOOK_DELIVERY_STATUSES, '投递状态 Only deliveries in this status')),
    orderNo: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: '工单号 Only deliveries about the case of this hotline order',
        example: 'RX2026110200017',
      }),
    ),
    ...pageQuery(PAGE.webhookDeliveries),
  },
  { additionalProperties: false },
);

const Attempt = Type.Object({
  attempt: Type.Integer({ description: '第几次 Try number', example: 1 }),
  at: DateTime('时间 When the try ended'),
  statusCode: Nullable(Type.Integer({ description: '响应码 The reply’s HTTP status; null when there was no reply', example: 200 })),
  reply: Nullable(Type.String({ description: '响应内容 The reply body’s first 2,000 characters', example: 'ok' })),
  error: Nullable(Type.String({ description: '错误 Why there was no reply (timeout, refused)', example: 'TimeoutError: timed out' })),
  durationMs: Type.Integer({ description: '耗时 Milliseconds the try took', example: 35 }),
});

export const Delivery = Type.Object({
  id: Type.String({ description: '投递编号 Delivery id: the Gezhi-Delivery header, the same on every try and replay', example: '1042' }),
  kind: Kind,
  caseNo: Nullable(Type.String({ description: '案件编号 The case it is about', example: '202611020001' })),
  createdAt: DateTime('记录时间 When the fact was recorded'),
  status: oneOf(WEBHOOK_DELIVERY_STATUSES, '投递状态 pending, delivered or failed'),
  nextAttemptAt: Nullable(DateTime('下次尝试 When a pending one goes next')),
  deliveredAt: Nullable(DateTime('送达时间 When it was acknowledged')),
  payload: Type.Record(Type.String(), Type.Unknown(), { description: '投递内容 The body as signed and sent' }),
  attempts: Type.Array(Attempt, { description: '尝试记录 Every try, first first' }),
});

export const DeliveryPage = pageReply(Delivery, '投递 Deliveries of this page, newest first');
