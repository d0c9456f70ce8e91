import type { ActionInput, EventActionName } from '../events/index.ts';
import type { CasePlan } from './demo-case-plans.ts';

/**
 * The steps of one planned case after its report, as the loop's actions: who takes each (by relation to the case,
 * resolved when the step runs, since an escalation or a dispatch changes who that is) and when (from the case's own
 * deadline, so "on time" and "late" are the loop's judgement, not the demo's).
 */

/** owner: the centre owning the case · lead / co: its lead or co-handling unit · grid: the grid's worker · county: the county centre (return visits) · leader: the city leader. */
export type Who = 'owner' | 'lead' | 'co' | 'grid' | 'county' | 'leader';
/** soon: within the hour · in_time: before the stage is due · late: after it · next_day: a working day on. */
export type When = 'soon' | 'in_time' | 'late' | 'next_day';

export type DemoAction = EventActionName | 'supervise' | 'answer_order' | 'close_order';

export interface Step {
  who: Who;
  action: DemoAction;
  when: When;
  /** The unit-dependent input is filled in when the step runs: `target` names which unit. */
  input?: ActionInput;
  target?: 'right' | 'wrong';
  coHandled?: boolean;
}

const CHECKS: readonly string[] = ['现场核查，已处理到位', '复核现场，问题已解决', '核查属实，处置完毕'];
const HANDLED: Record<string, string> = {
  CG: '已安排人员现场处置，恢复原状',
  AQ: '已上门排查并督促整改到位',
  MD: '已组织双方调解，达成一致意见',
  BM: '已上门服务，协助办理完毕',
  RX: '已电话答复来电人，问题已解释清楚',
};

const handled = (plan: CasePlan) => HANDLED[plan.itemCode.slice(0, 2)];

/** The loop of one case, from the state just after its report ('verifying' when it came without evidence). */
export function stepsOf(plan: CasePlan, opts: { verifying: boolean; onSiteCheck: boolean }): Step[] {
  const steps: Step[] = [];
  if (opts.verifying) steps.push({ who: 'grid', action: 'verify', when: 'soon', input: { note: '网格员现场核实，情况属实' } });
  if (plan.outcome === 'voided') return [...steps, { who: 'owner', action: 'void', when: 'soon', input: { note: '经核实不属于受理范围' } }];
  if (plan.outcome === 'fixed') return [...steps, { who: 'grid', action: 'fix_on_spot', when: 'soon', input: { note: '已当场处理完毕' } }];
  // demo-cases.ts voids it instead when the master has been closed meanwhile.
  if (plan.outcome === 'merged')
    return [...steps, { who: 'owner', action: 'merge', when: 'soon', input: { note: '同一问题重复反映，并入原案' } }];
  steps.push({ who: 'owner', action: 'accept', when: 'soon' });
  if (plan.outcome === 'escalated') {
    steps.push({ who: 'owner', action: 'escalate', when: 'soon', input: { note: '涉及多部门，本级无法协调，提请上级处理' } });
  }
  if (plan.outcome === 'returned') {
    steps.push(
      { who: 'owner', action: 'dispatch', when: 'soon', target: 'wrong' },
      { who: 'lead', action: 'return', when: 'in_time', input: { note: '不属于本单位职责范围，请改派' } },
      { who: 'owner', action: 'return_accept', when: 'soon' },
    );
  }
  steps.push(
    { who: 'owner', action: 'dispatch', when: 'soon', target: 'right', coHandled: plan.outcome === 'co_handled' },
    { who: 'lead', action: 'sign', when: 'soon' },
  );
  if (plan.outcome === 'co_handled') {
    steps.push(
      { who: 'co', action: 'co_sign', when: 'soon' },
      { who: 'co', action: 'co_reply', when: 'in_time', input: { note: '已配合现场执法' } },
    );
  }
  if (plan.outcome === 'extended') {
    steps.push(
      { who: 'lead', action: 'extension_request', when: 'in_time', input: { note: '需协调多方，申请延期', workingDays: 3 } },
      { who: 'owner', action: 'extension_approve', when: 'soon' },
    );
  }
  if (plan.supervised) {
    steps.push(
      { who: 'leader', action: 'supervise', when: plan.outcome === 'late' || plan.outcome === 'stalled' ? 'late' : 'in_time' },
      { who: 'lead', action: 'answer_order', when: 'soon' },
    );
  }
  if (plan.outcome === 'stalled') return steps;
  const handle = (when: When): Step[] => [
    { who: 'lead', action: 'handle', when, input: { note: handled(plan) } },
    ...(opts.onSiteCheck
      ? [{ who: 'grid' as const, action: 'check' as const, when: 'soon' as const, input: { note: CHECKS[plan.n % 3] } }]
      : []),
  ];
  steps.push(...handle(plan.outcome === 'late' ? 'late' : 'in_time'));
  if (plan.outcome === 'reworked') {
    steps.push({ who: 'owner', action: 'rework', when: 'soon', input: { note: '现场复核未整改到位，退回返工' } }, ...handle('in_time'));
  }
  steps.push({ who: 'owner', action: 'close', when: 'soon' });
  if (plan.supervised) steps.push({ who: 'leader', action: 'close_order', when: 'soon' });
  if (plan.rating) steps.push({ who: 'county', action: 'visit', when: 'next_day', input: { rating: plan.rating, note: visitNote(plan) } });
  if (plan.outcome === 'reopened') {
    steps.push(
      { who: 'owner', action: 'reopen', when: 'soon', input: { note: '群众回访不满意，问题仍未解决' } },
      { who: 'owner', action: 'dispatch', when: 'soon', target: 'right' },
      { who: 'lead', action: 'sign', when: 'soon' },
      ...handle('in_time'),
      { who: 'owner', action: 'close', when: 'soon' },
      { who: 'county', action: 'visit', when: 'next_day', input: { rating: 'basic', note: '二次处置后基本满意' } },
    );
  }
  return steps;
}

function visitNote(plan: CasePlan): string {
  if (plan.rating === 'dissatisfied') return '群众反映处理不彻底';
  return plan.rating === 'basic' ? '基本满意，希望加强巡查' : '群众对处理结果表示满意';
}
