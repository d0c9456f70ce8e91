import { Type } from '@sinclair/typebox';
import { SEVERITIES, WARNING_COLOURS } from '../../../shared/enums.ts';
import { Nullable, oneOf } from '../../platform/schemas.ts';
import { SANCTIONS } from './warnings.service.ts';

const Count = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description }));

const Condition = Type.Object(
  {
    minSeverity: Type.Optional(oneOf(SEVERITIES, 'The case is at least this serious')),
    minOverdueWorkingDays: Count('Working days overdue, at least'),
    minEscalations: Count('Times escalated, at least'),
    minRepeats: Count('Reports of the same matter, at least'),
  },
  { additionalProperties: false, description: 'Every field given must hold' },
);

const Rule = Type.Object(
  {
    colour: oneOf(WARNING_COLOURS, 'blue | yellow | light_red | purple | red'),
    anyOf: Type.Array(Condition, { minItems: 1, maxItems: 10, description: 'The rule fires when any one condition holds' }),
    sanction: oneOf(SANCTIONS, 'The measure the unit is subject to (an i18n key)'),
  },
  { additionalProperties: false },
);

export const RuleTable = Type.Object({
  rules: Type.Array(Rule, { description: '预警规则 The rules, one per colour at most' }),
  isDefault: Type.Boolean({ description: 'No table saved: the built-in defaults apply' }),
  updatedBy: Nullable(Type.String({ description: '修改人 Who saved the table' })),
  updatedAt: Nullable(Type.Unsafe<Date>({ type: 'string', format: 'date-time', description: '修改时间 When it was saved' })),
});

export const RulesBody = Type.Object(
  {
    rules: Type.Array(Rule, { maxItems: WARNING_COLOURS.length, description: '预警规则 The new rules; empty restores the defaults' }),
  },
  { additionalProperties: false },
);

export const TallyQuery = Type.Object(
  {
    month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, China time', example: '2026-11' }),
  },
  { additionalProperties: false },
);

export const Tally = Type.Object({
  month: Type.String({ description: '月份 The month, YYYY-MM', example: '2026-11' }),
  units: Type.Array(
    Type.Object({
      unitCode: Type.String({ description: '单位编码 Department or area code', example: 'YM-CG' }),
      unitName: Type.String({ description: '单位名称 Name of the unit', example: '云梦县城市管理局' }),
      counts: Type.Record(Type.String(), Type.Integer(), { description: 'Warnings per colour' }),
      total: Type.Integer({ description: '合计 Warnings in the month' }),
      worst: Nullable(Type.String({ description: '最高等级 The most serious colour earned' })),
      sanction: Nullable(Type.String({ description: 'i18n key of the measure of the worst colour' })),
    }),
    { description: '各单位 Units with warnings in the month' },
  ),
});
