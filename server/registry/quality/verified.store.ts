import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../platform/db.ts';

/** The people and houses under an area prefix (or in some grids of it): what "base data verified lately" counts. */
const records = (prefix: string, gridCodes: string[] | undefined) => {
  const where = (t: string) =>
    sql`${sql.raw(t)}.grid_code like ${`${prefix}%`}${
      gridCodes
        ? sql` and ${sql.raw(t)}.grid_code in (${sql.join(
            gridCodes.map((g) => sql`${g}`),
            sql`, `,
          )})`
        : sql``
    }`;
  return sql`
    select 'person' as kind, p.id::text as id, p.name as label, p.grid_code, p.verified_at from person p where ${where('p')}
    union all
    select 'house' as kind, h.code as id, h.address as label, h.grid_code, h.verified_at from house h where ${where('h')}`;
};

/** Per grid under the prefix: how many people and houses are on record, and how many were verified at or after `since` and before `until`. */
export async function verifiedPerGrid(tx: Tx, q: { prefix: string; since: Date; until: Date }) {
  const rows = await queryRows<{ grid_code: string; total: number; verified: number }>(
    tx,
    sql`select grid_code, count(*)::int as total,
          count(*) filter (where verified_at >= ${q.since} and verified_at < ${q.until})::int as verified
        from (${records(q.prefix, undefined)}) r group by grid_code`,
  );
  return new Map(rows.map((r) => [r.grid_code, { total: r.total, verified: r.verified }]));
}

/**
 * The people and houses behind that figure, a page at a time: those not verified in the window first (what cost
 * the points), then the rest, oldest verification first; with how many there are.
 */
export async function recordsVerified(
  tx: Tx,
  q: { prefix: string; gridCodes?: string[]; since: Date; until: Date },
  page: { offset: number; limit: number },
) {
  const inWindow = sql`(verified_at >= ${q.since} and verified_at < ${q.until})`;
  const [{ total }] = await queryRows<{ total: number }>(tx, sql`select count(*)::int as total from (${records(q.prefix, q.gridCodes)}) r`);
  const rows = await queryRows<{
    kind: string;
    id: string;
    label: string;
    grid_code: string;
    verified_at: Date | string | null;
    counted: boolean;
  }>(
    tx,
    sql`select kind, id, label, grid_code, verified_at, coalesce(${inWindow}, false) as counted
        from (${records(q.prefix, q.gridCodes)}) r
        order by coalesce(${inWindow}, false), verified_at nulls first, kind, id
        offset ${page.offset} limit ${page.limit}`,
  );
  return {
    total,
    rows: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      label: r.label,
      gridCode: r.grid_code,
      verifiedAt: r.verified_at === null ? null : new Date(r.verified_at),
      counted: r.counted,
    })),
  };
}
