/**
 * The deadline sweep: reminds the responsible unit before a stage is due, tells it when the stage is overdue, and
 * records the warning colours units earn. Several servers may run it at once (DESIGN: stateless servers), so it
 * takes a transaction-scoped advisory lock and the one that does not get it skips; every write is keyed so a
 * second run, or a run after a crash, writes nothing twice.
 */

import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import type { Notice, Notifier } from '../inbox/inbox.channels.ts';
import { caseNotices, recipientsOf } from '../inbox/inbox.service.ts';
import { type CaseHooks, factCase, type LoopFact } from '../loop/case-log.ts';
import { allottedMillis, limitOf, type StageLimit, type WarningColour, type WarningRule } from '../loop/deadlines.core.ts';
import { type EventState, OPEN_STATUSES } from '../loop/event-actions.core.ts';
import { stateOf } from '../loop/events.service.ts';
import { partsView, signals } from '../loop/signals.ts';
import * as store from './oversight.store.ts';

/** Key of the sweep's advisory lock ("gezh" in ASCII); nothing else in the product takes it. */
export const SWEEP_LOCK_KEY = 0x67657a68;

export type CaseDue = { kind: 'due_soon'; workingDays: number } | { kind: 'overdue'; colour: WarningColour | null };

/** One running clock of a case and the unit that owes it: the current stage, or a co-handler's part. */
export interface StageClock {
  unit: string;
  /** Names the deadline in notice keys: a new stage or an extension is a new deadline with its own reminders. */
  name: string;
  dueAt: Date;
  light: 'green' | 'yellow' | 'red' | null;
  warning: WarningColour | null;
  limit: StageLimit;
}

/** Every clock of an open case at `now`: its stage's, owed by the stage's unit, and each unanswered co-handler part. */
export function clocksOf(
  state: EventState,
  reports: number,
  now: Date,
  calendar: WorkingCalendar,
  rules: readonly WarningRule[],
): StageClock[] {
  const clocks: StageClock[] = [];
  if (state.stage && state.stageDueAt && state.stageUnit) {
    const { light, warning } = signals(state, now, calendar, reports, rules);
    clocks.push({
      unit: state.stageUnit,
      name: state.stage,
      dueAt: state.stageDueAt,
      light,
      warning,
      limit: limitOf(state.rule.limits, state.stage),
    });
  }
  for (const part of partsView(state, now, calendar, reports, rules)) {
    if (part.light === null) continue;
    clocks.push({
      unit: part.unit,
      name: `assist:${part.unit}`,
      dueAt: part.dueAt,
      light: part.light,
      warning: part.warning,
      limit: limitOf(state.rule.limits, 'assist'),
    });
  }
  return clocks;
}

/**
 * What one clock needs at `now`: the tightest reminder whose window it has entered (an offset only counts when the
 * stage allows more than it: a 4-hour stage gets no "3 days left"), or overdue with its colour.
 */
export function clockDue(
  clock: StageClock,
  suspended: boolean,
  now: Date,
  calendar: WorkingCalendar,
  reminderWorkingDays: readonly number[],
): CaseDue | null {
  if (clock.light === 'red') return { kind: 'overdue', colour: clock.warning };
  if (suspended || clock.light === null) return null; // a suspended clock brings nothing nearer
  const left = calendar.workingMillisBetween(now, clock.dueAt);
  const allotted = allottedMillis(clock.limit, calendar);
  const day = calendar.officeDayMillis;
  const workingDays = [...reminderWorkingDays].sort((a, b) => a - b).find((n) => n * day < allotted && left <= n * day);
  return workingDays === undefined ? null : { kind: 'due_soon', workingDays };
}

export interface SweepDeps {
  db: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  rules(): readonly WarningRule[];
  notifier: Notifier;
  reminderWorkingDays: readonly number[];
  /** Told, inside the sweep's transaction, of the cases that earned a new warning colour (the figures count them). */
  hooks?: CaseHooks;
  /** Notices of clocks kept outside the case table (calls waiting to be placed), for the same transaction. */
  otherNotices?: (tx: Tx, now: Date) => Promise<Notice[]>;
}

export type SweepResult = { status: 'skipped' } | { status: 'done'; cases: number; notified: number; warnings: number };

