/**
 * People from abroad (境外人员) for the demo: someone renting a flat to work, study or trade, sometimes with a spouse
 * visiting, each with a passport number in the style of their country, the name as the passport spells it and as
 * Chinese records render it, a purpose of stay (5.16) and its dates. Deterministic for a random source. The Chinese
 * renderings avoid the characters of local surnames, so a search by a surname finds locals only.
 */
import type { Sex } from '../../shared/id-number.ts';
import type { CodeOf, RELATION, VISIT_PURPOSE } from '../registry/index.ts';
import { mobile } from './synthetic-names.ts';

type Random = () => number;
type Name = readonly [latin: string, chinese: string];

interface Origin {
  /** GB/T 2659 alpha-3 */
  nationality: string;
  /** A passport number: this prefix and so many digits. */
  passport: readonly [prefix: string, digits: number];
  /** Chinese renders East Asian names family name first, others given name · family name. */
  familyFirst: boolean;
  family: readonly Name[];
  male: readonly Name[];
  female: readonly Name[];
}

const ORIGINS: readonly Origin[] = [
  {
    nationality: 'KOR',
    passport: ['M', 8],
    familyFirst: true,
    family: [
      ['PARK', '朴'],
      ['CHOI', '崔'],
      ['KANG', '姜'],
    ],
    male: [
      ['MINJUN', '敏俊'],
      ['JIHOON', '智勋'],
    ],
    female: [
      ['SEOYEON', '瑞妍'],
      ['JIWOO', '智友'],
    ],
  },
  {
    nationality: 'JPN',
    passport: ['TK', 7],
    familyFirst: true,
    family: [
      ['SATO', '佐藤'],
      ['SUZUKI', '铃木'],
      ['WATANABE', '渡边'],
    ],
    male: [
      ['SHOTA', '翔太'],
      ['KENICHI', '健一'],
    ],
    female: [
      ['MISAKI', '美咲'],
      ['YUMI', '由美'],
    ],
  },
  {
    nationality: 'VNM',
    passport: ['C', 7],
    familyFirst: true,
    family: [
      ['NGUYEN', '阮'],
      ['PHAM', '范'],
    ],
    male: [
      ['VAN AN', '文安'],
      ['DUC MINH', '德明'],
    ],
    female: [
      ['THI HOA', '氏花'],
      ['THI LAN', '氏兰'],
    ],
  },
  {
    nationality: 'PAK',
    passport: ['AB', 7],
    familyFirst: false,
    family: [
      ['KHAN', '汗'],
      ['AHMED', '艾哈迈德'],
    ],
    male: [
      ['IMRAN', '伊姆兰'],
      ['BILAL', '比拉勒'],
    ],
    female: [
      ['AYESHA', '阿伊莎'],
      ['FATIMA', '法蒂玛'],
    ],
  },
  {
    nationality: 'USA',
    passport: ['', 9],
    familyFirst: false,
    family: [
      ['SMITH', '史密斯'],
      ['MILLER', '米勒'],
    ],
    male: [
      ['JOHN', '约翰'],
      ['DAVID', '大卫'],
    ],
    female: [
      ['EMILY', '艾米丽'],
      ['SARAH', '莎拉'],
    ],
  },
  {
    nationality: 'DEU',
    passport: ['C', 8],
    familyFirst: false,
    family: [
      ['SCHMIDT', '施密特'],
      ['MUELLER', '穆勒'],
    ],
    male: [
      ['KLAUS', '克劳斯'],
      ['MICHAEL', '米夏埃尔'],
    ],
    female: [
      ['ANNA', '安娜'],
      ['JULIA', '尤利娅'],
    ],
  },
];
/** Why the first of a household came: mostly work, then study and trade (5.16: 02 就业, 03 学习, 01 商务, 04 定居). */
const PURPOSES: readonly CodeOf<typeof VISIT_PURPOSE>[] = ['02', '02', '02', '03', '03', '01', '04'];
const DAY_MS = 86_400_000;

export interface ForeignMember {
  idNumber: string;
  name: string;
  foreignName: string;
  sex: '1' | '2';
  birthDate: string;
  phone: string | null;
  relation: CodeOf<typeof RELATION>;
  nationality: string;
  visitPurpose: CodeOf<typeof VISIT_PURPOSE>;
  arrivalDate: string;
  departureDate: string;
}

const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const choose = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const daysFrom = (date: string, days: number) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);

/** One household from abroad living here on `asOf`: the householder and, a third of the time, a spouse visiting. */
export function foreignHousehold(random: Random, asOf: string): ForeignMember[] {
  const origin = choose(random, ORIGINS);
  const sex: Sex = random() < 0.65 ? 'male' : 'female';
  const arrivalDate = daysFrom(asOf, -between(random, 20, 1500));
  const departureDate = daysFrom(asOf, between(random, 30, 900));
  const member = (s: Sex, relation: ForeignMember['relation'], visitPurpose: ForeignMember['visitPurpose'], age: number): ForeignMember => {
    const [familyLatin, familyChinese] = choose(random, origin.family);
    const [givenLatin, givenChinese] = choose(random, s === 'male' ? origin.male : origin.female);
    const [prefix, digits] = origin.passport;
    return {
      idNumber: prefix + String(between(random, 10 ** (digits - 1), 10 ** digits - 1)),
      name: origin.familyFirst ? familyChinese + givenChinese : `${givenChinese}·${familyChinese}`,
      foreignName: `${familyLatin} ${givenLatin}`,
      sex: s === 'male' ? '1' : '2',
      birthDate: daysFrom(asOf, -(age * 365 + between(random, 0, 364))),
      phone: random() < 0.7 ? mobile(random) : null,
      relation,
      nationality: origin.nationality,
      visitPurpose,
      arrivalDate,
      departureDate,
    };
  };
  const age = between(random, 22, 55);
  const head = member(sex, '02', choose(random, PURPOSES), age);
  if (random() >= 1 / 3) return [head];
  return [head, member(sex === 'male' ? 'female' : 'male', '10', '05', Math.max(20, age + between(random, -5, 3)))];
}
