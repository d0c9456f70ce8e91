/** `gezhi audit verify`: walks the audit log's hash chain in batches and reports the first broken link. */

import { auditChainEnd, auditRowsAfter } from './audit.ts';
import { type BrokenLink, checkLinks, GENESIS_HASH } from './audit-chain.core.ts';
import type { Tx } from './db.ts';

export const VERIFY_BATCH_ROWS = 10_000;

export type AuditVerification =
  /** `chainedFrom`: the last row written before the chain began (rows up to it carry no hash). */
  | { ok: true; rows: number; chainedFrom: number; lastId: number; lastHash: string }
  | { ok: false; rows: number; broken: BrokenLink | { id: number; field: 'head' | 'anchor'; expected: string; found: string | null } };

/**
 * Checks every chained row in order, then that the chain ends where its head says (rows removed from the end
 * leave a head pointing past them) and, given an anchor written down earlier (`id:hash`), that the row still has it
 * (a chain recomputed from before the anchor by someone who could write the table would otherwise pass).
 */
export async function verifyAuditChain(
  tx: Tx,
  opts: { anchor?: { id: number; hash: string }; batchRows?: number } = {},
): Promise<AuditVerification> {
  const head = await auditChainEnd(tx);
  const batch = opts.batchRows ?? VERIFY_BATCH_ROWS;
  let prev = GENESIS_HASH;
  let lastId = head.chainedFrom;
  let rows = 0;
  let anchorSeen = false;
  for (;;) {
    const page = await auditRowsAfter(tx, lastId, batch);
    if (page.length === 0) break;
    const result = checkLinks(prev, page);
    if ('broken' in result) return { ok: false, rows: rows + page.findIndex((r) => r.id === result.broken.id), broken: result.broken };
    if (opts.anchor) {
      const at = page.find((r) => r.id === opts.anchor!.id);
      if (at) {
        anchorSeen = true;
        if (at.hash !== opts.anchor.hash)
          return { ok: false, rows, broken: { id: at.id, field: 'anchor', expected: opts.anchor.hash, found: at.hash } };
      }
    }
    rows += page.length;
    prev = result.last;
    lastId = page[page.length - 1].id;
  }
  if (head.lastId !== lastId || head.lastHash !== prev)
    return {
      ok: false,
      rows,
      broken: { id: head.lastId, field: 'head', expected: `${lastId}:${prev}`, found: `${head.lastId}:${head.lastHash}` },
    };
  if (opts.anchor && !anchorSeen)
    return { ok: false, rows, broken: { id: opts.anchor.id, field: 'anchor', expected: opts.anchor.hash, found: null } };
  return { ok: true, rows, chainedFrom: head.chainedFrom, lastId, lastHash: prev };
}
