import { Type } from '@sinclair/typebox';
import { ORDER_KINDS, ORDER_METHODS } from '../../../shared/enums.ts';
import { NOTE_MAX, ORDER_WORKING_DAYS, UNIT_CODE_MAX } from '../../../shared/limits.ts';
import { Nullable } from '../../platform/schemas.ts';

const DateTime = (description = 'ISO 8601') => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });
const literals = <T extends string>(xs: readonly T[], description: string) =>
  Type.Union(
    xs.map((x) => Type.Literal(x)),
    { description },
  );

export const OrderParams = Type.Object({
  id: Type.String({ format: 'uuid', description: '标识 Order id (or, on /api/events/{id}/supervision, event id)' }),
});

export const Order = Type.Object(
  {
    id: Type.String({ format: 'uuid', description: '督办单标识 Order id' }),
    kind: Type.String({ description: 'supervise (督办) | urge (催办)' }),
    method: Type.String({ description: 'phone | written | on_site | meeting' }),
    eventId: Nullable(Type.String({ format: 'uuid', description: 'The case, when the order is on one' })),
    caseNo: Nullable(Type.String({ description: '案卷号 Case number', example: '202611020001' })),
    unitCode: Type.String({ description: 'The unit that must answer: a department code or an area code' }),
    unitName: Nullable(Type.String({ description: '单位名称 Name of that unit', example: '云梦县城市管理局' })),
    note: Type.String({ description: '督办要求 What is asked' }),
    dueAt: Nullable(DateTime('When the unit must have answered')),
    status: Type.String({ description: 'open | replied | closed' }),
    overdue: Type.Boolean({ description: 'Open and past its deadline' }),
    issuedByName: Type.String({ description: '发出人 Who issued it' }),
    issuedAt: DateTime('发出时间 When it was issued'),
    reply: Nullable(Type.String({ description: '答复 What the unit did' })),
    repliedByName: Nullable(Type.String({ description: '答复人 Who answered' })),
    repliedAt: Nullable(DateTime('答复时间 When it was answered')),
    closedByName: Nullable(Type.String({ description: '办结人 Who closed it' })),
    closedAt: Nullable(DateTime('办结时间 When it was closed')),
    abilities: Type.Array(Type.String(), { description: 'reply | close: what the caller may do now' }),
  },
  { description: '督办单 A supervision or reminder order' },
);
export const Orders = Type.Object({ items: Type.Array(Order, { description: '督办单 Orders, open first' }) });

const QueueItem = Type.Object({
  reason: Type.String({
    description:
      'unvisited: closed, no return visit in time · dissatisfied: rated dissatisfied, not reopened · order_overdue: an open order past its deadline',
  }),
  since: DateTime('When it became due for supervision'),
  eventId: Nullable(Type.String({ format: 'uuid', description: '事件标识 The case' })),
  caseNo: Nullable(Type.String({ description: '案卷号 Case number' })),
  itemCode: Nullable(Type.String({ description: '事项编码 Catalogue item' })),
  description: Nullable(Type.String({ description: '描述 What was reported' })),
  gridCode: Nullable(Type.String({ description: '网格编码 Grid of the case' })),
  unitCode: Type.String({ description: 'Who answers for it now' }),
  unitName: Nullable(Type.String({ description: '单位名称 Name of that unit' })),
  liveOrders: Nullable(Type.Integer({ description: 'Orders on this case not yet closed' })),
  order: Nullable(Order),
});
export const Queue = Type.Object({ items: Type.Array(QueueItem, { description: '督办队列 Longest waiting first' }) });

export const IssueOrderBody = Type.Object(
  {
    kind: literals(ORDER_KINDS, 'supervise (督办) | urge (催办)'),
    method: literals(ORDER_METHODS, 'phone | written | on_site | meeting'),
    eventId: Type.Optional(Type.String({ format: 'uuid', description: 'The case; its current unit must answer. Give this or unitCode' })),
    unitCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: UNIT_CODE_MAX,
        description: 'A department code or an area code in my jurisdiction. Give this or eventId',
      }),
    ),
    note: Type.String({ minLength: 1, maxLength: NOTE_MAX, description: 'What is asked' }),
    workingDays: Type.Integer({
      minimum: ORDER_WORKING_DAYS.min,
      maximum: ORDER_WORKING_DAYS.max,
      description: 'Working days the unit has to answer',
    }),
  },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  { reply: Type.String({ minLength: 1, maxLength: NOTE_MAX, description: 'What the unit did' }) },
  { additionalProperties: false },
);
