import { and, desc, eq, gte, inArray, like, lt, type SQL, sql } from 'drizzle-orm';
import { startOfChinaMonth } from '../../shared/china-time.ts';
import type { DisputeFigureDimension, DisputeOutcome } from '../../shared/disputes.ts';
import { queryRows, type Tx } from '../platform/db.ts';
import type { Cell, FigureKey } from './dispute-figures.core.ts';
import { disputeFigure } from './dispute-figures.tables.ts';
import { dispute } from './disputes.tables.ts';

/** Moves one dispute into (delta 1) or out of (delta -1) its roll-up row, with its working days when it closed. */
export async function moveFigure(tx: Tx, key: FigureKey, delta: 1 | -1, workingDays: number | null) {
  const timed = workingDays === null ? 0 : delta;
  const days = workingDays === null ? 0 : delta * workingDays;
  await tx
    .insert(disputeFigure)
    .values({ ...key, n: delta, timed, workingDays: days })
    .onConflictDoUpdate({
      target: [
        disputeFigure.countyCode,
        disputeFigure.villageCode,
        disputeFigure.month,
        disputeFigure.typeCode,
        disputeFigure.tier,
        disputeFigure.outcome,
      ],
      set: {
        n: sql`${disputeFigure.n} + ${delta}`,
        timed: sql`${disputeFigure.timed} + ${timed}`,
        workingDays: sql`${disputeFigure.workingDays} + ${days}`,
      },
    });
}

/** Whether the roll-up counts every dispute (a database with disputes from before it, or a repair, needs a rebuild). */
export async function rollUpBehind(tx: Tx): Promise<boolean> {
  const [r] = await queryRows<{ behind: boolean }>(
    tx,
    sql`select (select count(*) from dispute) <> (select coalesce(sum(n), 0) from dispute_figure) as behind`,
  );
  return r.behind;
}

/** The roll-up again from the disputes, in one set-based statement. */
export async function rebuildRollUp(tx: Tx) {
  await tx.execute(sql`delete from dispute_figure`);
  await tx.execute(
    sql`insert into dispute_figure (county_code, village_code, month, type_code, tier, outcome, n, timed, working_days)
        select county_code, substr(grid_code, 1, 12), to_char((reported_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM'), type_code, tier,
          case status when 'resolved' then 'resolved' when 'referred' then 'referred' else 'open' end,
          count(*), count(working_days), coalesce(sum(working_days), 0)
        from dispute group by 1, 2, 3, 4, 5, 6`,
  );
}

/** The child area a village code counts under, one level below `areaCode` (a village counts as itself). */
const childOf = (areaCode: string) =>
  sql.raw(`substr(village_code, 1, ${Math.min(12, areaCode.length === 6 && areaCode.endsWith('00') ? 6 : areaCode.length + 3)})`);

const KEY: Record<Exclude<DisputeFigureDimension, 'area'>, SQL> = {
  type: sql`type_code`,
  tier: sql`tier`,
  outcome: sql`outcome`,
  month: sql`month`,
};

/** The prefix an area's codes start with (a city's counties share its first four digits). */
const prefixOf = (areaCode: string) => (areaCode.length === 6 && areaCode.endsWith('00') ? areaCode.slice(0, 4) : areaCode);

/** The roll-up's cells under an area for months [from, to], grouped by the dimension: at most a few thousand rows. */
export function figureCells(tx: Tx, areaCode: string, from: string, to: string, by: DisputeFigureDimension): Promise<Cell[]> {
  const key = by === 'area' ? childOf(areaCode) : KEY[by];
  const county = areaCode.length >= 6 && !areaCode.endsWith('00') ? sql`county_code = ${areaCode.slice(0, 6)} and` : sql``;
  return queryRows<{ key: string; tier: string; outcome: DisputeOutcome; n: number; timed: number; working_days: number }>(
    tx,
    sql`select ${key} as key, tier, outcome, sum(n)::int as n, sum(timed)::int as timed, sum(working_days)::float8 as working_days
        from dispute_figure
        where ${county} village_code like ${`${prefixOf(areaCode)}%`} and month >= ${from} and month <= ${to}
        group by 1, 2, 3 having sum(n) > 0 order by 1, 2, 3`,
  ).then((rows) =>
    rows.map((r) => ({ key: r.key, tier: r.tier, outcome: r.outcome, n: r.n, timed: r.timed, workingDays: r.working_days })),
  );
}

export interface DrillFilter {
  areaCode: string;
  from: string;
  to: string;
  by?: DisputeFigureDimension;
  key?: string;
  outcomes: DisputeOutcome[] | null;
  tiers: string[] | null;
}

const statusesOf = (outcomes: DisputeOutcome[]) => outcomes.flatMap((o) => (o === 'open' ? ['pending', 'mediating'] : [o]));
const monthStart = (m: string) => startOfChinaMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)));
const monthEnd = (m: string) => startOfChinaMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7)) + 1);

/**
 * The disputes a figure counts: recorded in the months under the area (the county and date index), with the row's
 * key and the measure's tiers and outcomes; the newest `limit`, and how many there are in all.
 */
export async function drillDown(tx: Tx, f: DrillFilter, limit: number) {
  const byKey =
    f.by && f.key !== undefined
      ? {
          type: eq(dispute.typeCode, f.key),
          tier: eq(dispute.tier, f.key),
          outcome: inArray(dispute.status, statusesOf([f.key as DisputeOutcome])),
          area: like(dispute.gridCode, `${f.key}%`),
          month: and(gte(dispute.reportedAt, monthStart(f.key)), lt(dispute.reportedAt, monthEnd(f.key))),
        }[f.by]
      : undefined;
  const where = and(
    f.areaCode.length >= 6 && !f.areaCode.endsWith('00') ? eq(dispute.countyCode, f.areaCode.slice(0, 6)) : undefined,
    like(dispute.gridCode, `${prefixOf(f.areaCode)}%`),
    gte(dispute.reportedAt, monthStart(f.from)),
    lt(dispute.reportedAt, monthEnd(f.to)),
    byKey,
    f.outcomes ? inArray(dispute.status, statusesOf(f.outcomes)) : undefined,
    f.tiers ? inArray(dispute.tier, f.tiers) : undefined,
  );
  const rows = await tx.select().from(dispute).where(where).orderBy(desc(dispute.reportedAt), desc(dispute.id)).limit(limit);
  const [total] = await tx.select({ n: sql<number>`count(*)::int` }).from(dispute).where(where);
  return { rows, total: total.n };
}
