/**
 * Import templates of the four actual things (四个实有) plus buildings: the Chinese column headers a
 * spreadsheet carries, which are required, and how each cell is checked; validateRow turns one row of text
 * into a record or into every problem of that row, each naming its column and reason (DESIGN invariant 5).
 */
import type { Lang } from '../../shared/i18n/errors.ts';
import {
  ETHNICITY, FACILITY_CLASS, FACILITY_STATE, HOUSE_HAZARD, HOUSE_USE, INFLOW_REASON, KEY_PERSON, ORG_HAZARD, ORG_TYPE,
  RELATION, RENTAL_CATEGORY, RENTAL_LEVEL, RENTAL_USE, RESIDENT_TYPE, SEX, SPECIAL_GROUP, type CodeTable,
} from './code-tables.ts';
import { importMessage } from './import-messages.ts';
import { parseIdNumber } from './identifiers.core.ts';
import {
  codeOf, codesOf, creditCode, gridCode, idNumber, latitude, longitude, numberIn, pastDate, phone, regionCode,
  textOf, yesNo, type FieldContext, type FieldParser, type FieldValue, type TemplateField,
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
  key: string, header: string, required: boolean, parse: FieldParser, sample: string,
  extra: Partial<Pick<TemplateField, 'aliases' | 'text'>> = {},
): TemplateField => ({ key, header, required, parse, sample, ...extra });
const coded = (key: string, header: string, required: boolean, table: CodeTable, sample: string, many = false, aliases?: readonly string[]): TemplateField =>
  ({ key, header, required, parse: many ? codesOf(table) : codeOf(table), sample, codeTable: table, ...(many ? { multiple: true } : {}), ...(aliases ? { aliases } : {}) });

const ID = { text: true, aliases: ['身份证号', '身份证号码', '身份证'] } as const;
const TEXT = { text: true } as const;
const coordinateFields = (required: boolean) => [
  field('lng', '经度', required, longitude, '113.916'),
  field('lat', '纬度', required, latitude, '30.925'),
];
const bothOrNeither = (r: ImportRecord): RowIssue[] =>
  (r.lng === null) !== (r.lat === null) ? [{ field: r.lng === null ? 'lng' : 'lat', reason: 'coordinate.incomplete' }] : [];

export const PERSON_TEMPLATE: ImportTemplate = {
  id: 'person',
  name: '实有人口',
  fields: [
    field('idNumber', '公民身份号码', true, idNumber, '420902198503142016', ID),
    field('name', '姓名', true, textOf(50), '张建华'),
    coded('sex', '性别', false, SEX, '男'),
    field('birthDate', '出生日期', false, pastDate, '1985-03-14'),
    coded('ethnicity', '民族', true, ETHNICITY, '汉族'),
    field('phone', '联系电话', false, phone, '13872001234', { text: true, aliases: ['联系方式', '手机号码'] }),
    coded('residentType', '人员类型', true, RESIDENT_TYPE, '户籍人口'),
    field('houseCode', '房屋编号', true, textOf(40), '420902001001-0101', TEXT),
    coded('relation', '与户主关系', false, RELATION, '户主'),
    field('hukouRegion', '户籍地', false, regionCode, '420902', { text: true, aliases: ['户籍地区划代码'] }),
    field('hukouAddress', '户籍门（楼）详址', false, textOf(80), '孝南区书院街道槐荫社区 12 号', { aliases: ['户籍详址'] }),
    coded('inflowReason', '流入原因', false, INFLOW_REASON, ''),
    coded('specialGroups', '特殊人群', false, SPECIAL_GROUP, '', true),
    coded('keyPersonTags', '重点人员', false, KEY_PERSON, '', true),
  ],
  check(r, ctx) {
    const issues: RowIssue[] = [];
    const facts = parseIdNumber(String(r.idNumber), ctx.today);
    if (facts.ok && r.sex !== null && r.sex !== (facts.sex === 'male' ? '1' : '2')) issues.push({ field: 'sex', reason: 'person.sex_mismatch' });
    if (facts.ok && r.birthDate !== null && r.birthDate !== facts.birthDate) issues.push({ field: 'birthDate', reason: 'person.birth_date_mismatch' });
    if (r.residentType === '02' && r.inflowReason === null) issues.push({ field: 'inflowReason', reason: 'person.inflow_reason_required' });
    // Foreigners carry passports, not ID numbers: GB/T 31000 gives them their own field block.
    if (r.residentType === '03') issues.push({ field: 'residentType', reason: 'person.foreigner_template' });
    return issues;
  },
};

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
    coded('classCode', '部件类别', true, FACILITY_CLASS, '路灯', false, ['部件类别代码', '小类代码']),
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
    return r.code === null || String(r.code).slice(6, 11) === r.classCode ? [] : [{ field: 'classCode', reason: 'facility.code_class_mismatch' }];
  },
};

export const TEMPLATES: Record<TemplateId, ImportTemplate> = {
  person: PERSON_TEMPLATE, house: HOUSE_TEMPLATE, building: BUILDING_TEMPLATE, organisation: ORGANISATION_TEMPLATE, facility: FACILITY_TEMPLATE,
};

/** Checks one row: every field on its own, then (when all are valid) the template's cross-field rules. */
export function validateRow(template: ImportTemplate, values: Readonly<Record<string, string>>, ctx: FieldContext & { lang?: Lang }): RowResult {
  const lang = ctx.lang ?? 'zh-CN';
  const record: ImportRecord = {};
  const errors: RowError[] = [];
  const error = (f: TemplateField, reason: string, value: string) => errors.push({
    column: f.header, field: f.key, reason,
    message: importMessage(reason, lang, { value, table: lang === 'en' ? f.codeTable?.en : f.codeTable?.zh }),
  });
  for (const f of template.fields) {
    const text = (values[f.key] ?? '').trim();
    record[f.key] = null;
    if (!text) {
      if (f.required) error(f, 'field.required', text);
      continue;
    }
    const parsed = f.parse(text, ctx);
    if ('reason' in parsed) error(f, parsed.reason, text);
    else record[f.key] = parsed.value;
  }
  if (errors.length === 0) {
    for (const issue of template.check?.(record, ctx) ?? []) {
      error(template.fields.find((f) => f.key === issue.field)!, issue.reason, (values[issue.field] ?? '').trim());
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, record };
}
