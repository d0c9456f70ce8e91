import { booleanPointInPolygon, feature, pointOnFeature } from '@turf/turf';
import { chinaDate } from '../../shared/china-time.ts';
import type { AccessService, Actor } from '../access/index.ts';
import { consoleActor } from '../access/index.ts';
import { type EventsService, newTrackingCode, type SupervisionService } from '../events/index.ts';
import { createCalendar } from '../platform/calendar/calendar.core.ts';
import type { Db } from '../platform/db.ts';
import { createRandom } from '../platform/random.ts';
import { type AreaGeometry, gridsUnder } from '../territory/index.ts';
import { type DemoAssessmentServices, demoMonthlyRound } from './demo-assessment.ts';
import { type CasePlan, type DemoGrid, planCases } from './demo-case-plans.ts';
import { type Step, stepsOf, type When } from './demo-case-steps.ts';
import { DEMO_CITY, DEMO_REGISTRY_VILLAGES } from './demo-city.ts';
import { DEMO_PASSWORD } from './demo-users.ts';
import { personName } from './people.ts';

/** What the demo's cases and its months' assessment are driven through: the areas' own services, on a clock the demo moves. */
export interface DemoCaseServices extends DemoAssessmentServices {
  access: AccessService;
  events: EventsService;
  supervision: SupervisionService;
  sweep: () => Promise<unknown>;
}

/** A 1×1 PNG: the evidence the loop asks for where the item needs a photo. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const MINUTE = 60_000;
const TOWNSHIP = DEMO_REGISTRY_VILLAGES[0].slice(0, 9);

/** Whether the demo already has cases: then loading them again adds nothing. */
export async function hasDemoCases(events: EventsService): Promise<boolean> {
  return (await events.find(consoleActor, {}, { offset: 0, limit: 1 })).total > 0;
}

/**
 * A few months of cases in the demo villages, filed and moved through the real loop on a clock the demo moves
 * (`setNow`): deadlines, lights, sweeps' warnings and the figures' roll-ups are the product's own. Every source,
 * outcome and rating in the shares of demo-case-plans.ts; what would happen after `now` has not happened yet, so a
 * share stays open at every stage.
 */
