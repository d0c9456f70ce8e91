import { Type } from '@sinclair/typebox';
import { PAGE } from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { ErrorReply, errorReplies, Nullable } from '../platform/schemas.ts';
import { CODE_PATTERN } from '../sms/index.ts';

const DateTime = (description: string) => Type.Unsafe<Date>({ type: 'string', format: 'date-time', description });

export const citizenReplies = { ...errorReplies, 429: ErrorReply, 503: ErrorReply };

const Phone = Type.String({
  pattern: '^1[3-9][0-9]{9}$',
  description: '手机号 The mainland mobile number the reports were made with (11 digits)',
  example: '13812345678',
});
const MaskedPhone = Type.String({ description: '手机号（脱敏） The phone, masked', example: '138****5678' });

export const CodeBody = Type.Object({ phone: Phone });

export const CodeSent = Type.Object({
  phone: MaskedPhone,
  expiresAt: DateTime('验证码有效期至 When the code stops holding'),
  resendAt: DateTime('可重发时间 When this phone may ask for another code'),
});

export const SessionBody = Type.Object({
  phone: Phone,
  code: Type.String({ pattern: CODE_PATTERN, description: '验证码 The six digits of the SMS', example: '204817' }),
});

export const CitizenSession = Type.Object({
  phone: MaskedPhone,
  expiresAt: DateTime('查询有效期至 When this session ends; the phone and a new code open another'),
});

export const CitizenReport = Type.Object({
  trackingCode: Type.String({
    description: '查询码 The report’s tracking code (its progress and rating page)',
    example: '420923-K7QM-3XHP-9TRW',
  }),
  caseNo: Type.String({ description: '案件编号 Case number', example: '202611020001' }),
  itemName: Type.String({ description: '问题类型 What kind of problem', example: '占道经营' }),
  status: Type.String({ description: '状态 Where the case is in the loop', example: 'dispatched' }),
  reportedAt: DateTime('上报时间 When it was reported'),
  closedAt: Nullable(DateTime('办结时间 When it was closed')),
  rating: Nullable(Type.String({ description: '评价 The citizen’s rating', example: 'satisfied' })),
  canRate: Type.Boolean({ description: '可评价 Closed and waiting for the citizen’s rating' }),
});

export const CitizenReportsQuery = Type.Object({ ...pageQuery(PAGE.citizenReports) });

export const CitizenReports = pageReply(CitizenReport, 'Newest first', { phone: MaskedPhone });
