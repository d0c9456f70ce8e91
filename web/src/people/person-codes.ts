import { COUNTRY_ROWS } from '../../../shared/countries.ts';
import { currentLang } from '../i18n/index.ts';

/**
 * Names of the codes a person record carries, copied from server/registry/code-tables.ts (GB/T 2261.1,
 * GB/T 3304, GB/T 4761, GB/T 31000, GA/T 517 and our local tables; the GB/T 2659 countries are shared with it).
 * A city may add codes there; a code missing here is shown as itself.
 */
type Names = Record<string, readonly [zh: string, en: string]>;

const SEX: Names = { '0': ['未知的性别', 'unknown'], '1': ['男', 'male'], '2': ['女', 'female'], '9': ['未说明的性别', 'not stated'] };

const RESIDENT_TYPE: Names = {
  '01': ['户籍人口', 'registered resident'],
  '02': ['流动人口', 'floating population'],
  '03': ['境外人员', 'foreigner'],
};

const RELATION: Names = {
  '02': ['户主', 'householder'],
  '10': ['配偶', 'spouse'],
  '20': ['子', 'son'],
  '30': ['女', 'daughter'],
  '40': ['孙子女或外孙子女', 'grandchild'],
  '50': ['父母', 'parent'],
  '60': ['祖父母或外祖父母', 'grandparent'],
  '70': ['兄弟姐妹', 'sibling'],
  '97': ['其他亲属', 'other relative'],
  '99': ['非亲属', 'not related'],
};

const INFLOW_REASON: Names = {
  '01': ['务工', 'work'],
  '02': ['务农', 'farming'],
  '03': ['经商', 'business'],
  '04': ['学习培训', 'study'],
  '05': ['婚嫁', 'marriage'],
  '06': ['随迁', 'accompanying family'],
  '07': ['治病疗养', 'medical care'],
  '08': ['投亲靠友', 'joining relatives'],
  '09': ['工作调动', 'job transfer'],
  '99': ['其他', 'other'],
};

/** GA/T 517 documents the person template knows. */
const ID_TYPE: Names = {
  '111': ['居民身份证', 'resident ID card'],
  '411': ['外交护照', 'diplomatic passport'],
  '412': ['公务护照', 'service passport'],
  '414': ['普通护照', 'passport'],
  '511': ['台湾居民来往大陆通行证', 'Taiwan residents’ mainland travel permit'],
  '516': ['港澳居民来往内地通行证', 'Hong Kong and Macao residents’ mainland travel permit'],
  '553': ['外国人永久居留身份证', 'foreign permanent resident ID card'],
  '990': ['其他', 'other'],
};

const PERMIT_TYPE: Names = {
  '01': ['居住证', 'residence permit'],
  '02': ['暂住证', 'temporary residence permit'],
  '99': ['其他', 'other'],
};

const LEFT_BEHIND_TYPE: Names = {
  '01': ['留守老人', 'left-behind elder'],
  '02': ['留守妇女', 'left-behind woman'],
  '03': ['留守儿童', 'left-behind child'],
};

const VISIT_PURPOSE: Names = {
  '01': ['商务', 'business'],
  '02': ['就业', 'employment'],
  '03': ['学习', 'study'],
  '04': ['定居', 'settlement'],
  '05': ['探亲', 'visiting family'],
  '99': ['其他', 'other'],
};

const COUNTRY: Names = Object.fromEntries(COUNTRY_ROWS.map(([code, zh, en]) => [code, [zh, en] as const]));

const SPECIAL_GROUP: Names = {
  '01': ['刑满释放人员', 'released prisoner'],
  '02': ['社区矫正人员', 'community correction'],
  '03': ['严重精神障碍患者', 'severe mental disorder'],
  '04': ['吸毒人员', 'drug user'],
  '05': ['艾滋病危险人员', 'HIV risk'],
};

const KEY_PERSON: Names = {
  '01': ['闲散青少年', 'idle youth'],
  '02': ['有不良行为或严重不良行为青少年', 'youth with misconduct'],
  '03': ['流浪乞讨未成年人', 'homeless minor'],
  '04': ['服刑人员未成年子女', "prisoner's minor child"],
  '05': ['农村留守儿童', 'rural left-behind child'],
  '99': ['其他', 'other'],
};

const ETHNIC_ROWS = `01 汉族 Han|02 蒙古族 Mongol|03 回族 Hui|04 藏族 Zang|05 维吾尔族 Uygur|06 苗族 Miao|07 彝族 Yi|08 壮族 Zhuang|
09 布依族 Buyei|10 朝鲜族 Chosen|11 满族 Man|12 侗族 Dong|13 瑶族 Yao|14 白族 Bai|15 土家族 Tujia|16 哈尼族 Hani|17 哈萨克族 Kazak|
18 傣族 Dai|19 黎族 Li|20 傈僳族 Lisu|21 佤族 Va|22 畲族 She|23 高山族 Gaoshan|24 拉祜族 Lahu|25 水族 Sui|26 东乡族 Dongxiang|
27 纳西族 Naxi|28 景颇族 Jingpo|29 柯尔克孜族 Kirgiz|30 土族 Tu|31 达斡尔族 Daur|32 仫佬族 Mulao|33 羌族 Qiang|34 布朗族 Blang|
35 撒拉族 Salar|36 毛南族 Maonan|37 仡佬族 Gelao|38 锡伯族 Xibe|39 阿昌族 Achang|40 普米族 Pumi|41 塔吉克族 Tajik|42 怒族 Nu|
43 乌孜别克族 Uzbek|44 俄罗斯族 Russ|45 鄂温克族 Ewenki|46 德昂族 Deang|47 保安族 Bonan|48 裕固族 Yugur|49 京族 Gin|50 塔塔尔族 Tatar|
51 独龙族 Derung|52 鄂伦春族 Oroqen|53 赫哲族 Hezhen|54 门巴族 Monba|55 珞巴族 Lhoba|56 基诺族 Jino|97 其他未识别民族 unrecognised|
98 外国血统中国籍人士 naturalised`;
const ETHNICITY: Names = Object.fromEntries(
  ETHNIC_ROWS.split('|').map((row) => {
    const [code, zh, en] = row.trim().split(' ');
    return [code, [zh, en] as const];
  }),
);

export const PERSON_CODES = {
  sex: SEX,
  ethnicity: ETHNICITY,
  residentType: RESIDENT_TYPE,
  relation: RELATION,
  inflowReason: INFLOW_REASON,
  idType: ID_TYPE,
  permitType: PERMIT_TYPE,
  leftBehindType: LEFT_BEHIND_TYPE,
  visitPurpose: VISIT_PURPOSE,
  nationality: COUNTRY,
  specialGroup: SPECIAL_GROUP,
  keyPerson: KEY_PERSON,
} as const;

export type PersonCodeTable = keyof typeof PERSON_CODES;

/** A table as the options of a select, in the UI language, optionally without some codes. */
export function codeOptions(table: PersonCodeTable, without: readonly string[] = []): { value: string; label: string }[] {
  return Object.keys(PERSON_CODES[table])
    .filter((code) => !without.includes(code))
    .map((code) => ({ value: code, label: codeName(table, code) }));
}

/** The name of a code in the UI language; the code itself when the table lacks it, '' for null. */
export function codeName(table: PersonCodeTable, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const names = PERSON_CODES[table][code];
  if (!names) return code;
  return currentLang() === 'en' ? names[1] : names[0];
}
