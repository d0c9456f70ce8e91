import { and, asc, count, desc, eq, gte, isNull, like, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DisputeTier } from '../../shared/disputes.ts';
import type { Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import {
  dispute,
  disputeFollowUp,
  disputeParty,
  disputeSetting,
  mediationSession,
  screeningGrid,
  screeningRound,
} from './disputes.tables.ts';

export type DisputeRow = typeof dispute.$inferSelect;
export type RoundRow = typeof screeningRound.$inferSelect;

export async function getDispute(tx: Tx, scope: Scope, id: string): Promise<DisputeRow | undefined> {
  return (
    await tx
      .select()
      .from(dispute)
      .where(and(eq(dispute.id, id), inScope(dispute.gridCode, scope)))
  )[0];
}

export async function insertDispute(tx: Tx, row: typeof dispute.$inferInsert, parties: (typeof disputeParty.$inferInsert)[]) {
  const [saved] = await tx.insert(dispute).values(row).returning();
  await tx.insert(disputeParty).values(parties.map((p) => ({ ...p, disputeId: saved.id })));
  return saved;
}

/** Writes the next state on the version read; none written means someone was first. */
export async function updateDispute(tx: Tx, row: DisputeRow, version: number, values: Partial<typeof dispute.$inferInsert>) {
  return tx
    .update(dispute)
    .set({ ...values, version: version + 1 })
    .where(and(eq(dispute.countyCode, row.countyCode), eq(dispute.id, row.id), eq(dispute.version, version)))
    .returning();
}

export const partiesOf = (tx: Tx, row: DisputeRow) =>
  tx
    .select()
    .from(disputeParty)
    .where(and(eq(disputeParty.countyCode, row.countyCode), eq(disputeParty.disputeId, row.id)))
    .orderBy(asc(disputeParty.seq));

export const sessionsOf = (tx: Tx, row: DisputeRow) =>
  tx
    .select()
    .from(mediationSession)
    .where(and(eq(mediationSession.countyCode, row.countyCode), eq(mediationSession.disputeId, row.id)))
    .orderBy(asc(mediationSession.at));

export async function insertSession(tx: Tx, row: typeof mediationSession.$inferInsert) {
  await tx.insert(mediationSession).values(row);
}

export interface DisputeFilter {
  tier?: string;
  status?: string;
  roundId?: string;
  /** Mediations past their time limit now. */
  overdue?: boolean;
  /** The loop case it was turned from or raised. */
  eventId?: string;
  /** `owed`: the agreements whose follow-up the caller owes, due within FOLLOW_UP_SOON_DAYS or past due. */
  followUp?: 'owed';
}

/** Where the caller owns the tier of a dispute: the tiers they act at, in the units they are bound to or inside. */
export function ownedBy(owned: { tier: DisputeTier; prefixes: string[] }[]): SQL {
  if (owned.length === 0) return sql`false`;
  return or(...owned.map((o) => and(eq(dispute.tier, o.tier), or(...o.prefixes.map((p) => like(dispute.ownerCode, `${p}%`))))))!;
}

/** Agreements not yet followed up whose follow-up falls due by `by` ('YYYY-MM-DD'). */
export const followUpOwed = (by: string) => and(eq(dispute.status, 'resolved'), isNull(dispute.followedUpAt), lte(dispute.followUpOn, by));

export interface FindContext {
  now: Date;
  /** The last day a follow-up counts as owed now (today plus the days of notice). */
  owedBy: string;
  owned: { tier: DisputeTier; prefixes: string[] }[];
}

/** One page of the disputes in scope matching the filter, newest first, and how many match in all. */
export async function findDisputes(tx: Tx, scope: Scope, f: DisputeFilter, page: PageAsked, at: FindContext) {
  const where = and(
    inScope(dispute.gridCode, scope),
    f.tier ? eq(dispute.tier, f.tier) : undefined,
    f.status ? eq(dispute.status, f.status) : undefined,
    f.roundId ? eq(dispute.roundId, f.roundId) : undefined,
    f.overdue ? and(eq(dispute.status, 'mediating'), lt(dispute.mediationDueAt, at.now)) : undefined,
    f.eventId ? or(eq(dispute.sourceEventId, f.eventId), eq(dispute.eventId, f.eventId)) : undefined,
    f.followUp === 'owed' ? and(followUpOwed(at.owedBy), ownedBy(at.owned)) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    tx.select().from(dispute).where(where).orderBy(desc(dispute.reportedAt), desc(dispute.id)).offset(page.offset).limit(page.limit),
    tx.select({ total: count() }).from(dispute).where(where),
  ]);
  return { rows, total };
}

