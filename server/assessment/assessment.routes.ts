import type { AssesseeKind } from '../../shared/enums.ts';
import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './assessment.schemas.ts';
import type { AssessmentService, SchemeInput } from './assessment.service.ts';

// The schemas' enums (oneOf) reach the handlers as unknown through the type provider; the schema checked them.

/** 考核: schemes, monthly results (compute, review, enter, adjust, publish), a result's explanation, rankings. */
export function assessmentRoutes(app: Http, { assessment, guard }: { assessment: AssessmentService; guard: Guard }) {
  const tags = ['assessment'];
  const reply = (schema: object) => ({ 200: schema, ...errorReplies });

  app.get(
    '/api/assessment/schemes',
    {
      schema: {
        tags,
        summary: '考核方案 The four schemes of a city or county (saved, or the default)',
        querystring: S.SchemeQuery,
        response: reply(S.SchemeList),
      },
      onRequest: guard('assessment.read'),
    },
    async (request) => assessment.schemes(request.actor, request.query.area),
  );
  app.put(
    '/api/assessment/schemes/:area/:kind',
    {
      schema: {
        tags,
        summary: '保存考核方案 Save a scheme whole: weights summing to 100, bands covering 0–100',
        params: S.SchemeParams,
        body: S.SchemeBody,
        response: reply(S.Scheme),
      },
      onRequest: guard('assessment.manage'),
    },
    async (request) =>
      assessment.saveScheme(request.actor, request.params.area, request.params.kind as AssesseeKind, request.body as SchemeInput),
  );
  app.get(
    '/api/assessment/runs',
    {
      schema: {
        tags,
        summary: '月度考核 Months assessed, in or above your jurisdiction',
        querystring: S.RunsQuery,
        response: reply(S.RunList),
      },
      onRequest: guard('assessment.read'),
    },
    async (request) => assessment.runs(request.actor, request.query as { kind?: AssesseeKind; period?: string }),
  );
  app.post(
    '/api/assessment/runs',
    {
      schema: {
        tags,
        summary: '计算月度考核 Compute (again) a month for every assessee of a scheme; a published month is frozen',
        body: S.ComputeBody,
        response: reply(S.Run),
      },
      onRequest: guard('assessment.assess'),
    },
    async (request) => assessment.compute(request.actor, request.body as { area: string; kind: AssesseeKind; period: string }),
  );
  app.get(
    '/api/assessment/runs/:id',
    {
      schema: { tags, summary: '月度考核结果 A month and its results in your jurisdiction', params: S.RunId, response: reply(S.Run) },
      onRequest: guard('assessment.read'),
    },
    async (request) => assessment.run(request.actor, request.params.id),
  );
  app.post(
    '/api/assessment/runs/:id/review',
    {
      schema: { tags, summary: '审核 Mark a computed month reviewed', params: S.RunId, body: S.VersionBody, response: reply(S.Run) },
      onRequest: guard('assessment.assess'),
    },
    async (request) => assessment.review(request.actor, request.params.id, request.body.version),
  );
  app.post(
    '/api/assessment/runs/:id/publish',
    {
      schema: {
        tags,
        summary: '发布 Publish a reviewed month that has ended; it is frozen from then on',
        params: S.RunId,
        body: S.VersionBody,
        response: reply(S.Run),
      },
      onRequest: guard('assessment.assess'),
    },
    async (request) => assessment.publish(request.actor, request.params.id, request.body.version),
  );
  app.get(
    '/api/assessment/results/:id',
    {
      schema: {
        tags,
        summary: '得分说明 A result item by item: definition, value, parts, points; adjustment and reason',
        params: S.ResultId,
        response: reply(S.Explanation),
      },
      onRequest: guard('assessment.read'),
    },
    async (request) => assessment.explain(request.actor, request.params.id),
  );
  app.get(
    '/api/assessment/results/:id/items/:key/evidence',
    {
      schema: {
        tags,
        summary: '得分依据 The cases, records, visits or entry behind one item of a result',
        params: S.EvidenceParams,
        querystring: S.EvidenceQuery,
        response: reply(S.Evidence),
      },
      onRequest: guard('assessment.read'),
    },
    async (request) =>
      assessment.evidence(request.actor, request.params.id, request.params.key, {
        fact: request.query.fact,
        ...pageAsked(request.query, PAGE.assessmentEvidence),
      }),
  );
  app.post(
    '/api/assessment/results/:id/entries',
    {
      schema: {
        tags,
        summary: '人工录入 An assessor’s spot check or survey score for a manual item',
        params: S.ResultId,
        body: S.EntryBody,
        response: reply(S.Result),
      },
      onRequest: guard('assessment.assess'),
    },
    async (request) => assessment.enter(request.actor, request.params.id, request.body),
  );
  app.post(
    '/api/assessment/results/:id/adjustment',
    {
      schema: {
        tags,
        summary: '调整分数 Add or take away points, with the reason (required)',
        params: S.ResultId,
        body: S.AdjustBody,
        response: reply(S.Result),
      },
      onRequest: guard('assessment.assess'),
    },
    async (request) => assessment.adjust(request.actor, request.params.id, request.body),
  );
  app.get(
    '/api/assessment/rankings',
    {
      schema: {
        tags,
        summary: '通报与排名 Monthly notice, quarterly ranking, yearly review from published months; units under sanction',
        querystring: S.RankingsQuery,
        response: reply(S.Rankings),
      },
      onRequest: guard('assessment.read'),
    },
    async (request) => assessment.rankings(request.actor, request.query as { area?: string; kind: AssesseeKind; period: string }),
  );
}
