import { chinaDate } from '../../shared/china-time.ts';
import { countyOf } from '../../shared/codes.ts';
import type { Actor } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { ImportRecord } from '../registry/index.ts';
import { applyHouses, applyPeople, type Batch } from '../registry/index.ts';
import { gridsUnder } from '../territory/index.ts';
import { demoHouseCount, demoHouseSpot, loadDemoBuildings } from './demo-buildings.ts';
import { loadDemoOrganisations } from './demo-orgs.ts';
import { type HouseSlot, syntheticPeople } from './synthetic-people.ts';

const BATCH = 1000;
/** Counties of other provinces the demo's floating population comes from (Henan, Hunan, Jiangxi, Anhui, Sichuan). */
const ORIGINS = ['411723', '430124', '360124', '341221', '511621'];
/** Share of the vacant houses let to people from abroad (境外人员): a few households with passports per village. */
const FOREIGN_SHARE = 0.02;

/**
 * Synthetic base data for the demo: one house per household of each grid under `areaPrefix`, filled with
 * families (valid ID numbers, local birthplaces, some floating population with residence permits, left-behind
 * elders and children, a few tagged people) and a few people from abroad with passports.
 */
export async function loadDemoRegistry(opts: {
  db: Db;
  clock: Clock;
  config: Config;
  actor: Actor;
  areaPrefix: string;
  localCounties: string[];
  onProgress?: (people: number) => void;
}) {
  const { db, clock, actor } = opts;
  const fieldCrypto = openFieldCrypto(opts.config);
  const grids = await gridsUnder(db, actor.scope, opts.areaPrefix);
  const now = clock();
  const batch = (rows: ImportRecord[]): Batch => ({
    rows: rows.map((record, i) => ({ rowNumber: i + 2, record })),
    actor,
    now,
    today: chinaDate(now),
    crypto: fieldCrypto,
    scopeAllows: () => true,
  });

  const houses: ImportRecord[] = grids.flatMap((g) =>
    Array.from({ length: demoHouseCount(g) }, (_, i) => ({
      houseCode: `${g.code}-${String(i + 1).padStart(4, '0')}`,
      gridCode: g.code,
      ...demoHouseSpot(g, i),
      use: '01',
      areaM2: 60 + ((i * 37) % 90),
      ownerIdNumber: null,
      ownerName: null,
      ownerPhone: null,
      rented: i % 9 === 0,
      rentalUse: i % 9 === 0 ? '02' : null,
      rentalCategory: null,
      rentalLevel: null,
      hazards: [],
    })),
  );
  for (let i = 0; i < houses.length; i += BATCH) await db.transaction((tx) => applyHouses(tx, batch(houses.slice(i, i + BATCH))));

  const slots: HouseSlot[] = houses.map((h) => ({ code: String(h.houseCode), countyCode: countyOf(String(h.gridCode)) }));
  let pending: ImportRecord[] = [];
  let count = 0;
  const flush = async () => {
    await db.transaction((tx) => applyPeople(tx, batch(pending)));
    count += pending.length;
    pending = [];
    opts.onProgress?.(count);
  };
  for (const p of syntheticPeople({
    houses: slots,
    localCounties: opts.localCounties,
    originCounties: ORIGINS,
    asOf: chinaDate(now),
    seed: opts.areaPrefix,
    foreignShare: FOREIGN_SHARE,
  })) {
    // A generated person has the person template's fields (and the county, which the house decides anyway).
    pending.push({ ...p, hukouAddress: null });
    if (pending.length >= BATCH) await flush();
  }
  if (pending.length) await flush();
  const orgs = await loadDemoOrganisations({ db, fieldCrypto, actor, grids, now });
  // After the people: each building's leader is one of its residents.
  const buildings = await loadDemoBuildings({ db, actor, grids, areaPrefix: opts.areaPrefix, now });
  return { houses: houses.length, people: count, ...orgs, ...buildings };
}
