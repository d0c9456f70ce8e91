/**
 * Transaction ids as a change cursor (decision 0028). A row written with `txid_current()` carries the id of the
 * top-level transaction that wrote it. Every id below the horizon answered here belongs to a transaction of this
 * database that has finished (committed or rolled back), so the rows of ids in [a, horizon) are final: none can still
 * appear. An exchange that hands out whole ranges of finished ids, each once, neither skips a change that commits
 * late nor sends one twice.
 */
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from './db.ts';

/**
 * The lowest transaction id that may still write here: the lowest of the snapshot's running ids that belongs to a
 * session (or a prepared transaction) of this database, else the next id to be given. Transactions of other databases
 * on the same server never write these tables, so they do not hold it back. `backend_xid` is the 32-bit id every
 * role may read of every session; the snapshot's ids carry the epoch, so they are matched on their low 32 bits.
 * Run it on the database handle, outside a transaction that has written (it would count itself as running).
 */
export async function finishedBelow(db: Db): Promise<number> {
  const rows = await queryRows<{ horizon: string }>(
    db,
    sql`with s as (select txid_current_snapshot() as snap),
      mine as (
        select backend_xid::text::bigint as xid from pg_stat_activity where datname = current_database() and backend_xid is not null
        union all
        select transaction::text::bigint from pg_prepared_xacts where database = current_database()
      )
      select coalesce(
        (select min(x) from s, txid_snapshot_xip(s.snap) as x where x % 4294967296 in (select xid from mine)),
        (select txid_snapshot_xmax(snap) from s)
      )::text as horizon`,
  );
  return Number(rows[0].horizon);
}
