import { Type } from '@sinclair/typebox';
import { DECLARATION_POINT_KINDS, DECLARATION_STATUSES } from '../../../shared/enums.ts';
import { DECLARE, PAGE, PERSON_NAME_MAX, REASON } from '../../../shared/limits.ts';
import { IdempotencyKey } from '../../platform/idempotency.ts';
import { pageQuery, pageReply } from '../../platform/paging.ts';
import { Nullable, oneOf } from '../../platform/schemas.ts';
import { Field, Value } from '../tasks.schemas.ts';

export const DeclarationId = Type.Object({ id: Type.String({ format: 'uuid', description: 'Declaration id' }) });
export const Token = Type.Object({
  token: Type.String({
    minLength: 8,
    maxLength: 40,
    pattern: '^[A-Za-z0-9_-]+$',
    description: 'The token the QR code carries',
    example: 'q3Zk9vXcTt0aP1bY',
  }),
});

export const PointBody = Type.Object({
  kind: oneOf(
    DECLARATION_POINT_KINDS,
    'building (楼栋: a building of the task’s grids) | checkpoint (卡口: a named point placed on the map)',
  ),
  name: Type.Optional(
    Nullable(
      Type.String({
        maxLength: DECLARE.pointNameMax,
        description: 'The checkpoint’s name (a building: its name on record unless given)',
        example: '城东高速卡口',
      }),
    ),
  ),
  buildingCode: Type.Optional(
    Nullable(Type.String({ maxLength: 40, description: 'The building’s code (a building point)', example: '4209231000010010001' })),
  ),
  lng: Type.Optional(Nullable(Type.Number({ description: 'Longitude (WGS84) of a checkpoint', example: 113.75 }))),
  lat: Type.Optional(Nullable(Type.Number({ description: 'Latitude (WGS84) of a checkpoint', example: 31.02 }))),
});

const Counts = {
  pending: Type.Integer({ description: 'Declarations waiting for the worker' }),
  confirmed: Type.Integer({ description: 'Confirmed into the people records' }),
  rejected: Type.Integer({ description: 'Rejected' }),
};
export const Point = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Point id' }),
  kind: oneOf(DECLARATION_POINT_KINDS, 'building | checkpoint'),
  name: Type.String({ description: 'Its name', example: '城东高速卡口' }),
  buildingCode: Nullable(Type.String({ description: 'The building’s code (a building point)' })),
  gridCode: Type.String({ description: 'The grid whose worker confirms its declarations' }),
  lng: Type.Number({ description: 'Longitude' }),
  lat: Type.Number({ description: 'Latitude' }),
  token: Type.String({ description: 'What its QR code carries: the page is /declare/<token>' }),
  createdBy: Type.String({ description: 'Placed by' }),
  ...Counts,
});
export const Points = Type.Object({
  items: Type.Array(Type.Intersect([Point, Type.Object({ gridName: Type.String({ description: 'The grid’s name' }) })]), {
    description: 'In the order placed',
  }),
});

export const PublicPoint = Type.Object({
  taskTitle: Type.String({ description: 'The screening’s title', example: '返乡人员健康排查' }),
  description: Nullable(Type.String({ description: 'What the screening asks' })),
  pointName: Type.String({ description: 'Where the code hangs', example: '城东高速卡口' }),
  kind: oneOf(DECLARATION_POINT_KINDS, 'building | checkpoint'),
  open: Type.Boolean({ description: 'Still takes declarations (false once the task is closed)' }),
  questions: Type.Array(Field, { description: 'The task’s own questions a resident answers' }),
});

export const DeclarationBody = Type.Object({
  key: IdempotencyKey,
  device: Type.String({
    minLength: 8,
    maxLength: 64,
    pattern: '^[\\x21-\\x7e]+$',
    description: 'A random id the page keeps on this device (the hourly limit counts by it)',
    example: 'd-5b0c6f0e-2f3a',
  }),
  name: Type.String({ maxLength: PERSON_NAME_MAX, description: 'Name', example: '张三' }),
  idNumber: Type.String({ maxLength: 24, description: 'Resident ID number (its check digit is checked)', example: '420923196503142011' }),
  phone: Type.String({ maxLength: 20, description: 'Mobile number', example: '13800001234' }),
  cameFrom: Type.String({ maxLength: DECLARE.cameFromMax, description: 'Where from (来自何地)', example: '湖北省武汉市' }),
  values: Type.Record(Type.String(), Value, { description: 'Answers to the task’s questions by key', example: { fever: '否' } }),
});

export const Receipt = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Declaration id (the receipt’s number)' }),
  pointName: Type.String({ description: 'Where it was declared' }),
  name: Type.String({ description: 'Name as declared' }),
  idNumber: Type.String({ description: 'ID number, masked', example: '4209**********2011' }),
  phone: Type.String({ description: 'Phone, masked', example: '138****1234' }),
  declaredAt: Type.String({ description: 'Declared at' }),
  status: oneOf(DECLARATION_STATUSES, 'pending | confirmed | rejected'),
});

export const Declaration = Type.Object({
  id: Type.String({ format: 'uuid', description: 'Declaration id' }),
  pointId: Type.String({ format: 'uuid', description: 'The point it was declared at' }),
  pointName: Type.String({ description: 'The point’s name' }),
  gridCode: Type.String({ description: 'The point’s grid' }),
  name: Type.String({ description: 'Name as declared' }),
  idNumber: Type.String({ description: 'ID number, masked' }),
  phone: Type.String({ description: 'Phone, masked' }),
  cameFrom: Type.String({ description: 'Where from' }),
  answers: Type.Record(Type.String(), Value, { description: 'Answers by question key' }),
  declaredAt: Type.String({ description: 'Declared at' }),
  status: oneOf(DECLARATION_STATUSES, 'pending (待确认) | confirmed (已确认) | rejected (已退回)'),
  decidedBy: Nullable(Type.String({ description: 'Confirmed or rejected by' })),
  decidedAt: Nullable(Type.String({ description: 'Confirmed or rejected at' })),
  rejection: Nullable(Type.String({ description: 'Why it was rejected' })),
  personId: Nullable(Type.String({ description: 'The person on record it was confirmed into' })),
  matched: Nullable(Type.Boolean({ description: 'The person was already on record (matched on the ID number)' })),
  version: Type.Integer({ description: 'Send it back with a decision' }),
});
export const DeclarationQuery = Type.Object({
  ...pageQuery(PAGE.declarations),
  status: Type.Optional(oneOf(DECLARATION_STATUSES, 'Only declarations of this status')),
  pointId: Type.Optional(Type.String({ format: 'uuid', description: 'Only those of this point' })),
});
export const Declarations = pageReply(Declaration, 'Newest first');

export const DecisionVersion = Type.Object({ version: Type.Integer({ minimum: 1, description: 'The version you saw' }) });
export const Rejection = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The version you saw' }),
  reason: Type.String({ maxLength: REASON.max, description: 'Why it is rejected', example: '重复申报' }),
});
