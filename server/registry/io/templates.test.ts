import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  CODE_TABLES,
  COUNTRY,
  ETHNICITY,
  ID_TYPE,
  RENTAL_LEVEL,
  resolveCode,
  SPECIAL_GROUP,
  VISIT_PURPOSE,
} from '../records/code-tables.ts';
import { makeCreditCode } from '../records/identifiers.core.ts';
import { readRows } from './spreadsheet-import.ts';
import { calendarDate, documentNumber, parseDateText, phone } from './template-fields.ts';
import {
  BUILDING_TEMPLATE,
  FACILITY_TEMPLATE,
  HOUSE_TEMPLATE,
  type ImportTemplate,
  ORGANISATION_TEMPLATE,
  PERSON_TEMPLATE,
  TEMPLATES,
  validateRow,
} from './templates.ts';

const ctx = { today: '2025-06-30' };
const collect = async (...args: Parameters<typeof readRows>) => {
  const rows = [];
  for await (const row of readRows(...args)) rows.push(row);
  return rows;
};
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

  it('reads a blank document type as a resident ID card, and takes the number under 证件号码 too', async () => {
    expect(validateRow(PERSON_TEMPLATE, sampleOf(PERSON_TEMPLATE), ctx)).toMatchObject({ ok: true, record: { idType: '111', sex: '1' } });
    expect(validateRow(PERSON_TEMPLATE, { ...sampleOf(PERSON_TEMPLATE), idType: '' }, ctx)).toMatchObject({
      ok: true,
      record: { idType: '111' },
    });
    const [{ values }] = await collect(
      Readable.from([`证件号码,姓名,民族,人员类型,房屋编号\n${sampleOf(PERSON_TEMPLATE).idNumber},张建华,汉族,户籍人口,H1\n`]),
      { format: 'csv', template: PERSON_TEMPLATE },
    );
    expect(values.idNumber).toBe(sampleOf(PERSON_TEMPLATE).idNumber);
  });

  it('checks houses: values, and a rented house needs its rental use', () => {
    const house = sampleOf(HOUSE_TEMPLATE);
    expect(
      validateRow(HOUSE_TEMPLATE, { ...house, areaM2: '1,250.5', hazards: '火灾、治安', rented: '是', rentalUse: '住房' }, ctx),
    ).toMatchObject({
      ok: true,
      record: { areaM2: 1250.5, hazards: ['01', '02'], rented: true, rentalUse: '02', use: '01' },
    });
    expect(reasons(HOUSE_TEMPLATE, { ...house, rented: '是' })).toEqual([['出租用途', 'house.rental_use_required']]);
    expect(reasons(HOUSE_TEMPLATE, { ...house, gridCode: '4209020010', rented: '也许', areaM2: '-3' })).toEqual([
      ['所属网格编码', 'grid.code_invalid'],
      ['建筑面积（平方米）', 'number.out_of_range'],
      ['是否出租', 'boolean.invalid'],
    ]);
  });

  it('checks organisations: credit code, type code, a grid or a point, both coordinates', () => {
    const org = sampleOf(ORGANISATION_TEMPLATE);
    const code = makeCreditCode('53', '420902', 'MJ000001');
    expect(
      validateRow(
        ORGANISATION_TEMPLATE,
        { ...org, creditCode: code.toLowerCase(), orgType: '社会组织', hazards: '燃气、人员密集场所' },
        ctx,
      ),
    ).toMatchObject({
      ok: true,
      record: { creditCode: code, orgType: '04', hazards: ['06', '07'] },
    });
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, creditCode: `${code.slice(0, 17)}${code[17] === '1' ? '2' : '1'}` })).toEqual([
      ['统一社会信用代码', 'credit.checksum'],
    ]);
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, orgType: '外星企业' })).toEqual([['单位类型', 'code.unknown']]);
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, lng: '113.9', lat: '' })).toEqual([['纬度', 'coordinate.incomplete']]);
    expect(reasons(ORGANISATION_TEMPLATE, { ...org, gridCode: '', lng: '', lat: '' })).toEqual([
      ['所属网格编码', 'org.grid_or_point_required'],
    ]);
    expect(validateRow(ORGANISATION_TEMPLATE, { ...org, gridCode: '', lng: '113.9', lat: '30.9' }, ctx)).toMatchObject({ ok: true });
  });

  it('checks components: a known 5-digit class (by code or name), the class inside the code, coordinates inside China', () => {
    const facility = sampleOf(FACILITY_TEMPLATE);
    expect(validateRow(FACILITY_TEMPLATE, facility, ctx)).toMatchObject({
      ok: true,
      record: { code: null, classCode: '01037', ownerDept: 'YM-CG', gridCode: null },
    });
    expect(validateRow(FACILITY_TEMPLATE, { ...facility, code: '42092301001000001', classCode: '1001' }, ctx)).toMatchObject({
      ok: true,
      record: { classCode: '01001' },
    });
    expect(reasons(FACILITY_TEMPLATE, { ...facility, code: '42092301001000001' })).toEqual([['部件类别', 'facility.code_class_mismatch']]);
    expect(reasons(FACILITY_TEMPLATE, { ...facility, code: '4209230100100001', classCode: '0101' })).toEqual([
      ['部件标识码', 'facility.code_invalid'],
      ['部件类别', 'code.unknown'],
    ]);
    expect(reasons(FACILITY_TEMPLATE, { ...facility, lng: facility.lat, lat: facility.lng })).toEqual([
      ['经度', 'number.out_of_range'],
      ['纬度', 'number.out_of_range'],
    ]);
  });

  it('checks buildings: whole numbers of floors', () => {
    expect(reasons(BUILDING_TEMPLATE, { ...sampleOf(BUILDING_TEMPLATE), floors: '6.5' })).toEqual([['层数', 'number.invalid']]);
  });
});

