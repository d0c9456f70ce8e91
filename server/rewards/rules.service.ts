import type { RewardRuleKind } from '../../shared/enums.ts';
import { can } from '../../shared/roles.ts';
import { catalogueItemNames } from '../events/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { countyArea } from './county-area.ts';
import { checkRule } from './rewards.core.ts';
import * as store from './rewards.store.ts';

export interface RuleInput {
  kind: RewardRuleKind;
  key: string;
  amount: number;
  note?: string | null;
}

const changed = (version: number) => new AppError('reward.changed', [{ field: 'body.version', reason: 'stale', value: version }]);

/** The labels rules are read by: the item class's name for case rules (retired ones too), the task's name, the stars. */
export async function ruleLabels(tx: Tx, rules: readonly { kind: string; key: string }[]): Promise<Map<string, string>> {
  const names = await catalogueItemNames(
    tx,
    rules.filter((r) => r.kind === 'case').map((r) => r.key),
  );
  for (const r of rules) if (r.kind === 'task') names.set(r.key, r.key);
  return names;
}

/** 奖补规则 of a county: read by its centre, leaders and the city; set by the county centre. */
export function createRulesService({ db, clock }: { db: Db; clock: Clock }) {
  const view = (actor: Actor, r: store.RuleRow, labels: Map<string, string>) => ({
    id: r.id,
    countyCode: r.countyCode,
    kind: r.kind as RewardRuleKind,
    key: r.key,
    label: r.kind === 'star' ? null : (labels.get(r.key) ?? null),
    amount: r.amount,
    note: r.note,
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt,
    abilities: { edit: can(actor.roles, 'rewards.manage') },
  });

  async function ruleToChange(tx: Tx, actor: Actor, id: string, version: number) {
    const row = await store.getRule(tx, actor.scope, id, true);
    if (!row) throw new AppError('reward.rule_not_found');
    if (row.version !== version) throw changed(version);
    return row;
  }

  return {
    async rules(actor: Actor, county: string) {
      countyArea(actor, county, 'querystring.county');
      const rows = await store.rulesOf(db, county);
      const labels = await ruleLabels(db, rows);
      return { countyCode: county, items: rows.map((r) => view(actor, r, labels)) };
    },

    /** A new rule: its key checked for its kind (an item class must be in the catalogue), the amount in whole yuan, 0 or more. */
    async create(actor: Actor, county: string, input: RuleInput) {
      countyArea(actor, county, 'body.county');
      const key = input.key.trim();
      const details = checkRule({ ...input, key });
      if (details.length) throw new AppError('reward.rule_invalid', details);
      const labels = await ruleLabels(db, [{ kind: input.kind, key }]);
      if (input.kind === 'case' && !labels.has(key))
        throw new AppError('reward.item_unknown', [{ field: 'body.key', reason: 'reward.item_unknown', value: key }]);
      const at = clock();
      const row = await db.transaction(async (tx) => {
        const saved = await store.insertRule(tx, {
          countyCode: county,
          kind: input.kind,
          key,
          amount: input.amount,
          note: input.note?.trim() || null,
          updatedBy: actor.displayName,
          updatedAt: at,
        });
        if (!saved) throw new AppError('reward.rule_exists', [{ field: 'body.key', reason: 'reward.rule_exists', value: key }]);
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'reward.rule_created',
          target: county,
          detail: { kind: input.kind, key, amount: input.amount },
        });
        return saved;
      });
      return view(actor, row, labels);
    },

    /** A rule's amount and note, on the version the editor saw; entries already made keep the rule as it stood. */
    async update(actor: Actor, id: string, input: { amount: number; note?: string | null; version: number }) {
      const at = clock();
      const row = await db.transaction(async (tx) => {
        const before = await ruleToChange(tx, actor, id, input.version);
        const details = checkRule({ kind: before.kind as RewardRuleKind, key: before.key, amount: input.amount });
        if (details.length) throw new AppError('reward.rule_invalid', details);
        const saved = await store.updateRule(tx, before, input.version, {
          amount: input.amount,
          note: input.note?.trim() || null,
          updatedBy: actor.displayName,
          updatedAt: at,
        });
        if (!saved) throw changed(input.version);
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'reward.rule_updated',
          target: before.countyCode,
          detail: { kind: before.kind, key: before.key, from: before.amount, to: input.amount },
        });
        return saved;
      });
      return view(actor, row, await ruleLabels(db, [row]));
    },

    /**
     * For the tasks feature: the county's rule for one admitted task (keyed by its number and title) at its subsidy
     * per worker, made inside the caller's transaction; an existing rule of that key is kept as the county set it.
     */
    async taskRuleIn(tx: Tx, input: { countyCode: string; key: string; amount: number; by: string; actorId: string }) {
      const details = checkRule({ kind: 'task', key: input.key, amount: input.amount });
      if (details.length) throw new AppError('reward.rule_invalid', details);
      const at = clock();
      const saved = await store.insertRule(tx, {
        countyCode: input.countyCode,
        kind: 'task',
        key: input.key,
        amount: input.amount,
        note: null,
        updatedBy: input.by,
        updatedAt: at,
      });
      if (!saved) return (await store.rulesOf(tx, input.countyCode)).find((r) => r.kind === 'task' && r.key === input.key)!.id;
      await recordAudit(tx, {
        at,
        actorId: input.actorId,
        action: 'reward.rule_created',
        target: input.countyCode,
        detail: { kind: 'task', key: input.key, amount: input.amount },
      });
      return saved.id;
    },

    async remove(actor: Actor, id: string, version: number) {
      const at = clock();
      await db.transaction(async (tx) => {
        const before = await ruleToChange(tx, actor, id, version);
        if (!(await store.removeRule(tx, before, version))) throw changed(version);
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'reward.rule_removed',
          target: before.countyCode,
          detail: { kind: before.kind, key: before.key, amount: before.amount },
        });
      });
      return { id };
    },
  };
}

export type RulesService = ReturnType<typeof createRulesService>;
