/**
 * Import templates of the four actual things (四个实有) plus buildings: the Chinese column headers a
 * spreadsheet carries, which are required, and how each cell is checked; validateRow turns one row of text
 * into a record or into every problem of that row, each naming its column and reason (DESIGN invariant 5).
 */
import type { Lang } from '../../../shared/i18n/errors.ts';
import { importMessage } from '../../../shared/i18n/import.ts';
import { parseIdNumber } from '../../../shared/id-number.ts';
import {
  CHINESE_NATIONALITIES,
  COUNTRY,
  type CodeTable,
  ETHNICITY,
  FACILITY_CLASS,
  FACILITY_STATE,
  HMT_PERMITS,
  HOUSE_HAZARD,
  HOUSE_USE,
  ID_TYPE,
  INFLOW_REASON,
  KEY_PERSON,
  LEFT_BEHIND_TYPE,
  ORG_HAZARD,
  ORG_TYPE,
  PERMIT_TYPE,
  RELATION,
  RENTAL_CATEGORY,
  RENTAL_LEVEL,
  RENTAL_USE,
  RESIDENT,
  RESIDENT_ID_CARD,
  RESIDENT_TYPE,
  resolveCode,
  SEX,
  SPECIAL_GROUP,
  VISIT_PURPOSE,
} from '../records/code-tables.ts';
import {
  calendarDate,
  codeOf,
  codesOf,
  creditCode,
  documentNumber,
  type FieldContext,
  type FieldParser,
  type FieldValue,
  gridCode,
  idNumber,
  latitude,
  longitude,
  numberIn,
  pastDate,
  phone,
  regionCode,
  type TemplateField,
  textOf,
  yesNo,
} from './template-fields.ts';

export type TemplateId = 'person' | 'house' | 'building' | 'organisation' | 'facility';
export type ImportRecord = Record<string, FieldValue | null>;

/** A problem found across fields once each field is valid on its own. */
export interface RowIssue {
  field: string;
  reason: string;
}

export interface ImportTemplate {
  id: TemplateId;
  /** Chinese title; also the sheet name of the downloadable template. */
  name: string;
  fields: readonly TemplateField[];
  check?: (record: ImportRecord, ctx: FieldContext) => RowIssue[];
}

export interface RowError {
  /** The Chinese header, as the user sees the column. */
  column: string;
  field: string;
  reason: string;
  message: string;
}

export type RowResult = { ok: true; record: ImportRecord } | { ok: false; errors: RowError[] };

const field = (
  key: string,
  header: string,
  required: boolean,
  parse: FieldParser,
  sample: string,
  extra: Partial<Pick<TemplateField, 'aliases' | 'text' | 'blankAllowed' | 'fallback' | 'orElse' | 'reads'>> = {},
): TemplateField => ({ key, header, required, parse, sample, ...extra });
const coded = (
  key: string,
  header: string,
  required: boolean,
  table: CodeTable,
  sample: string,
  many = false,
  extra: Partial<Pick<TemplateField, 'aliases' | 'blankAllowed' | 'fallback'>> = {},
): TemplateField => ({
  key,
  header,
  required,
  parse: many ? codesOf(table) : codeOf(table),
  sample,
  codeTable: table,
  ...(many ? { multiple: true } : {}),
  ...extra,
});

const ID = { text: true, aliases: ['身份证号', '身份证号码', '身份证'] } as const;
/** A row of a person from abroad (境外人员), read before its cells are checked: such a person has no 民族. */
const foreignerRow = (values: Readonly<Record<string, string>>) =>
  resolveCode(RESIDENT_TYPE, values.residentType ?? '') === RESIDENT.foreigner;
const TEXT = { text: true } as const;
const coordinateFields = (required: boolean) => [
  field('lng', '经度', required, longitude, '113.916'),
  field('lat', '纬度', required, latitude, '30.925'),
];
const bothOrNeither = (r: ImportRecord): RowIssue[] =>
  (r.lng === null) !== (r.lat === null) ? [{ field: r.lng === null ? 'lng' : 'lat', reason: 'coordinate.incomplete' }] : [];

