import { eq, inArray } from 'drizzle-orm';
import type { ProvinceDisclosure } from '../../shared/enums.ts';
import type { Tx } from '../platform/db.ts';
import { provinceReceiver } from './province.tables.ts';

/** What this key's receiver may have of sensitive fields: masked unless the security admin set it sealed. */
export async function disclosureOf(tx: Tx, clientId: string): Promise<ProvinceDisclosure> {
  const row = (await tx.select().from(provinceReceiver).where(eq(provinceReceiver.clientId, clientId)))[0];
  return (row?.disclosure as ProvinceDisclosure | undefined) ?? 'masked';
}

/** The settings made for these keys, by client id (a key without one is masked). */
export async function disclosuresOf(tx: Tx, clientIds: string[]) {
  if (clientIds.length === 0) return new Map<string, typeof provinceReceiver.$inferSelect>();
  const rows = await tx.select().from(provinceReceiver).where(inArray(provinceReceiver.clientId, clientIds));
  return new Map(rows.map((r) => [r.clientId, r]));
}

export async function setDisclosure(tx: Tx, row: typeof provinceReceiver.$inferInsert) {
  await tx
    .insert(provinceReceiver)
    .values(row)
    .onConflictDoUpdate({
      target: provinceReceiver.clientId,
      set: { disclosure: row.disclosure, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    });
}
