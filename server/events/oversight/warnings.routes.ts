import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import type { WarningRule } from '../loop/deadlines.core.ts';
import * as S from './warnings.schemas.ts';
import type { Warnings } from './warnings.service.ts';

export function warningsRoutes(app: Http, { warnings, guard }: { warnings: Warnings; guard: Guard }) {
  const tags = ['warnings'];

  app.get(
    '/api/warnings/rules',
    {
      schema: { tags, summary: '预警规则 The five-colour warning rules in force', response: { 200: S.RuleTable, ...errorReplies } },
      onRequest: guard('events.warnings'),
    },
    async () => warnings.get(),
  );

  app.put(
    '/api/warnings/rules',
    {
      schema: {
        tags,
        summary: '修改预警规则 Replace the warning rules (an empty list restores the defaults)',
        body: S.RulesBody,
        response: { 200: S.RuleTable, ...errorReplies },
      },
      onRequest: guard('events.configure'),
    },
    async (request) => warnings.replace(request.actor, request.body.rules as WarningRule[]),
  ); // the schema admits only known colours, severities and sanctions

  app.get(
    '/api/warnings/tally',
    {
      schema: {
        tags,
        summary: '月度预警统计 Warnings earned per unit in one month, with the measure each earned',
        querystring: S.TallyQuery,
        response: { 200: S.Tally, ...errorReplies },
      },
      onRequest: guard('events.warnings'),
    },
    async (request) => warnings.tally(request.actor, request.query.month),
  );
}
