import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../../shared/id-number.ts';
import { PERSON_TEMPLATE, validateRow } from '../registry/index.ts';
import { type HouseSlot, type SyntheticPeopleOptions, type SyntheticPerson, syntheticPeople } from './synthetic-people.ts';

const AS_OF = '2025-06-30';
/** 孝感's counties: 孝南区, 孝昌县, 大悟县, 云梦县, 应城市, 安陆市, 汉川市. */
const XIAOGAN = ['420902', '420921', '420922', '420923', '420981', '420982', '420984'];
/** 信阳 浉河区, 长沙 芙蓉区, 南昌 东湖区, 合肥 瑶海区, 重庆 万州区. */
const ELSEWHERE = ['411502', '430102', '360102', '340102', '500101'];

function* houses(count = Infinity): Generator<HouseSlot> {
  for (let i = 0; i < count; i++) {
    const countyCode = XIAOGAN[i % XIAOGAN.length];
    yield { code: `${countyCode}001001-${String(i).padStart(6, '0')}`, countyCode };
  }
}
const options = (extra: Partial<SyntheticPeopleOptions> = {}): SyntheticPeopleOptions => ({
  houses: houses(),
  localCounties: XIAOGAN,
  originCounties: ELSEWHERE,
  asOf: AS_OF,
  ...extra,
});
const ageOf = (p: SyntheticPerson) =>
  Number(AS_OF.slice(0, 4)) - Number(p.birthDate.slice(0, 4)) - (p.birthDate.slice(5) > AS_OF.slice(5) ? 1 : 0);

/** The record as a person would type it into the template: codes as they are, tags joined, nothing for null. */
const asCells = (p: SyntheticPerson): Record<string, string> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.join('、') : v === null ? '' : String(v)]));