// ── screening rounds ─────────────────────────────────────────────────────────────────────────────────

export async function insertRound(tx: Tx, row: typeof screeningRound.$inferInsert, gridCodes: string[]) {
  const [saved] = await tx.insert(screeningRound).values(row).returning();
  await tx.insert(screeningGrid).values(gridCodes.map((gridCode) => ({ countyCode: saved.countyCode, roundId: saved.id, gridCode })));
  return saved;
}

/** A round is seen by whoever sees one of its grids (a grid worker their own, a township its villages'). */
export async function getRound(tx: Tx, scope: Scope, id: string): Promise<RoundRow | undefined> {
  return (
    await tx
      .select()
      .from(screeningRound)
      .where(
        and(
          eq(screeningRound.id, id),
          sql`exists (select 1 from ${screeningGrid} g where g.county_code = screening_round.county_code
                and g.round_id = screening_round.id and ${inScope(sql`g.grid_code`, scope)})`,
        ),
      )
  )[0];
}

export function findRounds(tx: Tx, scope: Scope, limit: number) {
  return tx
    .select()
    .from(screeningRound)
    .where(
      sql`exists (select 1 from ${screeningGrid} g where g.county_code = screening_round.county_code
            and g.round_id = screening_round.id and ${inScope(sql`g.grid_code`, scope)})`,
    )
    .orderBy(desc(screeningRound.openedAt))
    .limit(limit);
}

/** Each covered grid of the round in the scope, with its declaration and how many disputes it recorded in the round. */
export function roundProgress(tx: Tx, scope: Scope, round: RoundRow) {
  return tx
    .select({
      gridCode: screeningGrid.gridCode,
      declaredNone: screeningGrid.declaredNone,
      reportedBy: screeningGrid.reportedBy,
      reportedAt: screeningGrid.reportedAt,
      disputes: sql<number>`(select count(*)::int from ${dispute} d where d.county_code = screening_grid.county_code
                   and d.round_id = screening_grid.round_id and d.grid_code = screening_grid.grid_code)`,
    })
    .from(screeningGrid)
    .where(and(eq(screeningGrid.countyCode, round.countyCode), eq(screeningGrid.roundId, round.id), inScope(screeningGrid.gridCode, scope)))
    .orderBy(screeningGrid.gridCode);
}

export async function roundGrid(tx: Tx, round: RoundRow, gridCode: string) {
  return (
    await tx
      .select()
      .from(screeningGrid)
      .where(and(eq(screeningGrid.countyCode, round.countyCode), eq(screeningGrid.roundId, round.id), eq(screeningGrid.gridCode, gridCode)))
      .for('update')
  )[0];
}

export async function markGrid(tx: Tx, round: RoundRow, gridCode: string, values: Partial<typeof screeningGrid.$inferInsert>) {
  await tx
    .update(screeningGrid)
    .set(values)
    .where(and(eq(screeningGrid.countyCode, round.countyCode), eq(screeningGrid.roundId, round.id), eq(screeningGrid.gridCode, gridCode)));
}

export async function disputesInRoundGrid(tx: Tx, round: RoundRow, gridCode: string) {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(dispute)
    .where(and(eq(dispute.countyCode, round.countyCode), eq(dispute.roundId, round.id), eq(dispute.gridCode, gridCode)));
  return r.n;
}

