import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import { SESSION_COOKIE } from './guard.ts';
import * as S from './sessions.schemas.ts';
import type { SessionsService } from './sessions.service.ts';

export function sessionRoutes(app: Http, { sessions, guard }: { sessions: SessionsService; guard: Guard }) {
  app.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: '我的会话 My live sessions: when started, last seen, from which address and browser, this one marked',
        response: { 200: S.SessionList, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => ({ items: await sessions.findSessions(request.actor, request.cookies[SESSION_COOKIE]!) }),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: '结束会话 End another of my sessions (this one ends by signing out)',
        params: S.SessionIdParams,
        response: { 204: S.SessionEnded, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request, reply) => {
      await sessions.endSession(request.actor, request.cookies[SESSION_COOKIE]!, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/auth/sessions/end-others',
    {
      schema: {
        tags: ['auth'],
        summary: '结束其他会话 End all my sessions but this one',
        response: { 200: S.SessionsEnded, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request) => ({ ended: await sessions.endOtherSessions(request.actor, request.cookies[SESSION_COOKIE]!) }),
  );
}
