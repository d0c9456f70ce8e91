import { feature, featureCollection, union } from '@turf/turf';
import { countyOf } from '../../shared/codes.ts';
import type { AccessService } from '../access/index.ts';
import * as orgStore from '../org/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import { createRandom } from '../platform/random.ts';
import * as territoryStore from '../territory/index.ts';
import { type AreaGeometry, areaSquareMeters, bboxOf, generateCountyGrids, loadCityOutlines, overlapLinks } from '../territory/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoPlace } from './demo-users.ts';
import { loadCityDivisions } from './divisions.ts';
import { gridTeam } from './people.ts';

/** 孝感市 (Xiaogan), the city of the first source document; grids are generated for 云梦县, its rural pilot. */
export const DEMO_CITY = { code4: '4209', province: '湖北', outlineFile: '孝感市.js', gridCounty: '420923' };
/** Where ID numbers of the demo's locals were issued: the counties of 孝感. */
export const DEMO_LOCAL_COUNTIES = ['420902', '420921', '420922', '420923', '420981', '420982', '420984'];
/** Villages that get synthetic base data on first start (where the demo village and grid accounts work). */
export const DEMO_REGISTRY_VILLAGES = ['420923100001', '420923100002'];

const withBbox = (geometry: AreaGeometry | null) => {
  if (!geometry) return { geometry: null, minLng: null, minLat: null, maxLng: null, maxLat: null };
  const [minLng, minLat, maxLng, maxLat] = bboxOf(geometry);
  return { geometry, minLng, minLat, maxLng, maxLat };
};

export async function isLoaded(db: Db): Promise<boolean> {
  return (await territoryStore.areaNames(db, [`${DEMO_CITY.code4}00`])).length > 0;
}

/** Loads the demo city: real divisions and county outlines, generated grids, teams, departments, a police network, and one account per role. */
export async function loadDemoCity({ db, clock, access }: { db: Db; clock: Clock; access: AccessService }) {
  const div = loadCityDivisions(DEMO_CITY.code4);
  const outlines = new Map(loadCityOutlines(DEMO_CITY.province, DEMO_CITY.outlineFile).map((f) => [f.id, f.geometry as AreaGeometry]));
  const cityOutline = union(featureCollection([...outlines.values()].map((g) => feature(g))))?.geometry ?? null;
  const county = div.counties.find((c) => c.code === DEMO_CITY.gridCounty)!;
  const generated = generateCountyGrids({
    countyCode: county.code,
    outline: outlines.get(county.code)!,
    townships: div.townships.filter((t) => t.areaCode === county.code),
    villages: div.villages.filter((v) => v.code.startsWith(county.code)),
  });
  const shapeOf = new Map([...generated.townships, ...generated.villages].map((s) => [s.code, s.geometry]));
  const random = createRandom('demo-city');
  const now = clock();

  const grids = generated.grids.map((g) => {
    const urban = Number(g.code.slice(9, 12)) < 200;
    const population = urban ? 1000 + Math.floor(random() * 500) : 600 + Math.floor(random() * 900);
    return {
      countyCode: countyOf(g.code),
      code: g.code,
      villageCode: g.parentCode,
      name: g.name,
      ...(withBbox(g.geometry) as { geometry: AreaGeometry; minLng: number; minLat: number; maxLng: number; maxLat: number }),
      areaM2: areaSquareMeters(g.geometry),
      population,
      households: Math.round(population / (2.6 + random() * 0.6)),
      updatedAt: now,
    };
  });
  const policeUnits = generated.townships.map((t) => ({
    networkCode: 'police',
    code: `PCS${t.code.slice(6)}`,
    name: `${t.name}派出所辖区`,
    ...(withBbox(t.geometry) as { geometry: AreaGeometry; minLng: number; minLat: number; maxLng: number; maxLat: number }),
  }));

  await db.transaction(async (tx) => {
    await territoryStore.insertAreas(tx, [
      { code: div.city.code, level: 'city', parentCode: null, name: div.city.name, ...withBbox(cityOutline as AreaGeometry | null) },
      ...div.counties.map((c) => ({
        code: c.code,
        level: 'county',
        parentCode: div.city.code,
        name: c.name,
        ...withBbox(outlines.get(c.code) ?? null),
      })),
      ...div.townships.map((t) => ({
        code: t.code,
        level: 'township',
        parentCode: t.areaCode,
        name: t.name,
        ...withBbox(shapeOf.get(t.code) ?? null),
      })),
      ...div.villages.map((v) => ({
        code: v.code,
        level: 'village',
        parentCode: v.streetCode,
        name: v.name,
        ...withBbox(shapeOf.get(v.code) ?? null),
      })),
    ]);
    await territoryStore.upsertGrids(tx, grids);
    await territoryStore.insertMembers(
      tx,
      grids.flatMap((g) => gridTeam(g.code, random)),
    );
    await territoryStore.insertNetwork(tx, { code: 'police', name: '警务网格', kind: 'police_beat', createdAt: now });
    await territoryStore.upsertUnits(tx, policeUnits);
    await territoryStore.replaceLinks(
      tx,
      { gridCodes: [] },
      overlapLinks(grids, policeUnits).map(({ grid, unit, overlapM2 }) => ({
        countyCode: grid.countyCode,
        gridCode: grid.code,
        networkCode: 'police',
        unitCode: unit.code,
        overlapM2,
      })),
    );
    for (const d of DEPARTMENTS) await orgStore.insertDepartment(tx, { ...d, createdAt: now });
    const townGrids = grids.filter((g) => g.code.startsWith(`${DEMO_CITY.gridCounty}100`)).slice(0, 12);
    for (const g of townGrids)
      await orgStore.insertClaim(tx, { countyCode: g.countyCode, gridCode: g.code, departmentCode: 'YM-CG', claimedAt: now });
  });

  const first = grids[0].code;
  const place: Record<DemoPlace, string> = {
    city: div.city.code,
    county: county.code,
    township: first.slice(0, 9),
    village: first.slice(0, 12),
    grid: first,
  };
  for (const { at, ...u } of DEMO_ACCOUNTS) {
    // The README promises the demo's accounts sign in directly: its administrators are exempt from the second factor.
    const user = await access.createUser(null, { ...u, areaCodes: [place[at]], password: DEMO_PASSWORD }, { secondFactorExempt: true });
    if (at === 'grid') await territoryStore.linkMemberAccount(db, first, user.roles[0], user.id, user.displayName.split(' ').pop()!);
  }
  return { areas: 1 + div.counties.length + div.townships.length + div.villages.length, grids: grids.length };
}

const DEPARTMENTS = [
  { code: 'XG-ZJ', name: '孝感市住房和城乡建设局', areaCode: '420900' },
  { code: 'YM-CG', name: '云梦县城市管理执法局', areaCode: '420923' },
  { code: 'YM-GA', name: '云梦县公安局', areaCode: '420923' },
  { code: 'YM-SJ', name: '云梦县市场监督管理局', areaCode: '420923' },
];
