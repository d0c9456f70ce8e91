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
import { allottedMillis, type WarningColour, type WarningRule } from '../loop/deadlines.core.ts';
import { type EventState, OPEN_STATUSES } from '../loop/event-actions.core.ts';
import { signals, stateOf } from '../loop/events.service.ts';
import type { EventRow } from '../loop/events.store.ts';
import * as store from './oversight.store.ts';

/** Key of the sweep's advisory lock ("gezh" in ASCII); nothing else in the product takes it. */
export const SWEEP_LOCK_KEY = 0x67657a68;

export type CaseDue = { kind: 'due_soon'; workingDays: number } | { kind: 'overdue'; colour: WarningColour | null };

/**
 * What one open case needs at `now`: the tightest reminder whose window it has entered (an offset only counts
 * when the stage allows more than it: a 4-hour stage gets no "3 days left"), or overdue with its colour.
 */
export function caseDue(
  state: EventState,
  reports: number,
  now: Date,
  calendar: WorkingCalendar,
  rules: readonly WarningRule[],
  reminderWorkingDays: readonly number[],
): CaseDue | null {
  const limit = state.stage ? state.rule.limits[state.stage] : undefined;
  if (!limit || !state.stageDueAt) return null;
  const { light, warning } = signals(state, now, calendar, reports, rules);
  if (light === 'red') return { kind: 'overdue', colour: warning };
  if (state.suspendedAt || light === null) return null; // a suspended clock brings nothing nearer
  const left = calendar.workingMillisBetween(now, state.stageDueAt);
  const allotted = allottedMillis(limit, calendar);
  const day = calendar.officeDayMillis;
  const workingDays = [...reminderWorkingDays].sort((a, b) => a - b).find((n) => n * day < allotted && left <= n * day);
  return workingDays === undefined ? null : { kind: 'due_soon', workingDays };
}

/** Signing and handling are the lead unit's; accepting, dispatching and checking the owner centre's. */
function responsible(row: EventRow): { audience: 'owner' | 'units'; unit: string } {
  const lead = (row.stage === 'sign' || row.stage === 'handle') && row.leadUnit !== null;
  return lead ? { audience: 'units', unit: row.leadUnit! } : { audience: 'owner', unit: row.ownerCode };
}

export interface SweepDeps {
  db: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  rules(): readonly WarningRule[];
  notifier: Notifier;
  reminderWorkingDays: readonly number[];
}

export type SweepResult = { status: 'skipped' } | { status: 'done'; cases: number; notified: number; warnings: number };

export const takeSweepLock = (tx: Tx) => store.tryAdvisoryXactLock(tx, SWEEP_LOCK_KEY);

async function sweepLocked(tx: Tx, deps: SweepDeps, now: Date) {
  const rows = await store.openCasesWithDue(tx, OPEN_STATUSES);
  const recipients = new Map<string, Promise<string[]>>();
  const usersFor = (row: EventRow, audience: 'owner' | 'units') => {
    const key = audience === 'owner' ? `owner:${row.ownerCode}` : `units:${[row.leadUnit, ...row.coUnits].join(',')}`;
    if (!recipients.has(key)) recipients.set(key, recipientsOf(tx, row, audience));
    return recipients.get(key)!;
  };
  const notices: Notice[] = [];
  const warnings: { countyCode: string; eventId: string; unitCode: string; colour: string; at: Date }[] = [];
  for (const row of rows) {
    const due = caseDue(stateOf(row), row.reports, now, deps.calendar, deps.rules(), deps.reminderWorkingDays);
    if (!due) continue;
    const { audience, unit } = responsible(row);
    const users = await usersFor(row, audience);
    // The due time is in the key: an extension or a new stage is a new deadline and earns its own reminders.
    const deadline = `${row.id}:${row.stage}:${row.stageDueAt!.toISOString()}`;
    if (due.kind === 'due_soon') {
      notices.push(
        ...caseNotices(row, users, 'due_soon', `due_soon:${deadline}:${due.workingDays}`, now, { workingDays: due.workingDays }),
      );
    } else {
      notices.push(...caseNotices(row, users, 'overdue', `overdue:${deadline}`, now, { colour: due.colour }));
      if (due.colour) warnings.push({ countyCode: row.countyCode, eventId: row.id, unitCode: unit, colour: due.colour, at: now });
    }
  }
  const fresh = await deps.notifier.record(tx, notices);
  return { cases: rows.length, fresh, warnings: await store.insertUnitWarnings(tx, warnings) };
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
