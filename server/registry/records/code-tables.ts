/**
 * Code tables of the people, house and organisation records, from GB/T 31000-2015 §5 and the national
 * standards it cites (reference/standards.md §2). These constants are the seed: a city extends a table with
 * its own entries in the database, so rules must not treat a table as a closed enum. Tables marked
 * "local" have no national code list; their codes are ours and their entries placeholders to adjust.
 */
import { COUNTRY_ROWS } from '../../../shared/countries.ts';
import { FACILITY_CLASS_ROWS, FACILITY_MAJOR_ROWS } from '../facilities/facility-classes.ts';

export interface CodeEntry<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  readonly en?: string;
  /** Other spellings seen in spreadsheets (汉 for 汉族, a former name). */
  readonly aliases?: readonly string[];
}

export interface CodeTable<C extends string = string> {
  readonly id: string;
  /** The standard and clause the entries come from, or "local". */
  readonly source: string;
  readonly zh: string;
  readonly en: string;
  readonly entries: readonly CodeEntry<C>[];
}

export type CodeOf<T> = T extends CodeTable<infer C> ? C : never;

type Row = readonly [code: string, zh: string, en?: string];

function table<const R extends readonly Row[]>(id: string, source: string, zh: string, en: string, rows: R): CodeTable<R[number][0]> {
  return { id, source, zh, en, entries: rows.map(([code, name, english]) => ({ code, zh: name, ...(english ? { en: english } : {}) })) };
}

/** GB/T 2261.1-2003 */
export const SEX = table('sex', 'GB/T 2261.1-2003', '性别', 'Sex', [
  ['0', '未知的性别', 'unknown'],
  ['1', '男', 'male'],
  ['2', '女', 'female'],
  ['9', '未说明的性别', 'not stated'],
]);

/**
 * GB/T 3304-1991: the 56 nationalities with their romanization. 97 and 98 are not in GB/T 3304 but are used
 * by the household registration system for unrecognised groups and naturalised citizens.
 */
const ETHNIC_ROWS = [
  ['01', '汉族', 'Han'],
  ['02', '蒙古族', 'Mongol'],
  ['03', '回族', 'Hui'],
  ['04', '藏族', 'Zang'],
  ['05', '维吾尔族', 'Uygur'],
  ['06', '苗族', 'Miao'],
  ['07', '彝族', 'Yi'],
  ['08', '壮族', 'Zhuang'],
  ['09', '布依族', 'Buyei'],
  ['10', '朝鲜族', 'Chosen'],
  ['11', '满族', 'Man'],
  ['12', '侗族', 'Dong'],
  ['13', '瑶族', 'Yao'],
  ['14', '白族', 'Bai'],
  ['15', '土家族', 'Tujia'],
  ['16', '哈尼族', 'Hani'],
  ['17', '哈萨克族', 'Kazak'],
  ['18', '傣族', 'Dai'],
  ['19', '黎族', 'Li'],
  ['20', '傈僳族', 'Lisu'],
  ['21', '佤族', 'Va'],
  ['22', '畲族', 'She'],
  ['23', '高山族', 'Gaoshan'],
  ['24', '拉祜族', 'Lahu'],
  ['25', '水族', 'Sui'],
  ['26', '东乡族', 'Dongxiang'],
  ['27', '纳西族', 'Naxi'],
  ['28', '景颇族', 'Jingpo'],
  ['29', '柯尔克孜族', 'Kirgiz'],
  ['30', '土族', 'Tu'],
  ['31', '达斡尔族', 'Daur'],
  ['32', '仫佬族', 'Mulao'],
  ['33', '羌族', 'Qiang'],
  ['34', '布朗族', 'Blang'],
  ['35', '撒拉族', 'Salar'],
  ['36', '毛南族', 'Maonan'],
  ['37', '仡佬族', 'Gelao'],
  ['38', '锡伯族', 'Xibe'],
  ['39', '阿昌族', 'Achang'],
  ['40', '普米族', 'Pumi'],
  ['41', '塔吉克族', 'Tajik'],
  ['42', '怒族', 'Nu'],
  ['43', '乌孜别克族', 'Uzbek'],
  ['44', '俄罗斯族', 'Russ'],
  ['45', '鄂温克族', 'Ewenki'],
  ['46', '德昂族', 'Deang'],
  ['47', '保安族', 'Bonan'],
  ['48', '裕固族', 'Yugur'],
  ['49', '京族', 'Gin'],
  ['50', '塔塔尔族', 'Tatar'],
  ['51', '独龙族', 'Derung'],
  ['52', '鄂伦春族', 'Oroqen'],
  ['53', '赫哲族', 'Hezhen'],
  ['54', '门巴族', 'Monba'],
  ['55', '珞巴族', 'Lhoba'],
  ['56', '基诺族', 'Jino'],
  ['97', '其他未识别民族', 'unrecognised'],
  ['98', '外国血统中国籍人士', 'naturalised'],
] as const;
const ethnicity = table('ethnicity', 'GB/T 3304-1991', '民族', 'Ethnicity', ETHNIC_ROWS);
/** Forms often drop the 族 (汉, 回); 毛难族 is the name before 1986. */
export const ETHNICITY: CodeTable<CodeOf<typeof ethnicity>> = {
  ...ethnicity,
  entries: ethnicity.entries.map((e) => {
    const aliases = [...(/^(.{1,4})族$/.test(e.zh) ? [e.zh.slice(0, -1)] : []), ...(e.code === '36' ? ['毛难族'] : [])];
    return aliases.length ? { ...e, aliases } : e;
  }),
};

