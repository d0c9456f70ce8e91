/**
 * The pure rules of the rewards ledger (奖补台账): which rule pays a case, what a month's ledger holds, the totals
 * per worker, and the steps of its workflow. Only verified outcomes are paid — a case a unit handled and the centre
 * closed as real, the stars of a published assessment, a commissioned task done — never check-ins, online time,
 * photos or reports filed for their own sake (the 2024 rules forbid such quotas).
 */
import type { RewardEntryKind, RewardRuleKind, RewardSheetStatus } from '../../shared/enums.ts';
import type { ErrorCode, ErrorDetail } from '../../shared/errors.ts';
import { REWARDS } from '../../shared/limits.ts';
import type { StepFlow, StepRefusal } from '../platform/step-flow.ts';

export interface Rule {
  id: string;
  kind: RewardRuleKind;
  key: string;
  amount: number;
}

/** A rule as it stood when an entry was made, so a later edit changes no entry already made. */
export interface RuleSnapshot {
  kind: RewardRuleKind;
  key: string;
  amount: number;
  /** The item class's name (case rules), the task (task rules). */
  label: string | null;
}

export interface Worker {
  id: string;
  name: string;
  gridCode: string | null;
}

export interface CaseFact {
  id: string;
  caseNo: string;
  itemCode: string;
  reporterId: string;
}

export interface StarFact {
  workerId: string;
  stars: number;
  resultId: string;
}

export interface ComputedEntry {
  workerId: string;
  workerName: string;
  gridCode: string | null;
  kind: Extract<RewardEntryKind, 'case' | 'star'>;
  amount: number;
  ruleId: string;
  rule: RuleSnapshot;
  caseId: string | null;
  caseNo: string | null;
  itemCode: string | null;
  stars: number | null;
  resultId: string | null;
}

/** The case rule of the most specific item class that contains the item (CG06010 before CG06 before CG); none: unpaid. */
export function caseRuleFor<R extends Rule>(rules: readonly R[], itemCode: string): R | undefined {
  let best: R | undefined;
  for (const r of rules) if (r.kind === 'case' && itemCode.startsWith(r.key) && (!best || r.key.length > best.key.length)) best = r;
  return best;
}

/**
 * A month's computed entries: one per verified case reported by a worker of the county whose item class has a rule,
 * and one per worker whose stars in the published assessment have a rule. Cases by others (a centre's own staff) and
 * cases already paid in another month are the caller's to leave out.
 */
export function computeEntries(input: {
  rules: readonly Rule[];
  labels: ReadonlyMap<string, string>;
  workers: readonly Worker[];
  cases: readonly CaseFact[];
  stars: readonly StarFact[];
}): ComputedEntry[] {
  const workers = new Map(input.workers.map((w) => [w.id, w]));
  const snap = (r: Rule): RuleSnapshot => ({ kind: r.kind, key: r.key, amount: r.amount, label: input.labels.get(r.key) ?? null });
  const out: ComputedEntry[] = [];
  for (const c of input.cases) {
    const w = workers.get(c.reporterId);
    const rule = w && caseRuleFor(input.rules, c.itemCode);
    if (!w || !rule) continue;
    out.push({
      workerId: w.id,
      workerName: w.name,
      gridCode: w.gridCode,
      kind: 'case',
      amount: rule.amount,
      ruleId: rule.id,
      rule: snap(rule),
      caseId: c.id,
      caseNo: c.caseNo,
      itemCode: c.itemCode,
      stars: null,
      resultId: null,
    });
  }
  for (const s of input.stars) {
    const w = workers.get(s.workerId);
    const rule = input.rules.find((r) => r.kind === 'star' && r.key === String(s.stars));
    if (!w || !rule) continue;
    out.push({
      workerId: w.id,
      workerName: w.name,
      gridCode: w.gridCode,
      kind: 'star',
      amount: rule.amount,
      ruleId: rule.id,
      rule: snap(rule),
      caseId: null,
      caseNo: null,
      itemCode: null,
      stars: s.stars,
      resultId: s.resultId,
    });
  }
  return out;
}

