import { describe, expect, it } from 'vitest';
import { chinaDate, chinaMinute, chinaMonth, startOfChinaDay, startOfChinaMonth } from '../../shared/china-time.ts';

describe('China time (UTC+8, no daylight saving)', () => {
  it('takes the date, month and minute in China, eight hours ahead of UTC', () => {
    expect(chinaDate(new Date('2025-06-30T15:59:59Z'))).toBe('2025-06-30');
    expect(chinaDate(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
    expect(chinaMonth(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01');
    expect(chinaMinute(new Date('2025-06-30T16:05:59Z'))).toBe('2025-07-01 00:05');
  });

  it('turns a China date or month back into its first instant', () => {
    expect(startOfChinaDay('2025-07-01').toISOString()).toBe('2025-06-30T16:00:00.000Z');
    expect(startOfChinaMonth(2026, 1).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(startOfChinaMonth(2026, 13).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
