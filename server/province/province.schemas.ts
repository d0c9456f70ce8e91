import { Type } from '@sinclair/typebox';
import { PROVINCE_DISCLOSURES } from '../../shared/enums.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { PARTS } from './province.core.ts';
import { PULL_DEFAULT, PULL_MAX } from './province.service.ts';

export const PullHeaders = Type.Object({
  'x-api-key': Type.Optional(
    Type.String({ maxLength: 64, description: 'API 密钥 A key issued for the province interface (接入密钥, interfaces: province)' }),
  ),
});

export const PullQuery = Type.Object(
  {
    county: Type.String({
      minLength: 1,
      maxLength: 12,
      description: '区县代码 The county whose data is pulled (GB/T 2260): must be the key’s own',
      example: '420923',
    }),
    since: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: '水位 The watermark the last reply gave; left out on the first pull (everything recorded)',
        example: '8151',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: PULL_MAX,
        default: PULL_DEFAULT,
        description: '每次条数 Records at most in this reply',
        example: 500,
      }),
    ),
  },
  { additionalProperties: false },
);

const ExchangeRecord = Type.Object({
  kind: oneOf(PARTS, '类型 person 实有人口 · house 实有房屋 · organisation 实有单位 · case 事件'),
  key: Type.String({ description: '主键 The record’s key: a person’s id, the house code, the credit code, the case id' }),
  version: Nullable(Type.Integer({ description: '版本 Raised by every change: keep the highest seen' })),
  updatedAt: Nullable(Type.String({ format: 'date-time', description: '更新时间 When the record last changed' })),
  deleted: Type.Boolean({ description: '已删除 The record no longer exists here' }),
  data: Nullable(
    Type.Object(
      {},
      {
        additionalProperties: true,
        description:
          '数据项 The record’s fields named as GB/T 31000-2015 names them (公民身份号码, 姓名, 房屋编号, 统一社会信用代码…; docs/integrations/province.md); sensitive ones masked or sealed',
      },
    ),
  ),
});

export const PullReply = Type.Object({
  county: Type.String({ description: '区县代码 The county pulled', example: '420923' }),
  since: Nullable(Type.String({ description: '起始水位 The watermark asked for (null on a first pull)' })),
  watermark: Type.String({ description: '新水位 Send it as `since` next time: nothing is skipped or sent twice', example: '8164' }),
  more: Type.Boolean({ description: '还有 More changes are ready now: pull again at once with the new watermark' }),
  disclosure: oneOf(PROVINCE_DISCLOSURES, '披露级别 masked 脱敏 · sealed 密封（只有本密钥能解开）'),
  records: Type.Array(ExchangeRecord, { description: '记录 The records changed, each as it is now' }),
});

export const ReceiverParams = Type.Object({ id: Type.String({ format: 'uuid', description: '接入方标识 The exchange key’s client id' }) });

export const DisclosureBody = Type.Object(
  { disclosure: oneOf(PROVINCE_DISCLOSURES, '披露级别 masked 脱敏（默认）· sealed 密封给该接收方') },
  { additionalProperties: false },
);

export const DisclosureReply = Type.Object({
  clientId: Type.String({ format: 'uuid', description: '接入方标识 Client id' }),
  disclosure: oneOf(PROVINCE_DISCLOSURES, '披露级别 What the receiver now gets of sensitive fields'),
  updatedAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time', description: '设置时间 When it was set' }),
});

export const ReceiverList = Type.Object({
  items: Type.Array(
    Type.Object({
      clientId: Type.String({ format: 'uuid', description: '接入方标识 The exchange key’s client id' }),
      disclosure: oneOf(PROVINCE_DISCLOSURES, '披露级别 What the receiver gets of sensitive fields'),
      updatedAt: Nullable(
        Type.Unsafe<Date>({ type: 'string', format: 'date-time', description: '设置时间 When it was last set (null: never, masked)' }),
      ),
    }),
    { description: '接收方 The live province-exchange keys of your counties' },
  ),
});
