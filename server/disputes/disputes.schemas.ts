import { Type } from '@sinclair/typebox';
import {
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  DISPUTE_TIERS,
  DISPUTE_TYPE_CODES,
  FOLLOW_UP_DAYS_MAX,
  FOLLOW_UP_OUTCOMES,
  GRID_REPORT_STATES,
  MEDIATION_DAYS_MAX,
  MEDIATION_LIGHTS,
  MEDIATION_METHODS,
  PARTY_KINDS,
  PERFORMANCES,
  REFERRAL_TARGETS,
  RISK_LEVELS,
  ROUND_KINDS,
  SESSION_RESULTS,
} from '../../shared/disputes.ts';
import {
  ADDRESS_MAX,
  DESCRIPTION_MAX,
  GRID_CODE_LENGTH,
  NOTE_MAX,
  PAGE,
  PERSON_NAME_MAX,
  REASON,
  RECORD_CODE_MAX,
} from '../../shared/limits.ts';
import { pageQuery, pageReply } from '../platform/paging.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';
import { RecordHistorySchema } from '../registry/index.ts';

const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description, example: '2026-11-02' });
const Uuid = (description: string) => Type.String({ format: 'uuid', description, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
const Grid = (description: string) => Type.String({ pattern: `^\\d{${GRID_CODE_LENGTH}}$`, description, example: '420923100001001' });

export const DisputeId = Type.Object({ id: Uuid('Dispute id') });
export const RoundId = Type.Object({ id: Uuid('Screening round id') });

export const DisputeListQuery = Type.Object({
  tier: Type.Optional(oneOf(DISPUTE_TIERS, '调解层级 Current tier')),
  status: Type.Optional(oneOf(DISPUTE_STATUSES, '状态 Status')),
  roundId: Type.Optional(Uuid('排查轮次 Found in this screening round')),
  overdue: Type.Optional(Type.Boolean({ description: '超期 Only mediations past their time limit now' })),
  eventId: Type.Optional(Uuid('The loop case a dispute was turned from or raised (the case drawer’s disputes)')),
  followUp: Type.Optional(oneOf(['owed'] as const, '待回访 The agreements whose follow-up I owe, due within 3 days or past due')),
  ...pageQuery(PAGE.disputes),
});

export const DisputeBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 100, description: '事件名称 Title', example: '王某与李某宅基地界址纠纷' }),
  typeCode: oneOf(DISPUTE_TYPE_CODES, '事件类别 Dispute type, GB/T 31000 code 5.56 (four digits, or 99)'),
  occurredOn: Day('发生日期 When it happened'),
  place: Type.String({ minLength: 1, maxLength: ADDRESS_MAX, description: '地点 Where', example: '朝阳路 1 号' }),
  gridCode: Type.Optional(Grid('所属网格 The grid it happened in; the source case’s when turned from one (required otherwise)')),
  lng: Type.Optional(
    Nullable(Type.Number({ minimum: -180, maximum: 180, description: 'Longitude (needed to raise an event)', example: 113.02 })),
  ),
  lat: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90, description: 'Latitude', example: 31.1 }))),
  peopleInvolved: Type.Integer({ minimum: 1, maximum: 100000, description: '涉及人数 Number of people involved', example: 2 }),
  amountInvolved: Type.Optional(Nullable(Type.Number({ minimum: 0, description: '涉及金额 Amount involved (yuan)', example: 12000 }))),
  riskLevel: oneOf(RISK_LEVELS, '风险等级 Risk level'),
  summary: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, description: '简述 What it is about', example: '因宅基地界址发生争执' }),
  parties: Type.Array(
    Type.Object({
      kind: oneOf(PARTY_KINDS, 'A person or an organisation on record'),
      key: Type.String({
        minLength: 1,
        maxLength: RECORD_CODE_MAX,
        description: 'The person’s record id, or the organisation’s credit code',
      }),
      claim: Type.String({ minLength: 1, maxLength: NOTE_MAX, description: '诉求 What this party asks', example: '要求恢复原界址' }),
    }),
    { minItems: 1, maxItems: 50, description: '主要当事人 The parties, picked from the records' },
  ),
  roundId: Type.Optional(Nullable(Uuid('排查轮次 The screening round it was found in'))),
  sourceEventId: Type.Optional(
    Nullable(Uuid('来源事件 The loop case (field report, dispute item, 12345 order) it is turned from: its grid and point are taken')),
  ),
});

