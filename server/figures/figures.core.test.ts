import { describe, expect, it } from 'vitest';
import { type CaseLogIn, caseFacts, delta, FACTS, INDICATORS, type LoggedAction, parsePeriod, sumCells } from './figures.core.ts';

const at = (iso: string) => new Date(`${iso}+08:00`);
const step = (action: string, toStatus: string, data: Record<string, unknown> | null = null, time = '2026-11-02T10:00'): LoggedAction => ({
  action,
  toStatus,
  data,
  at: at(time),
});
const log = (actions: LoggedAction[], warnings: string[] = []): CaseLogIn => ({
  countyCode: '420923',
  id: '00000000-0000-4000-8000-000000000001',
  caseNo: '202611020001',
  gridCode: '420923100001001',
  itemCode: 'CG06010',
  source: 'grid_worker',
  // 07:30 in China is still the day before in UTC: the case belongs to the China date.
  reportedAt: at('2026-11-02T07:30'),
  actions,
  warnings,
});

describe('the facts a case counts for, from its log', () => {
  it('a case reported and left waiting counts as reported and open in its status, on its China report day', () => {
    const f = caseFacts(log([step('report', 'reported')]), 3);
    expect(f).toMatchObject({ day: '2026-11-02', unitCode: '', status: 'reported' });
    expect(f.facts).toEqual(['reported', 'open', 'open_reported']);
  });

  it('the whole loop, returned once and replied late, closes overdue and rated satisfied', () => {
    const f = caseFacts(
      log([
        step('report', 'reported'),
        step('accept', 'accepted'),
        step('dispatch', 'dispatched', { leadUnit: 'YM-SW' }),
        step('return', 'returned', { returnedFrom: 'YM-SW' }),
        step('return_accept', 'accepted'),
        step('dispatch', 'dispatched', { leadUnit: 'YM-CG' }),
        step('sign', 'signed'),
        step('extension_approve', 'signed', { workingDays: 2 }),
        step('handle', 'handled', { late: true }),
        step('check', 'checked'),
        step('rework', 'signed'),
        step('handle', 'handled', { late: true }),
        step('close', 'closed', { closingType: 'overdue' }),
        step('visit', 'visited', { rating: 'basic' }),
      ]),
      3,
    );
    expect(f.unitCode).toBe('YM-CG');
    expect(f.facts).toEqual(
      expect.arrayContaining([
        'registered',
        'dispatched',
        'returned',
        'handled',
        'handled_late',
        'extended',
        'reworked',
        'closed',
        'closed_overdue',
        'rated',
        'satisfied',
        'overdue',
      ]),
    );
    for (const absent of ['dispatched_correctly', 'handled_on_time', 'closed_on_time', 'unrated', 'open'])
      expect(f.facts).not.toContain(absent);
  });

  it('a reply without the late flag (logged before it existed) is judged by its closing type', () => {
    const base = [step('report', 'reported'), step('accept', 'accepted'), step('dispatch', 'dispatched', { leadUnit: 'X' })];
    const old = caseFacts(
      log([...base, step('sign', 'signed'), step('handle', 'handled'), step('close', 'closed', { closingType: 'overdue' })]),
      3,
    );
    expect(old.facts).toContain('handled_late');
    const open = caseFacts(log([...base, step('sign', 'signed'), step('handle', 'handled')]), 3);
    expect(open.facts).toContain('handled_on_time');
  });

  it('a dissatisfied visit reopened is no longer closed nor rated, and the reopening counts', () => {
    const f = caseFacts(
      log([
        step('report', 'reported'),
        step('fix_on_spot', 'closed'),
        step('visit', 'visited', { rating: 'dissatisfied' }),
        step('reopen', 'accepted', { rating: 'dissatisfied' }),
      ]),
      3,
    );
    expect(f.facts).toEqual(expect.arrayContaining(['registered', 'reopened', 'open', 'open_accepted']));
    for (const absent of ['closed', 'rated', 'dissatisfied', 'unrated']) expect(f.facts).not.toContain(absent);
  });

  it('verification, voiding, repeats and warnings', () => {
    const voided = caseFacts(log([step('report', 'verifying'), step('unfounded', 'voided')]), 3);
    expect(voided.facts).toEqual(['reported', 'to_verify', 'voided']);
    const repeated = caseFacts(
      log(
        [
          step('report', 'verifying'),
          step('verify', 'reported'),
          step('me_too', 'reported', { reports: 2 }),
          step('duplicate_merged', 'reported', { total: 4 }),
        ],
        ['blue', 'purple'],
      ),
      3,
    );
    expect(repeated.facts).toEqual(
      expect.arrayContaining(['to_verify', 'verified', 'repeat', 'warned', 'warned_blue', 'warned_purple', 'overdue']),
    );
    expect(caseFacts(log([step('report', 'reported'), step('me_too', 'reported', { reports: 2 })]), 3).facts).not.toContain('repeat');
  });

  it('every fact is one of FACTS, and every indicator names facts', () => {
    for (const d of INDICATORS) {
      expect(FACTS).toContain(d.numerator);
      if (d.denominator) expect(FACTS).toContain(d.denominator);
      expect(d.definition.zh.length).toBeGreaterThan(5);
      expect(d.definition.en.length).toBeGreaterThan(5);
    }
  });
});

