import { and, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { housesOnRecord } from '../registry/index.ts';
import { houseVisit } from './visits.tables.ts';

export type VisitRow = typeof houseVisit.$inferSelect;

export async function insertVisit(tx: Tx, row: typeof houseVisit.$inferInsert): Promise<VisitRow> {
  const [saved] = await tx.insert(houseVisit).values(row).returning();
  return saved;
}

/** The visits of one house (the caller found it in scope), newest first. */
export async function visitsOfHouse(tx: Tx, countyCode: string, houseCode: string, limit: number): Promise<VisitRow[]> {
  return tx
    .select()
    .from(houseVisit)
    .where(and(eq(houseVisit.countyCode, countyCode), eq(houseVisit.houseCode, houseCode)))
    .orderBy(desc(houseVisit.at), desc(houseVisit.id))
    .limit(limit);
}

export interface DueHouseRow {
  code: string;
  address: string;
  gridCode: string;
  lastVisitAt: Date | null;
}

/**
 * The houses in scope not visited since `before` (never visited first, then the longest ago), and how many there
 * are. The houses are registry's, read through its housesOnRecord.
 */
export async function dueHouses(tx: Tx, scope: Scope, before: Date, page: PageAsked): Promise<{ rows: DueHouseRow[]; total: number }> {
  const due = sql`
    from ${housesOnRecord} h
    left join lateral (
      select max(v.at) as last_at from ${houseVisit} v where v.county_code = h.county_code and v.house_code = h.code
    ) last on true
    where ${inScope(sql`h.grid_code`, scope)} and (last.last_at is null or last.last_at < ${before})`;
  const [rows, count] = await Promise.all([
    queryRows<{ code: string; address: string; grid_code: string; last_at: string | Date | null }>(
      tx,
      sql`select h.code, h.address, h.grid_code, last.last_at ${due} order by last.last_at asc nulls first, h.code offset ${page.offset} limit ${page.limit}`,
    ),
    queryRows<{ total: number }>(tx, sql`select count(*)::int as total ${due}`),
  ]);
  return {
    rows: rows.map((r) => ({
      code: r.code,
      address: r.address,
      gridCode: r.grid_code,
      lastVisitAt: r.last_at === null ? null : new Date(r.last_at),
    })),
    total: count[0]?.total ?? 0,
  };
}

/** Per grid under the prefix: houses on record, and how many of them were visited in [from, to). */
export async function visitCoveragePerGrid(tx: Tx, q: { prefix: string; from: Date; to: Date }) {
  const rows = await queryRows<{ grid_code: string; houses: number; visited: number }>(
    tx,
    sql`select h.grid_code, count(*)::int as houses,
          count(*) filter (where exists (
            select 1 from ${houseVisit} v where v.county_code = h.county_code and v.house_code = h.code and v.at >= ${q.from} and v.at < ${q.to}
          ))::int as visited
        from ${housesOnRecord} h where h.grid_code like ${`${q.prefix}%`} group by h.grid_code`,
  );
  return new Map(rows.map((r) => [r.grid_code, { houses: r.houses, visited: r.visited }]));
}

/** The visits made in [from, to) to houses under the prefix (or in some grids of it), newest first, with how many there are. */
export async function visitsMade(
  tx: Tx,
  q: { prefix: string; gridCodes?: string[]; from: Date; to: Date },
  page: { offset: number; limit: number },
) {
  const where = sql`from ${houseVisit} v join ${housesOnRecord} h on h.county_code = v.county_code and h.code = v.house_code
    where h.grid_code like ${`${q.prefix}%`} and v.at >= ${q.from} and v.at < ${q.to}
    ${
      q.gridCodes
        ? sql`and h.grid_code in (${sql.join(
            q.gridCodes.map((g) => sql`${g}`),
            sql`, `,
          )})`
        : sql``
    }`;
  const [{ total }] = await queryRows<{ total: number }>(tx, sql`select count(*)::int as total ${where}`);
  const rows = await queryRows<{ id: string; house_code: string; address: string; at: Date | string; actor_name: string }>(
    tx,
    sql`select v.id, v.house_code, h.address, v.at, v.actor_name ${where} order by v.at desc, v.id offset ${page.offset} limit ${page.limit}`,
  );
  return {
    total,
    rows: rows.map((r) => ({ id: r.id, houseCode: r.house_code, address: r.address, at: new Date(r.at), by: r.actor_name })),
  };
}
