/**
 * Generated people for the demo: households living in given houses, with valid ID numbers issued in the
 * city's own counties (or, for the floating population, in counties of other provinces), plausible ages
 * for each role in the family, names of their generation, phones, and a few tagged people. Deterministic
 * (seeded) and lazy: a generator that yields one person at a time, so half a million never sit in memory.
 * Each person has the shape of a person-template record (templates.ts), so demo data and imports meet.
 */

import type { Sex } from '../../shared/id-number.ts';
import { createRandom } from '../platform/random.ts';
import type {
  CodeOf,
  ID_TYPE,
  INFLOW_REASON,
  KEY_PERSON,
  LEFT_BEHIND_TYPE,
  PERMIT_TYPE,
  RELATION,
  RESIDENT_TYPE,
  SPECIAL_GROUP,
  VISIT_PURPOSE,
} from '../registry/index.ts';
import { makeIdNumber } from '../registry/index.ts';
import { foreignHousehold } from './synthetic-foreigners.ts';
import { givenName, mobile, surname } from './synthetic-names.ts';

type Random = () => number;

export interface HouseSlot {
  code: string;
  /** County the house is in: the home of its registered residents. */
  countyCode: string;
}

export interface SyntheticPeopleOptions {
  /** Houses to fill, in order; may itself be a lazy generator. Some stay empty. */
  houses: Iterable<HouseSlot>;
  /** County codes of the city, where locals' ID numbers were issued (the 4209xx counties for Xiaogan). */
  localCounties: readonly string[];
  /** County codes of other provinces the floating population comes from. */
  originCounties: readonly string[];
  /** YYYY-MM-DD: ages are counted to this day and no one is born after it. */
  asOf: string;
  seed?: string;
  /** Stop after this many people. */
  limit?: number;
  /** Share of the vacant houses let to people from abroad (none unless given): they hold passports, not ID numbers. */
  foreignShare?: number;
}

export interface SyntheticPerson {
  /** GA/T 517: 111 with an ID number; 414 (passport) for people from abroad. */
  idType: CodeOf<typeof ID_TYPE>;
  idNumber: string;
  name: string;
  /** GB/T 2261.1: '1' male, '2' female. */
  sex: '1' | '2';
  birthDate: string;
  /** GB/T 3304; empty for people from abroad. */
  ethnicity: string;
  phone: string | null;
  residentType: CodeOf<typeof RESIDENT_TYPE>;
  /** One household per house: its members share the house code, relations are to its householder. */
  houseCode: string;
  /** County where the person lives (the house's), which leads the people table's key. */
  countyCode: string;
  relation: CodeOf<typeof RELATION>;
  /** Where the household registration (户籍) is: the live-in county for locals, the origin for floating people; none for people from abroad. */
  hukouRegion: string | null;
  inflowReason: CodeOf<typeof INFLOW_REASON> | null;
  /** Floating adults' residence permits (居住证), some lapsed. */
  permitType: CodeOf<typeof PERMIT_TYPE> | null;
  permitExpiry: string | null;
  leftBehindType: CodeOf<typeof LEFT_BEHIND_TYPE> | null;
  nationality: string | null;
  foreignName: string | null;
  visitPurpose: CodeOf<typeof VISIT_PURPOSE> | null;
  arrivalDate: string | null;
  departureDate: string | null;
  specialGroups: CodeOf<typeof SPECIAL_GROUP>[];
  keyPersonTags: CodeOf<typeof KEY_PERSON>[];
}

interface Member {
  relation: CodeOf<typeof RELATION>;
  sex: Sex;
  age: number;
  /** Children and the householder's parents share the family name; spouses keep their own. */
  familyName: boolean;
  inflowReason?: CodeOf<typeof INFLOW_REASON>;
  leftBehind?: CodeOf<typeof LEFT_BEHIND_TYPE>;
}

/** Shares of houses: empty, let to floating people; the rest hold a registered family. */
const VACANT = 0.1;
const FLOATING = 0.16;
/** Hubei's minorities are mostly Tujia (west of the province); a sprinkling of others. */
const ETHNIC_SHARES: readonly (readonly [string, number])[] = [
  ['15', 0.007],
  ['03', 0.003],
  ['06', 0.002],
  ['11', 0.002],
  ['02', 0.001],
];
/** Per adult: special groups at rates of the order the registers report (severe mental disorder ≈ 0.4%). */
const SPECIAL_RATES: readonly (readonly [CodeOf<typeof SPECIAL_GROUP>, number])[] = [
  ['01', 0.002],
  ['02', 0.0008],
  ['03', 0.004],
  ['04', 0.001],
  ['05', 0.0002],
];
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1880, 0, 1);

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const choose = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];