export async function loadDemoCases(opts: {
  db: Db;
  services: DemoCaseServices;
  setNow: (at: Date) => void;
  now: Date;
  putPhoto: (bytes: Buffer) => Promise<string>;
  count?: number;
  days?: number;
}) {
  const { services, now } = opts;
  const { events, supervision } = services;
  if (await hasDemoCases(events)) return { cases: 0, months: 0, roundSeconds: 0 };
  const random = createRandom('demo-cases');
  const calendar = createCalendar();
  const photo = await opts.putPhoto(PHOTO);
  const grids = await demoGrids(opts.db, random);
  const staff = await demoStaff(services.access, grids);
  const plans = planCases({ random, calendar, grids, end: now, days: opts.days ?? 90, count: opts.count ?? 300 });

  type Row = Awaited<ReturnType<EventsService['fileCase']>>;
  const rows = new Map<number, Row>();
  const orders = new Map<number, string>();
  const queue: { at: number; seq: number; run: () => Promise<void> }[] = [];
  let seq = 0;
  const schedule = (at: Date, run: () => Promise<void>) => {
    if (at.getTime() > now.getTime()) return; // not yet happened: the case waits at this stage
    const job = { at: at.getTime(), seq: seq++, run };
    let i = queue.length;
    while (i > 0 && (queue[i - 1].at > job.at || (queue[i - 1].at === job.at && queue[i - 1].seq > job.seq))) i--;
    queue.splice(i, 0, job);
  };

  const whenOf = (when: When, row: Row, at: Date): Date => {
    const minutes = (a: number, b: number) => (a + random() * (b - a)) * MINUTE;
    if (when === 'soon') return calendar.addWorkingMillis(at, minutes(5, 80));
    if (when === 'next_day') return calendar.addWorkingMillis(at, calendar.officeDayMillis + minutes(0, 300));
    const due = row.stageDueAt ?? calendar.addWorkingMillis(at, 4 * 60 * MINUTE);
    if (when === 'late') return calendar.addWorkingMillis(due, minutes(60, 3 * 420));
    const left = Math.max(calendar.workingMillisBetween(at, due), 20 * MINUTE);
    return calendar.addWorkingMillis(at, left * (0.15 + random() * 0.6));
  };

  const actorFor = (step: Step, row: Row): Actor => {
    const unit = {
      owner: row.ownerCode,
      lead: row.leadUnit,
      co: row.coUnits[0],
      grid: row.gridCode,
      county: DEMO_CITY.gridCounty,
      leader: 'leader',
    }[step.who];
    const actor = unit ? staff.get(unit) : undefined;
    if (!actor) throw new Error(`demo cases: nobody of ${unit} to ${step.action} case ${row.caseNo}`);
    return actor;
  };

  const targetOf = (plan: CasePlan, row: Row, which: 'right' | 'wrong') => {
    const right = plan.lead ?? (row.ownerCode === DEMO_CITY.gridCounty ? TOWNSHIP : row.ownerCode);
    if (which === 'right') return right;
    return right === 'YM-CG' ? 'YM-SJ' : 'YM-CG';
  };

  const runStep = async (plan: CasePlan, steps: Step[], i: number, at: Date) => {
    opts.setNow(at);
    const step = steps[i];
    const row = rows.get(plan.n)!;
    const actor = actorFor(step, row);
    const needsPhoto = closingOf(row).afterPhoto;
    if (step.action === 'supervise') {
      const order = await supervision.issue(actor, {
        kind: 'supervise',
        method: plan.n % 2 ? 'phone' : 'written',
        eventId: row.id,
        note: '群众反映强烈，请加快办理并按时反馈',
        workingDays: 2,
      });
      orders.set(plan.n, order.id);
    } else if (step.action === 'answer_order') {
      await supervision.reply(actor, orders.get(plan.n)!, '已落实专人负责，正在加快处置');
    } else if (step.action === 'close_order') {
      await supervision.close(actor, orders.get(plan.n)!);
    } else {
      const input = { ...step.input };
      if (step.target) input.targetUnit = targetOf(plan, row, step.target);
      if (step.coHandled) input.coUnits = [input.targetUnit === 'YM-GA' ? 'YM-CG' : 'YM-GA'];
      const master = plan.masterOf === undefined ? undefined : rows.get(plan.masterOf)!;
      // A duplicate whose master was closed meanwhile has nothing to join: it is voided as a repeat.
      const action = step.action === 'merge' && !isOpen(master?.status) ? 'void' : step.action;
      if (action === 'merge') input.masterId = master!.id;
      if (action === 'void' && step.action === 'merge') input.note = '重复反映，原案已办结';
      if (needsPhoto && ['handle', 'check', 'fix_on_spot', 'verify'].includes(action)) input.attachments = [photo];
      const saved = await events.step(actor, row, action, row.version, input);
      rows.set(plan.n, saved);
      // A merge adds to its master's reports: read the master again before its next step.
      // A merge adds the duplicate's reports to its master's (and changes nothing else of it): the cached master follows.
      if (action === 'merge' && master) {
        rows.set(plan.masterOf!, { ...master, reports: master.reports + row.reports });
      }
    }
    if (i + 1 < steps.length) {
      const next = whenOf(steps[i + 1].when, rows.get(plan.n)!, at);
      schedule(next, () => runStep(plan, steps, i + 1, next));
    }
  };

  for (const plan of plans) {
    schedule(plan.reportedAt, async () => {
      opts.setNow(plan.reportedAt);
      const reporter = reporterOf(plan, staff);
      const row = await events.fileCase(reporter, plan.gridCode, {
        itemCode: plan.itemCode,
        lng: plan.lng,
        lat: plan.lat,
        description: plan.description,
        photos: plan.source === 'grid_worker' || plan.source === 'video' ? [photo] : [],
        source: plan.source,
        reporterName: plan.reporterName,
        reporterPhone: plan.reporterPhone,
        externalNo: plan.externalNo,
        trackingCode: plan.source === 'citizen' ? newTrackingCode(DEMO_CITY.gridCounty) : undefined,
      });
      rows.set(plan.n, row);
      const all = stepsOf(plan, {
        verifying: row.status === 'verifying',
        onSiteCheck: closingOf(row).onSiteCheck,
      });
      const steps = plan.waitsAfter === undefined ? all : all.slice(0, Math.floor(plan.waitsAfter * all.length));
      if (steps.length) {
        const at = whenOf(steps[0].when, row, plan.reportedAt);
        schedule(at, () => runStep(plan, steps, 0, at));
      }
    });
  }
  // The county centre closes each month that has ended on the first afternoon of the next (its rewards rules set
  // before the first case); a month not closed by `now` is computed only, after the last step.
  const monthly = demoMonthlyRound({
    services,
    assessor: staff.get('assessor')!,
    approver: staff.get('approver')!,
    random: createRandom('demo-assessment'),
  });
  // What the monthly round adds to the first start, said by the CLI.
  let roundMs = 0;
  const timed =
    <A extends unknown[]>(fn: (...a: A) => Promise<void>) =>
    async (...a: A) => {
      const t0 = performance.now();
      await fn(...a);
      roundMs += performance.now() - t0;
    };
  const round = { rules: timed(monthly.rules), close: timed(monthly.close), open: timed(monthly.open) };
  const first = plans[0].reportedAt;
  schedule(new Date(first.getTime() - MINUTE), async () => {
    opts.setNow(new Date(first.getTime() - MINUTE));
    await round.rules();
  });
  const months = monthsFrom(chinaDate(first).slice(0, 7), chinaDate(now).slice(0, 7));
  const closing = (month: string) => new Date(`${nextMonth(month)}-01T16:30:00+08:00`);
  const closed = months.filter((m) => closing(m) <= now);
  for (const month of closed)
    schedule(closing(month), async () => {
      opts.setNow(closing(month));
      await round.close(month, month === closed.at(-1));
    });
  // The sweep at the end of each working day records the day's warnings, as the running server would.
  for (let day = new Date(plans[0].reportedAt); day < now; day = new Date(day.getTime() + 24 * 60 * MINUTE)) {
    const evening = new Date(`${new Date(day.getTime() + 8 * 60 * MINUTE).toISOString().slice(0, 10)}T17:45:00+08:00`);
    if (calendar.isWorkday(evening))
      schedule(evening, async () => {
        opts.setNow(evening);
        await services.sweep();
      });
  }
  while (queue.length) await queue.shift()!.run();
  opts.setNow(now);
  await services.sweep();
  for (const month of months.filter((m) => !closed.includes(m))) await round.open(month);
  return { cases: plans.length, months: months.length, roundSeconds: roundMs / 1000 };
}

