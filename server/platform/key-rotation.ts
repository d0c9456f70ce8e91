/**
 * `gezhi keys rotate`: every sealed value not yet under the field crypto's current key version is opened and sealed
 * again, a batch of rows per statement (its own transaction). Each batch commits on its own, so an interrupted
 * rotation keeps what it did and a second run walks only what is left; values under either key open meanwhile, so
 * reads never stop.
 */
import { type SQL, sql } from 'drizzle-orm';
import { recordAudit } from './audit.ts';
import { SEALED_COLUMNS } from './columns.ts';
import { type Db, queryRows } from './db.ts';
import type { FieldCrypto } from './field-crypto.ts';

export const ROTATE_BATCH_ROWS = 500;

export interface RotationProgress {
  table: string;
  /** Values of this table re-sealed so far, and how many were under an older key when the run began. */
  resealed: number;
  stale: number;
}

export interface RotationResult {
  keyVersion: number;
  resealed: Record<string, number>;
  /** Values that did not open (altered, or under a key no longer on the ring): left as they are, by table and key. */
  unopened: { table: string; key: string; column: string }[];
}

interface KeyColumn {
  name: string;
  type: string;
}

const id = (name: string) => sql.identifier(name);
const staleOf = (column: string, version: number) => sql`(${id(column)} is not null and ${id(column)} not like ${`v${version}.%`})`;
const anyStale = (columns: readonly string[], version: number) =>
  sql.join(
    columns.map((c) => staleOf(c, version)),
    sql` or `,
  );

/** Values not under `keyVersion`, by table (every table of SEALED_COLUMNS, zero included). */
export async function countStaleValues(db: Db, keyVersion: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
    const sums = sql.join(
      columns.map((c) => sql`count(*) filter (where ${staleOf(c, keyVersion)})`),
      sql` + `,
    );
    const [row] = await queryRows<{ n: number }>(db, sql`select (${sums})::int as n from ${id(table)}`);
    counts[table] = row.n;
  }
  return counts;
}

/** Primary-key columns of a table in key order with their types, as the database has them. */
async function keyColumns(db: Db, table: string): Promise<KeyColumn[]> {
  return queryRows<KeyColumn>(
    db,
    sql`select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
        from pg_index i
        join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
        join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary and c.relname = ${table}
        order by k.ord`,
  );
}

/**
 * Re-seals every value of SEALED_COLUMNS under `crypto.keyVersion`, writes an audit row when it begins and when it
 * ends. `onBatch` is told after each committed batch (a test throws there to interrupt the rotation).
 */
export async function rotateSealedValues(
  db: Db,
  crypto: FieldCrypto,
  opts: { at: () => Date; actorId?: string | null; batchRows?: number; onBatch?: (p: RotationProgress) => void },
): Promise<RotationResult> {
  const version = crypto.keyVersion;
  const batchRows = opts.batchRows ?? ROTATE_BATCH_ROWS;
  const stale = await countStaleValues(db, version);
  await recordAudit(db, {
    at: opts.at(),
    actorId: opts.actorId ?? null,
    action: 'field_keys.rotation_started',
    detail: { keyVersion: version, stale },
  });
  const result: RotationResult = { keyVersion: version, resealed: {}, unopened: [] };
  for (const [table, columns] of Object.entries(SEALED_COLUMNS)) {
    result.resealed[table] = 0;
    if (stale[table] === 0) continue;
    const keys = await keyColumns(db, table);
    const keyOf = (row: Record<string, unknown>) => keys.map((k) => row[k.name]);
    const keyList = sql.join(
      keys.map((k) => id(k.name)),
      sql`, `,
    );
    let after: unknown[] | null = null;
    for (;;) {
      const past: SQL = after
        ? sql`and (${keyList}) > (${sql.join(
            after.map((v, i) => sql`${v}::${sql.raw(keys[i].type)}`),
            sql`, `,
          )})`
        : sql``;
      const rows = await queryRows<Record<string, unknown>>(
        db,
        sql`select ${keyList}, ${sql.join(
          columns.map((c) => id(c)),
          sql`, `,
        )} from ${id(table)} where (${anyStale(columns, version)}) ${past} order by ${keyList} limit ${batchRows}`,
      );
      if (rows.length === 0) break;
      let resealed = 0;
      /** Per row: its key, and per column the value read and the one sealed anew (both null: leave it). */
      const changes = rows.map((row) => ({
        key: keyOf(row),
        columns: columns.map((column) => {
          const old = row[column] as string | null;
          if (old === null || old.startsWith(`v${version}.`)) return { old: null, next: null };
          try {
            const next = crypto.encrypt(crypto.decrypt(old));
            resealed++;
            return { old, next };
          } catch {
            result.unopened.push({ table, key: keyOf(row).join('/'), column });
            return { old: null, next: null };
          }
        }),
      }));
      const values = sql.join(
        changes.map(
          (c) =>
            sql`(${sql.join(
              [
                ...c.key.map((v, i) => sql`${v}::${sql.raw(keys[i].type)}`),
                ...c.columns.flatMap((v) => [sql`${v.old}::text`, sql`${v.next}::text`]),
              ],
              sql`, `,
            )})`,
        ),
        sql`, `,
      );
      const names = sql.join(
        [...keys.map((k) => id(`k_${k.name}`)), ...columns.flatMap((c) => [id(`old_${c}`), id(`next_${c}`)])],
        sql`, `,
      );
      const matches = sql.join(
        keys.map((k) => sql`t.${id(k.name)} = v.${id(`k_${k.name}`)}`),
        sql` and `,
      );
      // One statement per batch, every column at once; only a value still as read is replaced (one a server
      // rewrote meanwhile is already sealed anew), and a column with nothing to re-seal keeps its value.
      const sets = sql.join(
        columns.map((c) => sql`${id(c)} = case when t.${id(c)} = v.${id(`old_${c}`)} then v.${id(`next_${c}`)} else t.${id(c)} end`),
        sql`, `,
      );
      await db.execute(sql`update ${id(table)} as t set ${sets} from (values ${values}) as v(${names}) where ${matches}`);
      result.resealed[table] += resealed;
      after = keyOf(rows[rows.length - 1]);
      opts.onBatch?.({ table, resealed: result.resealed[table], stale: stale[table] });
    }
  }
  await recordAudit(db, {
    at: opts.at(),
    actorId: opts.actorId ?? null,
    action: 'field_keys.rotated',
    detail: { keyVersion: version, resealed: result.resealed, unopened: result.unopened.length },
  });
  return result;
}