/** A person from abroad as a county's spreadsheet gives one: a Korean engineer with a passport. */
const foreigner = {
  ...Object.fromEntries(PERSON_TEMPLATE.fields.map((f) => [f.key, ''])),
  idType: '普通护照',
  idNumber: 'm1234 5678',
  name: '金敏俊',
  sex: '男',
  birthDate: '1990-04-02',
  residentType: '境外人员',
  houseCode: 'H1',
  nationality: '韩国',
  foreignName: 'KIM MINJUN',
  visitPurpose: '就业',
  arrivalDate: '2025-03-01',
  departureDate: '2027-02-28',
};
const registered = sampleOf(PERSON_TEMPLATE);
const floating = { ...registered, residentType: '流动人口', inflowReason: '务工' };

describe('person template: documents and kinds of person', () => {
  it('code tables: GA/T 517 documents, 5.16 purposes and GB/T 2659 countries resolve by code, name and alias', () => {
    expect(['111', '身份证', '414', '护照', '回乡证', '台胞证', '外国人永久居留证'].map((t) => resolveCode(ID_TYPE, t))).toEqual([
      '111',
      '111',
      '414',
      '414',
      '516',
      '511',
      '553',
    ]);
    expect(['01', '商务', '探亲', '99'].map((t) => resolveCode(VISIT_PURPOSE, t))).toEqual(['01', '01', '05', '99']);
    expect(['KOR', 'kor', '韩国', '大韩民国', 'South Korea', '中国香港', '美国'].map((t) => resolveCode(COUNTRY, t))).toEqual([
      'KOR',
      'KOR',
      'KOR',
      'KOR',
      'KOR',
      'HKG',
      'USA',
    ]);
    expect(resolveCode(COUNTRY, 'ATL')).toBeNull();
  });

  it('a document number other than an ID number is 5–20 letters and digits, upper-cased, never checked as an ID number', () => {
    const passport = documentNumber('idType');
    expect(passport(' e1234５678 ', ctx, { idType: '414' })).toEqual({ value: 'E12345678' });
    expect(passport('E12-345', ctx, { idType: '414' })).toEqual({ reason: 'document.number_invalid' });
    expect(passport('E123', ctx, { idType: '414' })).toEqual({ reason: 'document.number_invalid' });
    expect(passport('123456789012345678901', ctx, { idType: '414' })).toEqual({ reason: 'document.number_invalid' });
    expect(passport('420902198503142017', ctx, { idType: '111' })).toEqual({ reason: 'id.checksum' });
    expect(passport('420902198503142017', ctx, { idType: '414' })).toEqual({ value: '420902198503142017' });
    expect(calendarDate('2031-02-30', ctx)).toEqual({ reason: 'date.invalid' });
    expect(calendarDate('2031/2/28', ctx)).toEqual({ value: '2031-02-28' });
  });

  it('accepts a person from abroad: passport number, nationality, foreign name, purpose and dates; no 民族 needed', () => {
    expect(validateRow(PERSON_TEMPLATE, foreigner, ctx)).toEqual({
      ok: true,
      record: expect.objectContaining({
        idType: '414',
        idNumber: 'M12345678',
        name: '金敏俊',
        sex: '1',
        birthDate: '1990-04-02',
        ethnicity: null,
        residentType: '03',
        nationality: 'KOR',
        foreignName: 'KIM MINJUN',
        visitPurpose: '02',
        arrivalDate: '2025-03-01',
        departureDate: '2027-02-28',
      }),
    });
  });

  it('takes a foreigner’s name from the foreign name when no Chinese name is given; one of the two is required', () => {
    expect(validateRow(PERSON_TEMPLATE, { ...foreigner, name: '' }, ctx)).toMatchObject({
      ok: true,
      record: { name: 'KIM MINJUN', foreignName: 'KIM MINJUN' },
    });
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, name: '', foreignName: '' })).toEqual([['姓名', 'field.required']]);
  });

  it('a document other than the ID card: sex and birth date must be given', () => {
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, sex: '', birthDate: '' })).toEqual([
      ['性别', 'person.sex_required'],
      ['出生日期', 'person.birth_date_required'],
    ]);
  });

  it('a foreign document makes a person from abroad; 民族 stays required for everyone else', () => {
    expect(
      reasons(PERSON_TEMPLATE, {
        ...foreigner,
        residentType: '户籍人口',
        ethnicity: '汉族',
        nationality: '',
        foreignName: '',
        visitPurpose: '',
        arrivalDate: '',
        departureDate: '',
      }),
    ).toEqual([['人员类型', 'person.document_foreigner_only']]);
    expect(
      reasons(PERSON_TEMPLATE, {
        ...floating,
        idType: '外国人永久居留身份证',
        idNumber: 'KOR420902900402',
        sex: '男',
        birthDate: '1990-04-02',
      }),
    ).toEqual([['人员类型', 'person.document_foreigner_only']]);
    expect(reasons(PERSON_TEMPLATE, { ...registered, ethnicity: '' })).toEqual([['民族', 'field.required']]);
  });

  it('Hong Kong, Macao and Taiwan residents may be floating population or from abroad, never registered residents', () => {
    const hk = { ...floating, idType: '516', idNumber: 'H60123456', name: '陈家明', sex: '男', birthDate: '1988-08-08', ethnicity: '汉族' };
    expect(validateRow(PERSON_TEMPLATE, hk, ctx)).toMatchObject({
      ok: true,
      record: { idType: '516', idNumber: 'H60123456', residentType: '02' },
    });
    expect(validateRow(PERSON_TEMPLATE, { ...hk, idType: '台湾居民来往大陆通行证', idNumber: '01234567' }, ctx)).toMatchObject({
      ok: true,
      record: { idType: '511' },
    });
    expect(validateRow(PERSON_TEMPLATE, { ...hk, residentType: '境外人员', inflowReason: '', nationality: '香港' }, ctx)).toMatchObject({
      ok: true,
      record: { nationality: 'HKG' },
    });
    expect(reasons(PERSON_TEMPLATE, { ...hk, residentType: '户籍人口', inflowReason: '' })).toEqual([
      ['人员类型', 'person.hmt_resident_type'],
    ]);
  });

  it('a person from abroad needs a foreign nationality and a document that is not the ID card', () => {
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, nationality: '' })).toEqual([['国籍', 'person.nationality_required']]);
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, nationality: 'CHN' })).toEqual([['国籍', 'person.nationality_foreign']]);
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, idType: '', idNumber: registered.idNumber, sex: '', birthDate: '' })).toEqual([
      ['证件类型', 'person.foreigner_document'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, nationality: '火星' })).toEqual([['国籍', 'code.unknown']]);
  });

  it('the foreigner block belongs to people from abroad only; a Chinese nationality may be given for anyone', () => {
    expect(
      reasons(PERSON_TEMPLATE, {
        ...registered,
        nationality: '美国',
        foreignName: 'ZHANG JIANHUA',
        visitPurpose: '商务',
        arrivalDate: '2025-01-01',
        departureDate: '2025-02-01',
      }),
    ).toEqual([
      ['国籍', 'person.nationality_foreigner_only'],
      ['外文姓名', 'person.foreigner_only'],
      ['来华目的', 'person.foreigner_only'],
      ['抵达日期', 'person.foreigner_only'],
      ['预计离开日期', 'person.foreigner_only'],
    ]);
    expect(validateRow(PERSON_TEMPLATE, { ...registered, nationality: '中国' }, ctx)).toMatchObject({
      ok: true,
      record: { nationality: 'CHN' },
    });
  });

  it('dates of a stay: arrival is past and real, departure real and not before the arrival', () => {
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, departureDate: '2025-02-28' })).toEqual([
      ['预计离开日期', 'person.departure_before_arrival'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, arrivalDate: '2025-07-01', departureDate: '2025-02-30' })).toEqual([
      ['抵达日期', 'date.future'],
      ['预计离开日期', 'date.invalid'],
    ]);
    expect(validateRow(PERSON_TEMPLATE, { ...foreigner, departureDate: '2025-03-01' }, ctx)).toMatchObject({ ok: true });
  });

  it('floating population: an inflow reason; a permit optional, its expiry only with a type and a real date; permits are theirs only', () => {
    expect(validateRow(PERSON_TEMPLATE, { ...floating, permitType: '居住证', permitExpiry: '2027年6月30日' }, ctx)).toMatchObject({
      ok: true,
      record: { residentType: '02', inflowReason: '01', permitType: '01', permitExpiry: '2027-06-30' },
    });
    expect(validateRow(PERSON_TEMPLATE, floating, ctx)).toMatchObject({ ok: true, record: { permitType: null, permitExpiry: null } });
    expect(reasons(PERSON_TEMPLATE, { ...floating, inflowReason: '' })).toEqual([['流入原因', 'person.inflow_reason_required']]);
    expect(reasons(PERSON_TEMPLATE, { ...floating, permitExpiry: '2027-06-30' })).toEqual([
      ['证件到期日期', 'person.permit_expiry_without_type'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...floating, permitType: '居住证', permitExpiry: '2027-02-30' })).toEqual([
      ['证件到期日期', 'date.invalid'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...floating, permitType: '绿卡' })).toEqual([['办证类型', 'code.unknown']]);
    expect(reasons(PERSON_TEMPLATE, { ...registered, permitType: '居住证' })).toEqual([['办证类型', 'person.permit_floating_only']]);
  });

  it('left-behind types are for registered residents only', () => {
    expect(validateRow(PERSON_TEMPLATE, { ...registered, leftBehindType: '留守儿童' }, ctx)).toMatchObject({
      ok: true,
      record: { leftBehindType: '03' },
    });
    expect(reasons(PERSON_TEMPLATE, { ...floating, leftBehindType: '留守老人' })).toEqual([
      ['留守人员类型', 'person.left_behind_registered_only'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...foreigner, leftBehindType: '03' })).toEqual([
      ['留守人员类型', 'person.left_behind_registered_only'],
    ]);
  });

  it('an ID card row still reads sex and birth date from the number, and refuses a bad check digit', () => {
    expect(reasons(PERSON_TEMPLATE, { ...registered, sex: '女', birthDate: '1985-03-15' })).toEqual([
      ['性别', 'person.sex_mismatch'],
      ['出生日期', 'person.birth_date_mismatch'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...registered, idType: '居民身份证', idNumber: '420902198503142017' })).toEqual([
      ['公民身份号码', 'id.checksum'],
    ]);
    expect(reasons(PERSON_TEMPLATE, { ...registered, idType: '驾驶证' })).toEqual([['证件类型', 'code.unknown']]);
  });
});
