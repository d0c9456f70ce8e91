/**
 * What the province exchange (server/province) reads of base data: the keys of the people, houses and organisations
 * whose history gained an entry in a range of finished transactions (record_change.txid, decision 0028), and their
 * rows as they are now. Sealed values stay sealed here; the exchange decides what a receiver may have.
 */
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db.ts';
import { organisation } from '../organisations/organisations.tables.ts';
import { house, person, recordChange, residence } from './records.tables.ts';

export const EXCHANGED_RECORDS = ['person', 'house', 'organisation'] as const;
export type ExchangedRecord = (typeof EXCHANGED_RECORDS)[number];

export interface TxidRange {
  countyCode: string;
  /** First transaction id of the range (inclusive). */
  from: number;
  /** End of the range (exclusive): every id below it has finished. */
  to: number;
}

/** The keys of one kind changed in the range, each once, in key order; a page of them by offset and limit. */
export async function recordsChanged(db: Db, kind: ExchangedRecord, range: TxidRange, page: { offset: number; limit: number }) {
  const rows = await db
    .select({ key: recordChange.recordKey })
    .from(recordChange)
    .where(
      and(
        eq(recordChange.countyCode, range.countyCode),
        eq(recordChange.recordType, kind),
        gte(recordChange.txid, range.from),
        lt(recordChange.txid, range.to),
      ),
    )
    .groupBy(recordChange.recordKey)
    .orderBy(asc(recordChange.recordKey))
    .offset(page.offset)
    .limit(page.limit);
  return rows.map((r) => r.key);
}

export type ExchangedPerson = typeof person.$inferSelect & { houseCode: string | null; houseAddress: string | null };

/** People by id, with the house they live in now (the latest residence not moved out of). */
export async function peopleForExchange(db: Db, countyCode: string, ids: string[]): Promise<ExchangedPerson[]> {
  if (ids.length === 0) return [];
  const current = db
    .selectDistinctOn([residence.personId], { personId: residence.personId, houseCode: residence.houseCode, address: house.address })
    .from(residence)
    .innerJoin(house, and(eq(house.countyCode, residence.countyCode), eq(house.code, residence.houseCode)))
    .where(and(eq(residence.countyCode, countyCode), inArray(residence.personId, ids), isNull(residence.movedOut)))
    .orderBy(residence.personId, sql`${residence.movedIn} desc`)
    .as('current');
  const rows = await db
    .select({ person, houseCode: current.houseCode, houseAddress: current.address })
    .from(person)
    .leftJoin(current, eq(current.personId, person.id))
    .where(and(eq(person.countyCode, countyCode), inArray(person.id, ids)));
  return rows.map((r) => ({ ...r.person, houseCode: r.houseCode, houseAddress: r.houseAddress }));
}

export type ExchangedHouse = typeof house.$inferSelect;
export async function housesForExchange(db: Db, countyCode: string, codes: string[]): Promise<ExchangedHouse[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(house)
    .where(and(eq(house.countyCode, countyCode), inArray(house.code, codes)));
}

export type ExchangedOrganisation = typeof organisation.$inferSelect;
export async function organisationsForExchange(db: Db, countyCode: string, codes: string[]): Promise<ExchangedOrganisation[]> {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(organisation)
    .where(and(eq(organisation.countyCode, countyCode), inArray(organisation.creditCode, codes)));
}
