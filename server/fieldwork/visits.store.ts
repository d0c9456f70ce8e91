import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { houseVisit } from './visits.tables.ts';

export type VisitRow = typeof houseVisit.$inferSelect;

export async function insertVisit(tx: Tx, row: typeof houseVisit.$inferInsert): Promise<VisitRow> {
  const [saved] = await tx.insert(houseVisit).values(row).returning();
  return saved;
}

/** The visits of one house (the caller found it in scope), newest first. */
export async function visitsOfHouse(tx: Tx, countyCode: string, houseCode: string, limit: number): Promise<VisitRow[]> {
  return tx
    .select()
    .from(houseVisit)
    .where(and(eq(houseVisit.countyCode, countyCode), eq(houseVisit.houseCode, houseCode)))
    .orderBy(desc(houseVisit.at), desc(houseVisit.id))
    .limit(limit);
}
