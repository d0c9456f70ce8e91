/**
 * The missed_visits rule kind: a tagged person's follow-up (随访) missed, read from fieldwork through the function
 * app.ts hands in, so disputes never imports fieldwork. Its evidence is the person and the miss, not disputes.
 */
import type { DisputeWarningRule } from '../../shared/dispute-warnings.ts';
import type { Tx } from '../platform/db.ts';
import type { Scope } from '../platform/scope.ts';
import { type Finding, lateEnough, missKey } from './dispute-warnings.core.ts';
import type { disputeWarningMissedVisit } from './dispute-warnings.tables.ts';

/** One tagged person whose follow-up is missed on a day, as fieldwork's `missedFollowUps` answers it. */
export interface MissedFollowUp {
  personId: string;
  countyCode: string;
  gridCode: string;
  tags: string[];
  lastOn: string | null;
  dueOn: string | null;
  daysOverdue: number | null;
}

/** The tagged people of a scope whose follow-up is missed on `asOf` (a system read: the caller audits what it shows). */
export type MissedFollowUps = (tx: Tx, scope: Scope, asOf: Date) => Promise<MissedFollowUp[]>;

export const personSubject = (personId: string) => `person:${personId}`;

/** What a missed_visits rule finds among a county's misses: one finding per person, its evidence the miss's key. */
export function missedFindings(rule: Pick<DisputeWarningRule, 'params'>, countyCode: string, misses: readonly MissedFollowUp[]) {
  const min = rule.params.minDaysOverdue ?? 1;
  const late = misses.filter((m) => m.countyCode === countyCode && lateEnough(m.daysOverdue, m.dueOn, min));
  const bySubject = new Map(late.map((m) => [personSubject(m.personId), m]));
  const findings: Finding[] = late.map((m) => ({
    subject: personSubject(m.personId),
    gridCode: m.gridCode,
    disputeIds: [missKey(m.dueOn)],
  }));
  /** The evidence row of a finding's miss, on the warning it raised or joined. */
  const evidence = (warningId: string, f: Finding, at: Date): typeof disputeWarningMissedVisit.$inferInsert => {
    const m = bySubject.get(f.subject)!;
    return {
      countyCode,
      warningId,
      personId: m.personId,
      missKey: f.disputeIds[0],
      lastOn: m.lastOn,
      daysOverdue: m.daysOverdue,
      tags: m.tags,
      addedAt: at,
    };
  };
  return { findings, evidence };
}