/**
 * 实有人口: the common person block of GB/T 31000 with the blocks of each kind of person — 流动人口 (inflow reason,
 * permit), 留守人员 (type), 境外人员 (table 15: nationality, foreign name, purpose, arrival and departure). A person is
 * keyed by the number of their document (GA/T 517): a resident ID card's, or a passport's or permit's for someone
 * from abroad. Every rule of the import and the person form is here and in check below.
 */
export const PERSON_TEMPLATE: ImportTemplate = {
  id: 'person',
  name: '实有人口',
  fields: [
    field('idNumber', '公民身份号码', true, documentNumber('idType'), '420902198503142016', {
      ...ID,
      aliases: [...ID.aliases, '证件号码'],
      reads: ['idType'],
    }),
    field('name', '姓名', true, textOf(50), '张建华', { aliases: ['中文姓名'], orElse: 'foreignName' }),
    coded('sex', '性别', false, SEX, '男'),
    field('birthDate', '出生日期', false, pastDate, '1985-03-14'),
    coded('ethnicity', '民族', true, ETHNICITY, '汉族', false, { blankAllowed: foreignerRow }),
    field('phone', '联系电话', false, phone, '13872001234', { text: true, aliases: ['联系方式', '手机号码'] }),
    coded('residentType', '人员类型', true, RESIDENT_TYPE, '户籍人口'),
    field('houseCode', '房屋编号', true, textOf(40), '420902001001-0101', TEXT),
    coded('relation', '与户主关系', false, RELATION, '户主'),
    field('hukouRegion', '户籍地', false, regionCode, '420902', { text: true, aliases: ['户籍地区划代码'] }),
    field('hukouAddress', '户籍门（楼）详址', false, textOf(80), '孝南区书院街道槐荫社区 12 号', { aliases: ['户籍详址'] }),
    coded('inflowReason', '流入原因', false, INFLOW_REASON, ''),
    coded('specialGroups', '特殊人群', false, SPECIAL_GROUP, '', true),
    coded('keyPersonTags', '重点人员', false, KEY_PERSON, '', true),
    // Later columns, after those of older templates (files filled by position keep their meaning).
    coded('idType', '证件类型', false, ID_TYPE, '居民身份证', false, { aliases: ['证件代码', '证件种类'], fallback: '居民身份证' }),
    coded('nationality', '国籍', false, COUNTRY, '', false, { aliases: ['国籍（地区）', '国家地区'] }),
    // A passport's machine-readable zone holds 39 characters of name.
    field('foreignName', '外文姓名', false, textOf(50), '', { aliases: ['英文姓名'] }),
    coded('visitPurpose', '来华目的', false, VISIT_PURPOSE, ''),
    field('arrivalDate', '抵达日期', false, pastDate, '', { aliases: ['入境日期'] }),
    field('departureDate', '预计离开日期', false, calendarDate, '', { aliases: ['预计离境日期'] }),
    coded('permitType', '办证类型', false, PERMIT_TYPE, ''),
    field('permitExpiry', '证件到期日期', false, calendarDate, '', { aliases: ['居住证到期日期'] }),
    coded('leftBehindType', '留守人员类型', false, LEFT_BEHIND_TYPE, ''),
  ],
  check: (r, ctx) => [...documentIssues(r, ctx.today), ...foreignerIssues(r), ...residenceIssues(r)],
};

/**
 * A resident ID number holds the sex and birth date, which must agree with the row; other documents hold
 * neither, so the row gives them. A foreign document makes a person from abroad; Hong Kong, Macao and Taiwan
 * residents are Chinese citizens and may also live here as floating population, never as registered residents.
 */
