import { newIdempotencyKey } from '../report/idempotency-key.ts';

const KEY = 'gezhi.declare.device';

/**
 * A random id this phone keeps and sends with each declaration: the hourly limit counts by it (the server keeps only
 * a keyed hash). Without storage a fresh one each time; the per-address limit still holds.
 */
export function declarerDevice(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept) return kept;
    const id = `d-${newIdempotencyKey()}`;
    localStorage.setItem(KEY, id);
    return id;
  } catch {
    return `d-${newIdempotencyKey()}`;
  }
}
