import { countyOf } from '../../shared/codes.ts';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '海燕',
  '志强',
  '红',
  '玉兰',
];

export function personName(random: () => number): string {
  const pick = <T>(xs: ArrayLike<T>) => xs[Math.floor(random() * xs.length)];
  return pick(SURNAMES) + pick(GIVEN);
}

/** A plausible mobile number (a real 3-digit carrier prefix, random rest). */
export function mobile(random: () => number): string {
  const prefixes = ['135', '136', '138', '139', '150', '151', '158', '177', '180', '186', '189'];
  return prefixes[Math.floor(random() * prefixes.length)] + String(Math.floor(random() * 1e8)).padStart(8, '0');
}

/** The "1+1+1+N" team of one grid: leader, worker, instructor, and a few assistants and party-member helpers. */
export function gridTeam(gridCode: string, random: () => number) {
  const member = (role: string, employment: string | null = null) => ({
    countyCode: countyOf(gridCode),
    gridCode,
    role,
    employment,
    name: personName(random),
    phone: mobile(random),
  });
  const rural = Number(gridCode.slice(9, 12)) >= 200;
  return [
    member('grid_leader'),
    member('grid_worker', rural && random() < 0.6 ? 'part_time' : 'full_time'),
    member('instructor'),
    ...Array.from({ length: 1 + Math.floor(random() * 3) }, () => member('assistant')),
    ...Array.from({ length: 1 + Math.floor(random() * 2) }, () => member('party_helper')),
  ];
}
