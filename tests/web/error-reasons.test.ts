import { describe, expect, it } from 'vitest';
import { checkRule } from '../../server/disputes/dispute-warnings.core.ts';
import { checkPlan } from '../../server/fieldwork/followups.core.ts';
import { WARNING_RULE_KINDS, type WarningRuleKind } from '../../shared/dispute-warnings.ts';
import { fieldKey, reasonKey } from '../../web/src/error-reasons.ts';
import { reasons as en } from '../../web/src/i18n/en/reasons.ts';
import { reasons as zh } from '../../web/src/i18n/zh-CN/reasons.ts';

/** Every way a county's warning rule can be impossible, for each kind: zero, too many, unknown, unused, a blank keyword. */
function impossibleRules() {
  const kinds = WARNING_RULE_KINDS as readonly WarningRuleKind[];
  const bad = [
    { days: 0, count: 0, minPeople: 0, minDaysOverdue: 0, typeCodes: ['9999'], keywords: ['', '很'.repeat(30)] },
    {
      days: 400,
      count: 5000,
      minPeople: 200_000,
      minDaysOverdue: 400,
      typeCodes: Array(60).fill('0701'),
      keywords: Array(60).fill('讨薪'),
    },
    { days: 1.5, count: 2.5 },
    {},
  ];
  return [
    ...kinds.flatMap((kind) => bad.map((params) => ({ key: `own_${kind}`, kind, level: 'village' as const, enabled: true, params }))),
    { key: 'missed_visits', kind: 'same_parties' as const, level: 'village' as const, enabled: true, params: { days: 7, count: 3 } },
    { key: 'x', kind: 'bogus' as WarningRuleKind, level: 'village' as const, enabled: true, params: {} },
  ];
}

describe('refusals in words', () => {
  const details = [
    ...impossibleRules().flatMap((r) => checkRule(r)),
    ...checkPlan({ cadence: 'hourly', follower: 'mayor', intervalDays: 5 }),
    ...checkPlan({ cadence: 'days', follower: 'grid_worker' }),
    ...checkPlan({ cadence: 'days', follower: 'grid_worker', intervalDays: 0 }),
  ];

  it('the checks give many reasons, each with a number where the key carries one', () => {
    const keys = new Set(details.map((d) => d.reason));
    expect(keys.size).toBeGreaterThan(8);
    expect(reasonKey('at_most_365')).toEqual({ key: 'at_most', values: { n: '365' } });
    expect(reasonKey('at_most_20_chars')).toEqual({ key: 'at_most_chars', values: { n: '20' } });
    expect(reasonKey('responsible_is_grid_leader')).toEqual({ key: 'responsible_is_role', values: { role: 'grid_leader' } });
    expect(reasonKey('not_used_by_kind')).toEqual({ key: 'not_used_by_kind', values: {} });
  });

  it('every reason a warning rule or a follow-up plan is refused for has words in Chinese and English', () => {
    const missing = [...new Set(details.map((d) => reasonKey(d.reason).key))].filter((k) => !(k in zh.reasons) || !(k in en.reasons));
    expect(missing).toEqual([]);
  });

  it('every field those refusals name has a name in both languages; a keyword is named by its position', () => {
    const missing = [...new Set(details.map((d) => fieldKey(d.field).key))].filter((k) => !(k in zh.fields) || !(k in en.fields));
    expect(missing).toEqual([]);
    expect(fieldKey('params.keywords.2')).toEqual({ key: 'params_keywords', item: 3 });
  });
});
