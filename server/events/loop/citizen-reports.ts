/**
 * A citizen's own reports, found by the keyed hash of the phone they gave (never by the number): what the public
 * pages' "my reports" lists once the phone's one-time code was verified. Only reports with a tracking code (the
 * public page and the open interfaces give one), as the list links each to its tracking page.
 */
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { PageAsked } from '../../platform/paging.ts';
import { nodeNamesOf } from '../catalogue/catalogue.store.ts';
import { formatTrackingCode } from '../intake/intake.core.ts';
import { event } from './events.tables.ts';

const mine = (phoneHash: string) => and(eq(event.reporterPhoneHash, phoneHash), isNotNull(event.trackingCode));

export interface CitizenReport {
  trackingCode: string;
  caseNo: string;
  itemName: string;
  status: string;
  reportedAt: Date;
  closedAt: Date | null;
  rating: string | null;
  canRate: boolean;
}

/** The reports made with the phone whose hash is given, newest first, a page at a time. */
export async function citizenReports(db: Tx, phoneHash: string, page: PageAsked): Promise<{ items: CitizenReport[]; total: number }> {
  const rows = await db
    .select({
      trackingCode: event.trackingCode,
      caseNo: event.caseNo,
      itemCode: event.itemCode,
      status: event.status,
      reportedAt: event.reportedAt,
      closedAt: event.closedAt,
      rating: event.rating,
    })
    .from(event)
    .where(mine(phoneHash))
    .orderBy(desc(event.reportedAt), desc(event.id))
    .offset(page.offset)
    .limit(page.limit);
  const [{ total }] = await db.select({ total: count() }).from(event).where(mine(phoneHash));
  const names = await nodeNamesOf(db, [...new Set(rows.map((r) => r.itemCode))]);
  return {
    total,
    items: rows.map((r) => ({
      trackingCode: formatTrackingCode(r.trackingCode as string),
      caseNo: r.caseNo,
      itemName: names.get(r.itemCode) ?? r.itemCode,
      status: r.status,
      reportedAt: r.reportedAt,
      closedAt: r.closedAt,
      rating: r.rating,
      canRate: r.status === 'closed',
    })),
  };
}

/** The county of the phone's latest report, the county whose SMS log carries its code; null: it made none. */
export async function countyOfReporter(db: Tx, phoneHash: string): Promise<string | null> {
  const [row] = await db
    .select({ countyCode: event.countyCode })
    .from(event)
    .where(mine(phoneHash))
    .orderBy(desc(event.reportedAt))
    .limit(1);
  return row?.countyCode ?? null;
}
