import { type Static, Type } from '@sinclair/typebox';
import {
  CHOSEN_CLOSING_TYPES,
  CLOSING_TYPES,
  EVENT_SOURCES,
  EVENT_STATUSES,
  LIGHTS,
  RATINGS,
  RECORD_TYPES,
  URGENCIES,
  WARNING_COLOURS,
} from '../../../shared/enums.ts';
import {
  DESCRIPTION_MAX,
  EXTENSION_WORKING_DAYS,
  ITEM_CODE_MAX,
  MAP_POINTS_MAX,
  NOTE_MAX,
  PAGE,
  PERSON_NAME_MAX,
  PHOTOS_MAX,
  RECORD_CODE_MAX,
  UNIT_CODE_MAX,
} from '../../../shared/limits.ts';
import { IdempotencyKey } from '../../platform/idempotency.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable, oneOf } from '../../platform/schemas.ts';
import { PHONE } from '../intake/intake.core.ts';
import { PossibleRepeats } from '../intake/intake.schemas.ts';
import { EVENT_ACTION_NAMES } from './event-actions.core.ts';
import { EventFilterSchema } from './event-filter.ts';

const PhotoKey = Type.String({ pattern: '^[0-9a-f]{64}$', description: 'Key of a photo uploaded to /api/files/photos' });
/** Dates leave as ISO strings; the service hands over Date objects. */
const DateTime = (description = 'ISO 8601') => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });
const literals = <T extends string>(xs: readonly T[], description: string) =>
  Type.Union(
    xs.map((x) => Type.Literal(x)),
    { description },
  );

export const EventParams = Type.Object({ id: Type.String({ format: 'uuid', description: '事件标识 Event id' }) });

const Action = Type.Object({
  seq: Type.Integer({ description: '序号 Step number, from 1', example: 3 }),
  action: Type.String({ description: '操作 The step taken', example: 'dispatch' }),
  actorName: Type.String({ description: '操作人 Who', example: '城关镇综治中心' }),
  at: DateTime('时间 When'),
  fromStatus: Nullable(Type.String({ description: '原状态 Status before', example: 'accepted' })),
  toStatus: Type.String({ description: '新状态 Status after', example: 'dispatched' }),
  note: Nullable(Type.String({ description: '意见 Reason, reply or note' })),
  photos: Type.Array(Type.String({ description: '照片键 Photo key' }), { description: '附件照片 Photos attached to the step' }),
  data: Type.Unknown({ description: '附加数据 What else the step recorded (target unit, rating, working days, …)' }),
});