function documentIssues(r: ImportRecord, today: string): RowIssue[] {
  const issues: RowIssue[] = [];
  if (r.idType === RESIDENT_ID_CARD) {
    const facts = parseIdNumber(String(r.idNumber), today);
    if (facts.ok && r.sex !== null && r.sex !== (facts.sex === 'male' ? '1' : '2'))
      issues.push({ field: 'sex', reason: 'person.sex_mismatch' });
    if (facts.ok && r.birthDate !== null && r.birthDate !== facts.birthDate)
      issues.push({ field: 'birthDate', reason: 'person.birth_date_mismatch' });
    if (r.residentType === RESIDENT.foreigner) issues.push({ field: 'idType', reason: 'person.foreigner_document' });
    return issues;
  }
  if (r.sex === null) issues.push({ field: 'sex', reason: 'person.sex_required' });
  if (r.birthDate === null) issues.push({ field: 'birthDate', reason: 'person.birth_date_required' });
  if (HMT_PERMITS.includes(String(r.idType))) {
    if (r.residentType === RESIDENT.registered) issues.push({ field: 'residentType', reason: 'person.hmt_resident_type' });
  } else if (r.residentType !== RESIDENT.foreigner) {
    issues.push({ field: 'residentType', reason: 'person.document_foreigner_only' });
  }
  return issues;
}

/** The fields of a person from abroad only (GB/T 31000 table 15). */
const FOREIGNER_ONLY = ['foreignName', 'visitPurpose', 'arrivalDate', 'departureDate'] as const;

/** 境外人员: a nationality other than China's; their own block belongs to nobody else. */
function foreignerIssues(r: ImportRecord): RowIssue[] {
  const issues: RowIssue[] = [];
  if (r.residentType === RESIDENT.foreigner) {
    if (r.nationality === null) issues.push({ field: 'nationality', reason: 'person.nationality_required' });
    else if (r.nationality === 'CHN') issues.push({ field: 'nationality', reason: 'person.nationality_foreign' });
  } else {
    if (r.nationality !== null && !CHINESE_NATIONALITIES.includes(String(r.nationality)))
      issues.push({ field: 'nationality', reason: 'person.nationality_foreigner_only' });
    for (const key of FOREIGNER_ONLY) if (r[key] !== null) issues.push({ field: key, reason: 'person.foreigner_only' });
  }
  if (r.arrivalDate !== null && r.departureDate !== null && String(r.departureDate) < String(r.arrivalDate)) {
    issues.push({ field: 'departureDate', reason: 'person.departure_before_arrival' });
  }
  return issues;
}

/** 流动人口 give why they came and may hold a permit (办证类型, its expiry); 留守人员 are registered residents. */
function residenceIssues(r: ImportRecord): RowIssue[] {
  const issues: RowIssue[] = [];
  const floating = r.residentType === RESIDENT.floating;
  if (floating && r.inflowReason === null) issues.push({ field: 'inflowReason', reason: 'person.inflow_reason_required' });
  if (!floating && r.permitType !== null) issues.push({ field: 'permitType', reason: 'person.permit_floating_only' });
  if (r.permitExpiry !== null && r.permitType === null) issues.push({ field: 'permitExpiry', reason: 'person.permit_expiry_without_type' });
  if (r.leftBehindType !== null && r.residentType !== RESIDENT.registered)
    issues.push({ field: 'leftBehindType', reason: 'person.left_behind_registered_only' });
  return issues;
}