describe('syntheticPeople', () => {
  const people = [...syntheticPeople(options({ houses: houses(20_000) }))];

  it('is deterministic for a seed and different for another', () => {
    const first = [...syntheticPeople(options({ limit: 500 }))];
    expect(first).toEqual(people.slice(0, 500));
    expect([...syntheticPeople(options({ limit: 500, seed: 'other' }))]).not.toEqual(first);
  });

  it('yields lazily: an endless supply of houses is fine when the consumer stops', () => {
    let n = 0;
    for (const _ of syntheticPeople(options())) if (++n === 1000) break;
    expect(n).toBe(1000);
  });

  it('makes people the person template accepts, with unique ID numbers whose facts match the record', () => {
    const ids = new Set<string>();
    for (const p of people) {
      const result = validateRow(PERSON_TEMPLATE, asCells(p), { today: AS_OF });
      if (!result.ok) throw new Error(`${p.idNumber}: ${JSON.stringify(result.errors)}`);
      const facts = parseIdNumber(p.idNumber, AS_OF);
      expect(facts).toMatchObject({ ok: true, birthDate: p.birthDate, sex: p.sex === '1' ? 'male' : 'female' });
      ids.add(p.idNumber);
    }
    expect(ids.size).toBe(people.length);
  });

  it('fills about 2.5 people per house, families sharing a house under one householder', () => {
    const byHouse = new Map<string, SyntheticPerson[]>();
    for (const p of people) {
      if (!byHouse.has(p.houseCode)) byHouse.set(p.houseCode, []);
      byHouse.get(p.houseCode)!.push(p);
    }
    expect(people.length / 20_000).toBeGreaterThan(2);
    expect(people.length / 20_000).toBeLessThan(3.2);
    for (const members of byHouse.values()) {
      expect(members.filter((m) => m.relation === '02')).toHaveLength(1);
      expect(new Set(members.map((m) => m.residentType)).size).toBe(1);
      const head = members.find((m) => m.relation === '02')!;
      for (const m of members) {
        if (m.relation === '20' || m.relation === '30') expect(ageOf(head) - ageOf(m)).toBeGreaterThanOrEqual(18);
        if (m.relation === '50') expect(ageOf(m) - ageOf(head)).toBeGreaterThanOrEqual(18);
        // Children carry their father's family name.
        if (m.relation === '20' && head.sex === '1') expect(m.name[0]).toBe(head.name[0]);
      }
    }
  });

  it('registers locals in the city and brings floating people from other provinces', () => {
    const locals = people.filter((p) => p.residentType === '01');
    const floating = people.filter((p) => p.residentType === '02');
    expect(locals.every((p) => p.idNumber.startsWith('4209') && p.hukouRegion === p.countyCode)).toBe(true);
    expect(floating.every((p) => ELSEWHERE.includes(p.idNumber.slice(0, 6)) && p.inflowReason !== null)).toBe(true);
    expect(floating.length / people.length).toBeGreaterThan(0.08);
    expect(floating.length / people.length).toBeLessThan(0.25);
  });

  it('has plausible ages and a few tagged people', () => {
    const ages = people.map(ageOf);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(95);
    const share = (f: (p: SyntheticPerson) => boolean) => people.filter(f).length / people.length;
    expect(share((p) => ageOf(p) < 18)).toBeGreaterThan(0.1);
    expect(share((p) => ageOf(p) >= 60)).toBeGreaterThan(0.15);
    const tagged = share((p) => p.specialGroups.length + p.keyPersonTags.length > 0);
    expect(tagged).toBeGreaterThan(0.002);
    expect(tagged).toBeLessThan(0.03);
    expect(share((p) => p.leftBehindType === '03')).toBeGreaterThan(0);
    expect(people.filter((p) => p.leftBehindType !== null).every((p) => p.residentType === '01')).toBe(true);
    expect(share((p) => p.phone === null && ageOf(p) >= 18)).toBeLessThan(0.15);
  });

  it('gives most floating adults a residence permit, some lapsed, and nobody else one', () => {
    const floatingAdults = people.filter((p) => p.residentType === '02' && ageOf(p) >= 18);
    const permitted = floatingAdults.filter((p) => p.permitType === '01');
    expect(permitted.length / floatingAdults.length).toBeGreaterThan(0.5);
    expect(permitted.length / floatingAdults.length).toBeLessThan(0.8);
    expect(permitted.some((p) => p.permitExpiry! < AS_OF) && permitted.some((p) => p.permitExpiry! > AS_OF)).toBe(true);
    expect(people.filter((p) => p.permitType === null).every((p) => p.permitExpiry === null)).toBe(true);
    expect(people.filter((p) => p.residentType !== '02').every((p) => p.permitType === null)).toBe(true);
  });

  it('lets some vacant houses to people from abroad when asked, leaving everyone else as they were', () => {
    const before = [...syntheticPeople(options({ houses: houses(5_000) }))];
    const withForeigners = [...syntheticPeople(options({ houses: houses(5_000), foreignShare: 0.3 }))];
    const foreigners = withForeigners.filter((p) => p.residentType === '03');
    expect(JSON.stringify(withForeigners.filter((p) => p.residentType !== '03')) === JSON.stringify(before)).toBe(true);
    expect(foreigners.length).toBeGreaterThan(100);
    const lived = new Set(before.map((p) => p.houseCode));
    expect(new Set(foreigners.map((p) => p.idNumber)).size).toBe(foreigners.length);
    expect(new Set(foreigners.map((p) => p.houseCode)).size).toBeLessThan(foreigners.length);
    for (const p of foreigners) {
      expect(p).toMatchObject({ idType: '414', ethnicity: '', hukouRegion: null, specialGroups: [] });
      expect(p.nationality).not.toBe('CHN');
      expect(p.departureDate! > AS_OF && p.arrivalDate! <= AS_OF).toBe(true);
      expect(lived.has(p.houseCode)).toBe(false);
      const result = validateRow(PERSON_TEMPLATE, asCells(p), { today: AS_OF });
      if (!result.ok) throw new Error(`${p.idNumber}: ${JSON.stringify(result.errors)}`);
    }
  });

  it('produces half a million people without holding them', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const base = process.memoryUsage().heapUsed;
    let n = 0;
    let retained = 0;
    for (const _ of syntheticPeople(options({ limit: 500_000 }))) {
      if (++n % 100_000 === 0) {
        gc();
        retained = Math.max(retained, process.memoryUsage().heapUsed - base);
      }
      // Let the worker answer vitest now and then: a minute without (a loaded machine) fails the run with an RPC timeout.
      if (n % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    console.log(
      `500,000 synthetic people: heap retained above baseline at most ${(retained / 2 ** 20).toFixed(1)} MB (the ID sequence counters)`,
    );
    expect(n).toBe(500_000);
    // The counters grow with distinct (county, birthday, sex), not with people; the records themselves would be ~400 MB.
    expect(retained).toBeLessThan(64 * 2 ** 20);
  }, 180_000); // memory, not speed, is what this checks: a loaded machine may take a while to make them
});
