import type { Guard } from '../platform/actor.ts';
import type { Http } from '../platform/http.ts';
import { errorReplies } from '../platform/schemas.ts';
import * as S from './two-factor.schemas.ts';
import type { TwoFactorService } from './two-factor.service.ts';

/** Enrolling and removing one's own TOTP; the second step of signing in is with the password step (access.routes.ts). */
export function twoFactorRoutes(
  app: Http,
  { twoFactor, guard, enrolmentGuard }: { twoFactor: TwoFactorService; guard: Guard; enrolmentGuard: Guard },
) {
  app.post(
    '/api/auth/totp/enrolment',
    {
      schema: {
        tags: ['auth'],
        summary: '绑定动态口令 Start TOTP enrolment: a new secret and its otpauth URI (also while an administrator must enrol first)',
        response: { 200: S.Enrolment, ...errorReplies },
      },
      onRequest: enrolmentGuard(),
    },
    async (request) => twoFactor.startEnrolment(request.actor),
  );

  app.post(
    '/api/auth/totp/enrolment/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: '确认绑定 Confirm enrolment with a current code: two-factor sign-in is on, and the recovery codes are shown once',
        body: S.CodeBody,
        response: { 200: S.RecoveryCodes, ...errorReplies },
      },
      onRequest: enrolmentGuard(),
    },
    async (request) => twoFactor.confirmEnrolment(request.actor, request.body.code),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        tags: ['auth'],
        summary: '关闭动态口令 Turn two-factor sign-in off with a current code (administrators must keep it: 403)',
        body: S.CodeBody,
        response: { 204: S.TotpDisabled, ...errorReplies },
      },
      onRequest: guard(),
    },
    async (request, reply) => {
      await twoFactor.disable(request.actor, request.body.code);
      return reply.status(204).send(null);
    },
  );
}
