import { Type } from '@sinclair/typebox';
import { INTAKE_SOURCES, RATINGS, URGENCIES } from '../../../shared/enums.ts';
import { ADDRESS_MAX, DESCRIPTION_MAX, ITEM_CODE_MAX, PERSON_NAME_MAX, PHOTOS_MAX } from '../../../shared/limits.ts';
import { IdempotencyKey } from '../../platform/idempotency.ts';
import { ErrorReply, errorReplies, Nullable } from '../../platform/schemas.ts';
import { MOBILE, PHONE } from './intake.core.ts';

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });

// ── "me too" ──

export const NearbyQuery = Type.Object(
  {
    itemCode: Type.String({
      minLength: 1,
      maxLength: ITEM_CODE_MAX,
      description: '事项编码 Catalogue item about to be reported',
      example: 'CG06010',
    }),
    lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude', example: 113.75 }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', example: 31.02 }),
  },
  { additionalProperties: false },
);

const NearbyCase = Type.Object({
  id: Type.String({ format: 'uuid', description: '事件标识 Event id' }),
  caseNo: Type.String({ description: '案卷号 Case number', example: '202611020001' }),
  status: Type.String({ description: '状态 Status', example: 'dispatched' }),
  itemCode: Type.String({ description: '事项编码 Catalogue item', example: 'CG06010' }),
  description: Type.String({ description: '描述 What was reported' }),
  lng: Type.Number({ description: '经度 Longitude' }),
  lat: Type.Number({ description: '纬度 Latitude' }),
  photos: Type.Array(Type.String(), { description: '照片 Photo keys' }),
  reportedAt: DateTime('上报时间 Reported'),
  reports: Type.Integer({ description: 'Reports so far, this case included' }),
  repeat: Type.Boolean({ description: 'Three or more reports: a repeat case' }),
  distanceMeters: Type.Integer({ description: '距离 Metres from the point', example: 35 }),
});
export const PossibleRepeat = Type.Object({
  id: Type.String({ format: 'uuid', description: '事件标识 Event id' }),
  caseNo: Type.String({ description: '案卷号 Case number', example: '202611020001' }),
  status: Type.String({ description: '状态 Status', example: 'reported' }),
  reportedAt: DateTime('上报时间 Reported'),
  reports: Type.Integer({ description: '反映次数 Reports so far', example: 1 }),
  distanceMeters: Type.Integer({ description: '距离 Metres from this case', example: 20 }),
});
export const PossibleRepeats = Type.Array(PossibleRepeat, {
  description:
    '疑似重复 Other open cases of the same item within the repeat radius, reported within the repeat window before or after this one, the nearest 10 at most: for the accepting centre to merge or not',
});

export const NearbyCases = Type.Object({ items: Type.Array(NearbyCase, { description: '附近同类事件 Open cases, nearest first' }) });

// ── citizens ──

export const publicReplies = { ...errorReplies, 413: ErrorReply, 415: ErrorReply, 429: ErrorReply };

const TrackingCode = Type.String({
  minLength: 18,
  maxLength: 30,
  description: 'Tracking code as given on reporting; dashes and spaces are ignored',
  example: '420923-K7QM-3XHP-9TRW',
});
export const TrackingParams = Type.Object({ code: TrackingCode });

export const PublicReport = Type.Object({
  trackingCode: Type.String({ description: 'Keep it: it is the only way back to this report', example: '420923-K7QM-3XHP-9TRW' }),
  caseNo: Type.String({ description: '案卷号 Case number', example: '202611020001' }),
  itemName: Type.String({ description: '事项 What it is about', example: '暴露垃圾' }),
  status: Type.String({ description: '状态 Status', example: 'dispatched' }),
  description: Type.String({ description: '描述 What was reported' }),
  reportedAt: DateTime('上报时间 Reported'),
  closedAt: Nullable(DateTime('结案时间 Closed')),
  rating: Nullable(Type.String({ description: `评价 ${RATINGS.join(' | ')}` })),
  reply: Nullable(Type.String({ description: "The handling unit's reply" })),
  timeline: Type.Array(
    Type.Object({
      status: Type.String({ description: '状态 Status reached' }),
      at: DateTime('时间 When'),
    }),
    { description: 'Status changes, oldest first; no names' },
  ),
  canRate: Type.Boolean({ description: 'Closed and not yet rated: the reporter may rate it now' }),
  mergedInto: Nullable(
    Type.Object(
      {
        caseNo: Type.String({ description: '案卷号 Case number' }),
        status: Type.String({ description: '状态 Status' }),
      },
      { description: 'The case this report was merged into' },
    ),
  ),
});