describe('moving the roll-up', () => {
  it('counts the difference only, and moves every fact when the unit changes', () => {
    const before = caseFacts(log([step('report', 'reported'), step('accept', 'accepted')]), 3);
    const after = caseFacts(
      log([step('report', 'reported'), step('accept', 'accepted'), step('dispatch', 'dispatched', { leadUnit: 'YM-CG' })]),
      3,
    );
    const moved = sumCells(delta('420923', before, after));
    expect(moved.filter((c) => c.n > 0).map((c) => `${c.unitCode}:${c.fact}`)).toEqual(
      expect.arrayContaining(['YM-CG:reported', 'YM-CG:registered', 'YM-CG:dispatched', 'YM-CG:open_dispatched']),
    );
    expect(moved.filter((c) => c.n < 0).map((c) => `${c.unitCode}:${c.fact}`)).toEqual(
      expect.arrayContaining([':reported', ':registered', ':open_accepted']),
    );
    // Nothing changed: nothing to write.
    expect(sumCells(delta('420923', after, after))).toEqual([]);
  });
});

describe('periods', () => {
  const today = '2026-11-02';
  it('a day, month, quarter, year or all, as report days [from, to)', () => {
    expect(parsePeriod('2026-11-02', today)).toMatchObject({ kind: 'day', fromDay: '2026-11-02', toDay: '2026-11-03' });
    expect(parsePeriod('2026-02', today)).toMatchObject({ kind: 'month', fromDay: '2026-02-01', toDay: '2026-03-01' });
    expect(parsePeriod('2026-Q4', today)).toMatchObject({ kind: 'quarter', fromDay: '2026-10-01', toDay: '2027-01-01' });
    expect(parsePeriod('2025-12', today)).toMatchObject({ toDay: '2026-01-01' });
    expect(parsePeriod('2025', today)).toMatchObject({ kind: 'year', fromDay: '2025-01-01', toDay: '2026-01-01' });
    expect(parsePeriod('all', today)).toMatchObject({ kind: 'all', toDay: '2026-11-03' });
  });

  it('refuses what is not a date and what has not begun, naming the field', () => {
    const reason = (text: string) => {
      try {
        parsePeriod(text, today);
        return null;
      } catch (e) {
        return (e as { details: { field: string; reason: string }[] }).details[0];
      }
    };
    for (const bad of ['2026-13', '2026-02-30', '2026-Q5', '26-11', 'november', '1999'])
      expect(reason(bad)).toEqual({ field: 'querystring.period', reason: 'figures.period_invalid', value: bad });
    for (const future of ['2026-11-03', '2026-12', '2027-Q1', '2027'])
      expect(reason(future)).toMatchObject({ reason: 'figures.period_in_future' });
  });
});