/** Also the row of the filtered list. */
const EventSummaryObject = Type.Object({
  id: Type.String({ format: 'uuid', description: '事件标识 Event id' }),
  caseNo: Type.String({ description: '案卷号 Case number', example: '202611020001' }),
  version: Type.Integer({ description: 'Send it back with an action: a changed event refuses a stale one' }),
  status: Type.String({ description: EVENT_STATUSES.join(' | '), example: 'dispatched' }),
  source: Type.String({ description: `来源 ${EVENT_SOURCES.join(' | ')}`, example: 'grid_worker' }),
  itemCode: Type.String({ description: '事项编码 Catalogue item', example: 'CG06010' }),
  severity: Type.String({ description: '分级 Severity', example: 'general' }),
  description: Type.String({ description: '描述 What was reported', example: '东街路口垃圾堆放' }),
  lng: Type.Number({ description: '经度 Longitude', example: 113.75 }),
  lat: Type.Number({ description: '纬度 Latitude', example: 31.02 }),
  gridCode: Type.String({ description: '网格编码 Grid of the point', example: '420923100001001' }),
  ownerCode: Type.String({ description: 'Area node that owns the case' }),
  leadUnit: Nullable(Type.String({ description: '主办单位 Lead unit: department or area code', example: 'YM-CG' })),
  coUnits: Type.Array(Type.String(), { description: '协办单位 Co-handling units' }),
  itemName: Nullable(Type.String({ description: '事项名称 Name of the catalogue item', example: '暴露垃圾' })),
  gridName: Nullable(Type.String({ description: '网格名称 Name of the grid', example: '朝阳社区第1网格' })),
  villageName: Nullable(Type.String({ description: '村(社区)名称 Village or community the grid lies in', example: '朝阳社区居委会' })),
  townshipName: Nullable(Type.String({ description: '乡镇(街道)名称 Township or street the grid lies in', example: '城关镇' })),
  ownerName: Nullable(Type.String({ description: '责任层级名称 Name of the area node that owns the case', example: '城关镇' })),
  leadUnitName: Nullable(Type.String({ description: '主办单位名称 Name of the lead unit', example: '云梦县城市管理执法局' })),
  stageUnitName: Nullable(Type.String({ description: '当前环节责任单位 Name of whoever owes the current stage' })),
  coUnitNames: Type.Array(Nullable(Type.String({ description: 'Name of the co-handling unit at the same place in coUnits' })), {
    description: '协办单位名称 Names of the co-handling units, in the order of coUnits; null for a code that names nothing',
  }),
  photos: Type.Array(Type.String(), { description: '照片 Photo keys of the report' }),
  stage: Nullable(Type.String({ description: '当前环节 Current stage', example: 'sign' })),
  stageDueAt: Nullable(DateTime('环节时限 When the current stage is due')),
  dueAt: Nullable(DateTime('办结时限 When the case is due')),
  suspendedAt: Nullable(DateTime('挂起时间 Since when the clock stands still')),
  rating: Nullable(Type.String({ description: `回访评价 ${RATINGS.join(' | ')}` })),
  reportedAt: DateTime('上报时间 Reported'),
  closedAt: Nullable(DateTime('结案时间 Closed')),
  reporterName: Nullable(Type.String({ description: '上报人 Who reported it' })),
  reporterPhone: Nullable(Type.String({ description: 'Masked: 138****1234' })),
  externalNo: Nullable(Type.String({ description: '外部工单号 Work-order number in the source system' })),
  subjectType: Type.Unsafe<string | null>(
    Nullable(literals(RECORD_TYPES, `The base-data record the case is about: ${RECORD_TYPES.join(' | ')}`)),
  ),
  subjectKey: Nullable(Type.String({ description: 'That record’s code (house, building, component) or credit code (organisation)' })),
  reports: Type.Integer({ description: 'Reports of this matter: 1, plus every "me too" and merged duplicate' }),
  repeat: Type.Boolean({ description: 'Three or more reports: a repeat case' }),
  light: Nullable(Type.String({ description: 'green | yellow | red: the current stage against its due time' })),
  warning: Nullable(Type.String({ description: 'Five-colour graded warning: blue | yellow | light_red | purple | red' })),
  urgency: Type.String({ description: `紧急程度 ${URGENCIES.join(' | ')}`, example: 'normal' }),
  stageUnit: Nullable(Type.String({ description: 'Who owes the current stage: area, grid or department code', example: 'YM-CG' })),
  coParts: Type.Array(
    Type.Object({
      unit: Type.String({ description: '协办单位 Co-handling unit code' }),
      signedAt: Nullable(DateTime('签收时间 When the unit signed its part')),
      dueAt: DateTime('协办时限 When its part is due'),
      repliedAt: Nullable(DateTime('答复时间 When it answered its part')),
      light: Nullable(Type.String({ description: 'green | yellow | red while the part is unanswered' })),
      warning: Nullable(Type.String({ description: 'Five-colour warning of the part' })),
    }),
    { description: '协办 Each co-handler’s part, with its own deadline' },
  ),
  returnedFrom: Nullable(Type.String({ description: '退单单位 The unit that last sent it back' })),
  returns: Type.Integer({ description: '退单次数 Returns since the last dispatch by the owner; the second goes to arbitration' }),
  returnBar: Nullable(Type.String({ description: 'first_responsibility | arbitrated: the lead unit may not return it' })),
  extension: Nullable(
    Type.Object(
      {
        workingDays: Type.Integer({ description: '申请天数 Working days asked' }),
        reason: Type.String({ description: '申请理由 Reason given' }),
      },
      { description: '待审批的延期 The pending extension request' },
    ),
  ),
  extensionDays: Type.Integer({ description: '已延期工作日 Working days of extension granted so far' }),
  specialClose: Nullable(
    Type.Object({ reason: Type.String({ description: '理由 Reason' }) }, { description: '待审批的特殊结案 Pending special closing' }),
  ),
  reworks: Type.Integer({ description: '返工次数 Times sent back after the check' }),
  reopens: Type.Integer({ description: '重新办理次数 Times reopened' }),
  closingType: Nullable(Type.String({ description: `结案类型 ${CLOSING_TYPES.join(' | ')}` })),
  provisional: Type.Boolean({
    description: '时限暂定 A deadline falls in a year the holiday data does not cover yet: recomputed when that year is entered',
  }),
  abilities: Type.Unsafe<string[]>(
    Type.Array(literals(EVENT_ACTION_NAMES, 'An action'), { description: 'Actions the caller may take now' }),
  ),
});

