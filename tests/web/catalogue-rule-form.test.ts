import { describe, expect, it } from 'vitest';
import type { CatalogueRule } from '../../web/src/api/replies.ts';
import { changedParts, fromRuleForm, toRuleForm } from '../../web/src/catalogue/rule-form.ts';

const STAGES = ['accept', 'dispatch', 'sign', 'handle', 'check', 'visit'] as const;
const rule: CatalogueRule = {
  level: 'county',
  department: null,
  severity: 'general',
  closing: { afterPhoto: true, onSiteCheck: false },
  fixOnSpot: true,
  limits: { accept: { hours: 0.5 }, handle: { workingDays: 3 }, check: { clockHours: 1 } },
};

describe('the catalogue editor form', () => {
  it('shows every stage, a stage without a limit as "none", and sends back the rule it was given', () => {
    const form = toRuleForm(rule, STAGES);
    expect(form.limits.sign).toEqual({ unit: 'none', value: null });
    expect(form.limits.handle).toEqual({ unit: 'workingDays', value: 3 });
    expect(fromRuleForm(form)).toEqual(rule);
    // The extension cap is edited, the urgency factors kept as they were.
    const capped = toRuleForm({ ...rule, maxExtensionDays: 5, urgencyFactors: { urgent: 0.6 } }, STAGES);
    expect(fromRuleForm(capped)).toMatchObject({ maxExtensionDays: 5, urgencyFactors: { urgent: 0.6 } });
    expect(fromRuleForm({ ...capped, maxExtensionDays: null as unknown as number })).not.toHaveProperty('maxExtensionDays');
  });

  it('drops a stage set to "none" or left without a number', () => {
    const form = toRuleForm(rule, STAGES);
    form.limits.accept = { unit: 'none', value: 0.5 };
    form.limits.visit = { unit: 'workingDays', value: null };
    expect(fromRuleForm(form).limits).toEqual({ handle: { workingDays: 3 }, check: { clockHours: 1 } });
  });

  it('names what an edit changed, ignoring the order limits were entered in', () => {
    const reordered = { ...rule, limits: { check: { clockHours: 1 }, handle: { workingDays: 3 }, accept: { hours: 0.5 } } };
    expect(changedParts({ name: 'a', rule, retired: false }, { name: 'a', rule: reordered, retired: false })).toEqual([]);
    const edited: CatalogueRule = { ...rule, severity: 'major', limits: { ...rule.limits, handle: { workingDays: 5 } } };
    expect(changedParts({ name: 'a', rule, retired: false }, { name: 'b', rule: edited, retired: true })).toEqual([
      'name',
      'limits',
      'severity',
      'retired',
    ]);
  });
});
