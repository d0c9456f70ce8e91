import { describe, expect, it } from 'vitest';
import { gridsOutside, gridsPassed, patrolMinutes, trackHorizon } from './patrols.core.ts';

describe('a patrol’s summary rules', () => {
  it('counts whole minutes to the end, or to now while under way, never below zero', () => {
    const start = new Date('2026-11-02T09:00:00+08:00');
    expect(patrolMinutes(start, new Date('2026-11-02T10:35:59+08:00'), new Date(0))).toBe(95);
    expect(patrolMinutes(start, null, new Date('2026-11-02T09:20:00+08:00'))).toBe(20);
    expect(patrolMinutes(start, null, new Date('2026-11-02T08:59:00+08:00'))).toBe(0);
  });

  it('names each grid passed once, in code order, from every source', () => {
    expect(gridsPassed(['420923100001002'], [null, '420923100001001'], ['420923100001002', undefined])).toEqual([
      '420923100001001',
      '420923100001002',
    ]);
  });

  it('says which ticked grids the worker may not patrol', () => {
    expect(gridsOutside(['a', 'b', 'c'], new Set(['b']))).toEqual(['a', 'c']);
  });

  it('keeps points from the county’s days back', () => {
    expect(trackHorizon(new Date('2026-11-10T00:00:00Z'), 3).toISOString()).toBe('2026-11-07T00:00:00.000Z');
  });
});