export const PublicCatalogue = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String({ description: '事项编码 Catalogue item', example: 'CG06010' }),
      name: Type.String({ description: '名称 Name', example: '暴露垃圾' }),
      group: Nullable(Type.String({ description: '分组 The class it is shown under', example: '市容环境' })),
    }),
    { description: '可上报事项 Items a citizen may report' },
  ),
});

export const PublicReportBody = Type.Object(
  {
    itemCode: Type.String({ minLength: 1, maxLength: ITEM_CODE_MAX, description: 'From /api/public/catalogue' }),
    lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude', example: 113.75 }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude', example: 31.02 }),
    description: Type.String({
      minLength: 1,
      maxLength: DESCRIPTION_MAX,
      description: '描述 What is wrong, in one line',
      example: '路灯不亮',
    }),
    photos: Type.Array(Type.String({ pattern: '^[0-9a-f]{64}$', description: '照片键 Photo key' }), {
      maxItems: PHOTOS_MAX,
      default: [],
      description: 'Keys from /api/public/photos',
    }),
    phone: Type.Optional(
      Type.String({ pattern: MOBILE, description: 'Mobile number for a call back (11 digits); stored sealed, shown to staff masked' }),
    ),
    idempotencyKey: Type.Optional(IdempotencyKey),
    deviceId: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_-]{16,64}$',
        description:
          '设备标识 A random id the public page keeps on this device; stored only as a keyed hash. One device counts once per case: an open report of the same item nearby from it is answered with event.already_reported',
        example: 'p8Xr2c9QmT4vKz7LwN1bYd',
      }),
    ),
  },
  { additionalProperties: false },
);

export const RatingBody = Type.Object(
  {
    rating: Type.Union(
      RATINGS.map((r) => Type.Literal(r)),
      { description: `评价 ${RATINGS.join(' | ')}` },
    ),
    note: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX, description: 'Required when dissatisfied' })),
  },
  { additionalProperties: false },
);

// ── repeat orders (重复工单) ──

const ChinaDay = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description, example: '2026-11-02' });

export const RepeatOrdersQuery = Type.Object(
  {
    from: Type.Optional(ChinaDay('起始日 First China day of the period; default two weeks before today (or before `to`)')),
    to: Type.Optional(ChinaDay('截止日 Last China day of the period, included; default `from` + 13 days; at most 31 days in all')),
  },
  { additionalProperties: false },
);

const RepeatOrder = Type.Object({
  id: Type.String({ format: 'uuid', description: '事件标识 Event id' }),
  caseNo: Type.String({ description: '案卷号 Case number', example: '202611020001' }),
  status: Type.String({ description: '状态 Status', example: 'dispatched' }),
  itemCode: Type.String({ description: '事项编码 Catalogue item', example: 'CG06010' }),
  itemName: Type.String({ description: '事项 Item name', example: '暴露垃圾' }),
  gridCode: Type.String({ description: '网格编码 Grid code', example: '420923100001001' }),
  gridName: Type.String({ description: '网格 Grid name', example: '城关镇第一网格' }),
  townshipName: Type.String({ description: '乡镇（街道） Township name', example: '城关镇' }),
  description: Type.String({ description: '描述 What was first reported' }),
  lng: Type.Number({ description: '经度 Longitude' }),
  lat: Type.Number({ description: '纬度 Latitude' }),
  reportsInPeriod: Type.Integer({ description: '期内反映次数 Reports made in the period (own, "me too", merged duplicates)', example: 3 }),
  reports: Type.Integer({ description: '累计反映次数 Reports in all', example: 4 }),
  reportedAt: DateTime('首次上报时间 First reported'),
  lastReportedAt: DateTime('最近反映时间 Last report in the period'),
  closedAt: Nullable(DateTime('结案时间 Closed')),
});

