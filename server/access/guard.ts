import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, type Permission } from '../../shared/roles.ts';
import type { Guard } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import type { AccessService } from './access.service.ts';

export const SESSION_COOKIE = 'gezhi_sid';

/**
 * onRequest hook factory: signs the caller in from the session cookie and checks the route's permission, before
 * the body is read or validated (so an anonymous caller gets 401, not 400). An account that must change its
 * password first is refused everywhere (403 `auth.password_change_required`) except by the guard made with
 * `beforePasswordChange`, which only the routes that let it do so (who am I, change password, sign out) use.
 */
export function createGuard(access: AccessService, { beforePasswordChange = false } = {}): Guard {
  return (permission?: Permission) =>
    async function guard(request: FastifyRequest, _reply: FastifyReply) {
      const token = request.cookies[SESSION_COOKIE];
      const actor = token ? await access.authenticate(token) : null;
      if (!actor) throw new AppError('auth.required');
      if (actor.mustChangePassword && !beforePasswordChange) throw new AppError('auth.password_change_required');
      if (permission && !can(actor.roles, permission)) throw new AppError('access.forbidden');
      request.actor = actor;
    };
}
