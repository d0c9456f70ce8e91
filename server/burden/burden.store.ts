import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { countySetting, entryTime } from './burden.tables.ts';

export type SettingRow = typeof countySetting.$inferSelect;

export async function settingsOf(tx: Tx, countyCode: string): Promise<SettingRow[]> {
  return tx.select().from(countySetting).where(eq(countySetting.countyCode, countyCode));
}

/** Sets one setting on the version read (0: never set); false when someone changed it first. */
export async function writeSetting(
  tx: Tx,
  row: { countyCode: string; key: string; value: number | boolean; updatedBy: string; updatedAt: Date },
  version: number,
): Promise<boolean> {
  if (version === 0) {
    const inserted = await tx
      .insert(countySetting)
      .values({ ...row, version: 1 })
      .onConflictDoNothing()
      .returning({ key: countySetting.key });
    return inserted.length === 1;
  }
  const updated = await tx
    .update(countySetting)
    .set({ value: row.value, updatedBy: row.updatedBy, updatedAt: row.updatedAt, version: version + 1 })
    .where(and(eq(countySetting.countyCode, row.countyCode), eq(countySetting.key, row.key), eq(countySetting.version, version)))
    .returning({ key: countySetting.key });
  return updated.length === 1;
}

/** Keeps one entry's time; a second time for the same entry is ignored (the phone may resend). */
export async function insertEntryTime(tx: Tx, row: typeof entryTime.$inferInsert): Promise<void> {
  await tx.insert(entryTime).values(row).onConflictDoNothing();
}

/** One worker's entries submitted in [from, to), by kind: how many and the seconds they took. */
export async function entryTimesOf(tx: Tx, userId: string, from: Date, to: Date) {
  return tx
    .select({
      kind: entryTime.kind,
      entries: sql<number>`count(*)::int`,
      seconds: sql<number>`coalesce(sum(${entryTime.seconds}), 0)::int`,
    })
    .from(entryTime)
    .where(and(eq(entryTime.userId, userId), gte(entryTime.submittedAt, from), lt(entryTime.submittedAt, to)))
    .groupBy(entryTime.kind)
    .orderBy(entryTime.kind);
}
