import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import type { SessionInput } from './training.core.ts';
import * as S from './training.schemas.ts';
import type { TrainingService } from './training.service.ts';

export function trainingRoutes(app: Http, { training, guard }: { training: TrainingService; guard: Guard }) {
  const tags = ['training'];

  app.get(
    '/api/training/sessions',
    {
      schema: {
        tags,
        summary: '培训记录 Sessions held in my jurisdiction',
        querystring: S.SessionQuery,
        response: { 200: S.Sessions, ...errorReplies },
      },
      onRequest: guard('training.read'),
    },
    async (request) => training.find(request.actor, request.query, pageAsked(request.query, PAGE.trainingSessions)),
  );

  app.post(
    '/api/training/sessions',
    {
      schema: {
        tags,
        summary: '登记培训 Record a session and its attendees',
        body: S.SessionBody,
        response: { 200: S.Session, ...errorReplies },
      },
      onRequest: guard('training.manage'),
    },
    async (request) => training.create(request.actor, request.body as SessionInput),
  );

  app.get(
    '/api/training/team',
    {
      schema: {
        tags,
        summary: '可选参训人员 The accounts of my area’s team a session may list',
        querystring: S.TeamQuery,
        response: { 200: S.Team, ...errorReplies },
      },
      onRequest: guard('training.manage'),
    },
    async (request) => training.team(request.actor, request.query.area),
  );

  app.get(
    '/api/training/figures',
    {
      schema: {
        tags,
        summary: '培训统计 Person-times and hours per area in a period',
        querystring: S.FiguresQuery,
        response: { 200: S.Figures, ...errorReplies },
      },
      onRequest: guard('training.read'),
    },
    async (request) => training.figures(request.actor, request.query),
  );

  app.get(
    '/api/training/mine',
    {
      schema: { tags, summary: '我的培训 My training history', response: { 200: S.History, ...errorReplies } },
      onRequest: guard(),
    },
    async (request) => training.history(request.actor, request.actor.id),
  );

  app.get(
    '/api/training/people/:userId',
    {
      schema: {
        tags,
        summary: '培训档案 A team member’s sessions held in my jurisdiction',
        params: S.UserId,
        response: { 200: S.History, ...errorReplies },
      },
      onRequest: guard('training.read'),
    },
    async (request) => training.history(request.actor, request.params.userId),
  );
}
