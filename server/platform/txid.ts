/**
 * Transaction ids as a change cursor (decision 0028). A row written with `txid_current()` carries the id of the
 * transaction that wrote it; every transaction below the current snapshot's xmin has finished (committed or rolled
 * back), so the rows of ids in [a, xmin) are final: none can still appear. An exchange that hands out whole ranges
 * of finished ids, each once, neither skips a change that commits late nor sends one twice.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './db.ts';

/**
 * The lowest transaction id that may still be running. Run it on the database handle, outside a transaction that
 * has written (a transaction that holds an id sees itself as running, and the answer stops at it).
 */
export async function finishedBelow(db: Db): Promise<number> {
  const rows = await queryRows<{ xmin: string }>(db, sql`select txid_snapshot_xmin(txid_current_snapshot())::text as xmin`);
  return Number(rows[0].xmin);
}
