import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Actor } from '../access/index.ts';
import * as store from './address-building.store.ts';

/** Houses as the building and ten-household screens need them: a building's houses, a house's building and group. */
export function createHousesService({ db }: { db: Db }) {
  return {
    /** Without a building, grid or text nothing is listed: a whole county of houses is no pick list. */
    async list(actor: Actor, filter: { building?: string; grid?: string; q?: string }, limit: number) {
      if (!filter.building && !filter.grid && !filter.q?.trim()) return [];
      return store.listHouses(db, actor.scope, { buildingCode: filter.building, gridCode: filter.grid, text: filter.q?.trim() || undefined }, limit);
    },

    async get(actor: Actor, code: string) {
      const h = await store.getHouse(db, actor.scope, code);
      if (!h) throw new AppError('registry.house_not_found');
      const [b] = h.buildingCode ? (await store.buildingsByCode(db, [h.buildingCode])).filter((x) => x.countyCode === h.countyCode) : [];
      const groupId = (await store.groupsOfHouses(db, h.countyCode, [h.code])).get(h.code);
      const g = groupId ? await store.getGroup(db, actor.scope, groupId) : undefined;
      return {
        code: h.code, address: h.address, gridCode: h.gridCode, use: h.use, areaM2: h.areaM2, rented: h.rented,
        ownerName: h.ownerName, ownerPhone: h.ownerPhoneMasked,
        building: b ? { code: b.code, name: b.name, address: b.address } : null,
        group: g ? { id: g.id, name: g.name, lead: g.leadHouseCode === h.code } : null,
        residents: await store.residentsOfHouse(db, h.countyCode, h.code),
        verifiedAt: h.verifiedAt?.toISOString() ?? null,
      };
    },
  };
}

export type HousesService = ReturnType<typeof createHousesService>;
