/**
 * The audit log's hash chain, pure: each row's hash is SM3 over the previous row's hash and the row's canonical
 * form, so changing, removing or inserting a row breaks every link after it.
 */
import { sm3Hex } from './field-crypto.ts';

/** The chain's first `prev_hash`. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  id: number;
  at: Date;
  actorId: string | null;
  action: string;
  target: string | null;
  detail: unknown;
}

/** JSON with object keys sorted at every depth: what jsonb gives back hashes the same as what was written. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** One line per row: its id, time (ISO, milliseconds), who, what, on what, and the details in canonical JSON. */
export function canonicalRow(row: ChainedFields): string {
  // Through JSON first, as jsonb stores it: dates become strings, undefined members go.
  const detail = row.detail === null || row.detail === undefined ? null : canonical(JSON.parse(JSON.stringify(row.detail)));
  return JSON.stringify([row.id, row.at.toISOString(), row.actorId, row.action, row.target, detail]);
}

export const chainHash = (prevHash: string, row: ChainedFields): string => sm3Hex(`${prevHash}\n${canonicalRow(row)}`);

export interface StoredRow extends ChainedFields {
  prevHash: string | null;
  hash: string | null;
}

export interface BrokenLink {
  id: number;
  field: 'prev_hash' | 'hash';
  expected: string;
  found: string | null;
}

/** Checks rows that follow `prevHash`, in order: the first broken link, or the hash the last row ends with. */
export function checkLinks(prevHash: string, rows: readonly StoredRow[]): { broken: BrokenLink } | { last: string } {
  let last = prevHash;
  for (const row of rows) {
    if (row.prevHash !== last) return { broken: { id: row.id, field: 'prev_hash', expected: last, found: row.prevHash } };
    const expected = chainHash(last, row);
    if (row.hash !== expected) return { broken: { id: row.id, field: 'hash', expected, found: row.hash } };
    last = expected;
  }
  return { last };
}
