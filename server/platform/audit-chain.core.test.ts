import { describe, expect, it } from 'vitest';
import { type ChainedFields, canonicalRow, chainHash, checkLinks, GENESIS_HASH } from './audit-chain.core.ts';

const row = (id: number, detail: unknown = { b: 1, a: [{ d: 2, c: 'x' }] }): ChainedFields => ({
  id,
  at: new Date('2026-11-02T01:00:00.123Z'),
  actorId: null,
  action: 'auth.login',
  target: null,
  detail,
});

function chain(rows: ChainedFields[]) {
  let prev = GENESIS_HASH;
  return rows.map((r) => {
    const hash = chainHash(prev, r);
    const stored = { ...r, prevHash: prev, hash };
    prev = hash;
    return stored;
  });
}

describe('the audit hash chain', () => {
  it('serialises a row the same whatever the order of its keys (jsonb reorders them)', () => {
    expect(canonicalRow(row(1, { b: 1, a: [{ d: 2, c: 'x' }] }))).toBe(canonicalRow(row(1, { a: [{ c: 'x', d: 2 }], b: 1 })));
    expect(canonicalRow(row(1))).toBe('[1,"2026-11-02T01:00:00.123Z",null,"auth.login",null,{"a":[{"c":"x","d":2}],"b":1}]');
  });

  it('hashes with SM3: 64 hex digits, another for another row or another previous hash', () => {
    const h = chainHash(GENESIS_HASH, row(1));
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, row(2))).not.toBe(h);
    expect(chainHash('1'.repeat(64), row(1))).not.toBe(h);
  });

  it('an intact chain ends with the last hash; a changed detail, a removed row and a replaced hash are each found at their row', () => {
    const rows = chain([row(1), row(2), row(3)]);
    expect(checkLinks(GENESIS_HASH, rows)).toEqual({ last: rows[2].hash });
    const changed = rows.map((r) => (r.id === 2 ? { ...r, detail: { b: 2 } } : r));
    expect(checkLinks(GENESIS_HASH, changed)).toEqual({
      broken: { id: 2, field: 'hash', expected: expect.any(String), found: rows[1].hash },
    });
    expect(checkLinks(GENESIS_HASH, [rows[0], rows[2]])).toEqual({
      broken: { id: 3, field: 'prev_hash', expected: rows[0].hash, found: rows[1].hash },
    });
  });
});
