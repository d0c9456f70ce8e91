import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { auditLog } from './audit.tables.ts';
import type { Tx } from './db.ts';

export interface AuditEntry {
  at: Date;
  actorId: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
}

/** Append one audit row, inside the caller's transaction. There is no update or delete. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, target: entry.target ?? null, detail: entry.detail ?? null });
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

/** Audit entries, newest first. */
export async function findAuditEntries(tx: Tx, f: AuditFilter) {
  return tx
    .select()
    .from(auditLog)
    .where(
      and(
        f.action ? eq(auditLog.action, f.action) : undefined,
        f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
        f.from ? gte(auditLog.at, f.from) : undefined,
        f.to ? lt(auditLog.at, f.to) : undefined,
        f.before ? lt(auditLog.id, f.before) : sql`true`,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(f.limit);
}
