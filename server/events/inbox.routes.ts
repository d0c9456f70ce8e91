import { Type } from '@sinclair/typebox';
import type { Http } from '../platform/http.ts';
import { errorReplies, Nullable } from '../platform/schemas.ts';
import type { Guard } from '../access/guard.ts';
import { NOTIFICATION_KINDS, type InboxService } from './inbox.service.ts';

const DateTime = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const Notification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: NOTIFICATION_KINDS.join(' | ') }),
  eventId: Nullable(Type.String({ format: 'uuid', description: 'The case it is about' })),
  orderId: Nullable(Type.String({ format: 'uuid', description: 'The supervision order it is about' })),
  // The values the console words messages with, named for clients; Unsafe keeps the service's record type.
  data: Type.Unsafe<Record<string, unknown>>(Type.Object({
    caseNo: Type.Optional(Type.String()), itemCode: Type.Optional(Type.String()), stage: Type.Optional(Nullable(Type.String())),
    stageDueAt: Type.Optional(Nullable(Type.String())), workingDays: Type.Optional(Type.Integer()), returnedFrom: Type.Optional(Nullable(Type.String())),
    colour: Type.Optional(Nullable(Type.String())),
  }, { additionalProperties: true, description: 'Values for the message: caseNo, itemCode, stage, stageDueAt, …' })),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});

/** Every signed-in user has an inbox; these routes only ever touch the caller's own notifications. */
export function inboxRoutes(app: Http, { inbox, guard }: { inbox: InboxService; guard: Guard }) {
  const tags = ['inbox'];

  app.get('/api/inbox', {
    schema: {
      tags, summary: '我的消息 My notifications, unread first, newest first',
      querystring: Type.Object({
        offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
        unread: Type.Optional(Type.Boolean({ description: 'Only unread ones' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Notification), total: Type.Integer() }), ...errorReplies },
    },
    onRequest: guard(),
  }, async (request) => inbox.list(request.actor, { offset: request.query.offset ?? 0, limit: request.query.limit ?? 20, unreadOnly: request.query.unread ?? false }));

  app.get('/api/inbox/counts', {
    schema: {
      tags, summary: '待办数量 Unread notifications by kind, and open supervision orders addressed to my units',
      response: {
        200: Type.Object({
          unread: Type.Integer(),
          byKind: Type.Record(Type.String(), Type.Integer(), { description: 'Unread count of each kind present' }),
          supervision: Type.Integer({ description: 'Open supervision and reminder orders to my department or bound areas' }),
        }),
        ...errorReplies,
      },
    },
    onRequest: guard(),
  }, async (request) => inbox.counts(request.actor));

  app.post('/api/inbox/:id/read', {
    schema: { tags, summary: '标为已读 Mark one of my notifications read', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: Notification, ...errorReplies } },
    onRequest: guard(),
  }, async (request) => inbox.markRead(request.actor, request.params.id));

  app.post('/api/inbox/read-all', {
    schema: { tags, summary: '全部已读 Mark all my notifications read', response: { 200: Type.Object({ updated: Type.Integer() }), ...errorReplies } },
    onRequest: guard(),
  }, async (request) => inbox.markAllRead(request.actor));
}
