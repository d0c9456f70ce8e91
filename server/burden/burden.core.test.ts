import { describe, expect, it } from 'vitest';
import { DEFAULT_FIELD_SETTINGS, FIELD_SETTINGS, settingProblem } from '../../shared/field-settings.ts';
import { chinaWeekOf, effectiveSettings, entrySeconds } from './burden.core.ts';

describe('field settings', () => {
  it('every switch is off by default', () => {
    const switches = FIELD_SETTINGS.filter((d) => d.kind === 'switch');
    expect(switches.length).toBeGreaterThan(0);
    expect(switches.map((d) => DEFAULT_FIELD_SETTINGS[d.key])).toEqual(switches.map(() => false));
  });

  it('a county’s own value replaces the default; an unknown key or a value of the wrong type is ignored', () => {
    const s = effectiveSettings([
      { key: 'zero_report', value: true },
      { key: 'patrol_track_days', value: 'ten' },
      { key: 'gone', value: true },
    ]);
    expect(s).toMatchObject({ zero_report: true, patrol_track_days: 7, patrol_track: false });
  });

  it('checks a value against its declaration', () => {
    const days = FIELD_SETTINGS.find((d) => d.key === 'patrol_track_days')!;
    const track = FIELD_SETTINGS.find((d) => d.key === 'patrol_track')!;
    expect([settingProblem(days, 0), settingProblem(days, 91), settingProblem(days, 2.5), settingProblem(days, 30)]).toEqual([
      'range',
      'range',
      'integer',
      null,
    ]);
    expect([settingProblem(track, 1), settingProblem(track, true)]).toEqual(['switch', null]);
  });
});

describe('the burden figure', () => {
  it('a China week runs Monday 00:00 to Monday 00:00 UTC+8, Sunday evening included', () => {
    // Sunday 2026-11-08 23:30 in China is still the week of Monday 2026-11-02.
    const { from, to } = chinaWeekOf(new Date('2026-11-08T23:30:00+08:00'));
    expect([from.toISOString(), to.toISOString()]).toEqual(['2026-11-01T16:00:00.000Z', '2026-11-08T16:00:00.000Z']);
    expect(chinaWeekOf(new Date('2026-11-09T00:00:00+08:00')).from.toISOString()).toBe('2026-11-08T16:00:00.000Z');
  });

  it('an entry’s time is whole seconds; submitted before opened or open over a day is no entry time', () => {
    const at = new Date('2026-11-02T09:00:00+08:00');
    expect(entrySeconds(at, new Date(at.getTime() + 70_400))).toBe(70);
    expect(entrySeconds(at, new Date(at.getTime() - 1000))).toBeNull();
    expect(entrySeconds(at, new Date(at.getTime() + 86_401_000))).toBeNull();
  });
});
