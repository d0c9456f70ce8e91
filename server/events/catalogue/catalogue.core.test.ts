import { describe, expect, it } from 'vitest';
import { childKind, nextLocalCode, offeredNodes, sameJson } from './catalogue.core.ts';

describe('local codes', () => {
  it('follow the highest local code under the class, never reuse one, and skip standard codes', () => {
    expect(nextLocalCode('CG06', ['CG06010', 'CG06011'])).toBe('CG06L01');
    expect(nextLocalCode('CG06', ['CG06010', 'CG06L01', 'CG06L07'])).toBe('CG06L08');
    expect(nextLocalCode('CG', ['CG01', 'CG06', 'CGL01'])).toBe('CGL02');
    expect(nextLocalCode('CG06', ['CG06L99'])).toBeNull();
  });

  it('put minor classes under major ones and items under minor ones, nothing under an item', () => {
    expect([childKind('major'), childKind('minor'), childKind('item')]).toEqual(['minor', 'item', null]);
  });
});

describe('what reporting offers', () => {
  const node = (code: string, parentCode: string | null, retired = false) => ({ code, parentCode, retired });
  it('leaves out a retired node and everything under it', () => {
    const nodes = [
      node('CG', null),
      node('CG06', 'CG'),
      node('CG06010', 'CG06'),
      node('CG06011', 'CG06', true),
      node('CG07', 'CG', true),
      node('CG07001', 'CG07'),
    ];
    expect(offeredNodes(nodes).map((n) => n.code)).toEqual(['CG', 'CG06', 'CG06010']);
  });
});

describe('sameJson', () => {
  it('ignores key order but not values', () => {
    expect(
      sameJson(
        { limits: { accept: { hours: 1 }, handle: { workingDays: 2 } } },
        { limits: { handle: { workingDays: 2 }, accept: { hours: 1 } } },
      ),
    ).toBe(true);
    expect(sameJson({ limits: { handle: { workingDays: 2 } } }, { limits: { handle: { workingDays: 3 } } })).toBe(false);
    expect(sameJson(null, null)).toBe(true);
  });
});