export const RepeatOrders = Type.Object({
  from: Type.String({ description: '起始日 First China day of the period', example: '2026-10-20' }),
  to: Type.String({ description: '截止日 Last China day of the period, included', example: '2026-11-02' }),
  items: Type.Array(RepeatOrder, { description: '重复工单 Cases reported three times or more in the period, most reports first' }),
});

export const RepeatOrdersSheet = Type.Unknown({ description: '.xlsx' });

// ── hotline calls with only an address (待定位) ──

export const CallBody = Type.Object(
  {
    itemCode: Type.String({ minLength: 1, maxLength: ITEM_CODE_MAX, description: '事项编码 Catalogue item', example: 'CG06010' }),
    description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, description: '来电内容 What the caller said' }),
    address: Type.String({
      minLength: 2,
      maxLength: ADDRESS_MAX,
      description: '来电地址 The address as the caller gave it (not found on record)',
      example: '城关镇朝阳路菜市场后门',
    }),
    areaCode: Type.String({
      pattern: '^[0-9]{9}([0-9]{3})?$',
      description: '所属村（社区）或乡镇 The village or township the caller means: its grid team places the call',
      example: '420923100001',
    }),
    source: Type.Optional(
      Type.Union(
        INTAKE_SOURCES.map((s) => Type.Literal(s)),
        { description: '来源 Source, hotline by default' },
      ),
    ),
    urgency: Type.Optional(
      Type.Union(
        URGENCIES.map((u) => Type.Literal(u)),
        { description: '紧急程度 Urgency' },
      ),
    ),
    reporterName: Type.Optional(Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, description: '来电人 Caller' })),
    reporterPhone: Type.Optional(Type.String({ pattern: PHONE, description: '来电号码 Caller’s phone; stored sealed, shown masked' })),
    externalNo: Type.Optional(
      Type.String({ minLength: 1, maxLength: 64, description: '工单号 Work-order number of the hotline platform' }),
    ),
    idempotencyKey: Type.Optional(IdempotencyKey),
  },
  { additionalProperties: false },
);

const Call = Type.Object({
  id: Type.String({ format: 'uuid', description: '来电标识 Call id' }),
  status: Type.Union([Type.Literal('waiting'), Type.Literal('filed')], { description: '待定位 waiting · 已立案 filed' }),
  address: Type.String({ description: '来电地址 Address as given' }),
  areaCode: Type.String({ description: '所属村（社区）或乡镇编码 Area code' }),
  areaName: Nullable(Type.String({ description: '所属村（社区）或乡镇 Area name' })),
  itemCode: Type.String({ description: '事项编码 Item code' }),
  itemName: Nullable(Type.String({ description: '事项 Item name' })),
  description: Type.String({ description: '来电内容 What the caller said' }),
  source: Type.String({ description: '来源 Source' }),
  urgency: Type.String({ description: '紧急程度 Urgency' }),
  reporterName: Nullable(Type.String({ description: '来电人 Caller' })),
  reporterPhone: Nullable(Type.String({ description: '来电号码（脱敏） Caller’s phone, masked' })),
  externalNo: Nullable(Type.String({ description: '工单号 Work-order number' })),
  receivedAt: DateTime('来电时间 When the call was taken'),
  dueAt: Nullable(
    DateTime('定位时限 When a waiting call must be placed by (GEZHI_LOCATE_WORKING_HOURS working hours, shorter when urgent)'),
  ),
  light: Nullable(Type.String({ description: 'green | yellow | red: a waiting call against its due time; null once filed' })),
  eventId: Nullable(Type.String({ format: 'uuid', description: '立案后的案件 The case once filed' })),
  caseNo: Nullable(Type.String({ description: '案件编号 Case number once filed' })),
});
export const CallReply = Call;
export const CallList = Type.Object({ items: Type.Array(Call) });
export const CallParams = Type.Object({ id: Type.String({ format: 'uuid', description: '来电标识 Call id' }) });
export const PlaceBody = Type.Object(
  {
    lng: Type.Number({ minimum: -180, maximum: 180, description: '经度 Longitude picked on the map' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: '纬度 Latitude picked on the map' }),
  },
  { additionalProperties: false },
);
