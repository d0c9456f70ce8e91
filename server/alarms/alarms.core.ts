/** Alarms from video and sensor platforms, as the loop files them: pure. */

import { chinaMinute } from '../../shared/china-time.ts';
import type { DeviceKind } from '../../shared/enums.ts';
import { ALARMS } from '../../shared/limits.ts';

/** The de-duplication window of a county, in minutes. */
export const dedupMinutes = (countyCode: string): number => ALARMS.dedupMinutes.byCounty[countyCode] ?? ALARMS.dedupMinutes.default;

/** One window is one case: the key the loop's intake finds a repeat, a retry or a racing duplicate by. */
export const windowKey = (windowId: string) => `alarm:${windowId}`;

const KIND_NAMES: Record<DeviceKind, string> = { video: '视频告警', sensor: '感知告警' };

/** The case's description: what kind of alarm, from which device, when, and the platform's note, as a dispatcher reads them. */
export function alarmDescription(a: { kind: DeviceKind; deviceId: string; deviceName?: string; occurredAt: Date; note?: string }): string {
  return [
    `【${KIND_NAMES[a.kind]}】${a.deviceName ? `${a.deviceName}（${a.deviceId}）` : a.deviceId}`,
    `告警时间：${chinaMinute(a.occurredAt)}`,
    ...(a.note?.trim() ? [a.note.trim()] : []),
  ].join('；');
}

/** The snapshot's bytes, or null when the text is not base64 (a data: URL prefix is allowed). */
export function snapshotBytes(text: string): Buffer | null {
  const body = text.replace(/^data:image\/[a-z]+;base64,/, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length % 4 !== 0) return null;
  return Buffer.from(body, 'base64');
}
