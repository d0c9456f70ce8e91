import { auditLog } from '../access/access.tables.ts';
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