// ── follow-ups, settings, sources ────────────────────────────────────────────────────────────────────

export async function insertFollowUp(tx: Tx, row: typeof disputeFollowUp.$inferInsert) {
  await tx.insert(disputeFollowUp).values(row);
}

export const followUpsOf = (tx: Tx, row: DisputeRow) =>
  tx
    .select()
    .from(disputeFollowUp)
    .where(and(eq(disputeFollowUp.countyCode, row.countyCode), eq(disputeFollowUp.disputeId, row.id)))
    .orderBy(asc(disputeFollowUp.at));

/** How many agreements the caller owes a follow-up for, due by `owedBy`, and of them how many are past due. */
export async function followUpsOwedCount(tx: Tx, scope: Scope, owned: FindContext['owned'], owedBy: string, today: string) {
  const [r] = await tx
    .select({
      owed: sql<number>`count(*)::int`,
      late: sql<number>`(count(*) filter (where ${dispute.followUpOn} < ${today}))::int`,
    })
    .from(dispute)
    .where(and(inScope(dispute.gridCode, scope), followUpOwed(owedBy), ownedBy(owned)));
  return r;
}

export async function getSetting(tx: Tx, countyCode: string) {
  return (await tx.select().from(disputeSetting).where(eq(disputeSetting.countyCode, countyCode)))[0];
}

export async function putSetting(tx: Tx, row: typeof disputeSetting.$inferInsert) {
  await tx
    .insert(disputeSetting)
    .values(row)
    .onConflictDoUpdate({
      target: disputeSetting.countyCode,
      set: { mediationDays: row.mediationDays, followUpDays: row.followUpDays, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

/** The dispute already turned from a loop case, if any (its county and id are enough: once per case). */
export async function disputeOfSource(tx: Tx, countyCode: string, eventId: string) {
  return (
    await tx
      .select({ id: dispute.id })
      .from(dispute)
      .where(and(eq(dispute.countyCode, countyCode), eq(dispute.sourceEventId, eventId)))
  )[0];
}

/**
 * The mediation figures of an area (a code prefix): mediations past their limit now, follow-ups owed and past due,
 * and the follow-ups made between `from` and `to` by how the agreement was performed.
 */
export async function mediationFigures(
  tx: Tx,
  f: { countyCode: string | null; prefix: string; now: Date; today: string; from: Date; to: Date },
) {
  const area = and(f.countyCode ? eq(dispute.countyCode, f.countyCode) : undefined, like(dispute.gridCode, `${f.prefix}%`));
  const [[open], [owed], done] = await Promise.all([
    tx
      .select({ overdue: sql<number>`count(*)::int` })
      .from(dispute)
      .where(and(area, eq(dispute.status, 'mediating'), lt(dispute.mediationDueAt, f.now))),
    tx
      .select({ owed: sql<number>`count(*)::int` })
      .from(dispute)
      .where(and(area, followUpOwed(f.today), lt(dispute.followUpOn, f.today))),
    tx
      .select({ performance: disputeFollowUp.performance, n: sql<number>`count(*)::int` })
      .from(disputeFollowUp)
      .where(
        and(
          f.countyCode ? eq(disputeFollowUp.countyCode, f.countyCode) : undefined,
          like(disputeFollowUp.ownerCode, `${f.prefix.slice(0, 6)}%`),
          sql`exists (select 1 from ${dispute} d where d.county_code = ${disputeFollowUp.countyCode} and d.id = ${disputeFollowUp.disputeId}
                and d.grid_code like ${`${f.prefix}%`})`,
          gte(disputeFollowUp.at, f.from),
          lt(disputeFollowUp.at, f.to),
        ),
      )
      .groupBy(disputeFollowUp.performance),
  ]);
  return { overdueMediations: open.overdue, followUpsOverdue: owed.owed, performed: new Map(done.map((r) => [r.performance, r.n])) };
}
