import { describe, expect, it } from 'vitest';
import { type Disclosure, formatWatermark, type Part, parseWatermark, personRecord, planPage, START, ymd } from './province.core.ts';

describe('the watermark', () => {
  it('reads back what it writes, for a whole range and a position inside one', () => {
    for (const p of [
      { from: 812, to: null, part: 0, offset: 0 },
      { from: 812, to: 990, part: 2, offset: 1500 },
    ])
      expect(parseWatermark(formatWatermark(p), 1000)).toEqual(p);
  });

  it('is malformed when it is not one, or its range ends before it starts; ahead when past what has finished', () => {
    for (const w of ['', 'abc', '-1', '12.5', '12-5.0.0', '1-5.4.0', '1-5.0', ' 12', '1e5', '1234567890123456'])
      expect(parseWatermark(w, 1000), w).toBe('malformed');
    expect(parseWatermark('1001', 1000)).toBe('ahead');
    expect(parseWatermark('5-1001.0.0', 1000)).toBe('ahead');
    expect(parseWatermark('1000', 1000)).toEqual({ from: 1000, to: null, part: 0, offset: 0 });
  });
});

describe('a page', () => {
  // Keys per part, as the store would answer them in key order.
  const keys: Record<Part, string[]> = { person: ['p1', 'p2', 'p3'], house: [], organisation: ['o1'], case: ['c1', 'c2'] };
  const fetch = async (part: Part, offset: number, n: number) => keys[part].slice(offset, offset + n);
  const all = async (limit: number) => {
    let at = { ...START, to: 50 };
    const got: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { taken, next } = await planPage(at, limit, fetch);
      got.push(...taken.flatMap((t) => t.keys));
      if (next.to === null) return { got, end: next, pages: i + 1 };
      at = { ...next, to: next.to };
    }
    throw new Error('never ended');
  };

  it('cut at any size, gives every key of every part once, in order, and ends at the range’s end', async () => {
    for (const limit of [1, 2, 3, 4, 6, 100]) {
      const { got, end } = await all(limit);
      expect(got, String(limit)).toEqual(['p1', 'p2', 'p3', 'o1', 'c1', 'c2']);
      expect(end).toEqual({ from: 50, to: null, part: 0, offset: 0 });
    }
    expect((await all(100)).pages).toBe(1);
    expect((await all(2)).pages).toBeGreaterThanOrEqual(3);
  });

  it('goes on inside a part from its offset', async () => {
    const { taken, next } = await planPage({ from: 10, to: 50, part: 0, offset: 0 }, 2, fetch);
    expect(taken).toEqual([{ part: 'person', keys: ['p1', 'p2'] }]);
    expect(formatWatermark(next)).toBe('10-50.0.2');
  });
});

describe('a person as GB/T 31000 names the fields', () => {
  const person = {
    id: 'a',
    idType: '111',
    idNumberEnc: 'v1.sealed-id',
    idNumberMasked: '4209**********1234',
    name: '张建华',
    sex: '1',
    birthDate: '1985-03-14',
    ethnicity: '01',
    phoneEnc: null,
    phoneMasked: null,
    residentType: '01',
    hukouRegion: '420923',
    hukouAddress: null,
    inflowReason: null,
    permitType: null,
    permitExpiry: null,
    leftBehindType: null,
    nationality: null,
    foreignName: null,
    visitPurpose: null,
    arrivalDate: null,
    departureDate: null,
    specialGroups: ['02'],
    keyPersonTags: [],
    gridCode: '420923100001001',
    houseCode: null,
    houseAddress: null,
    version: 3,
    updatedAt: new Date('2026-11-02T01:00:00Z'),
  };
  const masked: Disclosure = { mode: 'masked', value: (s, m) => (s ? (typeof m === 'function' ? null : m) : null), tags: () => null };

  it('dates as YYYYMMDD, a resident ID as 公民身份号码, a missing sealed value as null', () => {
    const r = personRecord(person, masked);
    expect(r).toMatchObject({ kind: 'person', key: 'a', version: 3, deleted: false });
    expect(r.data).toMatchObject({ 公民身份号码: '4209**********1234', 出生日期: '19850314', 联系方式: null, 特殊人群: null });
    expect(ymd(null)).toBeNull();
  });

  it('a foreigner’s document as 证件代码 and 证件号码', () => {
    const r = personRecord({ ...person, idType: '414', idNumberMasked: 'E*****678' }, masked);
    expect(r.data).toMatchObject({ 证件代码: '414', 证件号码: 'E*****678' });
    expect(r.data).not.toHaveProperty('公民身份号码');
  });
});