export const StepBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The dispute version the step was decided on' }),
  step: oneOf(['accept', 'session', 'resolve', 'escalate', 'refer', 'follow_up'] as const, '受理 / 调解记录 / 化解 / 上交 / 移交 / 回访'),
  heldOn: Type.Optional(Day('session: 调解日期')),
  place: Type.Optional(Type.String({ maxLength: ADDRESS_MAX, description: 'session: 调解地点', example: '村委会调解室' })),
  method: Type.Optional(oneOf(MEDIATION_METHODS, 'session: 调解方式 人民调解 (default) / 行政调解 / 司法调解 / 行业性专业调解')),
  toTier: Type.Optional(oneOf(DISPUTE_TIERS, 'escalate: 越级 a tier above the next one (with the reason); the next tier when left out')),
  mediator: Type.Optional(Type.String({ maxLength: PERSON_NAME_MAX, description: 'session: 调解员', example: '陈调解' })),
  present: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 50, description: 'session: the seq of each party present' })),
  result: Type.Optional(oneOf(SESSION_RESULTS, 'session: 调解结果')),
  note: Type.Optional(
    Type.String({ maxLength: NOTE_MAX, description: 'session: 情况; follow_up: 回访情况 (required to reopen or escalate)' }),
  ),
  agreement: Type.Optional(Type.String({ maxLength: NOTE_MAX, description: 'resolve: 协议内容 The agreement' })),
  followUpOn: Type.Optional(Day('resolve: 回访日期 Follow-up date; the county’s days after today when left out')),
  performance: Type.Optional(oneOf(PERFORMANCES, 'follow_up: 履行情况 全部履行 / 部分履行 / 未履行')),
  outcome: Type.Optional(
    oneOf(FOLLOW_UP_OUTCOMES, 'follow_up: 结案 close / 重新调解 reopen / 上交 escalate (the last two only when not fully performed)'),
  ),
  reason: Type.Optional(Type.String({ maxLength: REASON.max, description: 'escalate / refer: 理由 Why' })),
  to: Type.Optional(oneOf(REFERRAL_TARGETS, 'refer: 诉调对接 court / 访调对接 petition office')),
});

export const RaiseEventBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The dispute version' }),
  itemCode: Type.String({ minLength: 1, maxLength: 20, description: 'Catalogue item of the event (the department that must act)' }),
  description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, description: 'What the department must do' }),
});

const Summary = {
  id: Uuid('Dispute id'),
  title: Type.String({ description: '事件名称' }),
  typeCode: Type.String({ description: 'Dispute type code (5.56)', example: '0902' }),
  occurredOn: Type.String({ description: '发生日期' }),
  place: Type.String({ description: '地点' }),
  gridCode: Type.String({ description: 'Grid code' }),
  gridName: Type.String({ description: 'Grid name', example: '网格1' }),
  peopleInvolved: Type.Integer({ description: '涉及人数' }),
  amountInvolved: Nullable(Type.Number({ description: '涉及金额' })),
  riskLevel: oneOf(RISK_LEVELS, '风险等级'),
  tier: oneOf(DISPUTE_TIERS, 'Current tier'),
  ownerCode: Type.String({ description: 'Area that owns the current tier' }),
  ownerName: Type.String({ description: 'Its name', example: '城关镇' }),
  status: oneOf(DISPUTE_STATUSES, 'Status'),
  roundId: Nullable(Type.String({ description: 'Screening round' })),
  reportedAt: Type.String({ description: 'When recorded' }),
  version: Type.Integer({ description: 'Send it back with a step' }),
  mediationDueAt: Nullable(Type.String({ description: '调解期限 When the current tier’s mediation runs out (working-day calendar)' })),
  light: Nullable(oneOf(MEDIATION_LIGHTS, '期限灯 green in time, yellow near due, red overdue; none unless mediating')),
  provisional: Type.Boolean({
    description: '期限暂定 The due time lies in a year the holiday data does not cover: counted on weekends only, it may move',
  }),
  followUpOn: Nullable(Type.String({ description: '回访日期 When the agreement’s follow-up falls due' })),
  followedUpAt: Nullable(Type.String({ description: 'When it was followed up' })),
  performance: Nullable(oneOf(PERFORMANCES, '履行情况 found at the last follow-up')),
  sourceKind: Nullable(oneOf(DISPUTE_SOURCES, '来源 field report, dispute item of the catalogue, 12345 order')),
  sourceCaseNo: Nullable(Type.String({ description: 'The source case’s number' })),
};

