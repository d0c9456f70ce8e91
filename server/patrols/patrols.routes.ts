import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './patrols.schemas.ts';
import type { PatrolsService } from './patrols.service.ts';

export async function patrolRoutes(app: Http, { patrols, guard }: { patrols: PatrolsService; guard: Guard }) {
  const tags = ['patrols'];

  app.get(
    '/api/patrols/grids',
    {
      schema: {
        tags,
        summary: '可巡查网格 The grids I may patrol (a department: its claimed grids)',
        response: { 200: S.PatrolGrids, ...errorReplies },
      },
      onRequest: guard('patrols.patrol'),
    },
    async (request) => patrols.grids(request.actor),
  );

  app.get(
    '/api/patrols/current',
    {
      schema: { tags, summary: '进行中的巡查 My patrol under way, or null', response: { 200: S.Current, ...errorReplies } },
      onRequest: guard('patrols.patrol'),
    },
    async (request) => patrols.current(request.actor),
  );

  app.post(
    '/api/patrols',
    {
      schema: {
        tags,
        summary: '开始巡查 Start my patrol (the same key again: the same patrol; one under way at a time)',
        body: S.StartBody,
        response: { 200: S.Patrol, ...errorReplies },
      },
      onRequest: guard('patrols.patrol'),
    },
    async (request) => patrols.start(request.actor, request.body),
  );

  app.post(
    '/api/patrols/:id/points',
    {
      schema: {
        tags,
        summary: '轨迹点 Add points of my patrol’s track, only where the county keeps tracks (409 otherwise)',
        params: S.PatrolId,
        body: S.PointsBody,
        response: { 200: S.PointsReply, ...errorReplies },
      },
      onRequest: guard('patrols.patrol'),
    },
    async (request) => patrols.track(request.actor, request.params.id, request.body.points),
  );

  app.post(
    '/api/patrols/:id/end',
    {
      schema: {
        tags,
        summary: '结束巡查 End my patrol with the grids passed; its summary (ending it again: the same summary)',
        params: S.PatrolId,
        body: S.EndBody,
        response: { 200: S.Patrol, ...errorReplies },
      },
      onRequest: guard('patrols.patrol'),
    },
    async (request) => patrols.end(request.actor, request.params.id, request.body),
  );

  app.get(
    '/api/patrols',
    {
      schema: {
        tags,
        summary: '巡查记录 Patrols as summaries: my own, or (a centre or village) those of my area',
        querystring: S.PatrolsQuery,
        response: { 200: S.Patrols, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => patrols.find(request.actor, { mine: request.query.mine ?? false }, pageAsked(request.query, PAGE.patrols)),
  );

  app.get(
    '/api/patrols/:id',
    {
      schema: {
        tags,
        summary: '巡查摘要 One patrol’s summary (its track to the worker, or where the county shows it)',
        params: S.PatrolId,
        response: { 200: S.Patrol, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => patrols.get(request.actor, request.params.id),
  );

  app.get(
    '/api/patrols/zero-report',
    {
      schema: {
        tags,
        summary: '今日零报告 My village’s zero report today, and whether the county offers it',
        response: { 200: S.ZeroReport, ...errorReplies },
      },
      onRequest: guard('patrols.zero_report'),
    },
    async (request) => patrols.zeroReportToday(request.actor),
  );

  app.post(
    '/api/patrols/zero-report',
    {
      schema: {
        tags,
        summary: '零报告 Patrolled, nothing found: my village’s report for today, once (a second tap answers the first)',
        response: { 200: S.ZeroReport, ...errorReplies },
      },
      onRequest: guard('patrols.zero_report'),
    },
    async (request) => patrols.reportZero(request.actor),
  );
}
