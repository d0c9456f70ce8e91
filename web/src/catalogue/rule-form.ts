import type { CatalogueRule, LimitUnit, StageLimit } from '../api/replies.ts';

export const LIMIT_UNITS: readonly LimitUnit[] = ['hours', 'workingDays', 'clockHours'];

/** A stage limit as the form holds it: a unit select beside a number; no unit means no limit. */
export interface LimitField {
  unit: LimitUnit | 'none';
  value?: number | null;
}

type Stage = keyof CatalogueRule['limits'];

export type RuleForm = Omit<CatalogueRule, 'limits' | 'department'> & {
  department: NonNullable<CatalogueRule['department']> | typeof NO_DEPARTMENT;
  limits: Record<string, LimitField>;
};

/** The select can't hold null, so "no department" travels through the form as this. */
export const NO_DEPARTMENT = '';

function limitField(limit: StageLimit | undefined): LimitField {
  const unit = LIMIT_UNITS.find((u) => limit?.[u] !== undefined);
  return unit ? { unit, value: limit![unit] } : { unit: 'none', value: null };
}

export function toRuleForm(rule: CatalogueRule, stages: readonly Stage[]): RuleForm {
  return {
    ...rule,
    department: rule.department ?? NO_DEPARTMENT,
    limits: Object.fromEntries(stages.map((s) => [s, limitField(rule.limits[s])])),
  };
}

export function fromRuleForm(form: RuleForm): CatalogueRule {
  const limits: CatalogueRule['limits'] = {};
  for (const [stage, field] of Object.entries(form.limits ?? {})) {
    // The form's limits are keyed by the stages toRuleForm was given.
    if (field.unit !== 'none' && typeof field.value === 'number') limits[stage as Stage] = { [field.unit]: field.value };
  }
  return {
    level: form.level,
    department: form.department === NO_DEPARTMENT ? null : form.department,
    limits,
    severity: form.severity,
    closing: { afterPhoto: !!form.closing?.afterPhoto, onSiteCheck: !!form.closing?.onSiteCheck },
    fixOnSpot: !!form.fixOnSpot,
    ...(typeof form.maxExtensionDays === 'number' ? { maxExtensionDays: form.maxExtensionDays } : {}),
    // Not edited here; kept as the item has them.
    ...(form.urgencyFactors ? { urgencyFactors: form.urgencyFactors } : {}),
  };
}

/** For a minor class with no item to start from. */
export function blankRule(): CatalogueRule {
  return {
    level: 'township',
    department: null,
    limits: {},
    severity: 'general',
    closing: { afterPhoto: true, onSiteCheck: true },
    fixOnSpot: false,
  };
}

/** JSON with keys sorted: the same limits entered in another order are the same limits. */
function canonical(value: unknown): string {
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

type Version = { name: string; rule: CatalogueRule | null; retired: boolean };

/** Which parts differ between two versions of a node, for the history: name, each rule field, retired. */
export function changedParts(before: Version, after: Version): string[] {
  const parts: string[] = [];
  if (before.name !== after.name) parts.push('name');
  if (before.rule && after.rule) {
    for (const key of [
      'level',
      'department',
      'limits',
      'severity',
      'closing',
      'fixOnSpot',
      'maxExtensionDays',
      'urgencyFactors',
    ] as const) {
      if (canonical(before.rule[key]) !== canonical(after.rule[key])) parts.push(key);
    }
  }
  if (before.retired !== after.retired) parts.push('retired');
  return parts;
}
