/**
 * A synthetic people file in the person import template's columns, and the houses it names: shared by the import
 * benchmark and the test that kills an import halfway.
 */
import fs from 'node:fs';
import { chinaDate } from '../../shared/china-time.ts';
import { consoleActor } from '../access/index.ts';
import { DEMO_LOCAL_COUNTIES, syntheticPeople } from '../demo/index.ts';
import type { Db } from '../platform/db.ts';
import { createFieldCrypto } from '../platform/field-crypto.ts';
import { applyHouses } from '../registry/index.ts';
import { FIXTURE } from './fixtures.ts';
import { TEST_FIELD_KEYS } from './test-secrets.ts';

export const PEOPLE_HEADER = [
  '公民身份号码',
  '姓名',
  '性别',
  '出生日期',
  '民族',
  '联系电话',
  '人员类型',
  '房屋编号',
  '与户主关系',
  '户籍地',
  '流入原因',
];
const houseCode = (i: number) => `B-${FIXTURE.grids[i % FIXTURE.grids.length]}-${i}`;

/** Writes `count` people, about 2.5 to a house, and answers how many houses they name and every 997th name and ID. */
export function writePeopleCsv(file: string, count: number): { houses: number; names: string[]; ids: string[] } {
  const houses = Math.ceil(count / 2.5);
  const slots = Array.from({ length: houses }, (_, i) => ({ code: houseCode(i), countyCode: FIXTURE.county }));
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, `${PEOPLE_HEADER.join(',')}\n`);
  const names: string[] = [];
  const ids: string[] = [];
  let n = 0;
  let chunk = '';
  for (const p of syntheticPeople({
    houses: slots,
    localCounties: DEMO_LOCAL_COUNTIES,
    originCounties: ['411723', '430124'],
    asOf: chinaDate(new Date()),
    seed: 'bench',
    limit: count,
  })) {
    chunk += `${[p.idNumber, p.name, p.sex, p.birthDate, p.ethnicity, p.phone ?? '', p.residentType, p.houseCode, p.relation, p.hukouRegion, p.inflowReason ?? ''].join(',')}\n`;
    if (n % 997 === 0) {
      names.push(p.name);
      ids.push(p.idNumber);
    }
    if (++n % 10_000 === 0) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
  return { houses, names, ids };
}

/** The houses `writePeopleCsv` names, spread over the fixture's grids (the territory must be seeded). */
export async function seedPeopleHouses(db: Db, houses: number) {
  const crypto = createFieldCrypto({ encKey: Buffer.from(TEST_FIELD_KEYS.enc, 'hex'), hashKey: Buffer.from(TEST_FIELD_KEYS.hash, 'hex') });
  const now = new Date();
  for (let i = 0; i < houses; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, houses - i) }, (_, k) => ({
      rowNumber: k + 2,
      record: {
        houseCode: houseCode(i + k),
        gridCode: FIXTURE.grids[(i + k) % FIXTURE.grids.length],
        address: `测试路${i + k}号`,
        buildingCode: null,
        use: '01',
        areaM2: null,
        ownerIdNumber: null,
        ownerName: null,
        ownerPhone: null,
        rented: false,
        rentalUse: null,
        rentalCategory: null,
        rentalLevel: null,
        hazards: [],
      },
    }));
    await db.transaction((tx) =>
      applyHouses(tx, { rows, actor: consoleActor, now, today: chinaDate(now), crypto, scopeAllows: () => true }),
    );
  }
}
