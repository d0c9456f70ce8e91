import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import * as store from './access.store.ts';
import { changingAccounts } from './session-cache.ts';
import { openSession, type SignInMeta, sha256 } from './session-open.ts';
import {
  acceptedStep,
  groupedSecret,
  looksLikeTotp,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  secondFactorRequired,
  totpUri,
} from './two-factor.core.ts';

/** TOTP enrolment and removal by the account's owner, and the second step of signing in. */
export function createTwoFactorService({
  db,
  clock,
  config,
  fieldCrypto,
}: {
  db: Db;
  clock: Clock;
  config: Config;
  fieldCrypto: FieldCrypto;
}) {
  const recoveryHash = (code: string) => fieldCrypto.searchHash(normalizeRecoveryCode(code));
  const codeField = (reason: string) => [{ field: 'body.code', reason }];

  async function ownAccount(actor: Actor) {
    const user = await store.findUserById(db, actor.id);
    if (!user) throw new AppError('auth.required');
    return user;
  }

  return {
    /** A new secret for the caller, shown once; enrolment completes only with a code from it (confirmEnrolment). */
    async startEnrolment(actor: Actor) {
      const user = await ownAccount(actor);
      if (user.totpSecret) throw new AppError('totp.already_enabled');
      const secret = newTotpSecret();
      await changingAccounts(db, async (tx) => {
        await store.updateUser(tx, user.id, { totpPendingSecret: fieldCrypto.encrypt(secret) });
        await recordAudit(tx, { at: clock(), actorId: user.id, action: 'auth.totp_enrolment_started' });
      });
      return { secret, secretGroups: groupedSecret(secret), uri: totpUri(user.username, secret) };
    },

    /** A right current code turns the second factor on; the ten recovery codes are returned this once. */
    async confirmEnrolment(actor: Actor, code: string) {
      const user = await ownAccount(actor);
      if (user.totpSecret) throw new AppError('totp.already_enabled');
      if (!user.totpPendingSecret) throw new AppError('totp.not_enabled', codeField('totp.not_enabled'));
      const step = await acceptedStep(fieldCrypto.decrypt(user.totpPendingSecret), code, clock(), null);
      if (step === null) throw new AppError('totp.invalid_code', codeField('totp.invalid_code'));
      const recoveryCodes = newRecoveryCodes();
      await changingAccounts(db, async (tx) => {
        const sealedSecret = user.totpPendingSecret!;
        const confirmed = await store.confirmTotp(tx, user.id, { sealedSecret, step, recoveryCodes: recoveryCodes.map(recoveryHash) });
        if (!confirmed) throw new AppError('totp.invalid_code', codeField('totp.invalid_code'));
        await recordAudit(tx, { at: clock(), actorId: user.id, action: 'auth.totp_enabled' });
      });
      return { recoveryCodes };
    },

    /** Turns the caller's second factor off with a current code; an administrator must keep it. */
    async disable(actor: Actor, code: string) {
      const user = await ownAccount(actor);
      if (secondFactorRequired({ roles: user.roles, secondFactorExempt: false })) throw new AppError('totp.required_for_admins');
      if (!user.totpSecret) throw new AppError('totp.not_enabled');
      const step = await acceptedStep(fieldCrypto.decrypt(user.totpSecret), code, clock(), user.totpLastStep);
      await changingAccounts(db, async (tx) => {
        if (step === null || !(await store.takeTotpStep(tx, user.id, step))) {
          throw new AppError('totp.invalid_code', codeField('totp.invalid_code'));
        }
        await store.updateUser(tx, user.id, store.NO_SECOND_FACTOR);
        await recordAudit(tx, { at: clock(), actorId: user.id, action: 'auth.totp_disabled' });
      });
    },

    /** The account name a pending sign-in is for (the sign-in limits count by it), or 401 when it is unknown or expired. */
    async pendingAccount(pendingToken: string) {
      const pending = await store.findPendingSignIn(db, sha256(pendingToken), clock());
      if (!pending || pending.user.disabled) throw new AppError('auth.second_factor_expired');
      return pending.user.username;
    },

    /**
     * The second step: a current TOTP code of a step not used before, or an unused recovery code. Each check is
     * claimed in the database first, as a password check is, so wrong codes count towards the same lock; a locked
     * account answers like a wrong code. Returns the session token.
     */
    async completeSignIn(pendingToken: string, code: string) {
      const now = clock();
      const tokenHash = sha256(pendingToken);
      const pending = await store.findPendingSignIn(db, tokenHash, now);
      const sealedSecret = pending?.user.totpSecret;
      if (!pending || pending.user.disabled || !sealedSecret) throw new AppError('auth.second_factor_expired');
      const { user } = pending;
      const meta: SignInMeta = { ip: pending.ip ?? '', userAgent: pending.userAgent };
      const lock = { attempts: config.lockout.attempts, lockUntil: new Date(now.getTime() + config.lockout.minutes * 60_000) };
      const claimed = await store.claimSignInCheck(db, user.id, { now, ...lock });
      if (!claimed || claimed.lockedNow) {
        await recordAudit(db, {
          at: now,
          actorId: user.id,
          action: 'auth.code_failed',
          detail: { ip: meta.ip, checked: false, locked: true },
        });
        throw new AppError('auth.invalid_code');
      }
      const step = looksLikeTotp(code) ? await acceptedStep(fieldCrypto.decrypt(sealedSecret), code, now, user.totpLastStep) : null;
      const token = await changingAccounts(db, async (tx) => {
        const factor =
          step !== null
            ? (await store.takeTotpStep(tx, user.id, step)) && 'totp'
            : !looksLikeTotp(code) && (await store.takeRecoveryCode(tx, user.id, recoveryHash(code))) && 'recovery_code';
        if (!factor) return null;
        if (!(await store.removePendingSignIn(tx, tokenHash, now))) throw new AppError('auth.second_factor_expired'); // used meanwhile
        await store.updateUser(tx, user.id, { failedAttempts: 0, lockedUntil: null });
        const opened = await openSession(tx, user.id, { now, meta, maxHours: config.session.maxHours });
        await recordAudit(tx, {
          at: now,
          actorId: user.id,
          action: 'auth.login',
          detail: { ip: meta.ip, method: 'password', secondFactor: factor },
        });
        return opened;
      });
      if (token) return token;
      await changingAccounts(db, async (tx) => {
        const locked = claimed.claim >= lock.attempts && (await store.lockIfUsedUp(tx, user.id, lock));
        await recordAudit(tx, { at: now, actorId: user.id, action: 'auth.code_failed', detail: { ip: meta.ip, checked: true } });
        if (locked) await recordAudit(tx, { at: now, actorId: user.id, action: 'auth.locked', detail: { ip: meta.ip } });
      });
      throw new AppError('auth.invalid_code');
    },
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