/** GB/T 4761-2008, first-level codes only (the second level tells elder from younger son and so on). */
export const RELATION = table('relation', 'GB/T 4761-2008', '与户主关系', 'Relation to householder', [
  ['02', '户主', 'householder'],
  ['10', '配偶', 'spouse'],
  ['20', '子', 'son'],
  ['30', '女', 'daughter'],
  ['40', '孙子女或外孙子女', 'grandchild'],
  ['50', '父母', 'parent'],
  ['60', '祖父母或外祖父母', 'grandparent'],
  ['70', '兄弟姐妹', 'sibling'],
  ['97', '其他亲属', 'other relative'],
  ['99', '非亲属', 'not related'],
]);

/** Local codes for the GB/T 31000 §4.2 modules a person is recorded in (the standard names no code). */
export const RESIDENT_TYPE = table('resident_type', 'local (GB/T 31000-2015 §4.2)', '人员类型', 'Resident type', [
  ['01', '户籍人口', 'registered resident'],
  ['02', '流动人口', 'floating population'],
  ['03', '境外人员', 'foreigner'],
]);

/** The codes of RESIDENT_TYPE by name, for the rules that tell one kind of person from another. */
export const RESIDENT = { registered: '01', floating: '02', foreigner: '03' } as const;

/** Other spellings seen in spreadsheets, added to a table's entries by code. */
function withAliases<C extends string>(t: CodeTable<C>, aliases: Partial<Record<C, readonly string[]>>): CodeTable<C> {
  return { ...t, entries: t.entries.map((e) => (aliases[e.code] ? { ...e, aliases: aliases[e.code] } : e)) };
}

/**
 * GA/T 517 常用证件代码: the document a person is recorded by. GB/T 31000 keys people by the resident ID number
 * (111); people from abroad (境外人员) by their passport or permit. Only the documents the person template knows
 * rules for are here.
 */
export const ID_TYPE = withAliases(
  table('id_type', 'GA/T 517', '证件类型', 'Document', [
    ['111', '居民身份证', 'resident ID card'],
    ['411', '外交护照', 'diplomatic passport'],
    ['412', '公务护照', 'service passport'],
    ['414', '普通护照', 'passport'],
    ['511', '台湾居民来往大陆通行证', 'Taiwan residents’ mainland travel permit'],
    ['516', '港澳居民来往内地通行证', 'Hong Kong and Macao residents’ mainland travel permit'],
    ['553', '外国人永久居留身份证', 'foreign permanent resident ID card'],
    ['990', '其他', 'other'],
  ]),
  { '111': ['身份证', '二代身份证'], '414': ['护照'], '511': ['台胞证'], '516': ['回乡证'], '553': ['外国人永久居留证', '永久居留证'] },
);

