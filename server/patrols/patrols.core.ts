/** Pure rules of a patrol's summary. */

/** Whole minutes from start to end (or to now while it is under way). */
export function patrolMinutes(startedAt: Date, endedAt: Date | null, now: Date): number {
  return Math.max(0, Math.floor(((endedAt ?? now).getTime() - startedAt.getTime()) / 60_000));
}

/** The grids a patrol passed, each once, in code order: what the worker ticked, the track's and the cases' grids. */
export function gridsPassed(...sources: readonly (readonly (string | null | undefined)[])[]): string[] {
  return [...new Set(sources.flat().filter((c): c is string => !!c))].sort();
}

/** The first instant a kept point may live from: older ones the sweep deletes. */
export function trackHorizon(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 86_400_000);
}

/** The ticked grids that are not among those the worker may patrol (empty when all are). */
export function gridsOutside(chosen: readonly string[], patrollable: ReadonlySet<string>): string[] {
  return chosen.filter((g) => !patrollable.has(g));
}
