import { booleanPointInPolygon, feature, pointOnFeature } from '@turf/turf';
import { countyOf } from '../../shared/codes.ts';
import type { Actor } from '../platform/actor.ts';
import type { Db } from '../platform/db.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { createRandom } from '../platform/random.ts';
import {
  buildOrgRow,
  forHistory,
  insertChanges,
  insertFacility,
  makeCreditCode,
  nextFacilitySerial,
  writeOrganisations,
} from '../registry/index.ts';
import type { AreaGeometry, GridRow } from '../territory/index.ts';
import { mobile, personName } from './people.ts';

/** The demo county's urban-management bureau (loaded by loadDemoCity) owns and maintains the components. */
const DEMO_DEPARTMENT = 'YM-CG';

/** Per grid: [credit code prefix (GB 32100 department + category), type code, name suffix, hazards]. */
const ORGS = [
  ['91', '01', '商贸有限公司', ['02']],
  ['92', '05', '便民超市', ['07']],
  ['92', '05', '饭店', ['02', '06']],
] as const;

/** Per grid: class (GB/T 47678.5) of each component placed there. */
const FACILITY_CLASSES = ['01037', '01002', '03005', '03001'];

/**
 * A few organisations (valid credit codes, registered in the county) and components per grid, each at a
 * point inside its grid; history rows as if a worker had recorded them.
 */
export async function loadDemoOrganisations(opts: { db: Db; fieldCrypto: FieldCrypto; actor: Actor; grids: GridRow[]; now: Date }) {
  const { db, actor, now } = opts;
  const random = createRandom(`orgs:${opts.grids[0]?.code ?? ''}`);
  const placed = opts.grids.map((g) => ({
    g,
    point: pointOnFeature(feature(g.geometry as AreaGeometry)).geometry.coordinates as [number, number],
  }));
  const place = (g: GridRow) => g.name.replace(/第\d+网格$/, '');

  const orgs = placed.flatMap(({ g, point: [lng, lat] }) =>
    ORGS.map(([prefix, orgType, suffix, hazards], i) => ({
      row: buildOrgRow(
        {
          // Characters 9–16 (the organisation code body): the grid's place in the county and the row, unique there.
          creditCode: makeCreditCode(prefix, countyOf(g.code), g.code.slice(8) + String(i)),
          name: `${place(g)}${personName(random).slice(0, 1)}记${suffix}`,
          orgType,
          address: `${place(g)}${10 + i * 7}号`,
          gridCode: g.code,
          lng: i === 0 ? lng : null,
          lat: i === 0 ? lat : null,
          legalRep: personName(random),
          safetyContact: personName(random),
          safetyContactPhone: mobile(random),
          hazards: [...hazards],
        },
        g.code,
        opts.fieldCrypto,
        { actorId: actor.id, now, version: 1 },
      ),
    })),
  );
  await db.transaction((tx) => writeOrganisations(tx, orgs, actor.id, now));

  let facilities = 0;
  await db.transaction(async (tx) => {
    for (const {
      g,
      point: [lng, lat],
    } of placed) {
      for (const [i, classCode] of FACILITY_CLASSES.entries()) {
        const prefix = countyOf(g.code) + classCode;
        const code = prefix + String(await nextFacilitySerial(tx, prefix)).padStart(6, '0');
        // A few metres apart so the map shows each, unless that would leave the grid.
        const near: [number, number] = [Number((lng + i * 0.0002).toFixed(6)), lat];
        const at = booleanPointInPolygon(near, g.geometry as AreaGeometry) ? near : [lng, lat];
        const facts = {
          classCode,
          name: ['路灯', '污水井盖', '垃圾箱', '公共厕所'][i],
          gridCode: g.code,
          lng: at[0],
          lat: at[1],
          ownerDept: DEMO_DEPARTMENT,
          maintainerDept: DEMO_DEPARTMENT,
          state: random() < 0.1 ? '02' : '01',
          note: null,
        };
        await insertFacility(tx, {
          countyCode: countyOf(g.code),
          code,
          ...facts,
          verifiedBy: actor.id,
          verifiedAt: now,
          version: 1,
          updatedAt: now,
        });
        await insertChanges(tx, [
          {
            countyCode: countyOf(g.code),
            recordType: 'facility',
            recordKey: code,
            at: now,
            actorId: actor.id,
            before: null,
            after: forHistory(facts),
          },
        ]);
        facilities++;
      }
    }
  });
  return { organisations: orgs.length, facilities };
}
