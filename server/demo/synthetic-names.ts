/**
 * Names and phone numbers for generated demo people. Surnames follow their rough national frequency
 * (with the Hubei names 熊, 涂, 喻 a little more common); given names follow the fashion of the birth
 * decade, so a 70-year-old is 秀英 and a child 梓涵, as a user would expect.
 */
import type { Sex } from '../../shared/id-number.ts';

type Random = () => number;

/** [surname, weight ≈ per mille of the population] */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71],
  ['李', 70],
  ['张', 67],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 25],
  ['赵', 20],
  ['吴', 20],
  ['周', 19],
  ['徐', 15],
  ['孙', 14],
  ['马', 13],
  ['朱', 12],
  ['胡', 14],
  ['郭', 11],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 9],
  ['郑', 8],
  ['梁', 8],
  ['谢', 7],
  ['宋', 6],
  ['唐', 6],
  ['许', 6],
  ['韩', 6],
  ['邓', 5],
  ['冯', 5],
  ['曹', 5],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 4],
  ['潘', 4],
  ['袁', 4],
  ['蔡', 4],
  ['蒋', 4],
  ['余', 5],
  ['于', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['魏', 3],
  ['苏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['卢', 3],
  ['熊', 4],
  ['汪', 3],
  ['万', 3],
  ['涂', 2],
  ['喻', 2],
  ['夏', 2],
  ['姚', 2],
  ['方', 2],
  ['金', 2],
  ['陶', 2],
];
const SURNAME_TOTAL = SURNAMES.reduce((s, [, w]) => s + w, 0);

/** Characters of given names by birth decade and sex: [born before, male, female]. */
const GIVEN: readonly (readonly [number, string, string])[] = [
  [1960, '国建德明华福贵有成志和平文春忠保军学树金', '秀兰英桂珍凤芳玉淑翠华梅琴霞荣素'],
  [1980, '伟军勇强斌刚明平辉建华林涛波东红卫志海亮', '丽红艳芳燕玲霞静敏萍娟英华梅琴慧云'],
  [2000, '伟磊涛鹏超杰浩宇强俊斌晨洋峰亮飞凯鑫帆龙', '婷静丽娜颖雪倩琳晶敏佳欣悦洁丹雯蕾璐瑶玲'],
  [9999, '子浩宇轩睿博俊梓铭泽晨逸辰航宸一诺昊然阳', '子梓欣涵萱怡诗雨悦可馨琪思妍彤一诺晴语汐'],
];

const pick = (s: string, random: Random) => s[Math.floor(random() * s.length)];

export function surname(random: Random): string {
  let r = random() * SURNAME_TOTAL;
  for (const [name, weight] of SURNAMES) {
    r -= weight;
    if (r < 0) return name;
  }
  return SURNAMES[0][0];
}

/** A given name of one character (more common among the old) or two different ones. */
export function givenName(sex: Sex, birthYear: number, random: Random): string {
  const [, male, female] = GIVEN.find(([before]) => birthYear < before)!;
  const chars = sex === 'male' ? male : female;
  const first = pick(chars, random);
  if (random() < (birthYear < 1980 ? 0.45 : 0.2)) return first;
  let second = pick(chars, random);
  while (second === first) second = pick(chars, random);
  return first + second;
}

/** Prefixes of the three carriers' mobile ranges. */
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '166',
  '177',
  '180',
  '181',
  '186',
  '187',
  '188',
  '189',
  '198',
  '199',
];

export function mobile(random: Random): string {
  return MOBILE_PREFIXES[Math.floor(random() * MOBILE_PREFIXES.length)] + String(Math.floor(random() * 1e8)).padStart(8, '0');
}
