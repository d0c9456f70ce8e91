import { PAGE } from '../../../shared/limits.ts';
import type { Guard } from '../../platform/actor.ts';
import type { Http } from '../../platform/http.ts';
import { pageAsked } from '../../platform/paging.ts';
import { errorReplies } from '../../platform/schemas.ts';
import * as S from './inbox.schemas.ts';
import type { InboxService } from './inbox.service.ts';

/** Every signed-in user has an inbox; these routes only ever touch the caller's own notifications. */
export function inboxRoutes(app: Http, { inbox, guard }: { inbox: InboxService; guard: Guard }) {
  const tags = ['inbox'];

  app.get(
    '/api/inbox',
    {
      schema: {
        tags,
        summary: '我的消息 My notifications, unread first, newest first',
        querystring: S.InboxQuery,
        response: { 200: S.InboxPage, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) =>
      inbox.find(request.actor, {
        ...pageAsked(request.query, PAGE.inbox),
        unreadOnly: request.query.unread ?? false,
      }),
  );

  app.get(
    '/api/inbox/counts',
    {
      schema: {
        tags,
        summary: '待办数量 Unread notifications by kind, and open supervision orders addressed to my units',
        response: { 200: S.InboxCounts, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => inbox.counts(request.actor),
  );

  app.post(
    '/api/inbox/:id/read',
    {
      schema: {
        tags,
        summary: '标为已读 Mark one of my notifications read',
        params: S.NotificationParams,
        response: { 200: S.Notification, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => inbox.markRead(request.actor, request.params.id),
  );

  app.post(
    '/api/inbox/read-all',
    {
      schema: { tags, summary: '全部已读 Mark all my notifications read', response: { 200: S.ReadAllReply, ...errorReplies } },
      onRequest: guard(),
    },
    async (request) => inbox.markAllRead(request.actor),
  );
}
