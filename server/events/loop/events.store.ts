import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows, type Tx } from '../../platform/db.ts';
import {
  createShapedStatements,
  partValues,
  placeIn,
  rowsPlaced,
  rowsShape,
  rowsValues,
  type ShapedPart,
} from '../../platform/prepared.ts';
import { inScope, type Scope } from '../../platform/scope.ts';
import { caseSerial, eventReporter } from '../intake/intake.tables.ts';
import { event, eventAction } from './events.tables.ts';

export type EventRow = typeof event.$inferSelect;
export type EventInsert = typeof event.$inferInsert;
/** An action as the loop reads it; the writing transaction's id (txid) is the province exchange's, not the loop's. */
export type ActionRow = Omit<typeof eventAction.$inferSelect, 'txid'>;

export async function findByIdempotencyKey(tx: Tx, countyCode: string, reporterId: string, key: string) {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.countyCode, countyCode), eq(event.reporterId, reporterId), eq(event.idempotencyKey, key)))
  )[0];
}

export async function insertEvent(tx: Tx, row: EventInsert): Promise<EventRow> {
  return (await tx.insert(event).values(row).returning())[0];
}

/**
 * A new case and its first action row in one statement (data-modifying CTEs): atomic like a transaction, one
 * round trip instead of four (begin, two inserts, commit), and nothing locked beyond the new rows. The case's
 * id is chosen by the caller so the action row can name it. A citizen's device, when sent, is recorded as the
 * case's first reporter in the same statement, and so is what the hooks write for a new case (`writes`: the
 * figures' roll-ups, the webhooks' outbox), which commits with it or not at all.
 *
 * The statement is built once per shape (the columns given, a device or not, the hooks' parts) and prepared
 * (decision 0035): a report fills in its values only. `reports` is the service's own set of statements.
 */
export function insertReport(
  db: Db,
  reports: ReportStatements,
  row: EventInsert & { id: string },
  first: typeof eventAction.$inferInsert,
  reporterKey: string | null,
  writes: ShapedPart[] = [],
): Promise<EventRow> {
  const reporter = reporterKey ? { countyCode: row.countyCode, eventId: row.id, reporterKey, at: row.reportedAt } : null;
  const parts = [
    { prefix: 'e.', part: { values: rowsValues([row]) } },
    { prefix: 'a.', part: { values: rowsValues([first]) } },
    ...(reporter ? [{ prefix: 'r.', part: { values: rowsValues([reporter]) } }] : []),
    ...writes.map((part, i) => ({ prefix: `w${i}.`, part })),
  ];
  const shape = [rowsShape([row]), rowsShape([first]), reporter ? 'reporter' : '', ...writes.map((w) => w.shape)].join('|');
  const build = () => {
    const ctes = [
      db.$with('first_action', {}).as(
        db
          .insert(eventAction)
          .values(rowsPlaced([first], placeIn('a.')))
          .getSQL(),
      ),
    ];
    if (reporter)
      ctes.push(
        db.$with('first_reporter' as 'first_action', {}).as(
          db
            .insert(eventReporter)
            .values(rowsPlaced([reporter], placeIn('r.')))
            .getSQL(),
        ),
      );
    for (const [i, write] of writes.entries())
      ctes.push(db.$with(`filed_write_${i}` as 'first_action', {}).as(write.build(placeIn(`w${i}.`))));
    return db
      .with(...ctes)
      .insert(event)
      .values(rowsPlaced([row], placeIn('e.')))
      .returning();
  };
  return reports(shape, build, partValues(parts)).then((rows) => rows[0]);
}

/** The prepared report statements of one service, by shape. */
export type ReportStatements = ReturnType<typeof createShapedStatements<EventRow[]>>;
export const createReportStatements = (): ReportStatements => createShapedStatements<EventRow[]>('gezhi_report');

export async function getEvent(tx: Tx, scope: Scope, id: string): Promise<EventRow | undefined> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.id, id), inScope(event.gridCode, scope)))
  )[0];
}

/** A case this user reported, wherever it is: a reporter follows their own report, also outside their area. */
export async function getOwnReport(tx: Tx, reporterId: string, id: string): Promise<EventRow | undefined> {
  return (
    await tx
      .select()
      .from(event)
      .where(and(eq(event.id, id), eq(event.reporterId, reporterId)))
  )[0];
}

/** Writes the new current row only if nobody changed it since `version` was read; false when someone did. */
export async function updateEvent(tx: Tx, row: EventRow, expectedVersion: number): Promise<boolean> {
  const { countyCode, id, ...rest } = row;
  const updated = await tx
    .update(event)
    .set({ ...rest, version: expectedVersion + 1 })
    .where(and(eq(event.countyCode, countyCode), eq(event.id, id), eq(event.version, expectedVersion)))
    .returning({ id: event.id });
  return updated.length === 1;
}

export async function insertAction(tx: Tx, row: typeof eventAction.$inferInsert): Promise<void> {
  await tx.insert(eventAction).values(row);
}

export async function actionsOf(tx: Tx, countyCode: string, eventId: string) {
  return tx
    .select()
    .from(eventAction)
    .where(and(eq(eventAction.countyCode, countyCode), eq(eventAction.eventId, eventId)))
    .orderBy(asc(eventAction.seq));
}

/** Events matching `where` (built by event-filter.ts, scope included), newest first; the id keeps pages stable. */
export async function listEvents(tx: Tx, where: SQL, page: { offset: number; limit: number }): Promise<EventRow[]> {
  return tx.select().from(event).where(where).orderBy(desc(event.reportedAt), desc(event.id)).offset(page.offset).limit(page.limit);
}

export async function countEvents(tx: Tx, where: SQL): Promise<number> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(event).where(where);
  return n;
}

/**
 * The next `count` case serials of a county for a China day, the last of them returned (decision 0014): one
 * statement on the county-day counter row, run on its own before the report's, so the row lock lasts that
 * statement and not the report. A report that fails afterwards leaves a gap; no two reports ever get the same number.
 *
 * The statement commits without waiting for its WAL to reach disk (`synchronous_commit` off for this one
 * transaction): otherwise each increment would hold the row until its own flush and the county's reports
 * would queue on the disk one by one. Nothing is lost that matters: a case that uses the number commits
 * later, and its flush carries the counter's earlier WAL with it; a crash can only forget numbers no
 * committed case holds.
 */
export async function takeCaseSerials(db: Tx, countyCode: string, day: string, count: number): Promise<number> {
  const rows = await queryRows<{ last: number }>(
    db,
    sql`insert into ${caseSerial} (county_code, day, last)
        select ${countyCode}, ${day}, ${count}::int from (select set_config('synchronous_commit', 'off', true)) as async_commit
        on conflict (county_code, day) do update set last = ${caseSerial}.last + ${count}::int
        returning last`,
  );
  return rows[0].last;
}
