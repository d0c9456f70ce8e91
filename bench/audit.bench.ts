/**
 * `gezhi audit verify` over N chained audit rows: the walk (read in batches, canonical form, SM3, link check) against
 * an anchor measured in the same run, the same rows read in the same batches without checking anything. On
 * PostgreSQL when reachable, else on PGlite in memory. The rows are written chained, in bulk, straight to the table.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { auditChainHead, auditLog } from '../server/platform/audit.tables.ts';
import { auditRowsAfter } from '../server/platform/audit.ts';
import { chainHash, GENESIS_HASH } from '../server/platform/audit-chain.core.ts';
import { VERIFY_BATCH_ROWS, verifyAuditChain } from '../server/platform/audit-verify.ts';
import { type Database, openDatabase } from '../server/platform/db.ts';
import { createRandom } from '../server/platform/random.ts';

export interface AuditVerifyResult {
  where: 'PostgreSQL' | 'PGlite';
  rows: number;
  fillSeconds: number;
  verifySeconds: number;
  readSeconds: number;
  ok: boolean;
}

const INSERT_ROWS = 1000;
const ACTIONS = ['auth.login', 'auth.login_failed', 'registry.revealed', 'events.exported', 'user.updated'];

async function fill(database: Database, count: number) {
  const random = createRandom('audit-bench');
  const actors = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const start = Date.parse('2026-05-01T00:00:00Z');
  let prev = GENESIS_HASH;
  for (let first = 1; first <= count; first += INSERT_ROWS) {
    const batch = [];
    for (let id = first; id < Math.min(count + 1, first + INSERT_ROWS); id++) {
      const row = {
        id,
        at: new Date(start + id * 15_000),
        actorId: actors[Math.floor(random() * actors.length)],
        action: ACTIONS[Math.floor(random() * ACTIONS.length)],
        target: `person:${Math.floor(random() * 1e6)}`,
        detail: { ip: `10.0.${Math.floor(random() * 256)}.${Math.floor(random() * 256)}`, reason: '低保复核', rows: id % 97 },
      };
      const hash = chainHash(prev, row);
      batch.push({ ...row, prevHash: prev, hash });
      prev = hash;
    }
    await database.db.insert(auditLog).values(batch);
  }
  await database.db.update(auditChainHead).set({ lastId: count, lastHash: prev, chainedFrom: 0 }).where(sql`id = 1`);
  await database.db.execute(sql`select setval(pg_get_serial_sequence('audit_log', 'id'), ${count})`);
}

/** The anchor: every row read in the verifier's batches, nothing computed. */
async function readAll(database: Database) {
  let after = 0;
  for (;;) {
    const page = await auditRowsAfter(database.db, after, VERIFY_BATCH_ROWS);
    if (page.length === 0) return;
    after = page[page.length - 1].id;
  }
}

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

async function measure(database: Database, where: AuditVerifyResult['where'], count: number): Promise<AuditVerifyResult> {
  await database.migrate();
  let t = process.hrtime.bigint();
  await fill(database, count);
  const fillSeconds = seconds(t);
  await database.db.execute(sql`analyze audit_log`);
  t = process.hrtime.bigint();
  await readAll(database);
  const readSeconds = seconds(t);
  t = process.hrtime.bigint();
  const result = await verifyAuditChain(database.db);
  const verifySeconds = seconds(t);
  return { where, rows: count, fillSeconds, verifySeconds, readSeconds, ok: result.ok && result.rows === count };
}

export async function benchAuditVerify(count: number, pgUrl: string | null): Promise<AuditVerifyResult> {
  const admin = pgUrl ? new pg.Client({ connectionString: pgUrl }) : null;
  const reachable = admin
    ? await admin.connect().then(
        () => true,
        () => false,
      )
    : false;
  if (!admin || !reachable) {
    const lite = await openDatabase({ url: null, dataDir: null });
    try {
      return await measure(lite, 'PGlite', count);
    } finally {
      await lite.close();
    }
  }
  const name = `gezhi_bench_audit_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(pgUrl!);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), dataDir: null });
  try {
    return await measure(database, 'PostgreSQL', count);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
