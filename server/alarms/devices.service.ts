/**
 * The county centre's registry of cameras and sensors whose platforms post alarms: each with its kind and the point
 * it watches, which lies in a grid of its county. Every change is audited in its transaction.
 */
import type { DeviceKind } from '../../shared/enums.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope } from '../platform/scope.ts';
import { areaNames, type TerritoryService } from '../territory/index.ts';
import * as store from './alarms.store.ts';

export interface DeviceInput {
  kind: DeviceKind;
  name: string;
  lng: number;
  lat: number;
}

export function createDevicesService({ db, clock, territory }: { db: Db; clock: Clock; territory: TerritoryService }) {
  async function view(rows: store.DeviceRow[]) {
    const counties = new Map((await areaNames(db, [...new Set(rows.map((r) => r.countyCode))])).map((c) => [c.code, c.name]));
    return rows.map((r) => ({
      county: { code: r.countyCode, name: counties.get(r.countyCode) ?? r.countyCode },
      deviceId: r.deviceId,
      kind: r.kind as DeviceKind,
      name: r.name,
      lng: r.lng,
      lat: r.lat,
      updatedAt: r.updatedAt,
    }));
  }

  /** The registered point must lie in a grid of the device's county. */
  async function mustLocateIn(countyCode: string, lng: number, lat: number) {
    const hit = await territory.locate(lng, lat);
    if (!hit) throw new AppError('event.outside_grids', [{ field: 'body.lng', reason: 'outside_all_grids' }]);
    if (hit.county.code !== countyCode)
      throw new AppError('event.outside_jurisdiction', [{ field: 'body.lng', reason: 'outside_jurisdiction', value: hit.county.name }]);
  }

  return {
    async find(actor: Actor) {
      return view(await store.listDevices(db, actor.scope));
    },

    async register(actor: Actor, input: DeviceInput & { countyCode: string; deviceId: string }) {
      const county = (await areaNames(db, [input.countyCode])).find((a) => a.level === 'county');
      if (!county || !codeInScope(county.code, actor.scope))
        throw new AppError('alarms.county_invalid', [
          { field: 'body.countyCode', reason: 'not_a_county_in_scope', value: input.countyCode },
        ]);
      await mustLocateIn(county.code, input.lng, input.lat);
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const made = await store.insertDevice(tx, {
          countyCode: county.code,
          deviceId: input.deviceId,
          kind: input.kind,
          name: input.name.trim(),
          lng: input.lng,
          lat: input.lat,
          createdAt: now,
          createdBy: actor.id,
          updatedAt: now,
        });
        if (!made) throw new AppError('alarms.device_exists', [{ field: 'body.deviceId', reason: 'taken', value: input.deviceId }]);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'alarms.device_registered',
          target: `${made.countyCode}/${made.deviceId}`,
          detail: { kind: made.kind, name: made.name, lng: made.lng, lat: made.lat },
        });
        return made;
      });
      return (await view([row]))[0];
    },

    async update(actor: Actor, key: { countyCode: string; deviceId: string }, input: DeviceInput) {
      const notFound = () =>
        new AppError('alarms.device_not_found', [{ field: 'params.deviceId', reason: 'not_found', value: key.deviceId }]);
      if (!codeInScope(key.countyCode, actor.scope)) throw notFound();
      await mustLocateIn(key.countyCode, input.lng, input.lat);
      const now = clock();
      const row = await db.transaction(async (tx) => {
        const before = await store.getDevice(tx, key.countyCode, key.deviceId);
        if (!before) throw notFound();
        const after = await store.updateDevice(tx, key, { ...input, name: input.name.trim(), updatedAt: now });
        if (!after) throw notFound();
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'alarms.device_updated',
          target: `${after.countyCode}/${after.deviceId}`,
          detail: {
            before: { kind: before.kind, name: before.name, lng: before.lng, lat: before.lat },
            after: { kind: after.kind, name: after.name, lng: after.lng, lat: after.lat },
          },
        });
        return after;
      });
      return (await view([row]))[0];
    },
  };
}

export type DevicesService = ReturnType<typeof createDevicesService>;
