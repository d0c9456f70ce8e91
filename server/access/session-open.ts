import crypto from 'node:crypto';
import type { Tx } from '../platform/db.ts';
import { insertSession } from './access.store.ts';

/** Where a sign-in came from, kept with the session so its owner recognises it. */
export interface SignInMeta {
  ip: string;
  userAgent?: string | null;
}

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
export const newToken = () => crypto.randomBytes(32).toString('base64url');

/** Opens a session for an account whose sign-in is complete; returns its token (only its hash is kept). */
export async function openSession(tx: Tx, userId: string, { now, meta, maxHours }: { now: Date; meta: SignInMeta; maxHours: number }) {
  const token = newToken();
  await insertSession(tx, {
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + maxHours * 3_600_000),
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent ?? null,
  });
  return token;
}