export const HOUSE_TEMPLATE: ImportTemplate = {
  id: 'house',
  name: '实有房屋',
  fields: [
    field('houseCode', '房屋编号', true, textOf(40), '420902001001-0101', TEXT),
    field('address', '房屋地址', true, textOf(120), '孝南区书院街道槐荫社区槐荫路 8 号 1 栋 1 单元 101 室'),
    field('gridCode', '所属网格编码', true, gridCode, '420902001001001', TEXT),
    field('buildingCode', '楼栋编号', false, textOf(40), '420902001001-01', TEXT),
    field('unit', '单元', false, textOf(20), '1 单元'),
    // Negative floors are basements (地下一层 = -1).
    field('floor', '楼层', false, numberIn(-10, 200, true), '1'),
    field('room', '室号', false, textOf(20), '101', { ...TEXT, aliases: ['户室', '房号'] }),
    coded('use', '房屋用途', true, HOUSE_USE, '住宅'),
    field('areaM2', '建筑面积（平方米）', false, numberIn(1, 100_000), '89.5', { aliases: ['建筑面积'] }),
    field('ownerIdNumber', '房主公民身份号码', false, idNumber, '420902198503142016', { ...ID, aliases: ['房主身份证号'] }),
    field('ownerName', '房主姓名', false, textOf(50), '张建华'),
    field('ownerPhone', '房主联系电话', false, phone, '13872001234', { text: true, aliases: ['房主电话'] }),
    field('rented', '是否出租', true, yesNo, '否'),
    coded('rentalUse', '出租用途', false, RENTAL_USE, ''),
    coded('rentalCategory', '出租屋类别', false, RENTAL_CATEGORY, ''),
    coded('rentalLevel', '出租屋等级', false, RENTAL_LEVEL, ''),
    coded('hazards', '隐患类型', false, HOUSE_HAZARD, '无', true),
  ],
  check: (r) => (r.rented === true && r.rentalUse === null ? [{ field: 'rentalUse', reason: 'house.rental_use_required' }] : []),
};

/** Fields of GB/T 31000 table 9 (楼栋长) with the building's own code and place. */
export const BUILDING_TEMPLATE: ImportTemplate = {
  id: 'building',
  name: '楼栋',
  fields: [
    field('buildingCode', '楼栋编号', true, textOf(40), '420902001001-01', TEXT),
    field('name', '楼栋名称', true, textOf(60), '1 栋'),
    field('estate', '小区名称', false, textOf(60), '槐荫小区'),
    field('address', '楼栋地址', true, textOf(120), '孝南区书院街道槐荫路 8 号'),
    field('gridCode', '所属网格编码', true, gridCode, '420902001001001', TEXT),
    field('floors', '层数', false, numberIn(1, 200, true), '6'),
    field('units', '单元数', false, numberIn(1, 50, true), '2'),
    field('households', '户数', false, numberIn(0, 5_000, true), '24'),
    field('leaderName', '楼栋长姓名', false, textOf(50), '李秀兰'),
    field('leaderPhone', '楼栋长联系电话', false, phone, '13972005678', { text: true, aliases: ['楼栋长电话'] }),
    ...coordinateFields(false),
  ],
  check: bothOrNeither,
};

/**
 * Organisations (实有单位): the fields of GB/T 31000 tables 23–24 that grid work keeps, one type code for every
 * kind of body, and a grid either given or found from the point.
 */
export const ORGANISATION_TEMPLATE: ImportTemplate = {
  id: 'organisation',
  name: '实有单位',
  fields: [
    field('creditCode', '统一社会信用代码', true, creditCode, '91420902MA4K2C7Y9P', TEXT),
    field('name', '单位名称', true, textOf(100), '孝感市槐荫商贸有限公司', { aliases: ['名称', '组织名称'] }),
    coded('orgType', '单位类型', true, ORG_TYPE, '企业'),
    field('address', '单位地址', true, textOf(120), '孝南区书院街道槐荫路 10 号'),
    field('gridCode', '所属网格编码', false, gridCode, '420902001001001', TEXT),
    ...coordinateFields(false),
    field('legalRep', '法定代表人', false, textOf(50), '王志强', { aliases: ['负责人'] }),
    field('safetyContact', '安全负责人', false, textOf(50), '刘敏', { aliases: ['治保负责人', '安全联系人'] }),
    field('safetyContactPhone', '安全负责人联系电话', false, phone, '13872009876', { text: true, aliases: ['治保负责人联系电话'] }),
    coded('hazards', '安全隐患类型', false, ORG_HAZARD, '无', true),
  ],
  check(r) {
    const issues = bothOrNeither(r);
    if (r.gridCode === null && r.lng === null) issues.push({ field: 'gridCode', reason: 'org.grid_or_point_required' });
    return issues;
  },
};