const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
/** The months (YYYY-MM) from one to another, both included. */
function monthsFrom(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

/** What closing the case needs, from the rule it was reported under (kept on its row). */
const closingOf = (row: { rule: unknown }) => (row.rule as { closing: { afterPhoto: boolean; onSiteCheck: boolean } }).closing;

const OPEN = new Set(['verifying', 'reported', 'accepted', 'dispatched', 'returned', 'arbitrating', 'signed', 'handled', 'checked']);
const isOpen = (status: string | undefined) => status !== undefined && OPEN.has(status);

/** Who files the report: the grid's worker, a department's patroller, the county centre for the hotline, video and sensor alarms and leaders' instructions; a citizen has no account. */
function reporterOf(plan: CasePlan, staff: Map<string, Actor>): Actor | null {
  if (plan.source === 'citizen') return null;
  if (plan.source === 'grid_worker') return staff.get(plan.gridCode)!;
  if (plan.source === 'department') return staff.get('YM-CG')!;
  return staff.get(DEMO_CITY.gridCounty)!;
}

/** The grids of the demo villages, each with a few points inside it to report at. */
async function demoGrids(db: Db, random: () => number): Promise<DemoGrid[]> {
  const grids = (await Promise.all(DEMO_REGISTRY_VILLAGES.map((v) => gridsUnder(db, consoleActor.scope, v)))).flat();
  return grids.map((g) => {
    const geometry = g.geometry as AreaGeometry;
    const points: [number, number][] = [];
    for (let tries = 0; points.length < 12 && tries < 200; tries++) {
      const p: [number, number] = [
        Number((g.minLng + random() * (g.maxLng - g.minLng)).toFixed(6)),
        Number((g.minLat + random() * (g.maxLat - g.minLat)).toFixed(6)),
      ];
      if (booleanPointInPolygon(p, geometry)) points.push(p);
    }
    if (!points.length) points.push(pointOnFeature(feature(geometry)).geometry.coordinates as [number, number]);
    return { code: g.code, place: g.name.replace(/第\d+网格$/, ''), points };
  });
}

/**
 * The staff who act on the cases, by the unit they answer for: the demo accounts, and the ones the demo needs
 * besides them (a worker for each grid, the second village's workstation, the police and market handlers).
 */
async function demoStaff(access: AccessService, grids: DemoGrid[]): Promise<Map<string, Actor>> {
  const random = createRandom('demo-staff');
  const users = await access.findUsers();
  const has = new Set(users.map((u) => u.username));
  const wanted = [
    ...grids.map((g) => ({
      username: `w${g.code.slice(6)}`,
      displayName: `网格员 ${personName(random)}`,
      roles: ['grid_worker'],
      areaCodes: [g.code],
    })),
    ...DEMO_REGISTRY_VILLAGES.map((v) => ({
      username: `v${v.slice(6)}`,
      displayName: `村(社区)工作站 ${personName(random)}`,
      roles: ['village_center'],
      areaCodes: [v],
    })),
    {
      username: 'countyhead',
      displayName: `云梦县网格化中心主任 ${personName(random)}`,
      roles: ['county_center'],
      areaCodes: [DEMO_CITY.gridCounty],
    },
    {
      username: 'police',
      displayName: `公安局 ${personName(random)}`,
      roles: ['department_handler'],
      areaCodes: [DEMO_CITY.gridCounty],
      departmentCode: 'YM-GA',
    },
    {
      username: 'market',
      displayName: `市场监管局 ${personName(random)}`,
      roles: ['department_handler'],
      areaCodes: [DEMO_CITY.gridCounty],
      departmentCode: 'YM-SJ',
    },
  ];
  for (const u of wanted) if (!has.has(u.username)) await access.createUser(null, { ...u, password: DEMO_PASSWORD });
  const byUnit = new Map<string, Actor>();
  const all = await access.findUsers();
  // The county centre's assessor computes and submits; its head approves what the assessor submitted.
  byUnit.set('assessor', all.find((u) => u.username === 'county')!);
  byUnit.set('approver', all.find((u) => u.username === 'countyhead')!);
  for (const u of all) {
    const unit = u.roles.includes('department_handler') ? u.departmentCode : u.roles.includes('leader') ? 'leader' : u.areas[0]?.code;
    // The demo's own accounts come first where one is already bound to the unit (the worker of the first grid).
    if (unit && !byUnit.has(unit) && !u.roles.some((r) => r.endsWith('_admin') || r === 'grid_leader')) byUnit.set(unit, u);
  }
  return byUnit;
}