function children(
  random: Random,
  motherAge: number,
  count: number,
  relationOfChild: (sex: Sex) => Member['relation'],
  extra: Partial<Member> = {},
): Member[] {
  return Array.from({ length: count }, () => {
    const sex: Sex = random() < 0.52 ? 'male' : 'female';
    // Mothers here give birth between 21 and 36.
    const age = Math.max(0, motherAge - between(random, 21, 36));
    return { relation: relationOfChild(sex), sex, age, familyName: true, ...extra };
  });
}
const childRelation = (sex: Sex) => (sex === 'male' ? '20' : '30') as Member['relation'];

/** A registered family; relations are to the householder, listed first. */
function localHousehold(random: Random): Member[] {
  const r = random();
  /** Wives are from two years older to five years younger than their husbands, and never below wifeMin. */
  const couple = (minAge: number, maxAge: number, wifeMin = 20): Member[] => {
    const husband = between(random, minAge, maxAge);
    return [
      { relation: '02', sex: 'male', age: husband, familyName: true },
      { relation: '10', sex: 'female', age: Math.max(wifeMin, husband - between(random, -2, 5)), familyName: false },
    ];
  };
  if (r < 0.32) {
    const family = couple(28, 52);
    return [...family, ...children(random, family[1].age, random() < 0.55 ? 1 : 2, childRelation)];
  }
  if (r < 0.52) {
    const family = couple(28, 45);
    const head = family[0].age;
    const parents = couple(head + 22, Math.min(head + 34, 92), head + 21).map((m) => ({
      ...m,
      relation: '50' as const,
      familyName: m.sex === 'male',
    }));
    return [...family, ...parents, ...children(random, family[1].age, random() < 0.6 ? 1 : 2, childRelation)];
  }
  if (r < 0.64) return couple(60, 85);
  if (r < 0.71) {
    const sex: Sex = random() < 0.7 ? 'female' : 'male';
    return [
      { relation: '02', sex, age: between(random, 65, 93), familyName: true, ...(random() < 0.3 ? { leftBehind: '01' as const } : {}) },
    ];
  }
  if (r < 0.79) return couple(23, 32);
  if (r < 0.87) return [{ relation: '02', sex: random() < 0.55 ? 'male' : 'female', age: between(random, 20, 60), familyName: true }];
  // Grandparents with grandchildren (under 15) whose parents work elsewhere: left-behind elders and children.
  const elders = couple(55, 75).map((m) => ({ ...m, leftBehind: '01' as const }));
  const grandchildren = Array.from(
    { length: random() < 0.6 ? 1 : 2 },
    (): Member => ({
      relation: '40',
      sex: random() < 0.52 ? 'male' : 'female',
      age: between(random, 1, 14),
      familyName: true,
      leftBehind: '03',
    }),
  );
  return [...elders, ...grandchildren];
}

/** Floating people renting: a few workers sharing a flat, or a young family that moved in together. */
function floatingHousehold(random: Random): Member[] {
  if (random() < 0.55) {
    const sex: Sex = random() < 0.6 ? 'male' : 'female';
    return Array.from({ length: between(random, 1, 4) }, (_, i) => ({
      relation: i === 0 ? '02' : '99',
      sex,
      age: between(random, 18, 48),
      familyName: false,
      inflowReason: choose(random, ['01', '01', '01', '03', '04', '09'] as const),
    }));
  }
  const husband = between(random, 24, 42);
  const reason = random() < 0.75 ? '01' : '03';
  return [
    { relation: '02', sex: 'male', age: husband, familyName: true, inflowReason: reason },
    {
      relation: '10',
      sex: 'female',
      age: Math.max(20, husband - between(random, -2, 4)),
      familyName: false,
      inflowReason: random() < 0.5 ? reason : '05',
    },
    ...children(random, husband - 2, between(random, 0, 2), childRelation, { inflowReason: '06' }),
  ];
}