/**
 * Components (部件) as the facility records keep them (GB/T 47678.5, standards.md §1.3): a 5-digit class, owner
 * and maintainer as department codes, a state, and a point that decides the grid. The server gives the code:
 * a row with a code updates that component; a row without one is matched on its class and exact point (the
 * same kind of component at the same spot is the same component) or else recorded anew. So the same file,
 * imported twice, changes nothing, with or without the codes filled in.
 */
export const FACILITY_TEMPLATE: ImportTemplate = {
  id: 'facility',
  name: '部件',
  fields: [
    field('code', '部件标识码', false, (t) => (/^\d{17}$/.test(t) ? { value: t } : { reason: 'facility.code_invalid' }), '', TEXT),
    coded('classCode', '部件类别', true, FACILITY_CLASS, '路灯', false, { aliases: ['部件类别代码', '小类代码'] }),
    field('name', '部件名称', false, textOf(30), '朝阳路 3 号路灯'),
    field('ownerDept', '权属部门编码', true, textOf(40), 'YM-CG', { text: true, aliases: ['权属单位编码', '权属单位'] }),
    field('maintainerDept', '养护部门编码', false, textOf(40), 'YM-SW', { text: true, aliases: ['养护单位编码', '养护单位'] }),
    coded('state', '部件状态', true, FACILITY_STATE, '完好'),
    ...coordinateFields(true),
    field('gridCode', '所在单元网格', false, gridCode, '', { text: true, aliases: ['所属网格编码'] }),
    field('note', '备注', false, textOf(1000), ''),
  ],
  check(r) {
    // The code is county (6) + class (5) + serial (6): a component of another class is another component.
    return r.code === null || String(r.code).slice(6, 11) === r.classCode
      ? []
      : [{ field: 'classCode', reason: 'facility.code_class_mismatch' }];
  },
};

export const TEMPLATES: Record<TemplateId, ImportTemplate> = {
  person: PERSON_TEMPLATE,
  house: HOUSE_TEMPLATE,
  building: BUILDING_TEMPLATE,
  organisation: ORGANISATION_TEMPLATE,
  facility: FACILITY_TEMPLATE,
};

/** Checks one row: every field on its own, then (when all are valid) the template's cross-field rules. */
export function validateRow(
  template: ImportTemplate,
  values: Readonly<Record<string, string>>,
  ctx: FieldContext & { lang?: Lang },
): RowResult {
  const lang = ctx.lang ?? 'zh-CN';
  const record: ImportRecord = Object.fromEntries(template.fields.map((f) => [f.key, null]));
  const errors: RowError[] = [];
  const position = new Map(template.fields.map((f, i) => [f.key, i]));
  const error = (f: TemplateField, reason: string, value: string) =>
    errors.push({
      column: f.header,
      field: f.key,
      reason,
      message: importMessage(reason, lang, { value, table: lang === 'en' ? f.codeTable?.en : f.codeTable?.zh }),
    });
  // A field that reads others is parsed after them; its problems are still listed in the order of the columns.
  for (const f of [...template.fields].sort((a, b) => Number(Boolean(a.reads)) - Number(Boolean(b.reads)))) {
    const text = (values[f.key] ?? '').trim() || (f.orElse ? (values[f.orElse] ?? '').trim() : '') || (f.fallback ?? '');
    if (!text) {
      if (f.required && !f.blankAllowed?.(values)) error(f, 'field.required', text);
      continue;
    }
    const parsed = f.parse(text, ctx, record);
    if ('reason' in parsed) error(f, parsed.reason, text);
    else record[f.key] = parsed.value;
  }
  errors.sort((a, b) => position.get(a.field)! - position.get(b.field)!);
  if (errors.length === 0) {
    for (const issue of template.check?.(record, ctx) ?? []) {
      error(template.fields.find((f) => f.key === issue.field)!, issue.reason, (values[issue.field] ?? '').trim());
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, record };
}
