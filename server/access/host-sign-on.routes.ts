import type { FastifyReply, FastifyRequest } from 'fastify';
import { PAGE } from '../../shared/limits.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import type { Http } from '../platform/http.ts';
import { pageAsked } from '../platform/paging.ts';
import { ErrorReply, errorReplies } from '../platform/schemas.ts';
import { MeReply } from './access.schemas.ts';
import { SESSION_COOKIE, sessionCookieOptions } from './guard.ts';
import { FIELD_HOME } from './host-sign-on.core.ts';
import * as S from './host-sign-on.schemas.ts';
import type { HostSignOnService } from './host-sign-on.service.ts';
import { createAttemptLimiter } from './sign-in-limit.core.ts';

/** Holds an OpenID sign-on's state in the browser that began it, for the callback only. */
const STATE_COOKIE = 'gezhi_host_state';
const STATE_COOKIE_PATH = '/api/auth/host/callback';

const userAgentOf = (request: FastifyRequest) => request.headers['user-agent']?.slice(0, 300) ?? null;
const metaOf = (request: FastifyRequest) => ({ ip: request.ip, userAgent: userAgentOf(request) });

export function hostSignOnRoutes(
  app: Http,
  { hostSignOn, guard, config, clock }: { hostSignOn: HostSignOnService; guard: Guard; config: Config; clock: Clock },
) {
  const sessionCookie = (request: FastifyRequest) => ({ ...sessionCookieOptions(config, request), maxAge: config.session.maxHours * 3600 });
  // Refused sign-ons count against the caller's address as wrong passwords do; a good one hands its count back.
  const perAddress = createAttemptLimiter(config.signInLimit.perAddress);
  async function limited<T>(request: FastifyRequest, reply: FastifyReply, signOn: () => Promise<T>): Promise<T> {
    const taken = perAddress.take(request.ip, clock());
    if (!taken.allowed) {
      reply.header('retry-after', String(taken.retryAfterSeconds));
      throw new AppError('auth.rate_limited', [{ field: 'request', reason: 'rate_limited', retryAfterSeconds: taken.retryAfterSeconds }]);
    }
    const result = await signOn();
    perAddress.refund(request.ip);
    return result;
  }

  app.get(
    '/api/auth/host',
    {
      schema: {
        tags: ['auth'],
        summary: '宿主应用登录设置 Whether the field routes sign on by the host super-app, and how (read before anyone is signed in)',
        response: { 200: S.HostSettingsReply, ...errorReplies },
      },
    },
    async () => hostSignOn.settings(),
  );

  app.post(
    '/api/auth/host/token',
    {
      schema: {
        tags: ['auth'],
        summary:
          '宿主令牌登录 Sign on with the host’s signed token (in the body or the X-Host-Token header): 401 when its signature, issuer, audience or time is wrong or it was used before, 403 when the host user is not mapped',
        body: S.HostTokenBody,
        headers: S.HostTokenHeaders,
        response: { 200: MeReply, ...errorReplies, 429: ErrorReply },
      },
    },
    async (request, reply) => {
      const token = request.body?.token ?? request.headers['x-host-token'];
      if (!token) throw new AppError('auth.host_token_invalid', [{ field: 'body.token', reason: 'missing' }]);
      const signedOn = await limited(request, reply, () => hostSignOn.signOnByToken(token, metaOf(request)));
      reply.setCookie(SESSION_COOKIE, signedOn.token, sessionCookie(request));
      return { user: signedOn.actor };
    },
  );

  app.get(
    '/api/auth/host/authorize',
    {
      schema: {
        tags: ['auth'],
        summary:
          '宿主 OIDC 登录 Begin OpenID Connect sign-on at the host: 302 to its authorization address (code flow with PKCE, state and nonce)',
        querystring: S.AuthorizeQuery,
        response: { 302: S.Redirected, ...errorReplies },
      },
    },
    async (request, reply) => {
      const { url, state } = await hostSignOn.beginOidc(request.query.to);
      reply.setCookie(STATE_COOKIE, state, { ...sessionCookieOptions(config, request), path: STATE_COOKIE_PATH, maxAge: 600 });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/auth/host/callback',
    {
      schema: {
        tags: ['auth'],
        summary:
          '宿主 OIDC 回调 The host sends the browser back here: signed on, 302 to the field route asked for; refused, 302 to the field home with the reason (nothing created)',
        querystring: S.CallbackQuery,
        response: { 302: S.Redirected, ...errorReplies },
      },
    },
    async (request, reply) => {
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      reply.clearCookie(STATE_COOKIE, { ...sessionCookieOptions(config, request), path: STATE_COOKIE_PATH });
      try {
        const signedOn = await limited(request, reply, () =>
          hostSignOn.completeOidc(query, request.cookies[STATE_COOKIE], metaOf(request)),
        );
        reply.setCookie(SESSION_COOKIE, signedOn.token, sessionCookie(request));
        return reply.redirect(signedOn.returnTo, 302);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        // The browser is on a navigation, not a fetch: the field home says why, in the user's language.
        const refused = new URLSearchParams({ host_error: error.code });
        const subject = error.details.find((d) => d.reason === 'auth.host_unmapped')?.subject;
        if (typeof subject === 'string') refused.set('host_subject', subject);
        return reply.redirect(`${FIELD_HOME}?${refused}`, 302);
      }
    },
  );

  app.get(
    '/api/access/host-accounts',
    {
      schema: {
        tags: ['access'],
        summary: '宿主账号关联 Host super-app users mapped to Gezhi accounts',
        querystring: S.HostAccountQuery,
        response: { 200: S.HostAccountList, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request) => {
      const { items, total } = await hostSignOn.findHostAccounts(pageAsked(request.query, PAGE.hostAccounts));
      return { items: items.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })), total };
    },
  );

  app.post(
    '/api/access/host-accounts',
    {
      schema: {
        tags: ['access'],
        summary: '添加宿主账号关联 Map a host user (issuer and subject) to a Gezhi account (not an administrator’s), audited',
        body: S.CreateHostAccountBody,
        response: { 201: S.HostAccountSchema, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request, reply) => {
      const m = await hostSignOn.createHostAccount(request.actor, request.body);
      return reply.status(201).send({ ...m, createdAt: m.createdAt.toISOString() });
    },
  );

  app.delete(
    '/api/access/host-accounts/:id',
    {
      schema: {
        tags: ['access'],
        summary:
          '删除宿主账号关联 Remove a mapping (the host user can no longer sign on; sessions already open run to their limits), audited',
        params: S.HostAccountIdParams,
        response: { 204: S.HostAccountRemoved, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request, reply) => {
      await hostSignOn.removeHostAccount(request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
