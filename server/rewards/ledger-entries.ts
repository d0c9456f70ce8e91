import type { RewardEntryKind } from '../../shared/enums.ts';
import { holdersOfRole } from '../access/index.ts';
import type { Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Worker } from './rewards.core.ts';
import * as store from './rewards.store.ts';

/** What an assessor enters by hand: a commissioned task's subsidy by its rule, or an adjustment (plus or minus). */
export interface EntryInput {
  kind: Extract<RewardEntryKind, 'task' | 'adjustment'>;
  workerId: string;
  ruleId?: string;
  amount?: number;
  reference?: string;
  reason: string;
  version: number;
}

/** The grid workers of a county by name (as Chinese sorts them), each with their first grid. */
export async function workersOf(tx: Tx, county: string): Promise<Worker[]> {
  return (await holdersOfRole(tx, 'grid_worker', county))
    .map((u) => ({ id: u.id, name: u.name, gridCode: u.codes[0] ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
}

/** The amount and rule of a hand-made entry, checked: a task rule of the county, or an adjustment that leaves the total at 0 or more. */
export async function entryFor(tx: Tx, sheet: store.SheetRow, worker: Worker, input: EntryInput) {
  const reference = input.reference?.trim() || null;
  if (input.kind === 'task') {
    const rule = (await store.rulesOf(tx, sheet.countyCode)).find((r) => r.id === input.ruleId && r.kind === 'task');
    if (!rule)
      throw new AppError('reward.rule_not_found', [{ field: 'body.ruleId', reason: 'reward.rule_not_found', value: input.ruleId ?? null }]);
    return {
      kind: 'task',
      amount: rule.amount,
      ruleId: rule.id,
      rule: { kind: 'task', key: rule.key, amount: rule.amount, label: rule.key },
      reference,
    } as const;
  }
  const amount = input.amount ?? 0;
  if (amount === 0) throw new AppError('request.invalid', [{ field: 'body.amount', reason: 'reward.amount_zero', value: amount }]);
  const mine = (await store.entriesOf(tx, sheet)).filter((e) => e.workerId === worker.id);
  const total = mine.reduce((n, e) => n + e.amount, 0);
  if (total + amount < 0)
    throw new AppError('reward.total_negative', [{ field: 'body.amount', reason: 'reward.total_negative', value: amount, total }]);
  return { kind: 'adjustment', amount, ruleId: null, rule: null, reference } as const;
}