/** The number of a 111 document is a GB 11643 ID number: checked by its check digit, sex and birth date read from it. */
export const RESIDENT_ID_CARD = '111';
/** Residents of Hong Kong, Macao and Taiwan: Chinese citizens, not foreigners, who may live here as floating population. */
export const HMT_PERMITS: readonly string[] = ['511', '516'];

/** GB/T 2659 countries and regions (shared/countries.ts): a person from abroad's nationality. */
export const COUNTRY: CodeTable = {
  id: 'country',
  source: 'GB/T 2659-2000 (selection)',
  zh: '国籍（地区）',
  en: 'Nationality',
  entries: COUNTRY_ROWS.map(([code, zh, en, aliases]) => ({ code, zh, en, ...(aliases ? { aliases } : {}) })),
};
/** Nationalities of Chinese citizens (Hong Kong, Macao and Taiwan are coded as regions): never a foreigner's. */
export const CHINESE_NATIONALITIES: readonly string[] = ['CHN', 'HKG', 'MAC', 'TWN'];

export const VISIT_PURPOSE = table('visit_purpose', 'GB/T 31000-2015 5.16', '来华目的', 'Purpose of stay', [
  ['01', '商务', 'business'],
  ['02', '就业', 'employment'],
  ['03', '学习', 'study'],
  ['04', '定居', 'settlement'],
  ['05', '探亲', 'visiting family'],
  ['99', '其他', 'other'],
]);

export const HOUSEHOLD_MATCH = table('household_match', 'GB/T 31000-2015 5.10', '人户一致标识', 'Lives at registered address', [
  ['01', '一致', 'yes'],
  ['02', '不一致', 'no'],
]);

export const INFLOW_REASON = table('inflow_reason', 'GB/T 31000-2015 5.11', '流入原因', 'Reason for moving in', [
  ['01', '务工', 'work'],
  ['02', '务农', 'farming'],
  ['03', '经商', 'business'],
  ['04', '学习培训', 'study'],
  ['05', '婚嫁', 'marriage'],
  ['06', '随迁', 'accompanying family'],
  ['07', '治病疗养', 'medical care'],
  ['08', '投亲靠友', 'joining relatives'],
  ['09', '工作调动', 'job transfer'],
  ['99', '其他', 'other'],
]);

export const PERMIT_TYPE = table('permit_type', 'GB/T 31000-2015 5.12', '办证类型', 'Residence permit', [
  ['01', '居住证', 'residence permit'],
  ['02', '暂住证', 'temporary residence permit'],
  ['99', '其他', 'other'],
]);

export const RESIDENCE_TYPE = table('residence_type', 'GB/T 31000-2015 5.13', '住所类型', 'Kind of residence', [
  ['01', '自购房屋', 'own home'],
  ['02', '租赁房屋', 'rented'],
  ['03', '寄宿', 'lodging'],
  ['04', '借住', 'staying with others'],
  ['05', '单位宿舍', 'employer dormitory'],
  ['06', '临时性宿舍', 'temporary dormitory'],
  ['07', '农民工公寓', 'migrant worker apartment'],
  ['99', '其他', 'other'],
]);

export const LEFT_BEHIND_TYPE = table('left_behind_type', 'GB/T 31000-2015 5.15', '留守人员类型', 'Left-behind', [
  ['01', '留守老人', 'left-behind elder'],
  ['02', '留守妇女', 'left-behind woman'],
  ['03', '留守儿童', 'left-behind child'],
]);

/**
 * The special groups of GB/T 31000 §4.3, one per table 17–21 (local codes). The most sensitive data in the
 * system: masked everywhere, unmasked only with permission and an audit row (DESIGN invariant 3).
 */
export const SPECIAL_GROUP = table('special_group', 'local (GB/T 31000-2015 §4.3)', '特殊人群', 'Special group', [
  ['01', '刑满释放人员', 'released prisoner'],
  ['02', '社区矫正人员', 'community correction'],
  ['03', '严重精神障碍患者', 'severe mental disorder'],
  ['04', '吸毒人员', 'drug user'],
  ['05', '艾滋病危险人员', 'HIV risk'],
]);

