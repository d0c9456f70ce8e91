import { describe, expect, it } from 'vitest';
import {
  attributesOf,
  attributesSent,
  checkAttributes,
  closedFilter,
  dateWindow,
  limitText,
  list,
  looksLikeKey,
  looksLikeToken,
  newApiKey,
  newToken,
  normalizePhone,
  one,
  parseForm,
  parseRequestId,
  parseW3cDate,
  personName,
  w3cDate,
} from './open311.core.ts';
import type { Open311Problem } from './open311.errors.ts';
import { render } from './open311.format.ts';

describe('W3C date-times', () => {
  it('reads the W3C note’s date-times with their zone, and a bare date as the China day', () => {
    expect(parseW3cDate('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3cDate('1994-11-05T08:15:30-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.000Z');
    expect(parseW3cDate('2026-11-02T09:00+08:00')?.toISOString()).toBe('2026-11-02T01:00:00.000Z');
    expect(parseW3cDate('2026-11-02T09:00:00.5+08:00')?.toISOString()).toBe('2026-11-02T01:00:00.500Z');
    expect(parseW3cDate('2026-11-02')?.toISOString()).toBe('2026-11-01T16:00:00.000Z');
    for (const bad of [
      '2026-11-02T09:00:00',
      '2026-02-30T00:00:00Z',
      '2026-11-02T24:00:00Z',
      'yesterday',
      '2026-11-02 09:00:00Z',
      '20261102',
    ])
      expect(parseW3cDate(bad), bad).toBeNull();
  });

  it('writes every instant in China time with its offset', () => {
    expect(w3cDate(new Date('2026-11-01T16:30:05Z'))).toBe('2026-11-02T00:30:05+08:00');
  });

  it('the window: both ends at most 90 days apart; one end, the 90 days from or up to it; neither, the last 90 days', () => {
    const now = new Date('2026-11-02T01:00:00Z');
    const run = (fields: Record<string, string>) => {
      const problems: Open311Problem[] = [];
      const w = dateWindow(fields, now, problems);
      return { w: w && { from: w.from.toISOString(), to: w.to.toISOString() }, problems: problems.map((p) => p.reason) };
    };
    expect(run({})).toEqual({ w: { from: '2026-08-04T01:00:00.000Z', to: now.toISOString() }, problems: [] });
    expect(run({ start_date: '2026-01-01T00:00:00Z' }).w).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' });
    expect(run({ end_date: '2026-04-01T00:00:00Z' }).w?.from).toBe('2026-01-01T00:00:00.000Z');
    expect(run({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' }).problems).toEqual(['range_too_long']);
    expect(run({ start_date: '2026-02-01T00:00:00Z', end_date: '2026-01-01T00:00:00Z' }).problems).toEqual(['date_order']);
    expect(run({ start_date: 'x', end_date: 'y' }).problems).toEqual(['date_invalid', 'date_invalid']);
    expect(run({ start_date: '' }).w?.to).toBe(now.toISOString()); // "Optional": empty is the same as not passed
  });
});

describe('fields as a form sends them', () => {
  it('decodes repeated keys, + as a space, attributes with and without []', () => {
    const f = parseForm('a=1&a=2&b=x+y&attribute%5BWHISPAWN%5D=123&attribute[M][]=1&attribute[M][]=2');
    expect(f).toEqual({ a: ['1', '2'], b: 'x y', 'attribute[WHISPAWN]': '123', 'attribute[M][]': ['1', '2'] });
    const problems: Open311Problem[] = [];
    expect(attributesSent(f, problems)).toEqual({ WHISPAWN: ['123'], M: ['1', '2'] });
    expect(problems).toEqual([]);
  });

  it('a single value: trimmed, blank is absent, given twice or too long or with control characters is a problem', () => {
    const problems: Open311Problem[] = [];
    expect(one({ x: '  a ' }, 'x', 5, problems)).toBe('a');
    expect(one({ x: '   ' }, 'x', 5, problems)).toBeUndefined();
    expect(one({ x: ['a', ''] }, 'x', 5, problems)).toBe('a');
    expect(one({ x: ['a', 'b'] }, 'x', 5, problems)).toBeUndefined();
    expect(one({ x: '长度超过五个字' }, 'x', 5, problems)).toBeUndefined();
    expect(one({ x: 'a\u0000' }, 'x', 5, problems)).toBeUndefined();
    expect(one({ x: '第一行\n第二行' }, 'x', 10, problems)).toBe('第一行\n第二行');
    expect(problems.map((p) => p.reason)).toEqual(['repeated', 'too_long', 'control_characters']);
  });

  it('lists are comma-delimited or repeated; statuses are open and closed', () => {
    const problems: Open311Problem[] = [];
    expect(list({ s: ['a,b', 'c', 'a'] }, 's', 5, 5, problems)).toEqual(['a', 'b', 'c']);
    expect(list({ s: 'a,b,c' }, 's', 2, 5, problems)).toBeUndefined();
    expect(closedFilter(['open'], problems)).toBe(false);
    expect(closedFilter(['closed'], problems)).toBe(true);
    expect(closedFilter(['open', 'closed'], problems)).toBeUndefined();
    expect(closedFilter(['done'], problems)).toBeUndefined();
    expect(problems.map((p) => p.reason)).toEqual(['too_many', 'status_invalid']);
  });

  it('phones as clients write them, names family name first in Chinese', () => {
    expect(normalizePhone('+86 138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('0086-13812345678')).toBe('13812345678');
    expect(normalizePhone('(0712) 4321234')).toBe('07124321234');
    expect(normalizePhone('0712-4321234')).toBe('0712-4321234');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('+1 415 555 0100')).toBeNull();
    expect(personName('三', '张')).toBe('张三');
    expect(personName('John', 'Smith')).toBe('John Smith');
    expect(personName(undefined, '王')).toBe('王');
    expect(personName(undefined, undefined)).toBeUndefined();
  });
});

describe('attributes', () => {
  it('a component’s item has the optional facility_code; values are checked against the definition', () => {
    expect(attributesOf({ aboutFacility: false }, 'zh-CN')).toEqual([]);
    const defs = attributesOf({ aboutFacility: true }, 'zh-CN');
    expect(defs.map((d) => d.code)).toEqual(['facility_code']);
    const check = (sent: Record<string, string[]>) => {
      const problems: Open311Problem[] = [];
      checkAttributes(defs, sent, problems);
      return problems.map((p) => p.reason);
    };
    expect(check({})).toEqual([]);
    expect(check({ facility_code: ['42092301037000001'] })).toEqual([]);
    expect(check({ facility_code: ['abc'] })).toEqual(['attribute_invalid']);
    expect(check({ facility_code: ['42092301037000001', '42092301037000002'] })).toEqual(['attribute_invalid']);
    expect(check({ colour: ['red'] })).toEqual(['attribute_unknown']);
    const list = [{ ...defs[0], code: 'kind', datatype: 'singlevaluelist' as const, required: true, values: [{ key: '1', name: '一' }] }];
    const problems: Open311Problem[] = [];
    checkAttributes(list, {}, problems);
    checkAttributes(list, { kind: ['2'] }, problems);
    expect(problems.map((p) => p.reason)).toEqual(['attribute_required', 'attribute_invalid']);
  });
});

describe('ids, keys and tokens', () => {
  it('a key has 160 random bits after its prefix; a token starts with its county', () => {
    const key = newApiKey();
    expect(looksLikeKey(key)).toBe(true);
    expect(newApiKey()).not.toBe(key);
    expect(looksLikeKey(`${key}x`)).toBe(false);
    const token = newToken('420923');
    expect(token.startsWith('420923')).toBe(true);
    expect(looksLikeToken(token)).toBe(true);
    expect(parseRequestId('420923-202611020001')).toEqual({ countyCode: '420923', caseNo: '202611020001' });
    expect(parseRequestId('420923202611020001')).toBeNull();
  });

  it('limits in words', () => {
    expect(limitText({ workingDays: 3 }, 'zh-CN')).toBe('3个工作日');
    expect(limitText({ hours: 4 }, 'zh-CN')).toBe('4个工作小时');
    expect(limitText({ clockHours: 1 }, 'en')).toBe('1 hour');
    expect(limitText({ workingDays: 2 }, 'en')).toBe('2 working days');
  });
});

describe('the two formats', () => {
  it('XML: the declaration first, text escaped, characters XML cannot carry dropped, absent values as empty elements', () => {
    const body = render({ kind: 'errors', body: [{ code: 400, description: 'a < b & "c"\u0001' }] }, 'xml');
    expect(body).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<errors>\n  <error>\n    <code>400</code>\n    <description>a &lt; b &amp; &quot;c&quot;</description>\n  </error>\n</errors>\n',
    );
    expect(render({ kind: 'receipt', body: [{ token: 'T', service_notice: null, account_id: null }] }, 'xml')).toContain('<account_id/>');
    expect(render({ kind: 'requests', body: [] }, 'xml')).toContain('<service_requests></service_requests>');
  });

  it('JSON by the Spark convention: lists are arrays, absent values null', () => {
    expect(JSON.parse(render({ kind: 'token', body: [{ token: 'T' }] }, 'json'))).toEqual([{ token: 'T' }]);
    expect(JSON.parse(render({ kind: 'service_definition', body: { service_code: 'X', attributes: [] } }, 'json'))).toEqual({
      service_code: 'X',
      attributes: [],
    });
  });
});
