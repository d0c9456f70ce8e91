import crypto from 'node:crypto';
import { countyOf } from '../../shared/codes.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../platform/db.ts';
import {
  analyzeHousesAndPeople,
  type BuildingRowInput,
  forHistory,
  groupView,
  insertAddresses,
  insertChanges,
  insertGroupMembers,
  insertGroups,
  leaderCandidates,
  writeBuildings,
} from '../registry/index.ts';
import type { GridRow } from '../territory/index.ts';

/** Six floors, two flats a floor: a walk-up block of the kind these urban communities have. */
export const DEMO_FLOORS = 6;
const FLATS_PER_FLOOR = 2;
export const HOUSES_PER_BUILDING = DEMO_FLOORS * FLATS_PER_FLOOR;
/** Ten-household groups formed in each grid, from its first houses. */
const GROUPS_PER_GRID = 2;
const GROUP_SIZE = 10;

/** 朝阳社区第1网格 → 朝阳社区1区: each grid its own estate, so no two grids' houses share an address. */
export const demoPlace = (g: GridRow) => g.name.replace(/第(\d+)网格$/, '$1区');
/** One house per household of the grid. */
export const demoHouseCount = (g: GridRow) => g.households ?? 300;

/** Where the i-th house (from 0) of a grid stands: its building, the building's code, the house's address. */
export function demoHouseSpot(g: GridRow, i: number) {
  const b = Math.floor(i / HOUSES_PER_BUILDING) + 1;
  const j = i % HOUSES_PER_BUILDING;
  const room = `${Math.floor(j / FLATS_PER_FLOOR) + 1}0${(j % FLATS_PER_FLOOR) + 1}`;
  return { buildingCode: `${g.code}-B${String(b).padStart(3, '0')}`, address: `${demoPlace(g)}${b}号楼${room}室` };
}

/**
 * One standard address and one building per block of the demo houses (already written with their building
 * codes), each building led by an elder living in it; and the first houses of each grid formed into
 * ten-household groups. Written in bulk, as a worker's first entries.
 */
export async function loadDemoBuildings(opts: { db: Db; actor: Actor; grids: GridRow[]; areaPrefix: string; now: Date }) {
  const { db, actor, now } = opts;
  await analyzeHousesAndPeople(db);
  const leaders = new Map((await leaderCandidates(db, opts.areaPrefix)).map((l) => [l.buildingCode, l]));
  const addresses: Parameters<typeof insertAddresses>[1] = [];
  const buildings: BuildingRowInput[] = [];
  const groups: Parameters<typeof insertGroups>[1] = [];
  const members: Parameters<typeof insertGroupMembers>[1] = [];
  const changes: Parameters<typeof insertChanges>[1] = [];
  const stamp = { verifiedBy: actor.id, verifiedAt: now, version: 1, updatedAt: now };

  for (const g of opts.grids) {
    const countyCode = countyOf(g.code);
    const houses = demoHouseCount(g);
    const blocks = Math.ceil(houses / HOUSES_PER_BUILDING);
    for (let b = 1; b <= blocks; b++) {
      const code = `${g.code}-B${String(b).padStart(3, '0')}`;
      // Village (12) + serial (6), the code the address service gives; the grid's serial keeps villages' grids apart.
      const addressCode = `${g.code.slice(0, 12)}${g.code.slice(12)}${String(b).padStart(3, '0')}`;
      const facts = {
        fullText: `${demoPlace(g)}${b}号楼`,
        road: null,
        doorNumber: `${b}号楼`,
        estate: demoPlace(g),
        building: `${b}号楼`,
        unit: null,
        room: null,
        gridCode: g.code,
        lng: null,
        lat: null,
      };
      addresses.push({ countyCode, code: addressCode, ...facts, ...stamp });
      changes.push({
        countyCode,
        recordType: 'address',
        recordKey: addressCode,
        at: now,
        actorId: actor.id,
        before: null,
        after: forHistory(facts),
      });
      const leader = leaders.get(code);
      buildings.push({
        countyCode,
        code,
        name: `${b}号楼`,
        estate: demoPlace(g),
        addressCode,
        address: facts.fullText,
        gridCode: g.code,
        lng: null,
        lat: null,
        floors: DEMO_FLOORS,
        units: 1,
        households: Math.min(HOUSES_PER_BUILDING, houses - (b - 1) * HOUSES_PER_BUILDING),
        leaderName: leader?.name ?? null,
        leaderPhoneEnc: leader?.phoneEnc ?? null,
        leaderPhoneHash: leader?.phoneHash ?? null,
        leaderPhoneMasked: leader?.phoneMasked ?? null,
        leaderPersonId: leader?.id ?? null,
        ...stamp,
      });
    }
    for (let n = 0; n < GROUPS_PER_GRID && (n + 1) * GROUP_SIZE <= houses; n++) {
      const houseCodes = Array.from({ length: GROUP_SIZE }, (_, i) => `${g.code}-${String(n * GROUP_SIZE + i + 1).padStart(4, '0')}`);
      const facts = { name: `${demoPlace(g)}十户联防第${n + 1}组`, gridCode: g.code, leadHouseCode: houseCodes[0], houseCodes };
      const id = crypto.randomUUID();
      groups.push({ countyCode, id, name: facts.name, gridCode: g.code, leadHouseCode: facts.leadHouseCode, ...stamp });
      members.push(...houseCodes.map((houseCode) => ({ countyCode, groupId: id, houseCode })));
      changes.push({
        countyCode,
        recordType: 'household_group',
        recordKey: id,
        at: now,
        actorId: actor.id,
        before: null,
        after: groupView(facts),
      });
    }
  }
  await db.transaction(async (tx) => {
    // A whole county has ~12,000 addresses: insert them in slices under PostgreSQL's 65,535 parameters a statement.
    for (let i = 0; i < addresses.length; i += 2000) await insertAddresses(tx, addresses.slice(i, i + 2000));
    await writeBuildings(
      tx,
      buildings.map((row) => ({ row })),
      actor.id,
      now,
    );
    await insertGroups(tx, groups);
    for (let i = 0; i < members.length; i += 10_000) await insertGroupMembers(tx, members.slice(i, i + 10_000));
    await insertChanges(tx, changes);
  });
  return { buildings: buildings.length, groups: groups.length };
}
