import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import { event, eventAction } from './events.tables.ts';

/** A case one staff account filed, as a patrol's summary names it. */
export interface ReportedCase {
  id: string;
  caseNo: string;
  itemCode: string;
  gridCode: string;
  status: string;
  reportedAt: Date;
  /** The reporter fixed it on the spot (即报即办) rather than sending it round the loop. */
  fixedOnSpot: boolean;
}

/**
 * The cases a staff account filed in a county within [from, to], oldest first: what a patrol links to (the cases its
 * worker reported between starting and ending it). The county leads the event's key.
 */
export async function casesReportedBy(
  tx: Tx,
  q: { countyCode: string; reporterId: string; from: Date; to: Date },
): Promise<ReportedCase[]> {
  return tx
    .select({
      id: event.id,
      caseNo: event.caseNo,
      itemCode: event.itemCode,
      gridCode: event.gridCode,
      status: event.status,
      reportedAt: event.reportedAt,
      fixedOnSpot: sql<boolean>`exists (select 1 from ${eventAction} where ${eventAction.countyCode} = ${event.countyCode}
        and ${eventAction.eventId} = ${event.id} and ${eventAction.action} = 'fix_on_spot' and ${eventAction.actorId} = ${event.reporterId})`,
    })
    .from(event)
    .where(
      and(
        eq(event.countyCode, q.countyCode),
        eq(event.reporterId, q.reporterId),
        gte(event.reportedAt, q.from),
        lte(event.reportedAt, q.to),
      ),
    )
    .orderBy(asc(event.reportedAt));
}