/** Key persons: the key-youth types of GB/T 31000 §4.4 (5.41). Cities add their own key-person kinds. */
export const KEY_PERSON = table('key_person', 'GB/T 31000-2015 5.41', '重点人员', 'Key person', [
  ['01', '闲散青少年', 'idle youth'],
  ['02', '有不良行为或严重不良行为青少年', 'youth with misconduct'],
  ['03', '流浪乞讨未成年人', 'homeless minor'],
  ['04', '服刑人员未成年子女', "prisoner's minor child"],
  ['05', '农村留守儿童', 'rural left-behind child'],
  ['99', '其他', 'other'],
]);

export const HOUSE_USE = table('house_use', 'GB/T 31000-2015 5.17', '房屋用途', 'House use', [
  ['01', '住宅', 'residential'],
  ['02', '商业', 'commercial'],
  ['03', '办公', 'office'],
  ['04', '工业', 'industrial'],
  ['05', '仓储', 'storage'],
  ['06', '商住混用', 'mixed commercial and residential'],
  ['99', '其他', 'other'],
]);

export const RENTAL_USE = table('rental_use', 'GB/T 31000-2015 5.18', '出租用途', 'Rented as', [
  ['01', '宿舍', 'dormitory'],
  ['02', '住房', 'home'],
  ['03', '商铺', 'shop'],
  ['04', '办公', 'office'],
  ['05', '仓库', 'warehouse'],
  ['06', '厂房', 'workshop'],
  ['99', '其他', 'other'],
]);

/** Rental housing graded by category and level (seed 003, Shenzhen Dapeng): no published code list, local. */
export const RENTAL_CATEGORY = table('rental_category', 'local (seed 003)', '出租屋类别', 'Rental category', [
  ['01', '城中村出租屋', 'urban-village rental'],
  ['02', '商品房出租屋', 'commercial-housing rental'],
  ['03', '工业区宿舍', 'industrial-park dormitory'],
  ['04', '商住混用出租屋', 'mixed-use rental'],
  ['99', '其他', 'other'],
]);

export const RENTAL_LEVEL = table('rental_level', 'local (seed 003)', '出租屋等级', 'Rental level', [
  ['A', '放心类', 'low risk'],
  ['B', '关注类', 'watch'],
  ['C', '严管类', 'strict supervision'],
]);

export const HOUSE_HAZARD = table('house_hazard', 'GB/T 31000-2015 5.19', '隐患类型', 'Hazard', [
  ['00', '无', 'none'],
  ['01', '火灾', 'fire'],
  ['02', '治安', 'public order'],
  ['03', '矛盾纠纷', 'dispute'],
  ['04', '危化物品', 'hazardous chemicals'],
  ['05', '疾病传染', 'infectious disease'],
  ['99', '其他', 'other'],
]);

export const ENTERPRISE_TYPE = table('enterprise_type', 'GB/T 31000-2015 5.44', '企业类别', 'Enterprise type', [
  ['01', '内资企业', 'domestic enterprise'],
  ['02', '外资企业', 'foreign-invested enterprise'],
  ['03', '个体工商户', 'individual business'],
  ['04', '农民专业合作社', "farmers' cooperative"],
  ['99', '其他', 'other'],
]);

export const SOCIAL_ORG_TYPE = table('social_org_type', 'GB/T 31000-2015 5.47', '社会组织类型', 'Social organisation type', [
  ['01', '社会团体', 'association'],
  ['02', '民办非企业单位', 'private non-enterprise unit'],
  ['03', '基金会', 'foundation'],
  ['99', '其他', 'other'],
]);

/**
 * What kind of body an organisation is, after the registration authorities and entity categories of GB 32100
 * (standards.md §4): local codes, since GB/T 31000 only subdivides enterprises (5.44) and social organisations (5.47).
 */
export const ORG_TYPE = table('org_type', 'local (GB 32100-2015 registration categories)', '单位类型', 'Organisation type', [
  ['01', '企业', 'enterprise'],
  ['02', '机关', 'government organ'],
  ['03', '事业单位', 'public institution'],
  ['04', '社会组织', 'social organisation'],
  ['05', '个体工商户', 'individual business'],
  ['06', '农民专业合作社', "farmers' cooperative"],
  ['99', '其他', 'other'],
]);

