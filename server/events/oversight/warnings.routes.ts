import { Type } from '@sinclair/typebox';
import type { Http } from '../../platform/http.ts';
import { errorReplies, Nullable, oneOf } from '../../platform/schemas.ts';
import type { Guard } from '../../platform/actor.ts';
import { SEVERITIES, WARNING_COLOURS, type WarningRule } from '../loop/deadlines.core.ts';
import { SANCTIONS, type Warnings } from './warnings.service.ts';

const Count = (description: string) => Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, description }));

const Condition = Type.Object({
  minSeverity: Type.Optional(oneOf(SEVERITIES, 'The case is at least this serious')),
  minOverdueWorkingDays: Count('Working days overdue, at least'),
  minEscalations: Count('Times escalated, at least'),
  minRepeats: Count('Reports of the same matter, at least'),
}, { additionalProperties: false, description: 'Every field given must hold' });

const Rule = Type.Object({
  colour: oneOf(WARNING_COLOURS, 'blue | yellow | light_red | purple | red'),
  anyOf: Type.Array(Condition, { minItems: 1, maxItems: 10, description: 'The rule fires when any one condition holds' }),
  sanction: oneOf(SANCTIONS, 'The measure the unit is subject to (an i18n key)'),
}, { additionalProperties: false });

const RuleTable = Type.Object({
  rules: Type.Array(Rule),
  isDefault: Type.Boolean({ description: 'No table saved: the built-in defaults apply' }),
  updatedBy: Nullable(Type.String()),
  updatedAt: Nullable(Type.Unsafe<Date>({ type: 'string', format: 'date-time' })),
});

export function warningsRoutes(app: Http, { warnings, guard }: { warnings: Warnings; guard: Guard }) {
  const tags = ['warnings'];

  app.get('/api/warnings/rules', {
    schema: { tags, summary: '预警规则 The five-colour warning rules in force', response: { 200: RuleTable, ...errorReplies } },
    onRequest: guard('events.warnings'),
  }, async () => warnings.get());

  app.put('/api/warnings/rules', {
    schema: {
      tags, summary: '修改预警规则 Replace the warning rules (an empty list restores the defaults)',
      body: Type.Object({ rules: Type.Array(Rule, { maxItems: WARNING_COLOURS.length }) }, { additionalProperties: false }),
      response: { 200: RuleTable, ...errorReplies },
    },
    onRequest: guard('events.configure'),
  }, async (request) => warnings.replace(request.actor, request.body.rules as WarningRule[])); // the schema admits only known colours, severities and sanctions

  app.get('/api/warnings/tally', {
    schema: {
      tags, summary: '月度预警统计 Warnings earned per unit in one month, with the measure each earned',
      querystring: Type.Object({ month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM, China time', example: '2026-11' }) }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          month: Type.String(),
          units: Type.Array(Type.Object({
            unitCode: Type.String(), unitName: Type.String(),
            counts: Type.Record(Type.String(), Type.Integer(), { description: 'Warnings per colour' }),
            total: Type.Integer(),
            worst: Nullable(Type.String()),
            sanction: Nullable(Type.String({ description: 'i18n key of the measure of the worst colour' })),
          })),
        }),
        ...errorReplies,
      },
    },
    onRequest: guard('events.warnings'),
  }, async (request) => warnings.tally(request.actor, request.query.month));
}
