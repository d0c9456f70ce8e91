import { describe, expect, it } from 'vitest';
import { createAttemptLimiter } from './sign-in-limit.core.ts';

describe('attempt limiter', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 10, 2, 1, minutes));

  it('allows max attempts in a window, refuses the next with the seconds left, and opens again after the window', () => {
    const limiter = createAttemptLimiter({ max: 2, windowMinutes: 10 });
    expect(limiter.take('a', at(0))).toEqual({ allowed: true });
    expect(limiter.take('a', at(1))).toEqual({ allowed: true });
    expect(limiter.take('a', at(4))).toEqual({ allowed: false, retryAfterSeconds: 360 });
    expect(limiter.take('b', at(4))).toEqual({ allowed: true });
    expect(limiter.take('a', at(10))).toEqual({ allowed: true });
  });

  it('a refunded attempt (a success) does not count', () => {
    const limiter = createAttemptLimiter({ max: 1, windowMinutes: 10 });
    for (let i = 0; i < 5; i++) {
      expect(limiter.take('a', at(0)).allowed).toBe(true);
      limiter.refund('a');
    }
    expect(limiter.take('a', at(0)).allowed).toBe(true);
    expect(limiter.take('a', at(0)).allowed).toBe(false);
  });
});
