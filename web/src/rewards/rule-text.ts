import type { TFunction } from 'i18next';
import type { RewardEntry } from '../api/replies.ts';

/** What an entry pays by, in words: the rule as it stood when the entry was made. */
export function ruleText(t: TFunction, e: RewardEntry): string {
  const r = e.rule;
  if (!r) return '';
  if (r.kind === 'case') return t('rewards.ledger.perCase', { label: r.label ?? r.key, key: r.key, amount: r.amount });
  if (r.kind === 'task') return t('rewards.ledger.perTask', { label: r.label ?? r.key, amount: r.amount });
  return t('rewards.ledger.perStar', { n: r.key, amount: r.amount });
}
