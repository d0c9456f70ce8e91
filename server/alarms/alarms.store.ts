import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Tx } from '../platform/db.ts';
import { inScope, type Scope } from '../platform/scope.ts';
import { alarm, alarmDevice, alarmWindow } from './alarms.tables.ts';

export type DeviceRow = typeof alarmDevice.$inferSelect;
export type AlarmRow = typeof alarm.$inferSelect;

// ── devices ──

export async function listDevices(tx: Tx, scope: Scope): Promise<DeviceRow[]> {
  return tx
    .select()
    .from(alarmDevice)
    .where(inScope(alarmDevice.countyCode, scope))
    .orderBy(asc(alarmDevice.countyCode), asc(alarmDevice.deviceId));
}

export async function getDevice(tx: Tx, countyCode: string, deviceId: string): Promise<DeviceRow | undefined> {
  return (
    await tx
      .select()
      .from(alarmDevice)
      .where(and(eq(alarmDevice.countyCode, countyCode), eq(alarmDevice.deviceId, deviceId)))
  )[0];
}

/** Registers a device; undefined when the county has one under that id already. */
export async function insertDevice(tx: Tx, row: DeviceRow): Promise<DeviceRow | undefined> {
  return (await tx.insert(alarmDevice).values(row).onConflictDoNothing().returning())[0];
}

export async function updateDevice(
  tx: Tx,
  key: { countyCode: string; deviceId: string },
  set: Pick<DeviceRow, 'kind' | 'name' | 'lng' | 'lat' | 'updatedAt'>,
): Promise<DeviceRow | undefined> {
  return (
    await tx
      .update(alarmDevice)
      .set(set)
      .where(and(eq(alarmDevice.countyCode, key.countyCode), eq(alarmDevice.deviceId, key.deviceId)))
      .returning()
  )[0];
}

// ── windows and alarms ──

/**
 * The window this alarm belongs to, in one statement: a new one (this alarm opens it) when the device and item have
 * none or theirs closed before the alarm's time, else the open one. Concurrent first alarms meet on the primary key:
 * the second waits for the first's row and then finds it open.
 */
export async function claimWindow(
  tx: Tx,
  w: { countyCode: string; deviceId: string; itemCode: string; windowId: string; openedAt: Date; minutes: number },
): Promise<{ windowId: string; opened: boolean }> {
  const opened = await tx
    .insert(alarmWindow)
    .values({ countyCode: w.countyCode, deviceId: w.deviceId, itemCode: w.itemCode, windowId: w.windowId, openedAt: w.openedAt })
    .onConflictDoUpdate({
      target: [alarmWindow.countyCode, alarmWindow.deviceId, alarmWindow.itemCode],
      set: { windowId: sql`excluded.window_id`, openedAt: sql`excluded.opened_at` },
      setWhere: sql`${alarmWindow.openedAt} <= excluded.opened_at - make_interval(mins => ${w.minutes}::int)`,
    })
    .returning({ windowId: alarmWindow.windowId });
  if (opened.length) return { windowId: opened[0].windowId, opened: true };
  const open = await tx
    .select({ windowId: alarmWindow.windowId })
    .from(alarmWindow)
    .where(and(eq(alarmWindow.countyCode, w.countyCode), eq(alarmWindow.deviceId, w.deviceId), eq(alarmWindow.itemCode, w.itemCode)));
  return { windowId: open[0].windowId, opened: false };
}

/** Gives back a window this alarm opened when its case could not be filed, so the next alarm opens it afresh. */
export async function releaseWindow(tx: Tx, countyCode: string, windowId: string): Promise<void> {
  await tx.delete(alarmWindow).where(and(eq(alarmWindow.countyCode, countyCode), eq(alarmWindow.windowId, windowId)));
}

export async function insertAlarm(tx: Tx, row: typeof alarm.$inferInsert): Promise<AlarmRow> {
  return (await tx.insert(alarm).values(row).returning())[0];
}

/** Alarms posted in a window, the first included. */
export async function alarmsInWindow(tx: Tx, countyCode: string, windowId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(alarm)
    .where(and(eq(alarm.countyCode, countyCode), eq(alarm.windowId, windowId)));
  return row.n;
}
