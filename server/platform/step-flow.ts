import type { AppError } from './errors.ts';

/**
 * A record that moves one step at a time through its statuses and is frozen at the last: an assessment run
 * (computed → reviewed → published), a rewards ledger (computed → submitted → final). Each step names the statuses
 * it may leave from and the one it arrives at.
 */
export interface StepFlow<S extends string, T extends string> {
  frozen: S;
  steps: Readonly<Record<T, { from: readonly S[]; to: S }>>;
}

/** Why a step is refused: the record is frozen, the caller read an older version, or the step is not the next. */
export type StepRefusal = 'frozen' | 'stale' | 'out_of_order';

/** The status a step leads to, or why it is refused — checked in that order: frozen, stale, out of order. */
export function nextStatus<S extends string, T extends string>(
  flow: StepFlow<S, T>,
  at: { status: string; version: number },
  step: T,
  version: number,
): { to: S } | { refused: StepRefusal } {
  if (at.status === flow.frozen) return { refused: 'frozen' };
  if (at.version !== version) return { refused: 'stale' };
  const { from, to } = flow.steps[step];
  return (from as readonly string[]).includes(at.status) ? { to } : { refused: 'out_of_order' };
}

/**
 * Takes one step on a record read in the caller's transaction: refuses it (the caller's error for each refusal, then
 * the caller's own rules for the step, such as "the month is over"), saves it on the version read — a save that
 * finds a newer version is refused as stale — and answers what was saved.
 */
export async function takeStep<R extends { status: string; version: number }, S extends string, T extends string, Saved>(q: {
  flow: StepFlow<S, T>;
  record: R;
  step: T;
  version: number;
  /** The caller's error for each refusal (its own code and details). */
  refuse: (why: StepRefusal) => AppError;
  /** The caller's own rules for the step, checked after the flow's: an error, or null to go on. */
  rules?: (to: S) => AppError | null;
  save: (to: S) => Promise<Saved | null | undefined>;
}): Promise<Saved> {
  const next = nextStatus(q.flow, q.record, q.step, q.version);
  if ('refused' in next) throw q.refuse(next.refused);
  const broken = q.rules?.(next.to);
  if (broken) throw broken;
  const saved = await q.save(next.to);
  if (!saved) throw q.refuse('stale');
  return saved;
}
