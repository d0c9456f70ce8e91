import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import { SMS_REFUSALS, SMS_STATUSES } from '../../shared/sms.ts';
import { pageQuery } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { SMS_TEMPLATE_NAMES } from './sms.templates.ts';

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });

export const SmsQuery = Type.Object({
  status: Type.Optional(oneOf(SMS_STATUSES, '状态 sending, sent, failed (the provider refused or did not answer), refused (over a limit)')),
  phone: Type.Optional(
    Type.String({ pattern: '^[0-9+ -]{11,16}$', description: '手机号 Messages to this mobile number', example: '13812345678' }),
  ),
  ...pageQuery(PAGE.smsMessages),
});

export const SmsMessage = Type.Object({
  id: Type.String({ format: 'uuid', description: '短信标识 Message id' }),
  countyCode: Type.String({ description: '县（区）代码 County of the notice it carries', example: '420923' }),
  user: Nullable(
    Type.Object(
      {
        id: Type.String({ format: 'uuid', description: '账号标识 Account id' }),
        name: Nullable(Type.String({ description: '姓名 Account’s name', example: '王敏' })),
      },
      { description: '接收账号 The account it was for' },
    ),
  ),
  phone: Type.String({ description: '手机号（脱敏） Masked mobile number', example: '138****5678' }),
  template: oneOf(SMS_TEMPLATE_NAMES, '模板 Gezhi’s template'),
  templateCode: Type.String({ description: '模板编码 The provider’s template code', example: 'SMS_123456789' }),
  signName: Type.String({ description: '签名 Sign name', example: '格治' }),
  params: Type.Record(Type.String(), Type.String(), {
    description: '模板参数 Template params as sent',
    example: { count: '2', caseNo: '202611020001' },
  }),
  text: Type.String({
    description: '短信内容 The text as the phone shows it',
    example: '【格治】您单位有2件案件已超期，含202611020001，请登录格治尽快处理。',
  }),
  purpose: Type.String({ description: '用途 The notification kind it carries', example: 'overdue' }),
  provider: Type.String({ description: '通道 local (recorded only) or aliyun', example: 'local' }),
  status: oneOf(SMS_STATUSES, '状态 Status'),
  refusedBy: Nullable(oneOf(SMS_REFUSALS, '拒发规则 The limit that refused it: per phone or per account')),
  providerMessageId: Nullable(Type.String({ description: '回执编号 The provider’s message id (Aliyun BizId)' })),
  error: Nullable(Type.String({ description: '失败原因 The provider’s refusal or why it did not answer' })),
  createdAt: DateTime('创建时间 When it was asked for'),
  sentAt: Nullable(DateTime('发送时间 When the provider accepted it')),
});

export const SmsPage = Type.Object({
  total: Type.Integer({ description: 'Messages matching', example: 1 }),
  items: Type.Array(SmsMessage, { description: 'Newest first' }),
});
