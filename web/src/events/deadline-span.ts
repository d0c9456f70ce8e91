import type { EventDetail } from '../api/replies.ts';

/** Steps that start a deadline's clock; a recompute moves the due time but is no new start. */
const STARTS = ['dispatch', 'redispatch', 'arbitrate', 'reopen', 'accept', 'verify', 'report'];
/** The span a case's current deadline was counted over: from the step that started it to the due time. */
export function deadlineSpan(event: EventDetail): { from: string; to: string } | null {
  const to = event.dueAt ?? event.stageDueAt;
  if (!to) return null;
  const steps = event.history.filter((s) => s.at <= to && s.action !== 'deadline_recomputed');
  // The case's deadline starts with the step that set it; a stage's clock with the step that entered the stage.
  const start = event.dueAt ? steps.filter((s) => STARTS.includes(s.action)).at(-1) : steps.at(-1);
  return { from: start?.at ?? event.reportedAt, to };
}
