import { describe, expect, it } from 'vitest';
import { checkSession, childPrefixLength, figuresOf, tenthsOf } from './training.core.ts';

const good = { topic: '走访规范', heldOn: '2026-10-20', hours: 1.5, trainer: '王老师', attendeeIds: ['a', 'b'] };
const problems = (s = {}) => checkSession({ ...good, ...s }, '2026-11-02').map((d) => `${d.field}:${d.reason}`);

describe('a training session', () => {
  it('keeps hours in tenths, and refuses a quarter hour, a day to come and a listed attendee twice', () => {
    expect(tenthsOf(1.5)).toBe(15);
    expect(problems()).toEqual([]);
    expect(problems({ hours: 1.25, heldOn: '2026-11-03', attendeeIds: ['a', 'a'] })).toEqual([
      'body.heldOn:future',
      'body.hours:range',
      'body.attendeeIds:duplicate',
    ]);
    expect(problems({ heldOn: '2026-02-30' })).toEqual(['body.heldOn:date']);
  });

  it('counts the figures of a city by county, of a county by township, of a grid by itself', () => {
    expect([childPrefixLength('420900'), childPrefixLength('420923'), childPrefixLength('420923100001001')]).toEqual([6, 9, 15]);
    expect(
      figuresOf([
        { code: '420923100', personTimes: 3, people: 2, tenthHours: 45 },
        { code: '420923101', personTimes: 1, people: 1, tenthHours: 5 },
      ]),
    ).toMatchObject({
      personTimes: 4,
      hours: 5,
      rows: [{ hours: 4.5 }, { hours: 0.5 }],
    });
  });
});
