import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DeclarationStatus } from '../../../shared/enums.ts';
import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { ErrorReply, errorReplies } from '../../platform/schemas.ts';
import { TaskId } from '../tasks.schemas.ts';
import type { PointInput } from './declare.core.ts';
import * as S from './declare.schemas.ts';
import type { Declarations } from './declare.service.ts';

const publicReplies = { ...errorReplies, 429: ErrorReply };

/** 扫码申报: the owner's points and QR codes, the worker's pending declarations, and the residents' page without an account. */
export function declarationRoutes(app: Http, { declarations, guard }: { declarations: Declarations; guard: Guard }) {
  const tags = ['tasks'];

  app.get(
    '/api/tasks/:id/points',
    {
      schema: {
        tags,
        summary: '申报点 The task’s QR points in my grids, with their declarations',
        params: TaskId,
        response: { 200: S.Points, ...errorReplies },
      },
      onRequest: guard('tasks.read'),
    },
    async (request) => declarations.findPoints(request.actor, request.params.id),
  );

  app.post(
    '/api/tasks/:id/points',
    {
      schema: {
        tags,
        summary: '发布二维码 Publish a QR code at a building or a checkpoint (卡口) of an admitted screening task',
        params: TaskId,
        body: S.PointBody,
        response: { 200: S.Point, ...errorReplies },
      },
      onRequest: guard('tasks.draft'),
    },
    async (request) => declarations.createPoint(request.actor, request.params.id, request.body as PointInput),
  );

  app.get(
    '/api/tasks/:id/declarations',
    {
      schema: {
        tags,
        summary: '居民申报 Residents’ declarations at the task’s points of my grids (masked)',
        params: TaskId,
        querystring: S.DeclarationQuery,
        response: { 200: S.Declarations, ...errorReplies },
      },
      onRequest: guard('tasks.read'),
    },
    async (request) => {
      const q = request.query as { status?: DeclarationStatus; pointId?: string; offset?: number; limit?: number };
      return declarations.findDeclarations(request.actor, request.params.id, q, pageAsked(q, PAGE.declarations));
    },
  );

  app.post(
    '/api/declarations/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认入库 Confirm into the people records (matched on the ID number, sealed, masked, audited)',
        params: S.DeclarationId,
        body: S.DecisionVersion,
        response: { 200: S.Declaration, ...errorReplies },
      },
      onRequest: guard('tasks.fill'),
    },
    async (request) => declarations.confirm(request.actor, request.params.id, request.body.version),
  );

  app.post(
    '/api/declarations/:id/reject',
    {
      schema: {
        tags,
        summary: '退回申报 Reject with a reason; nothing reaches the people records',
        params: S.DeclarationId,
        body: S.Rejection,
        response: { 200: S.Declaration, ...errorReplies },
      },
      onRequest: guard('tasks.fill'),
    },
    async (request) => declarations.reject(request.actor, request.params.id, request.body.version, request.body.reason),
  );

  // The residents' page: no account. Its own scope, so a burst of scans meets the per-address limit of this process
  // too; the hourly limits per device and address are counted from the declarations themselves (every server alike).
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(rateLimit, {
      max: 120,
      timeWindow: 60_000,
      errorResponseBuilder: () => new AppError('declare.rate_limited', [{ field: 'request', reason: 'rate_limited' }]),
    });
    scope.get(
      '/api/public/declare/:token',
      {
        schema: {
          tags: ['public'],
          summary: '扫码申报 What the QR page asks',
          params: S.Token,
          response: { 200: S.PublicPoint, ...publicReplies },
        },
      },
      async (request) => declarations.getPublicPoint(request.params.token),
    );
    scope.post(
      '/api/public/declare/:token',
      {
        schema: {
          tags: ['public'],
          summary: '扫码申报 Declare without an account (once per key; limited per device and address per hour)',
          params: S.Token,
          body: S.DeclarationBody,
          response: { 200: S.Receipt, ...publicReplies },
        },
      },
      async (request) => declarations.declare(request.params.token, request.body, request.ip),
    );
  });
}
