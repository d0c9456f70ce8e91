import { describe, expect, it } from 'vitest';
import { nextStatus } from '../platform/step-flow.ts';
import { caseRuleFor, checkRule, computeEntries, ownSubmission, SHEET_FLOW, sheetRefusal, totalsByWorker } from './rewards.core.ts';

const rule = (id: string, kind: 'case' | 'task' | 'star', key: string, amount: number) => ({ id, kind, key, amount });
const RULES = [
  rule('r-cg', 'case', 'CG', 200),
  rule('r-cg06', 'case', 'CG06', 300),
  rule('r-5', 'star', '5', 800),
  rule('r-t', 'task', '经济普查', 500),
];
const workers = [
  { id: 'w1', name: '张敏', gridCode: '420923100001001' },
  { id: 'w2', name: '李强', gridCode: '420923100001002' },
];

describe('which rule pays a case', () => {
  it('takes the most specific item class that contains the item', () => {
    expect(caseRuleFor(RULES, 'CG06010')?.id).toBe('r-cg06');
    expect(caseRuleFor(RULES, 'CG07001')?.id).toBe('r-cg');
    expect(caseRuleFor(RULES, 'SQ01001')).toBeUndefined();
  });
  it('never takes a star or task rule for a case', () => {
    expect(caseRuleFor([rule('x', 'star', 'C', 1), rule('y', 'task', 'CG', 1)], 'CG06010')).toBeUndefined();
  });
});

describe('a month’s computed entries', () => {
  const labels = new Map([
    ['CG', '城市管理'],
    ['CG06', '市容环境'],
  ]);
  const entries = computeEntries({
    rules: RULES,
    labels,
    workers,
    cases: [
      { id: 'c1', caseNo: 'YM-1', itemCode: 'CG06010', reporterId: 'w1' },
      { id: 'c2', caseNo: 'YM-2', itemCode: 'CG07001', reporterId: 'w1' },
      { id: 'c3', caseNo: 'YM-3', itemCode: 'SQ01001', reporterId: 'w2' },
      { id: 'c4', caseNo: 'YM-4', itemCode: 'CG06010', reporterId: 'centre-staff' },
    ],
    stars: [
      { workerId: 'w2', stars: 5, resultId: 'res-2' },
      { workerId: 'w1', stars: 3, resultId: 'res-1' },
    ],
  });

  it('pays each verified case of a priced item class to the worker who reported it, explaining the rule', () => {
    const cases = entries.filter((e) => e.kind === 'case');
    expect(cases.map((e) => [e.caseNo, e.workerName, e.amount])).toEqual([
      ['YM-1', '张敏', 300],
      ['YM-2', '张敏', 200],
    ]);
    expect(cases[0].rule).toEqual({ kind: 'case', key: 'CG06', amount: 300, label: '市容环境' });
  });

  it('pays the stars that have a rule, naming the result behind them', () => {
    expect(entries.filter((e) => e.kind === 'star')).toMatchObject([{ workerId: 'w2', stars: 5, amount: 800, resultId: 'res-2' }]);
  });

  it('totals per worker by kind, by name', () => {
    const rows = totalsByWorker([
      ...entries,
      { workerId: 'w2', workerName: '李强', gridCode: null, kind: 'task', amount: 500 },
      { workerId: 'w1', workerName: '张敏', gridCode: null, kind: 'adjustment', amount: -100 },
    ]);
    expect(rows.map((r) => [r.workerName, r.cases, r.case, r.task, r.star, r.adjustment, r.total])).toEqual([
      ['李强', 0, 0, 500, 800, 0, 1300],
      ['张敏', 2, 500, 0, 0, -100, 400],
    ]);
  });
});

describe('rules checked', () => {
  it('refuses a negative amount, a star level outside 1–5, an empty task and a malformed item class', () => {
    expect(checkRule({ kind: 'case', key: 'CG06', amount: -1 })).toEqual([
      { field: 'body.amount', reason: 'reward.amount_range', value: -1 },
    ]);
    expect(checkRule({ kind: 'star', key: '6', amount: 100 })[0]).toMatchObject({ field: 'body.key', reason: 'reward.stars_1_to_5' });
    expect(checkRule({ kind: 'task', key: '  ', amount: 100 })[0]).toMatchObject({ field: 'body.key', reason: 'reward.task_name' });
    expect(checkRule({ kind: 'case', key: 'cg 06', amount: 100 })[0]).toMatchObject({ field: 'body.key', reason: 'reward.item_unknown' });
    expect(checkRule({ kind: 'star', key: '4', amount: 0 })).toEqual([]);
  });
});

describe('the workflow', () => {
  it('freezes a final sheet, approves only a submitted one, and never by its submitter', () => {
    const step = (status: string, s: 'submit' | 'approve') => nextStatus(SHEET_FLOW, { status, version: 1 }, s, 1);
    expect(step('computed', 'submit')).toEqual({ to: 'submitted' });
    expect(step('submitted', 'approve')).toEqual({ to: 'final' });
    expect(step('final', 'approve')).toEqual({ refused: 'frozen' });
    expect(step('computed', 'approve')).toEqual({ refused: 'out_of_order' });
    expect(step('submitted', 'submit')).toEqual({ refused: 'out_of_order' });
    expect(sheetRefusal('frozen', { status: 'final' }, 'approve', 1)).toEqual({
      code: 'reward.final',
      details: [{ field: 'status', reason: 'reward.final', value: 'final' }],
    });
    expect(sheetRefusal('out_of_order', { status: 'computed' }, 'approve', 1).code).toBe('reward.not_submitted');
    expect(sheetRefusal('out_of_order', { status: 'submitted' }, 'submit', 1)).toMatchObject({
      code: 'reward.changed',
      details: [{ reason: 'reward.already_submitted' }],
    });
    expect(sheetRefusal('stale', { status: 'computed' }, 'submit', 3).details).toEqual([
      { field: 'body.version', reason: 'stale', value: 3 },
    ]);
    expect(ownSubmission({ submittedById: 'a' }, 'a')?.code).toBe('reward.own_submission');
    expect(ownSubmission({ submittedById: 'a' }, 'b')).toBeNull();
  });
});
