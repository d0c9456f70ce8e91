import { and, desc, eq, gte, like, lt, max } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import { event } from '../loop/events.tables.ts';
import { supervisionOrder as order } from './oversight.tables.ts';

/**
 * The numbers of the cases reported under an area (grid-code prefix) in [from, to) that a leader or centre put under
 * a 督办 (supervision) order — open, answered or closed; a 催办 reminder is not one — the latest order first, at most
 * `limit`. Read by the briefing for its typical cases; a county's cases only (the county leads both keys).
 */
export async function supervisedCaseNos(tx: Tx, q: { prefix: string; from: Date; to: Date; limit: number }): Promise<string[]> {
  const latest = max(order.issuedAt);
  const rows = await tx
    .select({ caseNo: event.caseNo, latest })
    .from(order)
    .innerJoin(event, and(eq(event.countyCode, order.countyCode), eq(event.id, order.eventId)))
    .where(
      and(
        q.prefix.length >= 6 ? eq(order.countyCode, q.prefix.slice(0, 6)) : undefined,
        eq(order.kind, 'supervise'),
        like(event.gridCode, `${q.prefix}%`),
        gte(event.reportedAt, q.from),
        lt(event.reportedAt, q.to),
      ),
    )
    .groupBy(event.countyCode, event.caseNo)
    .orderBy(desc(latest), desc(event.caseNo))
    .limit(q.limit);
  return rows.map((r) => r.caseNo);
}
