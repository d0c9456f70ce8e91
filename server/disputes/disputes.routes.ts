import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { Step } from './disputes.core.ts';
import {
  DeclareNoneBody,
  Dispute,
  DisputeBody,
  DisputeId,
  DisputeList,
  DisputeListQuery,
  DisputeSource,
  RaiseEventBody,
  RoundBody,
  RoundId,
  RoundList,
  RoundProgress,
  SourceId,
  StepBody,
} from './disputes.schemas.ts';
import type { DisputeInput, DisputesService, RoundInput } from './disputes.service.ts';
import type { DisputeFilter } from './disputes.store.ts';

// The schemas' enums (oneOf) reach the handlers as unknown through the type provider; the schema checked them, so the
// bodies are read as the service's input types.

export function disputeRoutes(app: Http, { disputes, guard }: { disputes: DisputesService; guard: Guard }) {
  const tags = ['disputes'];
  const reply = (schema: object) => ({ 200: schema, ...errorReplies });

  app.get(
    '/api/disputes',
    {
      schema: {
        tags,
        summary: '矛盾纠纷 Disputes in one’s jurisdiction, by tier, status, round',
        querystring: DisputeListQuery,
        response: reply(DisputeList),
      },
      onRequest: guard('disputes.read'),
    },
    async (request) => {
      const { offset, limit, ...filter } = request.query;
      return disputes.find(request.actor, filter as DisputeFilter, pageAsked({ offset, limit }, PAGE.disputes));
    },
  );
  app.post(
    '/api/disputes',
    {
      schema: { tags, summary: '登记纠纷 Record a dispute; parties picked from the records', body: DisputeBody, response: reply(Dispute) },
      onRequest: guard('disputes.mediate'),
    },
    async (request) => disputes.create(request.actor, request.body as DisputeInput),
  );
  app.get(
    '/api/disputes/sources/:eventId',
    {
      schema: {
        tags,
        summary: '转为纠纷 What a loop case (field report, dispute item, 12345 order) gives the dispute turned from it',
        params: SourceId,
        response: reply(DisputeSource),
      },
      onRequest: guard('disputes.mediate'),
    },
    async (request) => disputes.sourceOf(request.actor, request.params.eventId),
  );
  app.get(
    '/api/disputes/:id',
    {
      schema: {
        tags,
        summary: '纠纷详情 A dispute: parties masked, sessions, history, abilities',
        params: DisputeId,
        response: reply(Dispute),
      },
      onRequest: guard('disputes.read'),
    },
    async (request) => disputes.get(request.actor, request.params.id),
  );
  app.post(
    '/api/disputes/:id/steps',
    {
      schema: {
        tags,
        summary: '调解 A step at the current tier: accept, session, resolve, escalate, refer, follow_up (回访 of the agreement)',
        params: DisputeId,
        body: StepBody,
        response: reply(Dispute),
      },
      onRequest: guard('disputes.mediate'),
    },
    async (request) => {
      const { version, ...step } = request.body;
      return disputes.act(request.actor, request.params.id, version, step as Step);
    },
  );
  app.post(
    '/api/disputes/:id/event',
    {
      schema: {
        tags,
        summary: '生成事件 Raise a loop event for a department to act',
        params: DisputeId,
        body: RaiseEventBody,
        response: reply(Dispute),
      },
      onRequest: guard('disputes.mediate'),
    },
    async (request) => {
      const { version, ...input } = request.body;
      return disputes.raiseEvent(request.actor, request.params.id, version, input);
    },
  );

  app.get(
    '/api/disputes/rounds',
    {
      schema: { tags, summary: '排查轮次 Screening rounds in one’s jurisdiction', response: reply(RoundList) },
      onRequest: guard('disputes.read'),
    },
    async (request) => ({ items: await disputes.rounds(request.actor) }),
  );
  app.post(
    '/api/disputes/rounds',
    {
      schema: { tags, summary: '发起排查 Open a screening round over villages and grids', body: RoundBody, response: reply(RoundProgress) },
      onRequest: guard('disputes.screen'),
    },
    async (request) => disputes.openRound(request.actor, request.body as RoundInput),
  );
  app.get(
    '/api/disputes/rounds/:id',
    {
      schema: {
        tags,
        summary: '排查进度 Progress per village and grid: who has not reported yet',
        params: RoundId,
        response: reply(RoundProgress),
      },
      onRequest: guard('disputes.read'),
    },
    async (request) => disputes.progress(request.actor, request.params.id),
  );
  app.post(
    '/api/disputes/rounds/:id/none',
    {
      schema: {
        tags,
        summary: '零报告 Declare a grid screened with no disputes',
        params: RoundId,
        body: DeclareNoneBody,
        response: reply(RoundProgress),
      },
      onRequest: guard('disputes.mediate'),
    },
    async (request) => disputes.declareNone(request.actor, request.params.id, request.body.gridCode),
  );
}
