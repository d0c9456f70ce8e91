import { Type } from '@sinclair/typebox';

/** The one idempotency key a client sends with a write it may retry: printable, no spaces (a UUID fits). */
export const IdempotencyKey = Type.String({
  minLength: 8,
  maxLength: 64,
  pattern: '^[\\x21-\\x7e]+$',
  description: '幂等键 Idempotency key: a retried or concurrent request with the same key returns the first result',
  example: '7f9c2ba4-e88f-4a8e-9b8c-0d6f1b2a3c4d',
});

/** A database refusal of a second row under a unique index (both drivers; Drizzle may wrap it). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') return true;
  }
  return false;
}

/**
 * Creates at most one thing per key. The first call creates; a call after it finds what the first created; a call
 * racing it loses on the unique index that holds the key and then finds the winner's. Every caller gets the same
 * result and none an error. `find` must read outside the failed transaction (it is called after it ended).
 */
export async function createOnce<T>(
  key: string | undefined,
  ops: { find(key: string): Promise<T | undefined>; create(): Promise<T> },
): Promise<T> {
  if (key === undefined) return ops.create();
  const earlier = await ops.find(key);
  if (earlier !== undefined) return earlier;
  try {
    return await ops.create();
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await ops.find(key);
    if (first === undefined) throw err;
    return first;
  }
}
