import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import type { PageAsked } from '../platform/paging.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { dispute, disputeParty, mediationSession, screeningGrid, screeningRound } from './disputes.tables.ts';

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
}

/** One page of the disputes in scope matching the filter, newest first, and how many match in all. */
export async function findDisputes(tx: Tx, scope: Scope, f: DisputeFilter, page: PageAsked) {
  const where = and(
    inScope(dispute.gridCode, scope),
    f.tier ? eq(dispute.tier, f.tier) : undefined,
    f.status ? eq(dispute.status, f.status) : undefined,
    f.roundId ? eq(dispute.roundId, f.roundId) : undefined,
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
