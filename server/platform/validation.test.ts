import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { boundIntegers, INTEGER_RANGE, nulFields, validatorCompiler } from './validation.ts';

const compile = (schema: object, httpPart: string) =>
  validatorCompiler({ schema, httpPart, method: 'GET', url: '/' }) as unknown as ((data: unknown) => boolean) & { errors: unknown[] };

describe('numbers a request may carry', () => {
  it('no number is infinite: not a coerced "Infinity" past a maximum, not a body 1e400 where anything goes', () => {
    const query = compile(Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 100 }) }), 'querystring');
    expect(query({ limit: '50' })).toBe(true);
    expect(query({ limit: 'Infinity' })).toBe(false);
    expect(query.errors).toEqual([expect.objectContaining({ instancePath: '/limit', keyword: 'finite' })]);
    const body = compile(Type.Object({ geometry: Type.Any(), n: Type.Optional(Type.Number()) }), 'body');
    expect(body(JSON.parse('{"geometry":{"coordinates":[1e400,1]}}'))).toBe(false);
    expect(body(JSON.parse('{"geometry":{},"n":1e400}'))).toBe(false);
    expect(body({ geometry: { coordinates: [113.1, 31] }, n: 2 })).toBe(true);
  });

  it('an integer without bounds of its own is held to the range of a PostgreSQL integer; its own bounds are kept', () => {
    const query = compile(Type.Object({ offset: Type.Integer({ minimum: 0 }), page: Type.Integer({ maximum: 10 }) }), 'querystring');
    expect(query({ offset: '1e308', page: '1' })).toBe(false);
    expect(query({ offset: String(INTEGER_RANGE.maximum), page: '10' })).toBe(true);
    expect(query({ offset: '0', page: '11' })).toBe(false);
    expect(boundIntegers(Type.Object({ example: Type.Integer(), n: Type.Integer({ default: 3 }) }))).toMatchObject({
      properties: { example: { minimum: INTEGER_RANGE.minimum }, n: { default: 3, maximum: INTEGER_RANGE.maximum } },
    });
  });
});

describe('NUL characters', () => {
  it('are found in strings and keys at any depth, named by field', () => {
    expect(nulFields({ q: 'a\u0000', list: ['ok', { deep: '\u0000' }], 'k\u0000': 1 }, 'body')).toEqual([
      'body.q',
      'body.list.1.deep',
      'body',
    ]);
    expect(nulFields({ q: 'plain' }, 'querystring')).toEqual([]);
  });
});
