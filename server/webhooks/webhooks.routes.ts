import { PAGE } from '../../shared/limits.ts';
import type { WebhookDeliveryStatus } from '../../shared/webhooks.ts';
import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './webhooks.schemas.ts';
import type { SubscribeInput, WebhooksService } from './webhooks.service.ts';

/** The console's webhook subscriptions (system administrator): create, pause, resume, replay, the delivery log. */
export function webhooksRoutes(app: Http, { webhooks, guard }: { webhooks: WebhooksService; guard: Guard }) {
  const tags = ['webhooks'];

  app.get(
    '/api/webhooks/subscriptions',
    {
      schema: {
        tags,
        summary: '事件订阅 The webhook subscriptions of your jurisdiction, with their deliveries by status',
        response: { 200: S.SubscriptionList, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request) => ({ items: await webhooks.find(request.actor) }),
  );

  app.post(
    '/api/webhooks/subscriptions',
    {
      schema: {
        tags,
        summary: '新建订阅 Subscribe a URL to kinds of event in an area; the reply carries the signing secret, shown this once',
        body: S.SubscribeBody,
        response: { 201: S.CreatedSubscription, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request, reply) => reply.status(201).send(await webhooks.create(request.actor, request.body as SubscribeInput)),
  );

  app.post(
    '/api/webhooks/subscriptions/:id/pause',
    {
      schema: {
        tags,
        summary: '暂停 Stop delivering; facts are still recorded and go out once resumed',
        params: S.SubscriptionParams,
        response: { 200: S.Subscription, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request) => webhooks.pause(request.actor, request.params.id),
  );

  app.post(
    '/api/webhooks/subscriptions/:id/resume',
    {
      schema: {
        tags,
        summary: '恢复 Deliver again from where it stopped, a delivery it gave up on first',
        params: S.SubscriptionParams,
        response: { 200: S.Subscription, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request) => webhooks.resume(request.actor, request.params.id),
  );

  app.post(
    '/api/webhooks/subscriptions/:id/replay',
    {
      schema: {
        tags,
        summary: '重放 Send again, in order and with the same delivery ids, everything recorded since a moment',
        params: S.SubscriptionParams,
        body: S.ReplayBody,
        response: { 200: S.Replayed, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request) => webhooks.replay(request.actor, request.params.id, new Date(request.body.since)),
  );

  app.get(
    '/api/webhooks/subscriptions/:id/deliveries',
    {
      schema: {
        tags,
        summary: '投递记录 A subscription’s delivery log, newest first, each with its tries, status codes and replies',
        params: S.SubscriptionParams,
        querystring: S.DeliveryQuery,
        response: { 200: S.DeliveryPage, ...errorReplies },
      },
      onRequest: guard('interfaces.manage'),
    },
    async (request) =>
      webhooks.deliveries(request.actor, request.params.id, {
        status: request.query.status as WebhookDeliveryStatus | undefined,
        orderNo: request.query.orderNo,
        ...pageAsked(request.query, PAGE.webhookDeliveries),
      }),
  );
}
