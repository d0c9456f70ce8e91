import fs from 'node:fs';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import type { PasswordCost } from '../platform/config.ts';

/** argon2id at the configured cost (config.passwordCost: in production the library's recommended 19 MiB, t=2). */
export function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  return hash(password, { algorithm: Algorithm.Argon2id, memoryCost: cost.memoryKiB, timeCost: cost.passes, parallelism: cost.lanes });
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

/**
 * About 1,100 of the passwords guessed first: the top of the widely published lists (RockYou, SecLists' most
 * common, the CSDN leak's top entries, keyboard walks, pinyin names and phrases), lowercased, one a line.
 */
const COMMON = new Set(
  fs
    .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean),
);

/** `p@ssw0rd` is guessed as `password`: the symbols and digits that stand for letters, undone. */
const LEET: Record<string, string> = { '@': 'a', '4': 'a', $: 's', '5': 's', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '7': 't' };
const unLeet = (s: string) => s.replace(/[@4$50!137]/g, (c) => LEET[c]);

/** Is this password, or this password without its trailing digits and symbols (`dragon2026`), a common one? */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[^a-z]+$/, '');
  return [lower, unLeet(lower), stem].some((p) => p.length >= 3 && COMMON.has(p));
}

export type PasswordProblem = 'auth.password_too_weak' | 'auth.password_common' | 'auth.password_has_username';

/**
 * What is wrong with a new password, or null: at least 8 characters with letters and digits, not one of the
 * common passwords, and neither equal to nor containing the user name (case ignored).
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if (password.length < 8 || !/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'auth.password_too_weak';
  if (isCommonPassword(password)) return 'auth.password_common';
  const name = username.trim().toLowerCase();
  const lower = password.toLowerCase();
  if (name && (lower === name || (name.length >= 3 && lower.includes(name)))) return 'auth.password_has_username';
  return null;
}
