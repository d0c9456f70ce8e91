import { describe, it, expect } from 'vitest';
import { CODE_TABLES, ETHNICITY, RENTAL_LEVEL, SPECIAL_GROUP, resolveCode } from './code-tables.ts';
import { makeCreditCode } from './identifiers.core.ts';
import { phone, parseDateText } from './template-fields.ts';
import { BUILDING_TEMPLATE, FACILITY_TEMPLATE, HOUSE_TEMPLATE, ORGANISATION_TEMPLATE, PERSON_TEMPLATE, TEMPLATES, validateRow, type ImportTemplate } from './templates.ts';

const ctx = { today: '2025-06-30' };
const sampleOf = (t: ImportTemplate) => Object.fromEntries(t.fields.map((f) => [f.key, f.sample]));
const reasons = (t: ImportTemplate, values: Record<string, string>) => {
  const result = validateRow(t, values, ctx);
  return result.ok ? [] : result.errors.map((e) => [e.column, e.reason]);
};

describe('code tables', () => {
  it('hold the 56 nationalities of GB/T 3304 plus the two household-registration codes', () => {
    const codes = ETHNICITY.entries.map((e) => e.code);
    expect(codes).toHaveLength(58);
    expect(new Set(codes).size).toBe(58);
    expect(codes.slice(0, 56)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(ETHNICITY.entries.map((e) => e.zh)).size).toBe(58);
  });

  it('have unique ids, and within each table unique codes and names of one width', () => {
    expect(new Set(CODE_TABLES.map((t) => t.id)).size).toBe(CODE_TABLES.length);
    for (const t of CODE_TABLES) {
      expect(new Set(t.entries.map((e) => e.code)).size, t.id).toBe(t.entries.length);
      expect(new Set(t.entries.map((e) => e.zh)).size, t.id).toBe(t.entries.length);
      expect(new Set(t.entries.map((e) => e.code.length)).size, t.id).toBe(1);
    }
  });

  it('resolve what people type: code, code without its zero, name, short name, former name, English', () => {
    expect(['01', '1', '汉族', '汉', 'han'].map((t) => resolveCode(ETHNICITY, t))).toEqual(['01', '01', '01', '01', '01']);
    expect(resolveCode(ETHNICITY, '毛难族')).toBe('36');
    expect(resolveCode(ETHNICITY, '火星族')).toBeNull();
    expect(resolveCode(RENTAL_LEVEL, 'c')).toBe('C');
    expect(resolveCode(SPECIAL_GROUP, '吸毒人员')).toBe('04');
  });
});

describe('cell parsers', () => {
  it('read phones in their usual spellings', () => {
    expect(phone('+86 138-7200-1234', ctx)).toEqual({ value: '13872001234' });
    expect(phone('１３８７２００１２３４', ctx)).toEqual({ value: '13872001234' });
    expect(phone('(0712)2345678', ctx)).toEqual({ value: '0712-2345678' });
    expect(phone('12345', ctx)).toEqual({ reason: 'phone.invalid' });
  });

  it('read dates in their usual spellings and refuse impossible ones', () => {
    expect(['2024-05-01', '2024/5/1', '2024.5.1', '20240501', '2024年5月1日'].map(parseDateText)).toEqual(Array(5).fill('2024-05-01'));
    expect(parseDateText('2023-02-29')).toBeNull();
  });
});