/** GB/T 31000 5.45 plus the hazards grid work screens for most (05–07, local): chemicals, gas, crowds. */
export const ORG_HAZARD = table('org_hazard', 'GB/T 31000-2015 5.45; 05–07 local', '安全隐患类型', 'Safety hazard', [
  ['00', '无', 'none'],
  ['01', '治安', 'public order'],
  ['02', '消防', 'fire'],
  ['03', '矛盾纠纷', 'dispute'],
  ['04', '劳资纠纷', 'labour dispute'],
  ['05', '危险化学品', 'hazardous chemicals'],
  ['06', '燃气', 'gas'],
  ['07', '人员密集场所', 'crowded place'],
  ['99', '其他', 'other'],
]);

export const ATTENTION_LEVEL = table('attention_level', 'GB/T 31000-2015 5.46', '关注程度', 'Attention', [
  ['01', '高', 'high'],
  ['02', '中', 'medium'],
  ['03', '低', 'low'],
]);

/** Component states (部件状态): GB/T 30428.2 and GB/T 47678.5 name them without codes (standards.md §1.2–1.3). */
export const FACILITY_STATE = table('facility_state', 'local (GB/T 30428.2, GB/T 47678.5)', '部件状态', 'Component state', [
  ['01', '完好', 'intact'],
  ['02', '破损', 'damaged'],
  ['03', '丢失', 'lost'],
  ['04', '占用', 'occupied'],
  ['05', '废弃', 'abandoned'],
  ['06', '移除', 'removed'],
]);

export const FACILITY_MAJOR = table('facility_major', 'GB/T 47678.5-2026 [U]', '部件大类', 'Component major class', FACILITY_MAJOR_ROWS);
/** Component classes of GB/T 47678.5 (standards.md §1.3): 5 digits, major (2) + minor (3). */
export const FACILITY_CLASS = table('facility_class', 'GB/T 47678.5-2026 [U]', '部件类别', 'Component class', FACILITY_CLASS_ROWS);

/**
 * The code an entry is known by, from what a person typed: its code (a spreadsheet turns 01 into 1, so short
 * digit strings are padded), its Chinese or English name, or an alias. Null when nothing matches.
 */
export function resolveCode<C extends string>(codeTable: CodeTable<C>, input: string): C | null {
  const text = input.trim();
  if (!text) return null;
  const width = codeTable.entries[0].code.length;
  const asCode = /^\d+$/.test(text) && text.length < width ? text.padStart(width, '0') : text.toUpperCase();
  const lower = text.toLowerCase();
  const hit = codeTable.entries.find(
    (e) => e.code === asCode || e.zh === text || e.en?.toLowerCase() === lower || e.aliases?.includes(text),
  );
  return hit ? hit.code : null;
}

/** Every table, for seeding the code-table store; cities add entries there, not here. */
export const CODE_TABLES: readonly CodeTable[] = [
  SEX,
  ETHNICITY,
  RELATION,
  RESIDENT_TYPE,
  ID_TYPE,
  COUNTRY,
  VISIT_PURPOSE,
  HOUSEHOLD_MATCH,
  INFLOW_REASON,
  PERMIT_TYPE,
  RESIDENCE_TYPE,
  LEFT_BEHIND_TYPE,
  SPECIAL_GROUP,
  KEY_PERSON,
  HOUSE_USE,
  RENTAL_USE,
  RENTAL_CATEGORY,
  RENTAL_LEVEL,
  HOUSE_HAZARD,
  ENTERPRISE_TYPE,
  SOCIAL_ORG_TYPE,
  ORG_TYPE,
  ORG_HAZARD,
  ATTENTION_LEVEL,
  FACILITY_STATE,
  FACILITY_MAJOR,
  FACILITY_CLASS,
];

/** The name of a code in the request's language, or the code itself when the table has no such code. */
export function codeName(codeTable: CodeTable, code: string, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  const entry = codeTable.entries.find((e) => e.code === code);
  return entry ? (lang === 'en' ? (entry.en ?? entry.zh) : entry.zh) : code;
}
