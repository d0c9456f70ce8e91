/**
 * A fresh key for one report. crypto.randomUUID exists only in secure contexts (HTTPS or localhost); a phone
 * on the office network over plain HTTP has getRandomValues only.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