export const takeSweepLock = (tx: Tx) => store.tryAdvisoryXactLock(tx, SWEEP_LOCK_KEY);

async function sweepLocked(tx: Tx, deps: SweepDeps, now: Date) {
  const rows = await store.openCasesWithDue(tx, OPEN_STATUSES);
  const recipients = new Map<string, Promise<string[]>>();
  const usersFor = (unit: string) => {
    if (!recipients.has(unit)) recipients.set(unit, recipientsOf(tx, [unit]));
    return recipients.get(unit)!;
  };
  const notices: Notice[] = [];
  const overdue = new Map<string, LoopFact>();
  const warnings: { countyCode: string; eventId: string; unitCode: string; colour: string; at: Date }[] = [];
  for (const row of rows) {
    const state = stateOf(row);
    for (const clock of clocksOf(state, row.reports, now, deps.calendar, deps.rules())) {
      const due = clockDue(clock, state.suspendedAt !== null, now, deps.calendar, deps.reminderWorkingDays);
      if (!due) continue;
      const users = await usersFor(clock.unit);
      const deadline = `${row.id}:${clock.name}:${clock.dueAt.toISOString()}`;
      if (due.kind === 'due_soon') {
        notices.push(
          ...caseNotices(row, users, 'due_soon', `due_soon:${deadline}:${due.workingDays}`, now, { workingDays: due.workingDays }),
        );
      } else {
        notices.push(...caseNotices(row, users, 'overdue', `overdue:${deadline}`, now, { colour: due.colour }));
        overdue.set(`overdue:${deadline}`, {
          key: `overdue:${deadline}`,
          type: 'overdue',
          name: clock.name,
          at: now,
          countyCode: row.countyCode,
          case: factCase(row),
          unitCode: clock.unit,
          seq: null,
          note: null,
          data: { dueAt: clock.dueAt.toISOString(), colour: due.colour },
        });
        if (due.colour) warnings.push({ countyCode: row.countyCode, eventId: row.id, unitCode: clock.unit, colour: due.colour, at: now });
      }
    }
  }
  if (deps.otherNotices) notices.push(...(await deps.otherNotices(tx, now)));
  const fresh = await deps.notifier.record(tx, notices);
  const warned = await store.insertUnitWarnings(tx, warnings);
  const cases = new Map(warned.map((w) => [`${w.countyCode}:${w.eventId}`, { countyCode: w.countyCode, id: w.eventId }]));
  await deps.hooks?.run(tx, [...cases.values()]);
  // A clock is told overdue once, when its unit is first told (a fresh notice); a warning once, when it is first earned.
  const told = new Set(fresh.map((n) => n.dedupeKey));
  const byId = new Map(rows.map((r) => [`${r.countyCode}:${r.id}`, r]));
  await deps.hooks?.record(tx, [
    ...[...overdue.values()].filter((f) => told.has(f.key)),
    ...warned.map((w): LoopFact => {
      const row = byId.get(`${w.countyCode}:${w.eventId}`)!;
      return {
        key: `warning:${w.eventId}:${w.unitCode}:${w.colour}`,
        type: 'warning',
        name: w.colour,
        at: now,
        countyCode: w.countyCode,
        case: factCase(row),
        unitCode: w.unitCode,
        seq: null,
        note: null,
        data: {},
      };
    }),
  ]);
  return { cases: rows.length, fresh, warnings: warned.length };
}

/** One sweep in one transaction; "skipped" when another server holds the lock. New notices go out after the commit. */
export async function sweep(deps: SweepDeps): Promise<SweepResult> {
  const now = deps.clock();
  const outcome = await deps.db.transaction(async (tx) => ((await takeSweepLock(tx)) ? sweepLocked(tx, deps, now) : null));
  if (!outcome) return { status: 'skipped' };
  await deps.notifier.send(outcome.fresh);
  return { status: 'done', cases: outcome.cases, notified: outcome.fresh.length, warnings: outcome.warnings };
}

/** Runs `run` every `intervalMs` until stopped; a tick that finds the last one still running waits for the next. */
export function startSweeper(
  run: () => Promise<unknown>,
  { intervalMs = 60_000, onError }: { intervalMs?: number; onError(error: unknown): void },
) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return { stop: () => clearInterval(timer) };
}
