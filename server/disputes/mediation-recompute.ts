/**
 * Mediations' deadlines when an administrator enters a year's holidays (or enters it again, or drops it): a tier's
 * limit counted across that year on the old calendar is counted again on the new one from when the tier took it, in
 * the transaction that changes the year, as the loop moves its cases' deadlines. Until then a due time in a year the
 * calendar does not cover is provisional (the reply's `provisional`).
 */
import { and, eq, gte, isNotNull } from 'drizzle-orm';
import type { YearChange } from '../platform/calendar/calendar.service.ts';
import { startOfChinaYear } from '../platform/calendar/calendar-coverage.core.ts';
import type { Tx } from '../platform/db.ts';
import { mediationDue } from './disputes.core.ts';
import { dispute } from './disputes.tables.ts';

/** Moves every running mediation due on or after 1 January of the changed year; each move takes the next version. */
export async function recomputeMediationDeadlines(tx: Tx, change: YearChange): Promise<number> {
  const rows = await tx
    .select({
      countyCode: dispute.countyCode,
      id: dispute.id,
      version: dispute.version,
      startedAt: dispute.mediationStartedAt,
      days: dispute.mediationDays,
      dueAt: dispute.mediationDueAt,
    })
    .from(dispute)
    .where(
      and(
        eq(dispute.status, 'mediating'),
        isNotNull(dispute.mediationStartedAt),
        gte(dispute.mediationDueAt, startOfChinaYear(change.year)),
      ),
    )
    .for('update');
  let moved = 0;
  for (const row of rows) {
    if (!row.startedAt || row.days === null || !row.dueAt) continue;
    const due = mediationDue(row.startedAt, row.days, change.after);
    if (due.getTime() === row.dueAt.getTime()) continue;
    await tx
      .update(dispute)
      .set({ mediationDueAt: due, version: row.version + 1 })
      .where(and(eq(dispute.countyCode, row.countyCode), eq(dispute.id, row.id)));
    moved++;
  }
  return moved;
}