function birthDateFor(random: Random, asOf: string, age: number): string {
  const [y, m, d] = asOf.split('-').map(Number);
  return new Date(Date.UTC(y - age, m - 1, d) - Math.floor(random() * 365) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Sequence numbers already given per county, birth date and sex, so that ID numbers never repeat. Keyed by a
 * number, not a string: the map grows with distinct birthdays (at most counties × days), not with people.
 */
function createIdAllocator() {
  const regions = new Map<string, number>();
  const used = new Map<number, number>();
  return (region: string, birthDate: string, sex: Sex): string => {
    let regionIndex = regions.get(region);
    if (regionIndex === undefined) {
      regionIndex = regions.size;
      regions.set(region, regionIndex);
    }
    for (let date = birthDate; ; date = new Date(Date.parse(date) - DAY_MS).toISOString().slice(0, 10)) {
      const key = (regionIndex * 65_536 + (Date.parse(date) - EPOCH) / DAY_MS) * 2 + (sex === 'male' ? 1 : 0);
      const sequence = used.get(key) ?? 0;
      // 499 numbers per sex and day; a full day moves the birthday back one day.
      if (sequence > 498) continue;
      used.set(key, sequence + 1);
      return makeIdNumber(region, date, sequence, sex);
    }
  };
}

/** A floating adult's permit: most hold a residence permit (居住证), which lapses a year after its last renewal. */
function permitFor(random: Random, asOf: string): Pick<SyntheticPerson, 'permitType' | 'permitExpiry'> {
  if (random() >= 0.65) return { permitType: null, permitExpiry: null };
  return {
    permitType: '01',
    permitExpiry: new Date(Date.parse(asOf) + (Math.floor(random() * 425) - 60) * DAY_MS).toISOString().slice(0, 10),
  };
}

const NOT_FROM_ABROAD = {
  idType: '111',
  nationality: null,
  foreignName: null,
  visitPurpose: null,
  arrivalDate: null,
  departureDate: null,
} as const;

export function* syntheticPeople(options: SyntheticPeopleOptions): Generator<SyntheticPerson> {
  const { asOf, localCounties, originCounties, limit = Infinity, foreignShare = 0 } = options;
  const seed = options.seed ?? 'synthetic-people';
  const random = createRandom(seed);
  // Permits and people from abroad draw from sources of their own, so everyone else is generated as before.
  const permits = createRandom(`${seed}/permits`);
  const abroad = createRandom(`${seed}/abroad`);
  const makeId = createIdAllocator();
  let count = 0;
  for (const house of options.houses) {
    const roll = random();
    if (roll < VACANT) {
      if (foreignShare > 0 && abroad() < foreignShare) {
        for (const f of foreignHousehold(abroad, asOf)) {
          yield {
            ...f,
            idType: '414',
            ethnicity: '',
            residentType: '03',
            houseCode: house.code,
            countyCode: house.countyCode,
            hukouRegion: null,
            inflowReason: null,
            permitType: null,
            permitExpiry: null,
            leftBehindType: null,
            specialGroups: [],
            keyPersonTags: [],
          };
          if (++count >= limit) return;
        }
      }
      continue;
    }
    const floating = roll < VACANT + FLOATING;
    const members = floating ? floatingHousehold(random) : localHousehold(random);
    const origin = floating ? choose(random, originCounties) : house.countyCode;
    const familyName = surname(random);
    const ethnicity = ethnicityFor(random);
    for (const m of members) {
      const birthDate = birthDateFor(random, asOf, m.age);
      // Most locals were born in their county; some married or moved in from elsewhere in the city.
      const region = floating || random() < 0.8 ? origin : choose(random, localCounties);
      const adult = m.age >= 18;
      yield {
        ...NOT_FROM_ABROAD,
        idNumber: makeId(region, birthDate, m.sex),
        name: (m.familyName ? familyName : surname(random)) + givenName(m.sex, Number(birthDate.slice(0, 4)), random),
        sex: m.sex === 'male' ? '1' : '2',
        birthDate,
        ethnicity: m.familyName || random() < 0.8 ? ethnicity : ethnicityFor(random),
        phone: m.age >= 14 && random() < (m.age >= 80 ? 0.5 : 0.93) ? mobile(random) : null,
        residentType: floating ? '02' : '01',
        houseCode: house.code,
        countyCode: house.countyCode,
        relation: m.relation,
        hukouRegion: floating ? origin : house.countyCode,
        inflowReason: floating ? (m.inflowReason ?? '01') : null,
        ...(floating && adult ? permitFor(permits, asOf) : { permitType: null, permitExpiry: null }),
        leftBehindType: m.leftBehind ?? null,
        specialGroups: adult ? SPECIAL_RATES.filter(([, rate]) => random() < rate).map(([code]) => code) : [],
        keyPersonTags: keyPersonTags(random, m),
      };
      if (++count >= limit) return;
    }
  }
}

function ethnicityFor(random: Random): string {
  let r = random();
  for (const [code, share] of ETHNIC_SHARES) {
    r -= share;
    if (r < 0) return code;
  }
  return '01';
}

/** Key youth (GB/T 31000 5.41): idle youths and youths with misconduct are rare; a third of left-behind children are followed up. */
function keyPersonTags(random: Random, m: Member): CodeOf<typeof KEY_PERSON>[] {
  if (m.leftBehind === '03') return random() < 0.33 ? ['05'] : [];
  if (m.age >= 16 && m.age <= 25 && random() < 0.005) return ['01'];
  if (m.age >= 12 && m.age <= 18 && random() < 0.003) return ['02'];
  return [];
}
