/**
 * Open cases' deadlines when an administrator enters a year's holidays (or enters it again, or drops it): the
 * deadlines counted across that year on the old calendar are moved onto the new one, each with a step in the
 * case's history, in the transaction that changes the year. Until then, a deadline in a year the calendar does
 * not cover is provisional: counted on weekends only (the reply's `provisional`, and the coverage warning).
 */
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/enums.ts';
import type { ProvisionalCounter, YearChange } from '../../platform/calendar/calendar.service.ts';
import { recomputeDeadline, startOfChinaYear } from '../../platform/calendar/calendar-coverage.core.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { event, eventAction } from './events.tables.ts';

/** The history step a recompute leaves; the case's status does not change. */
export const DEADLINE_RECOMPUTED = 'deadline_recomputed';

const same = (a: Date | null, b: Date | null) => (a ? a.getTime() : null) === (b ? b.getTime() : null);

/** A co-handler's part as stored (JSON: instants as ISO strings). */
interface StoredPart {
  unit: string;
  signedAt: string | null;
  dueAt: string;
  repliedAt: string | null;
  [other: string]: unknown;
}

/**
 * Moves every open deadline on or after 1 January of the changed year onto the new calendar. Rows are locked
 * first, and each update takes the next version, so a step racing it is refused as stale (409 event.changed)
 * rather than writing the old deadline back. `updated_at` stays: it is when the case last took a step, and it is
 * what the next recompute of the same year anchors on.
 */
export async function recomputeDeadlines(tx: Tx, change: YearChange): Promise<number> {
  const yearStart = startOfChinaYear(change.year);
  const rows = await tx
    .select({
      countyCode: event.countyCode,
      id: event.id,
      version: event.version,
      status: event.status,
      dueAt: event.dueAt,
      stageDueAt: event.stageDueAt,
      coParts: event.coParts,
      updatedAt: event.updatedAt,
    })
    .from(event)
    .where(
      and(
        inArray(event.status, [...OPEN_STATUSES]),
        or(
          gte(event.dueAt, yearStart),
          gte(event.stageDueAt, yearStart),
          sql`exists (select 1 from jsonb_array_elements(${event.coParts}) p where (p->>'dueAt')::timestamptz >= ${yearStart})`,
        ),
      ),
    )
    .for('update');
  let moved = 0;
  for (const row of rows) {
    const move = (due: Date | null) => due && recomputeDeadline(change.before, change.after, change.year, due, row.updatedAt);
    const dueAt = move(row.dueAt);
    const stageDueAt = move(row.stageDueAt);
    // A co-handler's part still open owes its own deadline; an answered part keeps the one it was answered against.
    const parts = row.coParts as StoredPart[];
    const movedParts = parts.map((p) => {
      const due = p.repliedAt ? null : move(new Date(p.dueAt));
      return due && due.getTime() !== Date.parse(p.dueAt) ? { ...p, dueAt: due.toISOString() } : p;
    });
    const partsMoved = movedParts.some((p, i) => p !== parts[i]);
    if (same(dueAt, row.dueAt) && same(stageDueAt, row.stageDueAt) && !partsMoved) continue;
    await tx
      .update(event)
      .set({ dueAt, stageDueAt, coParts: movedParts, version: row.version + 1 })
      .where(and(eq(event.countyCode, row.countyCode), eq(event.id, row.id)));
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${eventAction.seq}), 0)::int + 1` })
      .from(eventAction)
      .where(and(eq(eventAction.countyCode, row.countyCode), eq(eventAction.eventId, row.id)));
    await tx.insert(eventAction).values({
      countyCode: row.countyCode,
      eventId: row.id,
      seq: next,
      action: DEADLINE_RECOMPUTED,
      actorId: change.actor.id,
      actorName: change.actor.displayName,
      at: change.at,
      fromStatus: row.status,
      toStatus: row.status,
      note: null,
      data: {
        year: change.year,
        dueAt: { before: row.dueAt, after: dueAt },
        stageDueAt: { before: row.stageDueAt, after: stageDueAt },
        ...(partsMoved
          ? {
              coParts: movedParts
                .map((p, i) => ({ unit: p.unit, before: parts[i].dueAt, after: p.dueAt }))
                .filter((p) => p.before !== p.after),
            }
          : {}),
      },
    });
    moved++;
  }
  return moved;
}

/** Open cases with a deadline in a year outside `coveredYears` (China time): what the coverage reply counts as provisional. */
export function provisionalDeadlineCounter(db: Db): ProvisionalCounter {
  return async (coveredYears) => {
    if (coveredYears.length === 0) return 0;
    const years = sql.join(
      coveredYears.map((y) => sql`${y}`),
      sql`, `,
    );
    // China time is UTC+8 all year; 'UTC' needs no time-zone data in the database.
    const outside = (column: typeof event.dueAt) =>
      sql`(${column} is not null and extract(year from (${column} at time zone 'UTC') + interval '8 hours')::int not in (${years}))`;
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(event)
      .where(and(inArray(event.status, [...OPEN_STATUSES]), or(outside(event.dueAt), outside(event.stageDueAt))));
    return n;
  };
}

/** Whether a deadline lies in a year the calendar does not cover: it counted weekends only, and may move. */
export const isProvisional = (due: Date | null, covers: (date: Date) => boolean): boolean => due !== null && !covers(due);