export const DisputeList = pageReply(Type.Object(Summary), '纠纷 Disputes of this page, newest first');

export const Dispute = Type.Object({
  ...Summary,
  summary: Type.String({ description: '简述' }),
  lng: Nullable(Type.Number({ description: 'Longitude' })),
  lat: Nullable(Type.Number({ description: 'Latitude' })),
  agreement: Nullable(Type.String({ description: '协议内容' })),
  referredTo: Nullable(oneOf(REFERRAL_TARGETS, 'Referred to')),
  eventId: Nullable(Type.String({ description: 'The loop event it raised' })),
  sourceEventId: Nullable(Type.String({ description: 'The loop case it was turned from' })),
  mediationDays: Nullable(Type.Integer({ description: 'The working days the current tier’s mediation may take' })),
  mediationStartedAt: Nullable(Type.String({ description: 'When the current tier accepted it' })),
  followUps: Type.Array(
    Type.Object({
      tier: oneOf(DISPUTE_TIERS, 'The tier that followed up'),
      dueOn: Type.String({ description: 'When it was due' }),
      performance: oneOf(PERFORMANCES, '履行情况'),
      outcome: oneOf(FOLLOW_UP_OUTCOMES, 'What it led to'),
      note: Nullable(Type.String({ description: '回访情况' })),
      at: Type.String({ description: 'When' }),
      actorName: Nullable(Type.String({ description: 'By whom' })),
    }),
    { description: '回访 The agreement’s follow-ups' },
  ),
  parties: Type.Array(
    Type.Object({
      seq: Type.Integer({ description: 'Party number' }),
      kind: oneOf(PARTY_KINDS, 'Person or organisation'),
      key: Type.String({ description: 'Record id or credit code' }),
      claim: Type.String({ description: '诉求' }),
      name: Nullable(Type.String({ description: 'Name from the record; none when outside the caller’s jurisdiction' })),
      identifier: Nullable(Type.String({ description: 'ID number masked, or credit code', example: '42**************16' })),
      phone: Nullable(Type.String({ description: 'Phone, masked', example: '138****1234' })),
    }),
  ),
  sessions: Type.Array(
    Type.Object({
      tier: oneOf(DISPUTE_TIERS, 'Tier'),
      heldOn: Type.String({ description: '调解日期' }),
      place: Nullable(Type.String({ description: '调解地点' })),
      method: oneOf(MEDIATION_METHODS, '调解方式'),
      mediator: Type.String({ description: '调解员' }),
      present: Type.Array(Type.Integer(), { description: 'Parties present (seq)' }),
      result: oneOf(SESSION_RESULTS, '结果'),
      note: Nullable(Type.String({ description: '情况' })),
    }),
  ),
  history: RecordHistorySchema,
  abilities: Type.Array(Type.String(), { description: 'Steps the caller may take now (they own the tier); event: raise a loop event' }),
});

export const RoundBody = Type.Object({
  kind: oneOf(ROUND_KINDS, '月度排查 / 专项排查'),
  subject: Type.String({ minLength: 1, maxLength: 100, description: '主题', example: '2026年11月矛盾纠纷排查' }),
  areaCodes: Type.Array(Type.String({ pattern: '^\\d{9}(\\d{3}){0,2}$', description: 'Township (9 digits), village (12) or grid (15)' }), {
    minItems: 1,
    maxItems: 2000,
    description: 'Townships, villages and grids covered',
  }),
  closesOn: Day('截止日期 Reports due by'),
});

export const DeclareNoneBody = Type.Object({ gridCode: Grid('The grid declared clear (零报告)') });

const Round = {
  id: Uuid('Round id'),
  kind: oneOf(ROUND_KINDS, 'Kind'),
  subject: Type.String({ description: '主题' }),
  areaCode: Type.String({ description: 'Opened by (township or county)' }),
  opensOn: Type.String({ description: 'Opened on' }),
  closesOn: Type.String({ description: 'Due by' }),
  openedAt: Type.String({ description: 'When opened' }),
};

