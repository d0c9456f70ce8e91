import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { PasswordCost } from '../platform/config.ts';

/** argon2id at the configured cost (config.passwordCost: in production the library's recommended 19 MiB, t=2). */
export function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: cost.memoryKiB, timeCost: cost.passes, parallelism: cost.lanes });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/** At least 8 characters with both letters and digits. */
export function isStrongEnough(password: string): boolean {
  return password.length >= 8 && /[A-Za-z]/.test(password) && /[0-9]/.test(password);
}
