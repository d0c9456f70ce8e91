import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { PAGE } from '../../shared/limits.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import * as S from './citizens.schemas.ts';
import type { CitizensService } from './citizens.service.ts';

/** The cookie of a citizen's "my reports" session; sent only to these routes. */
export const CITIZEN_COOKIE = 'gezhi_citizen';
const COOKIE_PATH = '/api/public/my';

/**
 * 我的上报: a phone number, the code sent to it, then the reports made with it. No account: the session is a cookie
 * bound to the phone's keyed hash. Rate-limited per client like the other public routes.
 */
export function citizensRoutes(app: Http, { citizens, config }: { citizens: CitizensService; config: Config }) {
  const tags = ['public'];
  const replies = S.citizenReplies;
  const token = (request: FastifyRequest) => request.cookies[CITIZEN_COOKIE];
  const cookie = (request: FastifyRequest) => ({
    path: COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.secureCookies || request.protocol === 'https',
  });
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    await scope.register(rateLimit, {
      max: config.publicRateLimit.max,
      timeWindow: config.publicRateLimit.windowSeconds * 1000,
      errorResponseBuilder: (_request, context) =>
        new AppError('public.rate_limited', [
          { field: 'request', reason: 'rate_limited', retryAfterSeconds: Math.ceil(context.ttl / 1000) },
        ]),
    });

    scope.post(
      '/api/public/my/code',
      {
        schema: {
          tags,
          summary: '获取验证码 Send a one-time code to the phone the reports were made with (one a minute)',
          body: S.CodeBody,
          response: { 200: S.CodeSent, ...replies },
        },
      },
      async (request) => citizens.issueCode(request.body.phone),
    );

    scope.post(
      '/api/public/my/session',
      {
        schema: {
          tags,
          summary: '验证并查询 Verify the code: opens a short session (a cookie) for that phone’s reports',
          body: S.SessionBody,
          response: { 200: S.CitizenSession, ...replies },
        },
      },
      async (request, reply) => {
        const opened = await citizens.signIn(request.body.phone, request.body.code);
        reply.setCookie(CITIZEN_COOKIE, opened.token, { ...cookie(request), maxAge: config.sms.citizenSessionMinutes * 60 });
        return { phone: opened.phone, expiresAt: opened.expiresAt };
      },
    );

    scope.get(
      '/api/public/my/session',
      {
        schema: {
          tags,
          summary: '查询状态 The open session’s phone (masked) and its end',
          response: { 200: S.CitizenSession, ...replies },
        },
      },
      async (request) => citizens.getSession(token(request)),
    );

    scope.delete(
      '/api/public/my/session',
      { schema: { tags, summary: '退出查询 End the session', response: { 204: { type: 'null', description: 'Ended' }, ...replies } } },
      async (request, reply) => {
        await citizens.removeSession(token(request));
        reply.clearCookie(CITIZEN_COOKIE, cookie(request));
        return reply.status(204).send(null);
      },
    );

    scope.get(
      '/api/public/my/reports',
      {
        schema: {
          tags,
          summary: '我的上报 The reports made with the session’s phone, newest first (status, case number, tracking code)',
          querystring: S.CitizenReportsQuery,
          response: { 200: S.CitizenReports, ...replies },
        },
      },
      async (request) => citizens.findReports(token(request), pageAsked(request.query, PAGE.citizenReports)),
    );
  });
}