describe('validateRow', () => {
  it("accepts every template's sample row (the one shown in 填写说明)", () => {
    for (const t of Object.values(TEMPLATES)) expect(validateRow(t, sampleOf(t), ctx), t.id).toMatchObject({ ok: true });
  });

  it('reports every missing required field of a row at once, in the chosen language', () => {
    const result = validateRow(PERSON_TEMPLATE, {}, { ...ctx, lang: 'en' });
    expect(result.ok ? [] : result.errors.map((e) => [e.field, e.reason, e.message])).toEqual([
      ['idNumber', 'field.required', 'Required'],
      ['name', 'field.required', 'Required'],
      ['ethnicity', 'field.required', 'Required'],
      ['residentType', 'field.required', 'Required'],
      ['houseCode', 'field.required', 'Required'],
    ]);
  });

  it('sends foreigners to their own template', () => {
    expect(reasons(PERSON_TEMPLATE, { ...sampleOf(PERSON_TEMPLATE), residentType: '境外人员' })).toEqual([['人员类型', 'person.foreigner_template']]);
  });

  it('checks houses: values, and a rented house needs its rental use', () => {
    const house = sampleOf(HOUSE_TEMPLATE);
    expect(validateRow(HOUSE_TEMPLATE, { ...house, areaM2: '1,250.5', hazards: '火灾、治安', rented: '是', rentalUse: '住房' }, ctx)).toMatchObject({
      ok: true, record: { areaM2: 1250.5, hazards: ['01', '02'], rented: true, rentalUse: '02', use: '01' },
    });
    expect(reasons(HOUSE_TEMPLATE, { ...house, rented: '是' })).toEqual([['出租用途', 'house.rental_use_required']]);
    expect(reasons(HOUSE_TEMPLATE, { ...house, gridCode: '4209020010', rented: '也许', areaM2: '-3' })).toEqual([
      ['所属网格编码', 'grid.code_invalid'], ['建筑面积（平方米）', 'number.out_of_range'], ['是否出租', 'boolean.invalid'],
    ]);
  });

  it('checks organisations: credit code, type code, a grid or a point, both coordinates', () => {
    const org = sampleOf(ORGANISATION_TEMPLATE);
    const code = makeCreditCode('53', '420902', 'MJ000001');
    expect(validateRow(ORGANISATION_TEMPLATE, { ...org, creditCode: code.toLowerCase(), orgType: '社会组织', hazards: '燃气、人员密集场所' }, ctx)).toMatchObject({
      ok: true, record: { creditCode: code, orgType: '04', hazards: ['06', '07'] },
    });
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, creditCode: `${code.slice(0, 17)}${code[17] === '1' ? '2' : '1'}` })).toEqual([['统一社会信用代码', 'credit.checksum']]);
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, orgType: '外星企业' })).toEqual([['单位类型', 'code.unknown']]);
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, lng: '113.9', lat: '' })).toEqual([['纬度', 'coordinate.incomplete']]);
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, gridCode: '', lng: '', lat: '' })).toEqual([['所属网格编码', 'org.grid_or_point_required']]);
    expect(validateRow(ORGANISATION_TEMPLATE, { ...org, gridCode: '', lng: '113.9', lat: '30.9' }, ctx)).toMatchObject({ ok: true });
  });

  it('checks components: a known 5-digit class (by code or name), the class inside the code, coordinates inside China', () => {
    const facility = sampleOf(FACILITY_TEMPLATE);
    expect(validateRow(FACILITY_TEMPLATE, facility, ctx)).toMatchObject({ ok: true, record: { code: null, classCode: '01037', ownerDept: 'YM-CG', gridCode: null } });
    expect(validateRow(FACILITY_TEMPLATE, { ...facility, code: '42092301001000001', classCode: '1001' }, ctx)).toMatchObject({ ok: true, record: { classCode: '01001' } });
    expect(reasons(FACILITY_TEMPLATE, { ...facility, code: '42092301001000001' })).toEqual([['部件类别', 'facility.code_class_mismatch']]);
    expect(reasons(FACILITY_TEMPLATE, { ...facility, code: '4209230100100001', classCode: '0101' })).toEqual([['部件标识码', 'facility.code_invalid'], ['部件类别', 'code.unknown']]);
    expect(reasons(FACILITY_TEMPLATE, { ...facility, lng: facility.lat, lat: facility.lng })).toEqual([
      ['经度', 'number.out_of_range'], ['纬度', 'number.out_of_range'],
    ]);
  });

  it('checks buildings: whole numbers of floors', () => {
    expect(reasons(BUILDING_TEMPLATE, { ...sampleOf(BUILDING_TEMPLATE), floors: '6.5' })).toEqual([['层数', 'number.invalid']]);
  });
});
