/**
 * Alarms from video and sensor platforms (docs/integrations/alarms.md): an alarm becomes a case of the loop through its
 * channel intake (source video or sensor), once per device, item and window; every alarm is kept, linked to its case.
 * The key is an Open311-style API key issued for the alarms interface; every call that is let in is audited.
 */
import { randomUUID } from 'node:crypto';
import type { DeviceKind } from '../../shared/enums.ts';
import { ALARMS } from '../../shared/limits.ts';
import type { ChannelIntake } from '../events/index.ts';
import { type FileStore, sniffImage } from '../files/index.ts';
import type { KeyHolder } from '../open311/index.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { TerritoryService } from '../territory/index.ts';
import { alarmDescription, dedupMinutes, snapshotBytes, windowKey } from './alarms.core.ts';
import * as store from './alarms.store.ts';

export interface AlarmInput {
  deviceId: string;
  /** Used only for a device not registered: the source of its case (video when left out). */
  kind?: DeviceKind;
  itemCode: string;
  occurredAt: string;
  lng?: number;
  lat?: number;
  snapshot?: string;
  note?: string;
}

export function createAlarmsService({
  db,
  clock,
  channels,
  keyHolder,
  files,
  territory,
}: {
  db: Db;
  clock: Clock;
  channels: ChannelIntake;
  keyHolder: KeyHolder;
  files: FileStore;
  territory: TerritoryService;
}) {
  /** Checked and stored before anything else is written: a bad snapshot creates nothing. */
  async function storeSnapshot(text: string | undefined): Promise<string | undefined> {
    if (text === undefined) return undefined;
    const bytes = snapshotBytes(text);
    if (!bytes || bytes.length > ALARMS.snapshotMaxBytes || !sniffImage(bytes))
      throw new AppError('alarms.snapshot_invalid', [
        { field: 'body.snapshot', reason: bytes ? 'not_an_image_or_too_large' : 'not_base64' },
      ]);
    return files.put(bytes);
  }

  return {
    /**
     * Files the alarm as a case in the key's county, or — another alarm of the same device and item came within the
     * window — joins that one's case; either way the alarm is kept. `repeat` says which.
     */
    async receive(apiKey: string | undefined, input: AlarmInput) {
      const client = apiKey ? await keyHolder(apiKey, 'alarms') : null;
      if (!client) throw new AppError('alarms.key_invalid', [{ field: 'headers.x-api-key', reason: apiKey ? 'invalid' : 'missing' }]);
      const occurredAt = new Date(input.occurredAt);
      const now = clock();
      if (occurredAt.getTime() > now.getTime() + ALARMS.futureSkewMinutes * 60_000)
        throw new AppError('alarms.time_invalid', [{ field: 'body.occurredAt', reason: 'in_the_future', value: input.occurredAt }]);
      const device = await store.getDevice(db, client.countyCode, input.deviceId);
      const given = input.lng !== undefined && input.lat !== undefined;
      if ((input.lng === undefined) !== (input.lat === undefined))
        throw new AppError('alarms.point_incomplete', [
          { field: input.lng === undefined ? 'body.lng' : 'body.lat', reason: 'required_with_the_other' },
        ]);
      if (!given && !device)
        throw new AppError('alarms.device_unknown', [
          { field: 'body.lng', reason: 'required_for_an_unregistered_device', value: input.deviceId },
        ]);
      const lng = given ? input.lng! : device!.lng;
      const lat = given ? input.lat! : device!.lat;
      // Located before a window is claimed, so a point outside every grid leaves nothing behind.
      const hit = await territory.locate(lng, lat);
      if (!hit) throw new AppError('event.outside_grids', [{ field: 'body.lng', reason: 'outside_all_grids' }]);
      if (hit.county.code !== client.countyCode)
        throw new AppError('event.outside_jurisdiction', [{ field: 'body.lng', reason: 'outside_jurisdiction', value: hit.county.name }]);
      const snapshot = await storeSnapshot(input.snapshot);
      const kind = (device?.kind as DeviceKind | undefined) ?? input.kind ?? 'video';
      const window = await store.claimWindow(db, {
        countyCode: client.countyCode,
        deviceId: input.deviceId,
        itemCode: input.itemCode,
        windowId: randomUUID(),
        openedAt: occurredAt,
        minutes: dedupMinutes(client.countyCode),
      });
      // Every alarm of the window asks the intake under the window's key: the first files the case, the rest find it.
      const filed = await channels
        .report({
          channel: 'alarms',
          countyCode: client.countyCode,
          itemCode: input.itemCode,
          lng,
          lat,
          description: alarmDescription({ kind, deviceId: input.deviceId, deviceName: device?.name, occurredAt, note: input.note }),
          idempotencyKey: windowKey(window.windowId),
          alarm: { source: kind, photos: snapshot ? [snapshot] : [] },
        })
        .catch(async (err) => {
          if (window.opened) await store.releaseWindow(db, client.countyCode, window.windowId);
          throw err;
        });
      const row = await db.transaction(async (tx) => {
        const kept = await store.insertAlarm(tx, {
          countyCode: client.countyCode,
          clientId: client.id,
          deviceId: input.deviceId,
          itemCode: input.itemCode,
          occurredAt,
          receivedAt: now,
          lng,
          lat,
          registeredPoint: !given,
          snapshot: snapshot ?? null,
          note: input.note?.trim() || null,
          windowId: window.windowId,
          eventId: filed.id,
          repeat: !window.opened,
        });
        await recordAudit(tx, {
          at: now,
          actorId: null,
          action: 'alarms.alarm_received',
          target: filed.id,
          detail: {
            alarm: kept.id,
            device: input.deviceId,
            item: input.itemCode,
            caseNo: filed.caseNo,
            repeat: kept.repeat,
            client: client.name,
            county: client.countyCode,
          },
        });
        return kept;
      });
      return {
        alarmId: row.id,
        eventId: filed.id,
        caseNo: filed.caseNo,
        status: filed.status,
        repeat: row.repeat,
        alarmsInWindow: await store.alarmsInWindow(db, client.countyCode, window.windowId),
      };
    },
  };
}

export type AlarmsService = ReturnType<typeof createAlarmsService>;
