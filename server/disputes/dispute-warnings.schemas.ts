import { Type } from '@sinclair/typebox';
import { DISPUTE_WARNING_STATES, WARNING_CLOSE_OUTCOMES, WARNING_LEVELS, WARNING_RULE_KINDS } from '../../shared/dispute-warnings.ts';
import { DISPUTE_STATUSES, DISPUTE_TIERS, PARTY_KINDS } from '../../shared/disputes.ts';
import { REASON } from '../../shared/limits.ts';
import { Nullable, oneOf } from '../platform/schemas.ts';

const Uuid = (description: string) => Type.String({ format: 'uuid', description, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });
const County = (description: string) => Type.String({ pattern: '^\\d{6}$', description, example: '420923' });
const Day = (description: string) => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description, example: '2026-11-02' });

export const WarningId = Type.Object({ id: Uuid('Warning id') });
export const RuleKey = Type.Object({
  key: Type.String({
    pattern: '^[a-z][a-z0-9_]{1,39}$',
    description: 'Rule name in its county (a default’s, or a new one)',
    example: 'wage_arrears_cluster',
  }),
});
export const CountyQuery = Type.Object({
  countyCode: Type.Optional(County('县（市、区）The county; the caller’s own when left out')),
});

/**
 * The params a rule reads. Their bounds are the rule core's (a clear refusal per field: dispute_warning.rule_invalid),
 * not the schema's, so one place says what an impossible window is.
 */
export const RuleParams = Type.Object(
  {
    days: Type.Optional(Type.Integer({ description: '时间窗口（天）Window in days back from today (1–365)', example: 7 })),
    count: Type.Optional(
      Type.Integer({ description: '次数 Disputes (same_parties, type_cluster) or escalations (escalated_twice)', example: 3 }),
    ),
    typeCodes: Type.Optional(
      Type.Array(Type.String({ pattern: '^\\d{2}(\\d{2})?$', description: 'A 5.56 item or level-1 class' }), {
        maxItems: 100,
        description: '纠纷类别 Types (type_cluster; petition_risk: empty for any type)',
      }),
    ),
    minDaysOverdue: Type.Optional(
      Type.Integer({ description: '逾期天数 A follow-up at least this many days past due (missed_visits, 1–365)', example: 3 }),
    ),
    keywords: Type.Optional(
      Type.Array(Type.String({ maxLength: 100, description: 'A word in the title or summary' }), {
        maxItems: 200,
        description: '关键词 Words that say a matter may become a petition (petition_risk)',
        example: ['上访', '集体'],
      }),
    ),
    minPeople: Type.Optional(Type.Integer({ description: '涉及人数阈值 People involved at least (failed_many)', example: 10 })),
  },
  { additionalProperties: false, description: 'What the rule’s kind reads' },
);

export const RuleBody = Type.Object({
  countyCode: Type.Optional(County('The county whose rule it is; the caller’s own when left out')),
  kind: oneOf(WARNING_RULE_KINDS, '规则类型 Kind'),
  level: oneOf(WARNING_LEVELS, '推送层级 The level warnings go to: village, township or county of the disputes'),
  enabled: Type.Boolean({ description: '启用 On' }),
  params: RuleParams,
});

const Rule = Type.Object({
  key: Type.String({ description: 'Rule name', example: 'same_parties' }),
  kind: oneOf(WARNING_RULE_KINDS, 'Kind'),
  level: oneOf(WARNING_LEVELS, 'Level warnings go to'),
  enabled: Type.Boolean({ description: 'On' }),
  params: RuleParams,
  isDefault: Type.Boolean({ description: 'The default, unchanged by the county' }),
  updatedByName: Nullable(Type.String({ description: 'Who last changed it' })),
  updatedAt: Nullable(Type.String({ description: 'When' })),
});
export const RuleList = Type.Object({ countyCode: Type.String({ description: 'County' }), items: Type.Array(Rule) });

export const RunBody = Type.Object({ countyCode: Type.Optional(County('The county to run over; the caller’s own when left out')) });
export const RunResult = Type.Object({
  raised: Type.Integer({ description: 'Warnings raised' }),
  extended: Type.Integer({ description: 'Open warnings given new evidence' }),
});

export const WarningListQuery = Type.Object({
  state: Type.Optional(oneOf(DISPUTE_WARNING_STATES, '状态 State')),
  ruleKey: Type.Optional(Type.String({ maxLength: 40, description: 'Rule name' })),
  countyCode: Type.Optional(County('County')),
});

const Summary = {
  id: Uuid('Warning id'),
  countyCode: Type.String({ description: 'County' }),
  ruleKey: Type.String({ description: 'Rule name' }),
  kind: oneOf(WARNING_RULE_KINDS, 'Rule kind'),
  level: oneOf(WARNING_LEVELS, 'Level it is addressed to'),
  params: RuleParams,
  unitCode: Type.String({ description: 'The unit it is addressed to' }),
  unitName: Type.String({ description: 'Its name', example: '城关镇' }),
  subject: Type.String({
    description:
      'What it is about: person:<id> (a party, or a person with missed follow-ups), organisation:<code>, dispute:<id>, village:<code>',
  }),
  state: oneOf(DISPUTE_WARNING_STATES, 'State'),
  disputes: Type.Integer({ description: 'Disputes it rests on' }),
  raisedAt: Type.String({ description: 'When raised' }),
  updatedAt: Type.String({ description: 'When evidence was last added' }),
  closedByName: Nullable(Type.String({ description: 'Who handled or dismissed it' })),
  closedAt: Nullable(Type.String({ description: 'When' })),
  reason: Nullable(Type.String({ description: 'Why' })),
  version: Type.Integer({ description: 'Send it back to close it' }),
  abilities: Type.Array(Type.String(), { description: 'handle / dismiss, when the caller is the addressee and it is open' }),
};
export const WarningList = Type.Object({ items: Type.Array(Type.Object(Summary), { description: 'Newest first, at most 200' }) });

