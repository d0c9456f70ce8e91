import { ASSESSEE_KINDS } from '../../shared/enums.ts';
import type { Actor } from '../access/index.ts';
import type { AssessmentService } from '../assessment/index.ts';
import type { LedgerService, RulesService } from '../rewards/index.ts';
import { DEMO_CITY } from './demo-city.ts';

/** What a month's assessment, rewards and briefings are made through: the areas' own services. */
export interface DemoAssessmentServices {
  assessment: AssessmentService;
  rewards: LedgerService;
  rewardRules: RulesService;
  /** The schedule's briefings of the months (and quarters) that have just ended. */
  briefings: () => Promise<unknown>;
}

/** 以奖代补 after Xiaogan: per verified case by item class, per worker of a commissioned task, per star level. */
const RULES = [
  { kind: 'case', key: 'CG', amount: 200, note: '城市管理类问题核实办结' },
  { kind: 'case', key: 'CG06', amount: 300, note: '市容环境类问题核实办结' },
  { kind: 'case', key: 'AQ', amount: 500, note: '公共安全类问题核实办结' },
  { kind: 'case', key: 'MD', amount: 800, note: '矛盾纠纷类问题核实化解' },
  { kind: 'task', key: '出租房屋信息集中采集', amount: 200, note: '县委政法委委托任务' },
  { kind: 'task', key: '防汛值守', amount: 500, note: '汛期专项任务' },
  { kind: 'star', key: '5', amount: 600, note: null },
  { kind: 'star', key: '4', amount: 400, note: null },
  { kind: 'star', key: '3', amount: 200, note: null },
] as const;

const SPOT_NOTES = [
  '暗访抽查：入户核查信息准确',
  '暗访抽查：问题台账更新不及时，已督促整改',
  '现场督查：巡查发现问题已整改到位',
  '现场督查：工作站值守正常',
];
const SURVEY_NOTES = ['满意度测评：电话回访 20 户', '满意度测评：入户问卷 15 份'];

/**
 * The county centre's monthly round on the demo's cases, as a county does it: after a month ends, each kind of
 * assessee is computed by its default scheme, the assessor's spot checks and surveys are entered, the month is
 * reviewed and published, the schedule's briefings of it are written, and for the last month the rewards ledger is
 * computed, given its commissioned-task subsidies, submitted and approved by a second account of the centre. A month
 * still running is only computed. Everything goes through the areas' services on the demo's clock.
 */
export function demoMonthlyRound(opts: { services: DemoAssessmentServices; assessor: Actor; approver: Actor; random: () => number }) {
  const { services, assessor, approver, random } = opts;
  const county = DEMO_CITY.gridCounty;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const score = (low: number) => Math.round(random() < 0.1 ? low - 15 + random() * 15 : low + random() * (100 - low));

  const computeAll = async (period: string) => {
    const runs = [];
    for (const kind of ASSESSEE_KINDS) runs.push(await services.assessment.compute(assessor, { area: county, kind, period }));
    return runs;
  };

  return {
    /** The county's reward rules, set once before the first month is closed. */
    async rules() {
      for (const r of RULES) await services.rewardRules.create(assessor, county, r);
    },

    /** A month that has ended: assessed, entered, reviewed, published, briefed; with its ledger when `ledger`. */
    async close(period: string, ledger: boolean) {
      for (const run of await computeAll(period)) {
        const manual = run.scheme.items.filter((i) => i.source === 'manual').map((i) => i.key);
        const entries = run.results.flatMap((r) =>
          manual.map((item) =>
            item === 'survey'
              ? { assesseeCode: r.assesseeCode, item, value: score(75), note: pick(SURVEY_NOTES) }
              : { assesseeCode: r.assesseeCode, item, value: score(70), note: pick(SPOT_NOTES) },
          ),
        );
        const entered = entries.length ? await services.assessment.enterMany(assessor, run.id, { entries }) : run;
        const reviewed = await services.assessment.review(assessor, run.id, entered.version);
        await services.assessment.publish(assessor, run.id, reviewed.version);
      }
      await services.briefings();
      if (!ledger) return;
      let sheet = await services.rewards.compute(assessor, { county, period });
      const rules = (await services.rewardRules.rules(assessor, county)).items.filter((r) => r.kind === 'task');
      const workers = (await services.rewards.workers(assessor, county)).items;
      for (const [i, w] of workers.slice(0, 4).entries()) {
        const rule = rules[i % rules.length];
        sheet = await services.rewards.enter(assessor, sheet.id, {
          kind: 'task',
          workerId: w.id,
          ruleId: rule.id,
          reference: `${period} ${rule.key}`,
          reason: `完成${rule.key}任务，经乡镇中心核实`,
          version: sheet.version,
        });
      }
      sheet = await services.rewards.submit(assessor, sheet.id, sheet.version);
      await services.rewards.approve(approver, sheet.id, sheet.version);
    },

    /** A month still running (or not yet reviewed): computed from the cases so far. */
    async open(period: string) {
      await computeAll(period);
    },
  };
}
