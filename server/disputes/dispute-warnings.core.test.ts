import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPUTE_WARNING_RULES, type DisputeWarningRule } from '../../shared/dispute-warnings.ts';
import {
  checkRule,
  decide,
  effectiveRules,
  isAddressee,
  keywordPatterns,
  lateEnough,
  missKey,
  typePatterns,
  unitAt,
} from './dispute-warnings.core.ts';

const rule = (over: Partial<DisputeWarningRule>): DisputeWarningRule => ({
  key: 'mine',
  kind: 'type_cluster',
  level: 'township',
  enabled: true,
  params: { days: 7, count: 3, typeCodes: ['0703'] },
  ...over,
});
const problems = (r: DisputeWarningRule) => checkRule(r).map((p) => `${p.field}:${p.reason}`);

describe('a possible rule', () => {
  it('every default is possible', () => {
    for (const r of DEFAULT_DISPUTE_WARNING_RULES) expect(problems(r)).toEqual([]);
  });

  it('refuses windows of zero, negative or over a year of days, naming the field', () => {
    expect(problems(rule({ params: { days: 0, count: 3, typeCodes: ['0703'] } }))).toEqual(['params.days:positive']);
    expect(problems(rule({ params: { days: -5, count: 3, typeCodes: ['0703'] } }))).toEqual(['params.days:positive']);
    expect(problems(rule({ params: { days: 366, count: 3, typeCodes: ['0703'] } }))).toEqual(['params.days:at_most_365']);
    expect(problems(rule({ params: { days: 365, count: 3, typeCodes: ['0703'] } }))).toEqual([]);
  });

  it('refuses counts that make no pattern or cannot be reached', () => {
    expect(problems(rule({ params: { days: 7, count: 0, typeCodes: ['0703'] } }))).toEqual(['params.count:at_least_2']);
    expect(problems(rule({ params: { days: 7, count: 1, typeCodes: ['0703'] } }))).toEqual(['params.count:at_least_2']);
    expect(problems(rule({ kind: 'escalated_twice', params: { count: 4 } }))).toEqual(['params.count:at_most_3']);
    expect(problems(rule({ kind: 'escalated_twice', params: { count: 0 } }))).toEqual(['params.count:positive']);
    expect(problems(rule({ kind: 'failed_many', params: { minPeople: -1 } }))).toEqual(['params.minPeople:positive']);
    expect(problems(rule({ kind: 'same_parties', params: { days: 30 } }))).toEqual(['params.count:required']);
  });

  it('refuses an empty keyword list, a blank keyword, an unknown type, a param the kind does not read', () => {
    expect(problems(rule({ kind: 'petition_risk', params: { keywords: [] } }))).toEqual(['params.keywords:required']);
    expect(problems(rule({ kind: 'petition_risk', params: { keywords: ['上访', ' '] } }))).toEqual(['params.keywords.1:required']);
    expect(problems(rule({ kind: 'petition_risk', params: { keywords: ['上访'], typeCodes: [] } }))).toEqual([]);
    expect(problems(rule({ params: { days: 7, count: 3, typeCodes: [] } }))).toEqual(['params.typeCodes:required']);
    expect(problems(rule({ params: { days: 7, count: 3, typeCodes: ['0799', '0788'] } }))).toEqual(['params.typeCodes.1:unknown']);
    expect(problems(rule({ kind: 'failed_many', params: { minPeople: 10, days: 7 } }))).toEqual(['params.days:not_used_by_kind']);
  });

  it('a missed-visits rule needs whole days overdue between 1 and 365, and reads nothing else', () => {
    const missed = (params: DisputeWarningRule['params']) => problems(rule({ kind: 'missed_visits', level: 'village', params }));
    expect(missed({ minDaysOverdue: 3 })).toEqual([]);
    expect(missed({})).toEqual(['params.minDaysOverdue:required']);
    expect(missed({ minDaysOverdue: 0 })).toEqual(['params.minDaysOverdue:positive']);
    expect(missed({ minDaysOverdue: 2.5 })).toEqual(['params.minDaysOverdue:integer']);
    expect(missed({ minDaysOverdue: 366 })).toEqual(['params.minDaysOverdue:at_most_365']);
    expect(missed({ minDaysOverdue: 3, count: 2 })).toEqual(['params.count:not_used_by_kind']);
    expect(problems(rule({ kind: 'failed_many', params: { minPeople: 10, minDaysOverdue: 3 } }))).toEqual([
      'params.minDaysOverdue:not_used_by_kind',
    ]);
  });

  it('a miss counts once it is late enough; never followed up always counts, and each miss has its own key', () => {
    expect(lateEnough(2, '2026-11-09', 3)).toBe(false);
    expect(lateEnough(3, '2026-11-09', 3)).toBe(true);
    expect(lateEnough(null, null, 30)).toBe(true);
    expect([missKey('2026-11-09'), missKey(null)]).toEqual(['2026-11-09', 'never']);
  });

  it('a default’s name keeps its kind', () => {
    expect(problems(rule({ key: 'same_parties', kind: 'failed_many', params: { minPeople: 5 } }))).toEqual(['kind:default_rule_kind']);
  });
});

