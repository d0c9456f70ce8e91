import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './supervision.schemas.ts';
import type { SupervisionService } from './supervision.service.ts';

export function supervisionRoutes(app: Http, { supervision, guard }: { supervision: SupervisionService; guard: Guard }) {
  const tags = ['supervision'];

  app.post(
    '/api/supervision/orders',
    {
      schema: {
        tags,
        summary: '督办/催办 Issue an order on one case or on a unit',
        body: S.IssueOrderBody,
        response: { 201: S.Order, ...errorReplies },
      },
      onRequest: guard('events.supervise'),
    },
    async (request, reply) => reply.status(201).send(await supervision.issue(request.actor, request.body)),
  );

  app.get(
    '/api/supervision/orders/issued',
    {
      schema: { tags, summary: '我发出的 Orders I issued, open first', response: { 200: S.Orders, ...errorReplies } },
      onRequest: guard('events.supervise'),
    },
    async (request) => ({ items: await supervision.issued(request.actor) }),
  );

  app.get(
    '/api/supervision/orders/addressed',
    {
      schema: { tags, summary: '交办我单位的 Orders my units must answer, open first', response: { 200: S.Orders, ...errorReplies } },
      onRequest: guard('supervision.read'),
    },
    async (request) => ({ items: await supervision.addressed(request.actor) }),
  );

  app.get(
    '/api/supervision/orders/:id',
    {
      schema: { tags, summary: 'One order', params: S.OrderParams, response: { 200: S.Order, ...errorReplies } },
      onRequest: guard('supervision.read'),
    },
    async (request) => supervision.get(request.actor, request.params.id),
  );

  app.post(
    '/api/supervision/orders/:id/reply',
    {
      schema: {
        tags,
        summary: '答复 The unit answers an open order',
        params: S.OrderParams,
        body: S.ReplyBody,
        response: { 200: S.Order, ...errorReplies },
      },
      onRequest: guard('supervision.read'),
    },
    async (request) => supervision.reply(request.actor, request.params.id, request.body.reply),
  );

  app.post(
    '/api/supervision/orders/:id/close',
    {
      schema: {
        tags,
        summary: '办结 The issuer (or a centre above) closes an answered order',
        params: S.OrderParams,
        response: { 200: S.Order, ...errorReplies },
      },
      onRequest: guard('events.supervise'),
    },
    async (request) => supervision.close(request.actor, request.params.id),
  );

  app.get(
    '/api/events/:id/supervision',
    {
      schema: { tags, summary: 'Orders on one case, open first', params: S.OrderParams, response: { 200: S.Orders, ...errorReplies } },
      onRequest: guard('events.read'),
    },
    async (request) => ({ items: await supervision.ofEvent(request.actor, request.params.id) }),
  );

  app.get(
    '/api/supervision/queue',
    {
      schema: {
        tags,
        summary: '督办队列 What needs supervising in my jurisdiction, longest waiting first',
        response: { 200: S.Queue, ...errorReplies },
      },
      onRequest: guard('events.supervise'),
    },
    async (request) => ({ items: await supervision.queue(request.actor) }),
  );
}