export const Warning = Type.Object({
  ...Summary,
  subjectName: Nullable(Type.String({ description: 'The village of a cluster' })),
  matchedKeywords: Type.Array(Type.String(), { description: 'Keywords of the rule found in the evidence' }),
  evidence: Type.Array(
    Type.Object({
      id: Uuid('Dispute id'),
      title: Type.String({ description: '事件名称' }),
      typeCode: Type.String({ description: 'Type (5.56)' }),
      occurredOn: Type.String({ description: '发生日期' }),
      gridCode: Type.String({ description: 'Grid' }),
      gridName: Type.String({ description: 'Grid name' }),
      tier: oneOf(DISPUTE_TIERS, 'Tier now'),
      status: oneOf(DISPUTE_STATUSES, 'Status now'),
      peopleInvolved: Type.Integer({ description: '涉及人数' }),
      addedAt: Type.String({ description: 'When it became evidence' }),
    }),
    { description: '证据 The disputes within the caller’s jurisdiction' },
  ),
  outsideScope: Type.Integer({ description: 'Disputes of the evidence outside the caller’s jurisdiction (counted, not shown)' }),
  parties: Type.Array(
    Type.Object({
      kind: oneOf(PARTY_KINDS, 'Person or organisation'),
      key: Type.String({ description: 'Record id or credit code' }),
      name: Nullable(Type.String({ description: 'Name from the record' })),
      identifier: Nullable(Type.String({ description: 'ID number masked, or credit code', example: '42**************16' })),
      phone: Nullable(Type.String({ description: 'Phone, masked', example: '138****1234' })),
      disputes: Type.Integer({ description: 'Evidence disputes this party is in' }),
      subject: Type.Boolean({ description: 'The party the warning is about (same parties)' }),
    }),
  ),
  person: Nullable(
    Type.Object(
      {
        personId: Uuid('Person id'),
        name: Nullable(Type.String({ description: 'Name from the record (none when outside the caller’s jurisdiction)' })),
        identifier: Nullable(Type.String({ description: 'ID number, masked', example: '42**************16' })),
        phone: Nullable(Type.String({ description: 'Phone, masked', example: '138****1234' })),
        gridCode: Nullable(Type.String({ description: 'Grid of the person' })),
        gridName: Nullable(Type.String({ description: 'Grid name' })),
        tags: Nullable(
          Type.Array(Type.String({ description: 'special_group:<code> or key_person:<code>', example: 'special_group:03' }), {
            description: 'Tags, only for roles that may see them',
          }),
        ),
      },
      { description: '漏访人员 The person a missed_visits warning is about (reading it is audited); none for other kinds' },
    ),
  ),
  misses: Type.Array(
    Type.Object({
      dueOn: Nullable(Day('The missed follow-up’s due date; none when never followed up')),
      lastOn: Nullable(Day('The last follow-up before it')),
      daysOverdue: Nullable(Type.Integer({ description: '逾期天数 Days past due when found; none when never followed up' })),
      addedAt: Type.String({ description: 'When it became evidence' }),
    }),
    { description: '漏访 The missed follow-ups a missed_visits warning rests on, latest first' },
  ),
});

export const CloseBody = Type.Object({
  version: Type.Integer({ minimum: 1, description: 'The warning version seen' }),
  outcome: oneOf(WARNING_CLOSE_OUTCOMES, '已处置 handled / 已排除 dismissed'),
  reason: Type.String({
    maxLength: REASON.max,
    description: '理由 What was done, or why nothing need be',
    example: '已约谈双方，村调委会跟进',
  }),
});

export const FiguresQuery = Type.Object({
  countyCode: Type.Optional(County('County')),
  from: Type.Optional(Day('Raised on or after (China date); 30 days ago when left out')),
  to: Type.Optional(Day('Raised on or before; today when left out')),
});
export const RuleFigures = Type.Object({
  from: Type.String({ description: 'From' }),
  to: Type.String({ description: 'To' }),
  items: Type.Array(
    Type.Object({
      ruleKey: Type.String({ description: 'Rule name' }),
      kind: Nullable(oneOf(WARNING_RULE_KINDS, 'Kind (none for a rule no longer kept)')),
      raised: Type.Integer({ description: '预警数 Raised' }),
      open: Type.Integer({ description: '待处置 Open' }),
      handled: Type.Integer({ description: '已处置 Handled' }),
      dismissed: Type.Integer({ description: '已排除 Dismissed' }),
      resolvedAfter: Type.Integer({ description: '预警后化解 Evidence disputes resolved after they became evidence' }),
    }),
  ),
});
