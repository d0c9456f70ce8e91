import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../../shared/errors.ts';
import { can, type Permission } from '../../shared/roles.ts';
import type { Actor, Guard } from '../platform/actor.ts';
import type { Config } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import type { AccessService } from './access.service.ts';

export const SESSION_COOKIE = 'gezhi_sid';

/** Secure whenever the request came over HTTPS (as the proxy says, when trusted: config.trustProxy), or always when configured. */
export const sessionCookieOptions = (config: Config, request: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: config.secureCookies || request.protocol === 'https',
});

type PendingStep = NonNullable<Actor['pendingStep']>;
const REFUSAL: Record<PendingStep, ErrorCode> = {
  password_change: 'auth.password_change_required',
  totp_enrolment: 'auth.totp_enrolment_required',
};

/**
 * onRequest hook factory: signs the caller in from the session cookie and checks the route's permission, before
 * the body is read or validated (so an anonymous caller gets 401, not 400). An account with a step to take first
 * (a password someone else chose, an administrator without a second factor) is refused everywhere with 403 naming
 * the step, except by a guard made to admit that step, which only the routes that take it (and who am I, sign
 * out) use.
 */
export function createGuard(access: AccessService, { admits = [] as PendingStep[] } = {}): Guard {
  return (permission?: Permission) =>
    Object.assign(
      async function guard(request: FastifyRequest, _reply: FastifyReply) {
        const token = request.cookies[SESSION_COOKIE];
        const actor = token ? await access.authenticate(token) : null;
        if (!actor) throw new AppError('auth.required');
        if (actor.pendingStep && !admits.includes(actor.pendingStep)) throw new AppError(REFUSAL[actor.pendingStep]);
        if (permission && !can(actor.roles, permission)) throw new AppError('access.forbidden');
        request.actor = actor;
      },
      { permission: permission ?? null },
    );
}
