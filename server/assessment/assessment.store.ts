import { and, asc, desc, eq, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { assessmentResult, assessmentRun, assessmentScheme } from './assessment.tables.ts';

export type SchemeRow = typeof assessmentScheme.$inferSelect;
export type RunRow = typeof assessmentRun.$inferSelect;
export type ResultRow = typeof assessmentResult.$inferSelect;

/** A scheme's or run's area is the reader's when it lies in the jurisdiction or above it (a county reads the city's). */
const areaVisible = (column: typeof assessmentScheme.areaCode | typeof assessmentRun.countyCode, scope: Scope): SQL =>
  scope.ancestors.length ? or(inScope(column, scope), inArray(column, scope.ancestors))! : inScope(column, scope);

export async function schemesOf(tx: Tx, areaCode: string): Promise<SchemeRow[]> {
  return tx.select().from(assessmentScheme).where(eq(assessmentScheme.areaCode, areaCode)).orderBy(asc(assessmentScheme.kind));
}

export async function schemeOf(tx: Tx, areaCode: string, kind: string): Promise<SchemeRow | undefined> {
  const [row] = await tx
    .select()
    .from(assessmentScheme)
    .where(and(eq(assessmentScheme.areaCode, areaCode), eq(assessmentScheme.kind, kind)));
  return row;
}

export async function insertScheme(tx: Tx, values: typeof assessmentScheme.$inferInsert): Promise<SchemeRow | undefined> {
  const [row] = await tx.insert(assessmentScheme).values(values).onConflictDoNothing().returning();
  return row;
}

/** Writes a scheme on the version the editor saw; nothing when someone else was first. */
export async function updateScheme(tx: Tx, id: string, version: number, set: Partial<typeof assessmentScheme.$inferInsert>) {
  const [row] = await tx
    .update(assessmentScheme)
    .set({ ...set, version: version + 1 })
    .where(and(eq(assessmentScheme.id, id), eq(assessmentScheme.version, version)))
    .returning();
  return row;
}

// ── runs ──────────────────────────────────────────────────────────────────────────────────────────────

export async function runOf(tx: Tx, countyCode: string, kind: string, period: string): Promise<RunRow | undefined> {
  const [row] = await tx
    .select()
    .from(assessmentRun)
    .where(and(eq(assessmentRun.countyCode, countyCode), eq(assessmentRun.kind, kind), eq(assessmentRun.period, period)));
  return row;
}

/** A run the reader may open (its area in or above their jurisdiction), locked when asked, for a change. */
export async function getRun(tx: Tx, scope: Scope, id: string, lock = false): Promise<RunRow | undefined> {
  const q = tx
    .select()
    .from(assessmentRun)
    .where(and(eq(assessmentRun.id, id), areaVisible(assessmentRun.countyCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function findRuns(tx: Tx, scope: Scope, f: { kind?: string; period?: string }) {
  return tx
    .select()
    .from(assessmentRun)
    .where(
      and(
        areaVisible(assessmentRun.countyCode, scope),
        f.kind ? eq(assessmentRun.kind, f.kind) : undefined,
        f.period ? eq(assessmentRun.period, f.period) : undefined,
      ),
    )
    .orderBy(desc(assessmentRun.period), asc(assessmentRun.kind), asc(assessmentRun.countyCode))
    .limit(200);
}

export async function insertRun(tx: Tx, values: typeof assessmentRun.$inferInsert): Promise<RunRow> {
  const [row] = await tx.insert(assessmentRun).values(values).returning();
  return row;
}

/** Moves a run on the version the caller saw; nothing when someone else was first. */
export async function updateRun(tx: Tx, run: RunRow, version: number, set: Partial<typeof assessmentRun.$inferInsert>) {
  const [row] = await tx
    .update(assessmentRun)
    .set({ ...set, version: version + 1 })
    .where(and(eq(assessmentRun.countyCode, run.countyCode), eq(assessmentRun.id, run.id), eq(assessmentRun.version, version)))
    .returning();
  return row;
}

// ── results ───────────────────────────────────────────────────────────────────────────────────────────

/** Every result of a run (whatever the reader's jurisdiction: the run's own recomputation). */
export async function resultsOfRun(tx: Tx, run: Pick<RunRow, 'countyCode' | 'id'>): Promise<ResultRow[]> {
  return tx
    .select()
    .from(assessmentResult)
    .where(and(eq(assessmentResult.countyCode, run.countyCode), eq(assessmentResult.runId, run.id)));
}

/** A run's results the reader may see (the assessee inside their jurisdiction), best score first. */
export async function resultsInScope(tx: Tx, scope: Scope, run: Pick<RunRow, 'countyCode' | 'id'>): Promise<ResultRow[]> {
  return tx
    .select()
    .from(assessmentResult)
    .where(
      and(eq(assessmentResult.countyCode, run.countyCode), eq(assessmentResult.runId, run.id), inScope(assessmentResult.areaCode, scope)),
    )
    .orderBy(desc(assessmentResult.score), asc(assessmentResult.assesseeName), asc(assessmentResult.assesseeCode));
}

/** One result the reader may see, with its run; locked when asked, for a change. */
export async function getResult(tx: Tx, scope: Scope, id: string, lock = false) {
  const q = tx
    .select({ result: assessmentResult, run: assessmentRun })
    .from(assessmentResult)
    .innerJoin(assessmentRun, and(eq(assessmentRun.countyCode, assessmentResult.countyCode), eq(assessmentRun.id, assessmentResult.runId)))
    .where(and(eq(assessmentResult.id, id), inScope(assessmentResult.areaCode, scope)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/** Writes a run's results (each assessee once; the ids and entries of those already there kept) and drops those no longer assessed. */
export async function writeResults(tx: Tx, run: Pick<RunRow, 'countyCode' | 'id'>, rows: (typeof assessmentResult.$inferInsert)[]) {
  const codes = rows.map((r) => r.assesseeCode);
  await tx
    .delete(assessmentResult)
    .where(
      and(
        eq(assessmentResult.countyCode, run.countyCode),
        eq(assessmentResult.runId, run.id),
        codes.length ? notInArray(assessmentResult.assesseeCode, codes) : undefined,
      ),
    );
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insert(assessmentResult)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [assessmentResult.countyCode, assessmentResult.runId, assessmentResult.assesseeCode],
        set: {
          assesseeName: sql`excluded.assessee_name`,
          areaCode: sql`excluded.area_code`,
          gridCodes: sql`excluded.grid_codes`,
          items: sql`excluded.items`,
          computedScore: sql`excluded.computed_score`,
          score: sql`excluded.score`,
          band: sql`excluded.band`,
          version: sql`${assessmentResult.version} + 1`,
        },
      });
  }
}

/** Changes one result on the version the caller saw; nothing when someone else was first. */
export async function updateResult(tx: Tx, row: ResultRow, version: number, set: Partial<typeof assessmentResult.$inferInsert>) {
  const [saved] = await tx
    .update(assessmentResult)
    .set({ ...set, version: version + 1 })
    .where(and(eq(assessmentResult.countyCode, row.countyCode), eq(assessmentResult.id, row.id), eq(assessmentResult.version, version)))
    .returning();
  return saved;
}

/** Published monthly results of one kind in some months whose assessee lies under a prefix and in the scope: what rankings read. */
export async function publishedScores(tx: Tx, scope: Scope, q: { kind: string; months: string[]; prefix: string }) {
  return tx
    .select({
      resultId: assessmentResult.id,
      code: assessmentResult.assesseeCode,
      name: assessmentResult.assesseeName,
      areaCode: assessmentResult.areaCode,
      score: assessmentResult.score,
      month: assessmentRun.period,
      runArea: assessmentRun.countyCode,
      scheme: assessmentRun.scheme,
    })
    .from(assessmentResult)
    .innerJoin(assessmentRun, and(eq(assessmentRun.countyCode, assessmentResult.countyCode), eq(assessmentRun.id, assessmentResult.runId)))
    .where(
      and(
        eq(assessmentRun.kind, q.kind),
        eq(assessmentRun.status, 'published'),
        inArray(assessmentRun.period, q.months),
        sql`${assessmentResult.areaCode} like ${`${q.prefix}%`}`,
        inScope(assessmentResult.areaCode, scope),
      ),
    );
}

/** The grid workers of a county with their band (stars) in the published month of its scheme or its city's. */
export async function publishedStarsOf(tx: Tx, q: { countyCode: string; period: string }) {
  return tx
    .select({
      resultId: assessmentResult.id,
      workerId: assessmentResult.assesseeCode,
      name: assessmentResult.assesseeName,
      band: assessmentResult.band,
      score: assessmentResult.score,
      runArea: assessmentRun.countyCode,
    })
    .from(assessmentResult)
    .innerJoin(assessmentRun, and(eq(assessmentRun.countyCode, assessmentResult.countyCode), eq(assessmentRun.id, assessmentResult.runId)))
    .where(
      and(
        eq(assessmentRun.kind, 'grid_worker'),
        eq(assessmentRun.status, 'published'),
        eq(assessmentRun.period, q.period),
        inArray(assessmentRun.countyCode, [q.countyCode, `${q.countyCode.slice(0, 4)}00`]),
        sql`${assessmentResult.areaCode} like ${`${q.countyCode}%`}`,
      ),
    );
}
