/**
 * What a case's clocks say at `now`, derived on every read and never stored: the light of the current stage
 * (green in time, yellow near due, red overdue), the five-colour warning, and the same for each co-handler's part.
 */

import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import {
  DEFAULT_WARNING_RULES,
  limitOf,
  overdueWorkingDays,
  type StageLimit,
  trafficLight,
  type WarningRule,
  warningColour,
} from './deadlines.core.ts';
import { type EventState, OPEN_STATUSES } from './event-actions.core.ts';

const OPEN: readonly string[] = OPEN_STATUSES;

function judge(
  state: EventState,
  dueAt: Date,
  limit: StageLimit,
  now: Date,
  calendar: WorkingCalendar,
  reports: number,
  rules: readonly WarningRule[],
) {
  const light = trafficLight({ now, dueAt, limit, suspendedAt: state.suspendedAt }, calendar);
  const overdue = overdueWorkingDays(state.suspendedAt ?? now, dueAt, calendar);
  const warning = warningColour(
    { severity: state.rule.severity, overdueWorkingDays: overdue, escalations: state.escalations, repeats: reports },
    rules,
  );
  return { light, warning, overdueWorkingDays: overdue };
}

/** The light and warning of the current stage; null for a closed case or a stage without a due time. */
export function signals(
  state: EventState,
  now: Date,
  calendar: WorkingCalendar,
  reports = 1,
  rules: readonly WarningRule[] = DEFAULT_WARNING_RULES,
): { light: 'green' | 'yellow' | 'red' | null; warning: ReturnType<typeof warningColour> } {
  if (!OPEN.includes(state.status) || !state.stage || !state.stageDueAt) return { light: null, warning: null };
  const { light, warning } = judge(state, state.stageDueAt, limitOf(state.rule.limits, state.stage), now, calendar, reports, rules);
  return { light, warning };
}

/** Co-handlers' parts as the drawer shows them: each with its own light while it is unanswered. */
export function partsView(
  state: EventState,
  now: Date,
  calendar: WorkingCalendar,
  reports = 1,
  rules: readonly WarningRule[] = DEFAULT_WARNING_RULES,
) {
  const limit = limitOf(state.rule.limits, 'assist');
  return state.coParts.map((part) => {
    const running = OPEN.includes(state.status) && !part.repliedAt;
    const judged = running ? judge(state, part.dueAt, limit, now, calendar, reports, rules) : null;
    return { ...part, light: judged?.light ?? null, warning: judged?.warning ?? null };
  });
}
