import { bigint, bigserial, index, jsonb, pgTable, smallint, text, timestamptz, uuid } from './columns.ts';

/**
 * Append-only audit log: triggers refuse UPDATE, DELETE and TRUNCATE (migration 0021), and each row is chained to
 * the one before by an SM3 hash over its canonical form (audit-chain.core.ts), which `gezhi audit verify` walks.
 * Rows written before the chain began (up to audit_chain_head.chained_from) carry no hash.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamptz('at').notNull(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    target: text('target'),
    detail: jsonb('detail'),
    /** The hash of the row before (the genesis value for the first). */
    prevHash: text('prev_hash'),
    /** SM3 of prev_hash and this row's canonical form, hex. */
    hash: text('hash'),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/**
 * The chain's end, one row (id 1): each audit write locks it FOR UPDATE, so rows are chained one after another
 * across servers. `chained_from` is the last row written before the chain began.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: smallint('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  chainedFrom: bigint('chained_from', { mode: 'number' }).notNull(),
});
