import type { DisputeWarningRule } from '../../shared/dispute-warnings.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import {
  CloseBody,
  CountyQuery,
  FiguresQuery,
  RuleBody,
  RuleFigures,
  RuleKey,
  RuleList,
  RunBody,
  RunResult,
  Warning,
  WarningId,
  WarningList,
  WarningListQuery,
} from './dispute-warnings.schemas.ts';
import type { DisputeWarnings } from './dispute-warnings.service.ts';

// Enums (oneOf) reach the handlers as unknown through the type provider; the schema checked them.

export function disputeWarningRoutes(app: Http, { warnings, guard }: { warnings: DisputeWarnings; guard: Guard }) {
  const tags = ['dispute warnings'];
  const reply = (schema: object) => ({ 200: schema, ...errorReplies });

  app.get(
    '/api/disputes/warnings',
    {
      schema: {
        tags,
        summary: '矛盾纠纷预警 Dispute warnings addressed within one’s jurisdiction',
        querystring: WarningListQuery,
        response: reply(WarningList),
      },
      onRequest: guard('disputes.warnings'),
    },
    async (request) => ({ items: await warnings.find(request.actor, request.query as never) }),
  );
  app.get(
    '/api/disputes/warnings/:id',
    {
      schema: {
        tags,
        summary: '预警详情 A warning with its evidence: the disputes and their parties (masked)',
        params: WarningId,
        response: reply(Warning),
      },
      onRequest: guard('disputes.warnings'),
    },
    async (request) => warnings.get(request.actor, request.params.id),
  );
  app.post(
    '/api/disputes/warnings/:id/close',
    {
      schema: {
        tags,
        summary: '处置 / 排除 Handle or dismiss a warning, with a reason (the addressee only)',
        params: WarningId,
        body: CloseBody,
        response: reply(Warning),
      },
      onRequest: guard('disputes.warnings_handle'),
    },
    async (request) => warnings.close(request.actor, request.params.id, request.body as never),
  );
  app.post(
    '/api/disputes/warnings/run',
    {
      schema: { tags, summary: '立即研判 Run every rule over all of a county’s disputes', body: RunBody, response: reply(RunResult) },
      onRequest: guard('disputes.warning_rules'),
    },
    async (request) => warnings.run(request.actor, request.body.countyCode),
  );
  app.get(
    '/api/disputes/warnings/figures',
    {
      schema: {
        tags,
        summary: '预警统计 Figures by rule: raised, handled, dismissed, and disputes resolved after',
        querystring: FiguresQuery,
        response: reply(RuleFigures),
      },
      onRequest: guard('disputes.warnings'),
    },
    async (request) => warnings.figures(request.actor, request.query.countyCode, request.query),
  );
  app.get(
    '/api/disputes/warning-rules',
    {
      schema: {
        tags,
        summary: '预警规则 A county’s warning rules (its own or the defaults)',
        querystring: CountyQuery,
        response: reply(RuleList),
      },
      onRequest: guard('disputes.warnings'),
    },
    async (request) => warnings.rules(request.actor, request.query.countyCode),
  );
  app.put(
    '/api/disputes/warning-rules/:key',
    {
      schema: {
        tags,
        summary: '设置预警规则 Change a rule, switch it off, or add one; an impossible rule is refused',
        params: RuleKey,
        body: RuleBody,
        response: reply(RuleList),
      },
      onRequest: guard('disputes.warning_rules'),
    },
    async (request) => {
      const { countyCode, ...rule } = request.body;
      return warnings.saveRule(request.actor, countyCode, { ...(rule as Omit<DisputeWarningRule, 'key'>), key: request.params.key });
    },
  );
}
