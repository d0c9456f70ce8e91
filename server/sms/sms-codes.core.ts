/**
 * One-time codes, the pure rules: a code is six digits, holds for a few minutes, dies after a few wrong tries and
 * is spent by the first right one; a phone gets one code a minute at most.
 */
import { randomInt } from 'node:crypto';
import type { SmsConfig } from '../platform/config.ts';

/** What a code may open; each names the page that asked for it. */
export const CODE_PURPOSES = ['my_reports'] as const;
export type CodePurpose = (typeof CODE_PURPOSES)[number];

export const CODE_PATTERN = '^[0-9]{6}$';

/** Six digits from the system's CSPRNG, leading zeros kept. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The material of a code's keyed hash: bound to the phone and the purpose, so a code opens nothing else. */
export function codeHashInput(phoneHash: string, purpose: CodePurpose, code: string): string {
  return `sms-code:${purpose}:${phoneHash}:${code}`;
}

/** Seconds the phone must still wait before another code, 0 when it may have one now. */
export function resendWait(lastSentAt: Date | null, now: Date, resendSeconds: number): number {
  if (!lastSentAt) return 0;
  const left = resendSeconds * 1000 - (now.getTime() - lastSentAt.getTime());
  return left > 0 ? Math.ceil(left / 1000) : 0;
}

export interface CodeState {
  expiresAt: Date;
  usedAt: Date | null;
  attempts: number;
}

/**
 * Whether a code may still be tried: `expired` (its time is up, it was spent, or there is none), `attempts` (the
 * wrong tries used up), or `open`.
 */
export function codeOpen(code: CodeState | undefined, now: Date, limits: SmsConfig['codes']): 'open' | 'expired' | 'attempts' {
  if (!code || code.usedAt || code.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (code.attempts >= limits.maxAttempts) return 'attempts';
  return 'open';
}