export interface WorkerTotals {
  workerId: string;
  workerName: string;
  gridCode: string | null;
  cases: number;
  case: number;
  task: number;
  star: number;
  adjustment: number;
  total: number;
}

/** One row per worker with the sum of each kind and the total, by name. */
export function totalsByWorker(
  entries: readonly { workerId: string; workerName: string; gridCode: string | null; kind: string; amount: number }[],
): WorkerTotals[] {
  const rows = new Map<string, WorkerTotals>();
  for (const e of entries) {
    const row = rows.get(e.workerId) ?? {
      workerId: e.workerId,
      workerName: e.workerName,
      gridCode: e.gridCode,
      cases: 0,
      case: 0,
      task: 0,
      star: 0,
      adjustment: 0,
      total: 0,
    };
    row[e.kind as RewardEntryKind] += e.amount;
    if (e.kind === 'case') row.cases += 1;
    row.total += e.amount;
    rows.set(e.workerId, row);
  }
  return [...rows.values()].sort((a, b) => a.workerName.localeCompare(b.workerName, 'zh-CN') || a.workerId.localeCompare(b.workerId));
}

/** A rule's key for its kind: a catalogue code (its existence is the caller's to check), a star level, a task's name. */
export function checkRule(input: { kind: RewardRuleKind; key: string; amount: number }): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const key = input.key.trim();
  if (input.kind === 'star' && !/^[1-5]$/.test(key)) details.push({ field: 'body.key', reason: 'reward.stars_1_to_5', value: input.key });
  if (input.kind === 'case' && !/^[A-Z0-9]{1,20}$/.test(key))
    details.push({ field: 'body.key', reason: 'reward.item_unknown', value: input.key });
  if (input.kind === 'task' && (key.length === 0 || key.length > REWARDS.labelMax))
    details.push({ field: 'body.key', reason: 'reward.task_name', value: input.key });
  if (!Number.isInteger(input.amount) || input.amount < 0 || input.amount > REWARDS.amountMax)
    details.push({ field: 'body.amount', reason: 'reward.amount_range', value: input.amount });
  return details;
}

export type SheetStep = 'submit' | 'approve';

/** The ledger's steps: a computed sheet is submitted, a submitted one approved, and then it is final and frozen. */
export const SHEET_FLOW: StepFlow<RewardSheetStatus, SheetStep> = {
  frozen: 'final',
  steps: { submit: { from: ['computed'], to: 'submitted' }, approve: { from: ['submitted'], to: 'final' } },
};

type Refused = { code: ErrorCode; details: ErrorDetail[] };

/**
 * How the ledger says no to a step (platform/step-flow.ts decides which): a final sheet takes none; approving needs a
 * submitted sheet; submitting twice is someone having been first. `version` is the one the caller sent.
 */
export function sheetRefusal(why: StepRefusal, sheet: { status: string }, step: SheetStep, version: number): Refused {
  if (why === 'frozen') return { code: 'reward.final', details: [{ field: 'status', reason: 'reward.final', value: 'final' }] };
  if (why === 'stale') return { code: 'reward.changed', details: [{ field: 'body.version', reason: 'stale', value: version }] };
  return step === 'approve'
    ? { code: 'reward.not_submitted', details: [{ field: 'status', reason: 'reward.not_submitted', value: sheet.status }] }
    : { code: 'reward.changed', details: [{ field: 'status', reason: 'reward.already_submitted', value: sheet.status }] };
}

/** Four eyes on money: a sheet is approved by another account than the one that submitted it. */
export function ownSubmission(sheet: { submittedById: string | null }, actorId: string): Refused | null {
  return sheet.submittedById === actorId
    ? { code: 'reward.own_submission', details: [{ field: 'submittedBy', reason: 'reward.own_submission', value: actorId }] }
    : null;
}