describe('rules, units and patterns', () => {
  it('a county’s rules are the defaults with its changes, then its own', () => {
    const changed = { ...DEFAULT_DISPUTE_WARNING_RULES[0], enabled: false, updatedByName: '县中心', updatedAt: new Date() };
    const own = { ...rule({ key: 'land_cluster' }), updatedByName: '县中心', updatedAt: new Date() };
    const rules = effectiveRules([own, changed]);
    expect(rules.map((r) => [r.key, r.enabled])).toEqual([
      ...DEFAULT_DISPUTE_WARNING_RULES.map((r, i) => [r.key, i !== 0]),
      ['land_cluster', true],
    ]);
  });

  it('addresses the village, township or county of the grid; only a centre of that level bound there acts', () => {
    const grid = '420923100001001';
    expect([unitAt(grid, 'village'), unitAt(grid, 'township'), unitAt(grid, 'county')]).toEqual(['420923100001', '420923100', '420923']);
    const township = { roles: ['township_center' as const], areas: [{ code: '420923100', name: '城关镇', level: 'township' }] };
    const village = { roles: ['village_center' as const], areas: [{ code: '420923100001', name: '村1', level: 'village' }] };
    expect(isAddressee(township, 'township', '420923100')).toBe(true);
    expect(isAddressee(township, 'township', '420923101')).toBe(false);
    expect(isAddressee(village, 'township', '420923100')).toBe(false);
    expect(isAddressee(township, 'village', '420923100001')).toBe(false);
  });

  it('keywords are taken literally; a class matches its items', () => {
    expect(keywordPatterns([' 上访 ', '100%'])).toEqual(['%上访%', '%100\\%%']);
    expect(typePatterns(['07', '0902', '99'])).toEqual(['07%', '0902', '99']);
  });
});

describe('new evidence only', () => {
  const finding = (subject: string, ids: string[]) => ({ subject, gridCode: '420923100001001', disputeIds: ids });

  it('raises once; the same evidence again raises nothing, whatever became of the warning', () => {
    expect(decide([finding('person:a', ['d1', 'd2', 'd3'])], [])).toEqual([
      { kind: 'raise', finding: finding('person:a', ['d1', 'd2', 'd3']) },
    ]);
    for (const state of ['open', 'handled', 'dismissed'] as const)
      expect(
        decide([finding('person:a', ['d1', 'd2', 'd3'])], [{ id: 'w', subject: 'person:a', state, disputeIds: ['d1', 'd2', 'd3'] }]),
      ).toEqual([]);
  });

  it('a new dispute joins the open warning of the subject, or raises a new one once the earlier were closed', () => {
    const more = finding('person:a', ['d2', 'd3', 'd4']);
    expect(decide([more], [{ id: 'w1', subject: 'person:a', state: 'open', disputeIds: ['d1', 'd2', 'd3'] }])).toEqual([
      { kind: 'extend', warningId: 'w1', disputeIds: ['d4'], finding: more },
    ]);
    expect(decide([more], [{ id: 'w1', subject: 'person:a', state: 'dismissed', disputeIds: ['d1', 'd2', 'd3'] }])).toEqual([
      { kind: 'raise', finding: more },
    ]);
  });

  it('another subject is another warning', () => {
    const b = finding('person:b', ['d1', 'd2', 'd3']);
    expect(decide([b], [{ id: 'w1', subject: 'person:a', state: 'open', disputeIds: ['d1', 'd2', 'd3'] }])).toEqual([
      { kind: 'raise', finding: b },
    ]);
  });
});
