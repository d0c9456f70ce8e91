/** TOTP (RFC 6238, otplib) and recovery codes: pure rules, no I/O; time is handed in. */
import crypto from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { isAdminRole } from '../../shared/roles.ts';

export const TOTP_ISSUER = '格治 Gezhi';
export const RECOVERY_CODE_COUNT = 10;
/** A code of the step before or after the current one is accepted too (clocks drift); replay is refused by step. */
const TOLERANCE_SECONDS = 30;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export const newTotpSecret = () => generateSecret();

export const totpUri = (username: string, secret: string) => generateURI({ issuer: TOTP_ISSUER, label: username, secret });

/** The secret in groups of four, for typing into an app by hand. */
export const groupedSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

/** The time step the code belongs to, when it is right at `now` and of a later step than `afterStep`; else null. */
export async function acceptedStep(secret: string, code: string, now: Date, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null; // otplib throws on a token that is not six digits: that is just a wrong code
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep !== null && { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten codes such as `k7mp-x3qd-9war`, 60 bits each; shown once, stored as keyed hashes of normalizeRecoveryCode. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(crypto.randomBytes(12), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** What is hashed of a recovery code: lower case, without spaces and dashes, so typing it loosely still works. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');

/** The three administrators must hold a second factor (等保); the demo's and the tests' setup may exempt an account. */
export const secondFactorRequired = (user: { roles: readonly string[]; secondFactorExempt: boolean }) =>
  !user.secondFactorExempt && user.roles.some(isAdminRole);

export type PendingStep = 'password_change' | 'totp_enrolment';

/** What a signed-in account must do before anything else: change a password someone else chose, then enrol TOTP. */
export function pendingStepOf(user: {
  mustChangePassword: boolean;
  totpSecret: string | null;
  roles: readonly string[];
  secondFactorExempt: boolean;
}): PendingStep | null {
  if (user.mustChangePassword) return 'password_change';
  if (!user.totpSecret && secondFactorRequired(user)) return 'totp_enrolment';
  return null;
}