const Need = Type.Union([Type.Literal('required'), Type.Literal('optional')]);
/** What one action's form asks for on this case, exactly as the server will check it (event-machine.core.ts actionForm). */
const ActionForm = Type.Object({
  note: Need,
  noteRequiredWhen: Type.Optional(
    Type.Object(
      {
        field: Type.String({ description: 'rating | closingType' }),
        value: Type.String({ description: 'The value that makes it required' }),
      },
      { description: 'The note becomes required when this field has this value' },
    ),
  ),
  photos: Type.Optional(Need),
  target: Type.Optional(Type.String({ description: 'unit: a department or area unit · area: an area node below' })),
  coUnits: Type.Optional(Type.Boolean({ description: 'Co-handling units may be named' })),
  firstResponsibility: Type.Optional(Type.Boolean({ description: '首办负责 may be set' })),
  urgency: Type.Optional(Type.Boolean({ description: 'The urgency may be set' })),
  closingType: Type.Optional(Type.Boolean({ description: 'A closing type may be chosen' })),
  rating: Type.Optional(Type.Boolean({ description: 'A rating is asked' })),
  workingDays: Type.Optional(
    Type.Object({
      required: Type.Boolean({ description: 'Whether it must be given' }),
      max: Type.Integer({ description: 'At most this many' }),
      requested: Type.Optional(Type.Integer({ description: 'Working days the unit asked for' })),
      reason: Type.Optional(Type.String({ description: 'The reason the unit gave' })),
    }),
  ),
  master: Type.Optional(Type.Boolean({ description: 'The case it duplicates is asked' })),
});

// The reply types are computed once here: inferred inside each route, this schema is too deep for the compiler.
type EventSummaryShape = Static<typeof EventSummaryObject>;
export const EventSummary = Type.Unsafe<EventSummaryShape>(EventSummaryObject);

const Subject = Type.Object(
  {
    type: Type.Unsafe<string>(literals(RECORD_TYPES, RECORD_TYPES.join(' | '))),
    key: Type.String({ description: '记录编码 The record’s code or credit code', example: '42092301037000001' }),
    name: Nullable(Type.String({ description: 'Read from the base data now; null when the record is gone or outside your jurisdiction' })),
    address: Nullable(Type.String({ description: '地址 Address of the record' })),
  },
  { description: '关联的基础数据 The base-data record the case is about' },
);

const EventDetailExtra = Type.Object({
  subject: Nullable(Subject),
  possibleRepeats: PossibleRepeats,
  history: Type.Array(Action, { description: 'Every change, oldest first' }),
  forms: Type.Record(Type.String(), ActionForm, { description: 'For each ability: what its form asks for, as the server will require it' }),
  names: Type.Record(Type.String(), Type.String({ description: 'Name' }), {
    description: '名称 Code → name of every unit, area and grid the history mentions (lead unit, owner it went to, supervised unit)',
    example: { 'YM-CG': '云梦县城市管理执法局', '420923100': '城关镇' },
  }),
});
export const EventDetail = Type.Unsafe<EventSummaryShape & Static<typeof EventDetailExtra>>(
  Type.Intersect([EventSummaryObject, EventDetailExtra]),
);

const NamedRef = (description: string) =>
  Type.Object(
    {
      code: Type.String({ description: '编码 Code', example: '420923101' }),
      name: Type.String({ description: '名称 Name', example: '义堂镇' }),
    },
    { description },
  );

/** The reply to a report: the case, and where it went by name. */
export const ReportReply = Type.Intersect([
  EventDetail,
  Type.Object({
    filedIn: Type.Object(
      {
        grid: NamedRef('网格 The grid the point fell in'),
        owner: NamedRef('受理中心 The area whose centre accepts it'),
        outsideOwnArea: Type.Boolean({
          description:
            '辖区外上报 The grid is outside the reporter’s own area: it went to that grid’s centre, and the reporter can still follow it',
        }),
      },
      { description: '去向 Where the report went' },
    ),
  }),
]);

