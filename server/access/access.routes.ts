import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import type { Http } from '../platform/http.ts';
import { ErrorReply, errorReplies } from '../platform/schemas.ts';
import * as S from './access.schemas.ts';
import type { AccessService } from './access.service.ts';
import { SESSION_COOKIE, sessionCookieOptions } from './guard.ts';
import { createAttemptLimiter } from './sign-in-limit.core.ts';
import { SecondFactorBody, SecondFactorNeeded } from './two-factor.schemas.ts';
import type { TwoFactorService } from './two-factor.service.ts';

/** The browser a sign-in came from, as its User-Agent says (cut to a length worth showing). */
const userAgentOf = (request: FastifyRequest) => request.headers['user-agent']?.slice(0, 300) ?? null;

export function accessRoutes(
  app: Http,
  {
    access,
    twoFactor,
    guard,
    signInGuard,
    clock,
    config,
  }: { access: AccessService; twoFactor: TwoFactorService; guard: Guard; signInGuard: Guard; clock: Clock; config: Config },
) {
  const cookieOptions = (request: FastifyRequest) => sessionCookieOptions(config, request);
  const perAccount = createAttemptLimiter(config.signInLimit.perAccount);
  const perAddress = createAttemptLimiter(config.signInLimit.perAddress);

  /**
   * Counts the attempt against the caller's address and the account name (whether or not it exists, so a refusal
   * tells nothing), before any password is checked; hands both back when the sign-in succeeds.
   */
  async function limited<T>(reply: FastifyReply, username: string, ip: string, signIn: () => Promise<T>): Promise<T> {
    const now = clock();
    const keys = [
      { limiter: perAddress, key: ip },
      { limiter: perAccount, key: username.trim().toLowerCase() },
    ];
    const taken: typeof keys = [];
    for (const k of keys) {
      const result = k.limiter.take(k.key, now);
      if (!result.allowed) {
        for (const t of taken) t.limiter.refund(t.key);
        reply.header('retry-after', String(result.retryAfterSeconds));
        throw new AppError('auth.rate_limited', [
          { field: 'request', reason: 'rate_limited', retryAfterSeconds: result.retryAfterSeconds },
        ]);
      }
      taken.push(k);
    }
    const result = await signIn();
    for (const t of taken) t.limiter.refund(t.key);
    return result;
  }

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary:
          '登录 Sign in with a password (failed attempts per account and per address are limited: 429 when used up); with two-factor sign-in on, 202: the code must follow',
        body: S.LoginBody,
        response: { 200: S.MeReply, 202: SecondFactorNeeded, ...errorReplies, 429: ErrorReply },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const result = await limited(reply, username, request.ip, () =>
        access.login(username, password, { ip: request.ip, userAgent: userAgentOf(request) }),
      );
      if (result.secondFactor) return reply.status(202).send({ secondFactor: result.secondFactor });
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions(request), maxAge: config.session.maxHours * 3600 });
      return { user: result.actor };
    },
  );

  app.post(
    '/api/auth/login/second-factor',
    {
      schema: {
        tags: ['auth'],
        summary:
          '动态口令 The second step of signing in: a current TOTP code or a recovery code (wrong codes count towards the same limits as wrong passwords)',
        body: SecondFactorBody,
        response: { 200: S.MeReply, ...errorReplies, 429: ErrorReply },
      },
    },
    async (request, reply) => {
      const { pendingToken, code } = request.body;
      const username = await twoFactor.pendingAccount(pendingToken);
      const token = await limited(reply, username, request.ip, () => twoFactor.completeSignIn(pendingToken, code));
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request), maxAge: config.session.maxHours * 3600 });
      const actor = await access.authenticate(token);
      if (!actor) throw new AppError('auth.required');
      return { user: actor };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: S.SignedOut, ...errorReplies } },
      onRequest: signInGuard(),
    },
    async (request, reply) => {
      await access.logout(request.cookies[SESSION_COOKIE]!, request.actor);
      reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 The signed-in user (also while they must change their password first)',
        response: { 200: S.MeReply, ...errorReplies },
      },
      onRequest: signInGuard(),
    },
    async (request) => ({ user: request.actor }),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 Change my password',
        body: S.PasswordBody,
        response: { 204: S.PasswordChanged, ...errorReplies },
      },
      onRequest: signInGuard(),
    },
    async (request, reply) => {
      await access.changePassword(request.actor, request.cookies[SESSION_COOKIE]!, request.body.currentPassword, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/access/users',
    {
      schema: { tags: ['access'], summary: '用户列表 List users', response: { 200: S.UserList, ...errorReplies } },
      onRequest: guard('users.manage'),
    },
    async () => ({ items: await access.findUsers() }),
  );

  app.post(
    '/api/access/users',
    {
      schema: {
        tags: ['access'],
        summary:
          '创建用户 Create a user (an administrator account starts disabled and waits for a second administrator to approve it: 202)',
        body: S.CreateUserBody,
        response: { 201: S.UserSchema, 202: S.UserSchema, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request, reply) => {
      const user = await access.createUser(request.actor, request.body);
      return reply.status(user.pendingChange ? 202 : 201).send(user);
    },
  );

  app.post(
    '/api/access/users/:id/reveal',
    {
      schema: {
        tags: ['access'],
        summary: '查看完整手机号 Reveal an account’s phone, with a reason (audited); lists show it masked',
        params: S.UserIdParams,
        body: S.PhoneRevealBody,
        response: { 200: S.PhoneRevealed, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request) => access.revealPhone(request.actor, request.params.id, request.body.reason),
  );

  app.patch(
    '/api/access/users/:id',
    {
      schema: {
        tags: ['access'],
        summary:
          '修改用户 Change roles, bindings, password or status (of an administrator account: a pending change a second administrator approves, 202)',
        params: S.UserIdParams,
        body: S.UpdateUserBody,
        response: { 200: S.UserSchema, 202: S.UserSchema, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request, reply) => {
      const { user, pending } = await access.updateUser(request.actor, request.params.id, request.body);
      return reply.status(pending ? 202 : 200).send(user);
    },
  );

  app.post(
    '/api/access/users/:id/unlock',
    {
      schema: {
        tags: ['access'],
        summary: '解锁用户 Unlock after failed sign-ins',
        params: S.UserIdParams,
        response: { 200: S.UserSchema, ...errorReplies },
      },
      onRequest: guard('users.manage'),
    },
    async (request) => access.unlockUser(request.actor, request.params.id),
  );
}
