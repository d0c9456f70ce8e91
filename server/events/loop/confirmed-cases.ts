import { and, asc, eq, gte, inArray, isNotNull, lt } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import { event } from './events.tables.ts';

/** A case whose outcome was verified: what a reward for it names. */
export interface ConfirmedCase {
  id: string;
  caseNo: string;
  itemCode: string;
  reporterId: string;
  leadUnit: string;
  closedAt: Date;
}

/**
 * The cases of a county closed in [from, to) whose problem a unit confirmed: reported by a staff account, dispatched,
 * handled by the unit it was sent to, and closed as real (normal or overdue, not as an error report, a special closing
 * or fixed on the spot without a unit). Read a county and month at a time by rewards (its monthly ledger); the
 * county leads the event's key.
 */
export async function confirmedCases(tx: Tx, q: { countyCode: string; from: Date; to: Date }): Promise<ConfirmedCase[]> {
  const rows = await tx
    .select({
      id: event.id,
      caseNo: event.caseNo,
      itemCode: event.itemCode,
      reporterId: event.reporterId,
      leadUnit: event.leadUnit,
      closedAt: event.closedAt,
    })
    .from(event)
    .where(
      and(
        eq(event.countyCode, q.countyCode),
        gte(event.closedAt, q.from),
        lt(event.closedAt, q.to),
        inArray(event.closingType, ['normal', 'overdue']),
        isNotNull(event.reporterId),
        isNotNull(event.leadUnit),
      ),
    )
    .orderBy(asc(event.closedAt), asc(event.caseNo));
  return rows as ConfirmedCase[];
}
