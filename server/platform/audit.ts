import { and, asc, desc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { auditChainHead, auditLog } from './audit.tables.ts';
import { chainHash } from './audit-chain.core.ts';
import { queryRows, type Tx } from './db.ts';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Append one audit row, inside the caller's transaction (or its own, given the database handle), chained to the
 * row before: the chain's head is locked FOR UPDATE until the transaction ends, so write it as the transaction's
 * last statement to hold that lock briefly. There is no update or delete (the table's triggers refuse both).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.transaction(async (t) => {
    const [head] = await queryRows<{ last_hash: string; next_id: string }>(
      t,
      sql`select last_hash, nextval(pg_get_serial_sequence('audit_log', 'id')) as next_id from audit_chain_head where id = 1 for update`,
    );
    const row = {
      id: Number(head.next_id),
      at: entry.at,
      actorId: entry.actorId,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
    };
    const hash = chainHash(head.last_hash, row);
    await t.insert(auditLog).values({ ...row, prevHash: head.last_hash, hash });
    await t.update(auditChainHead).set({ lastId: row.id, lastHash: hash }).where(eq(auditChainHead.id, 1));
  });
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  from?: Date;
  to?: Date;
  /** Page back: entries with a smaller number. */
  before?: number;
  limit: number;
}

const matching = (f: Omit<AuditFilter, 'limit'>) =>
  and(
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
    f.before ? lt(auditLog.id, f.before) : sql`true`,
  );

/** Audit entries, newest first. */
export async function findAuditEntries(tx: Tx, f: AuditFilter) {
  return tx.select().from(auditLog).where(matching(f)).orderBy(desc(auditLog.id)).limit(f.limit);
}

/** How many entries a filter matches. */
export async function countAuditEntries(tx: Tx, f: Omit<AuditFilter, 'limit' | 'before'>): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(matching(f));
  return row.n;
}

/** The chain's head: where it began and the row and hash it ends with now. */
export async function auditChainEnd(tx: Tx) {
  const [head] = await tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  return head;
}

/** Chained rows after `afterId`, oldest first, `limit` of them: the verifier's batches. */
export async function auditRowsAfter(tx: Tx, afterId: number, limit: number) {
  return tx.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(limit);
}