export const RoundList = Type.Object({ items: Type.Array(Type.Object(Round)) });

export const RoundProgress = Type.Object({
  ...Round,
  villages: Type.Array(
    Type.Object({
      villageCode: Type.String({ description: 'Village code' }),
      villageName: Type.String({ description: 'Village name' }),
      grids: Type.Integer({ description: 'Grids covered' }),
      reported: Type.Integer({ description: 'Grids that reported (disputes or none)' }),
      disputes: Type.Integer({ description: 'Disputes recorded' }),
    }),
  ),
  grids: Type.Array(
    Type.Object({
      gridCode: Type.String({ description: 'Grid code' }),
      gridName: Type.String({ description: 'Grid name' }),
      villageCode: Type.String({ description: 'Village code' }),
      state: oneOf(GRID_REPORT_STATES, '未上报 / 有纠纷 / 无纠纷'),
      disputes: Type.Integer({ description: 'Disputes recorded in the round' }),
      reportedAt: Nullable(Type.String({ description: 'When last reported' })),
    }),
  ),
});

export const SourceId = Type.Object({ eventId: Uuid('The loop case') });

export const DisputeSource = Type.Object({
  eventId: Uuid('The loop case'),
  caseNo: Nullable(Type.String({ description: '案卷号' })),
  sourceKind: oneOf(DISPUTE_SOURCES, '来源'),
  externalNo: Nullable(Type.String({ description: '12345 工单号' })),
  disputeId: Nullable(Type.String({ description: 'The dispute already turned from it (then it cannot be turned again)' })),
  title: Type.String({ description: 'From the item’s name' }),
  typeCode: Nullable(Type.String({ description: 'The dispute type its catalogue item names (MD…), if any' })),
  occurredOn: Type.String({ description: 'The day it was reported' }),
  place: Type.String({ description: 'The record’s address, or the grid' }),
  gridCode: Type.String({ description: 'Its grid (kept)' }),
  gridName: Type.String({ description: 'Grid name' }),
  lng: Type.Number({ description: 'Longitude (kept)' }),
  lat: Type.Number({ description: 'Latitude (kept)' }),
  summary: Type.String({ description: 'The case’s description' }),
  reporterName: Nullable(Type.String({ description: 'Caller or reporter' })),
  reporterPhone: Nullable(Type.String({ description: 'Phone, masked' })),
  parties: Type.Array(
    Type.Object({
      kind: oneOf(PARTY_KINDS, 'Person or organisation'),
      key: Type.String({ description: 'Record id or credit code' }),
      name: Type.String({ description: 'Name on record' }),
    }),
    { description: 'Parties the case names on record (its organisation)' },
  ),
});

const TierDays = (description: string) =>
  Type.Object(
    Object.fromEntries(
      DISPUTE_TIERS.map((t) => [
        t,
        Type.Integer({ minimum: 1, maximum: MEDIATION_DAYS_MAX, description: `${t}: working days`, example: 30 }),
      ]),
    ) as Record<(typeof DISPUTE_TIERS)[number], ReturnType<typeof Type.Integer>>,
    { description },
  );

export const SettingsQuery = Type.Object({
  countyCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'County; the caller’s own when left out', example: '420923' })),
});

export const SettingsBody = Type.Object({
  countyCode: Type.Optional(Type.String({ pattern: '^\\d{6}$', description: 'County; the caller’s own when left out', example: '420923' })),
  mediationDays: TierDays('调解期限 Working days each tier’s mediation may take from its acceptance'),
  followUpDays: Type.Integer({
    minimum: 1,
    maximum: FOLLOW_UP_DAYS_MAX,
    description: '回访天数 Days after an agreement its follow-up falls due',
    example: 15,
  }),
});

export const Settings = Type.Object({
  countyCode: Type.String({ description: 'County' }),
  mediationDays: TierDays('调解期限 per tier, working days'),
  followUpDays: Type.Integer({ description: '回访天数' }),
  updatedAt: Nullable(Type.String({ description: 'When the county last changed them; none: the defaults' })),
});
