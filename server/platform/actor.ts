import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Permission, Role } from '../../shared/roles.ts';
import type { Scope } from './scope.ts';

/** A node of the area tree a user is bound to, by name. */
export interface AreaRef {
  code: string;
  name: string;
  level: string;
}

/**
 * The signed-in caller, as every service sees it. Declared here, not in access/, so that every area can take an
 * actor and a guard without importing the area that signs users in.
 */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  permissions: Permission[];
  departmentCode: string | null;
  areas: AreaRef[];
  scope: Scope;
  /**
   * What the account must do before anything else, or null: change a password someone else chose, or (an
   * administrator) enrol a second factor. The guard admits it only to the routes that do that.
   */
  pendingStep: 'password_change' | 'totp_enrolment' | null;
  /** Two-factor sign-in (TOTP) is on for the account. */
  totpEnabled: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
}

/**
 * An onRequest hook that signs the caller in and checks the permission a route names (access/ implements it). It
 * carries that permission (null: any signed-in user), so the API document can say what each operation requires.
 */
export type GuardHook = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & { readonly permission: Permission | null };
export type Guard = (permission?: Permission) => GuardHook;