export const ReportBody = Type.Object(
  {
    itemCode: Type.String({ minLength: 1, maxLength: ITEM_CODE_MAX, description: 'Catalogue item', example: 'CG06010' }),
    lng: Type.Optional(
      Type.Number({
        minimum: -180,
        maximum: 180,
        description: 'Longitude from the device or a tap on the map; left out with a subject, the record’s point is used',
      }),
    ),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90, description: 'Latitude; with lng or not at all' })),
    description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, description: 'One line of text' }),
    photos: Type.Array(PhotoKey, { maxItems: PHOTOS_MAX, default: [], description: '照片 Photos of the scene' }),
    source: Type.Optional(
      literals(
        EVENT_SOURCES,
        'Where the report came from; only centres name one (hotline, department, video, leader), others report as what they are',
      ),
    ),
    idempotencyKey: Type.Optional(IdempotencyKey),
    urgency: Type.Optional(literals(URGENCIES, '一般 normal · 紧急 urgent · 特急 very_urgent: shortens every limit by the item’s factor')),
    reporterName: Type.Optional(
      Type.String({ minLength: 1, maxLength: PERSON_NAME_MAX, description: 'Centres: the caller (hotline) or reporting person' }),
    ),
    reporterPhone: Type.Optional(
      Type.String({ pattern: PHONE, description: 'Centres: the caller’s mobile or landline; stored sealed, shown masked' }),
    ),
    externalNo: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Centres: the work-order number in the source system (12345 hotline, video platform)',
      }),
    ),
    sameAs: Type.Optional(
      Type.String({
        format: 'uuid',
        description: '"Me too": add this report to that open case (from /api/events/nearby) instead of opening one',
      }),
    ),
    subject: Type.Optional(
      Type.Object(
        {
          type: oneOf(RECORD_TYPES, 'Record type'),
          key: Type.String({
            minLength: 1,
            maxLength: RECORD_CODE_MAX,
            description: 'Its code or credit code (from /api/registry/nearby or /api/registry/lookup)',
            example: '42092301037000001',
          }),
        },
        {
          additionalProperties: false,
          description: 'The base-data record the case is about, within your jurisdiction (not kept on a "me too")',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    action: literals(EVENT_ACTION_NAMES, 'The step'),
    version: Type.Integer({ description: 'The version the caller saw' }),
    note: Type.Optional(Type.String({ maxLength: NOTE_MAX, description: 'Reason, reply or note' })),
    photos: Type.Optional(
      Type.Array(PhotoKey, { maxItems: PHOTOS_MAX, description: '照片 Photos of the step (after-photos, on-site check)' }),
    ),
    targetUnit: Type.Optional(
      Type.String({ maxLength: UNIT_CODE_MAX, description: 'dispatch: department code or area code; assign_down: area code' }),
    ),
    coUnits: Type.Optional(
      Type.Array(Type.String({ maxLength: UNIT_CODE_MAX, description: '单位编码 Department or area code' }), {
        maxItems: 10,
        description: 'dispatch: co-handling units',
      }),
    ),
    rating: Type.Optional(literals(RATINGS, 'visit: the rating')),
    workingDays: Type.Optional(
      Type.Integer({
        minimum: EXTENSION_WORKING_DAYS.min,
        maximum: EXTENSION_WORKING_DAYS.max,
        description:
          'extension_request: working days more (within what the case has left); extension_approve: days granted, at most those asked',
      }),
    ),
    firstResponsibility: Type.Optional(Type.Boolean({ description: 'dispatch: 首办负责, the unit named leads and may not return it' })),
    urgency: Type.Optional(literals(URGENCIES, 'accept: the urgency, if it is not normal')),
    closingType: Type.Optional(literals(CHOSEN_CLOSING_TYPES, 'close: normal, or error (差错, with the reason)')),
    masterId: Type.Optional(Type.String({ format: 'uuid', description: 'merge: the case this one duplicates' })),
  },
  { additionalProperties: false },
);

// ── the list and its export ──

export const EventListQuery = Type.Object(
  {
    ...EventFilterSchema,
    ...pageQuery(PAGE.events),
  },
  { additionalProperties: false },
);
export const EventPage = pageReply(EventSummary, '事件 Events of this page, newest first');
export const EventExportQuery = Type.Object(EventFilterSchema, { additionalProperties: false });
export const EventPointsQuery = Type.Object(EventFilterSchema, { additionalProperties: false });
export const EventPoints = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid', description: 'Case id' }),
      caseNo: Type.String({ description: '案件编号' }),
      lng: Type.Number({ description: 'Longitude (WGS 84)' }),
      lat: Type.Number({ description: 'Latitude (WGS 84)' }),
      status: oneOf(EVENT_STATUSES, 'Status now'),
      itemCode: Type.String({ description: 'Catalogue item' }),
      light: Nullable(oneOf(LIGHTS, 'Light of the current stage; null when closed or not timed')),
      warning: Nullable(oneOf(WARNING_COLOURS, 'Five-colour warning; null when none')),
    }),
    { description: `Where the newest matching cases are, at most ${MAP_POINTS_MAX}` },
  ),
  total: Type.Integer({ description: 'Cases matching the filter; more than the items when the map shows only the newest' }),
});
export const EventSheet = Type.Unknown({ description: '.xlsx' });

export const MergeGapQuery = Type.Object(
  { masterId: Type.String({ format: 'uuid', description: '拟并入的案件 The case this one would be merged into' }) },
  { additionalProperties: false },
);
export const MergeGapReply = Type.Object({
  gap: Type.Union(
    [
      Type.Literal('merge_across_items'),
      Type.Literal('merge_beyond_repeat_radius'),
      Type.Literal('merge_beyond_repeat_window'),
      Type.Null(),
    ],
    {
      description:
        '不属于重复件的原因（此时并单须说明理由），属重复件时为 null Why the two are not repeats (the merge then needs a reason), or null',
    },
  ),
});
