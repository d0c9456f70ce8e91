/**
 * Sign-on by the host super-app (docs/integrations/super-app.md, decision 0037): a signed host token or OpenID
 * Connect finds the Gezhi account the security administrator mapped the host's user to, and opens an ordinary
 * session with that account's roles. An unmapped host user, a bad token or a broken callback creates nothing.
 */
import { isAdminRole } from '../../shared/roles.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { HostConfig } from '../platform/host-config.ts';
import type { PageAsked } from '../platform/paging.ts';
import type { AccessService } from './access.service.ts';
import { createHostOidc, HostUnavailable } from './host-oidc.ts';
import { type HostRefusal, type SignInMethod, safeReturnTo } from './host-sign-on.core.ts';
import * as store from './host-sign-on.store.ts';
import { createHostTokenVerifier, type HostIdentity, HostTokenRefused } from './host-token.ts';
import { changingAccounts } from './session-cache.ts';
import { openSession, type SignInMeta, sha256 } from './session-open.ts';

/** How long an OpenID sign-on may take at the host before its state is forgotten. */
const PENDING_MS = 10 * 60_000;

export interface HostAccountInput {
  issuer: string;
  subject: string;
  userId: string;
  note?: string | null;
}

export function createHostSignOnService({ db, clock, config, access }: { db: Db; clock: Clock; config: Config; access: AccessService }) {
  const host = config.hostSignOn;
  const oidc = host ? createHostOidc(host, clock) : null;
  const tokens = host ? createHostTokenVerifier(host, () => oidc!.jwksUri()) : null;

  function enabled(method: 'oidc' | 'token'): HostConfig {
    if (!host?.methods.includes(method)) throw new AppError('auth.host_not_configured');
    return host;
  }

  const refused = async (method: SignInMethod, reason: HostRefusal | 'unmapped' | 'account', meta: SignInMeta, who?: HostIdentity) => {
    await recordAudit(db, { at: clock(), actorId: null, action: 'auth.host_refused', detail: { method, reason, ip: meta.ip, ...who } });
  };

  /**
   * The mapped account's session, opened in one transaction with the audit row (and, for a host token, its id
   * taken, so a replay finds it taken). Unmapped, disabled or administrator accounts are refused before anything
   * is written.
   */
  async function openFor(method: SignInMethod, who: HostIdentity, meta: SignInMeta, takeTokenId?: { tokenId: string; expiresAt: Date }) {
    const now = clock();
    const user = await store.mappedUser(db, who.issuer, who.subject);
    if (!user) {
      await refused(method, 'unmapped', meta, who);
      throw new AppError('auth.host_unmapped', [
        { field: 'subject', reason: 'auth.host_unmapped', issuer: who.issuer, subject: who.subject },
      ]);
    }
    if (user.disabled || user.roles.some(isAdminRole)) {
      await refused(method, 'account', meta, who);
      throw new AppError('auth.host_account_refused');
    }
    const token = await changingAccounts(db, async (tx) => {
      if (takeTokenId && !(await store.takeTokenId(tx, who.issuer, takeTokenId.tokenId, takeTokenId.expiresAt, now))) return null;
      const opened = await openSession(tx, user.id, { now, meta, maxHours: config.session.maxHours });
      await recordAudit(tx, {
        at: now,
        actorId: user.id,
        action: 'auth.login',
        detail: { ip: meta.ip, method, issuer: who.issuer, subject: who.subject },
      });
      return opened;
    });
    if (!token) {
      await refused(method, 'replayed', meta, who);
      throw new AppError('auth.host_token_invalid', [{ field: 'token', reason: 'replayed' }]);
    }
    const actor = await access.authenticate(token);
    if (!actor) throw new AppError('auth.required');
    return { token, actor };
  }

  return {
    /** What the web app needs to know before anyone signs in: whether the field routes sign on by the host, and how. */
    settings: () => ({ methods: host?.methods ?? [], issuer: host?.issuer ?? null }),

    /** Signs on with the host's signed token; 401 with the reason when it is not one the host signed for us, now. */
    async signOnByToken(token: string, meta: SignInMeta) {
      enabled('token');
      let verified: Awaited<ReturnType<NonNullable<typeof tokens>['verify']>>;
      try {
        verified = await tokens!.verify(token, clock());
      } catch (error) {
        if (error instanceof HostTokenRefused) {
          await refused('host_token', error.reason, meta);
          throw new AppError('auth.host_token_invalid', [{ field: 'token', reason: error.reason }]);
        }
        throw new AppError('auth.host_unavailable');
      }
      return openFor('host_token', verified, meta, verified);
    },

    /** Begins OpenID sign-on: the host's authorization address to send the browser to, and the state its cookie keeps. */
    async beginOidc(returnTo: string | undefined) {
      enabled('oidc');
      const checks = oidc!.newChecks();
      let url: string;
      try {
        url = await oidc!.authorizationUrl(checks);
      } catch (error) {
        if (error instanceof HostUnavailable) throw new AppError('auth.host_unavailable');
        throw error;
      }
      await store.insertPendingSignOn(db, {
        stateHash: sha256(checks.state),
        codeVerifier: checks.codeVerifier,
        nonce: checks.nonce,
        returnTo: safeReturnTo(returnTo),
        expiresAt: new Date(clock().getTime() + PENDING_MS),
      });
      return { url, state: checks.state };
    },

    /**
     * The host sent the browser back: the state must be the one this browser's cookie holds and one we began (used
     * once, within ten minutes); openid-client then checks the code with the PKCE verifier, and the ID token's
     * signature, issuer, audience, times and nonce. Answers the session and the field route to land on.
     */
    async completeOidc(query: string, cookieState: string | undefined, meta: SignInMeta) {
      enabled('oidc');
      const state = new URLSearchParams(query).get('state');
      if (!state || !cookieState || state !== cookieState) {
        await refused('oidc', 'state_mismatch', meta);
        throw new AppError('auth.host_sign_on_failed', [{ field: 'query.state', reason: 'state_mismatch' }]);
      }
      const pending = await store.takePendingSignOn(db, sha256(state), clock());
      if (!pending) {
        await refused('oidc', 'state_unknown', meta);
        throw new AppError('auth.host_sign_on_failed', [{ field: 'query.state', reason: 'state_unknown' }]);
      }
      let who: HostIdentity;
      try {
        who = await oidc!.identity(query, { state, nonce: pending.nonce, codeVerifier: pending.codeVerifier });
      } catch (error) {
        if (error instanceof HostUnavailable) throw new AppError('auth.host_unavailable');
        await refused('oidc', 'code_refused', meta);
        throw new AppError('auth.host_sign_on_failed', [{ field: 'query.code', reason: 'code_refused' }]);
      }
      return { ...(await openFor('oidc', who, meta)), returnTo: pending.returnTo };
    },

    async findHostAccounts(page: PageAsked) {
      return store.findMappings(db, page);
    },

    /** Maps a host user to an account (not an administrator's: those sign in with a password and TOTP), audited. */
    async createHostAccount(actor: Actor, input: HostAccountInput) {
      const user = await store.userExists(db, input.userId);
      if (!user) throw new AppError('user.not_found', [{ field: 'body.userId', reason: 'user.not_found' }]);
      if (user.roles.some(isAdminRole))
        throw new AppError('host_account.admin_refused', [{ field: 'body.userId', reason: 'host_account.admin_refused' }]);
      const issuer = input.issuer.trim();
      const subject = input.subject.trim();
      const id = await db.transaction(async (tx) => {
        const inserted = await store.insertMapping(tx, {
          issuer,
          subject,
          userId: input.userId,
          note: input.note?.trim() || null,
          createdBy: actor.id,
          createdAt: clock(),
        });
        if (!inserted) return null;
        await recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: 'host_account.created',
          target: input.userId,
          detail: { issuer, subject },
        });
        return inserted;
      });
      if (!id) throw new AppError('host_account.taken', [{ field: 'body.subject', reason: 'host_account.taken' }]);
      return (await store.getMapping(db, id))!;
    },

    async removeHostAccount(actor: Actor, id: string) {
      const mapping = await store.getMapping(db, id);
      if (!mapping) throw new AppError('host_account.not_found');
      await db.transaction(async (tx) => {
        if (!(await store.removeMapping(tx, id))) throw new AppError('host_account.not_found');
        await recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: 'host_account.removed',
          target: mapping.userId,
          detail: { issuer: mapping.issuer, subject: mapping.subject },
        });
      });
    },
  };
}

export type HostSignOnService = ReturnType<typeof createHostSignOnService>;
