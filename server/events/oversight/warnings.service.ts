import { startOfChinaMonth } from '../../../shared/china-time.ts';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { Scope } from '../../platform/scope.ts';
import {
  DEFAULT_WARNING_RULES,
  WARNING_COLOURS,
  type WarningColour,
  type WarningCondition,
  type WarningRule,
} from '../loop/deadlines.core.ts';
import * as store from './oversight.store.ts';
import { unitNames } from './unit-names.ts';

/** The measures of seed 000 a rule may name; the screens have words for these keys and no others. */
export const SANCTIONS = DEFAULT_WARNING_RULES.map((r) => r.sanction);

/** [first instant, first instant of the next month) of a China month 'YYYY-MM'. */
export function monthRange(month: string): [Date, Date] {
  const [y, m] = month.split('-').map(Number);
  return [startOfChinaMonth(y, m), startOfChinaMonth(y, m + 1)];
}

/** What JSON schema cannot say about a rule table: one rule per colour, no condition that holds always. */
export function checkRules(rules: readonly WarningRule[]): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  rules.forEach((rule, i) => {
    if (rules.findIndex((r) => r.colour === rule.colour) !== i)
      details.push({ field: `body.rules.${i}.colour`, reason: 'duplicate', value: rule.colour });
    rule.anyOf.forEach((c, j) => {
      if (Object.values(c).every((v) => v === undefined)) details.push({ field: `body.rules.${i}.anyOf.${j}`, reason: 'empty_condition' });
    });
  });
  return details;
}

const ruleOf = (row: store.WarningRuleRow): WarningRule => ({
  colour: row.colour as WarningColour,
  anyOf: row.anyOf as WarningCondition[],
  sanction: row.sanction,
});
const byColour = (a: WarningRule, b: WarningRule) => WARNING_COLOURS.indexOf(a.colour) - WARNING_COLOURS.indexOf(b.colour);

/**
 * The five-colour rule table a city edits, held in memory for the light of every case read: loaded at start,
 * again after each edit here, and by every sweep, so other servers follow within a minute.
 */
export function createWarnings({ db, clock }: { db: Db; clock: Clock }) {
  let current: readonly WarningRule[] = DEFAULT_WARNING_RULES;
  let edited: { by: string; at: Date } | null = null;

  async function reload(): Promise<void> {
    const rows = await store.warningRules(db);
    current = rows.length ? rows.map(ruleOf).sort(byColour) : DEFAULT_WARNING_RULES;
    edited = rows.length ? { by: rows[0].updatedBy, at: rows[0].updatedAt } : null;
  }

  const table = () => ({ rules: [...current], isDefault: edited === null, updatedBy: edited?.by ?? null, updatedAt: edited?.at ?? null });

  return {
    rules: (): readonly WarningRule[] => current,
    reload,
    get: table,

    /** Replaces the whole table; an empty one goes back to the defaults. */
    async replace(actor: Actor, rules: WarningRule[]) {
      const details = checkRules(rules);
      if (details.length) throw new AppError('warning.rules_invalid', details);
      const at = clock();
      await db.transaction(async (tx) => {
        await store.replaceWarningRules(
          tx,
          rules.map((r) => ({ colour: r.colour, anyOf: r.anyOf, sanction: r.sanction, updatedBy: actor.displayName, updatedAt: at })),
        );
        await recordAudit(tx, { at, actorId: actor.id, action: 'events.warning_rules', detail: { rules } });
      });
      await reload();
      return table();
    },

    /**
     * Warnings the units earned in one month on cases in the caller's jurisdiction, counted per colour, with the
     * measure of the most serious colour each reached under the current rules.
     */
    async tally(actor: Actor, month: string) {
      const [from, to] = monthRange(month);
      const counts = await store.warningCounts(db, actor.scope, from, to);
      const names = await unitNames(db, [...new Set(counts.map((c) => c.unitCode))]);
      const units = new Map<string, Record<string, number>>();
      for (const c of counts) units.set(c.unitCode, { ...units.get(c.unitCode), [c.colour]: c.n });
      const sanctionOf = (colour: string) => current.find((r) => r.colour === colour)?.sanction ?? null;
      const rows = [...units].map(([unitCode, byColourCount]) => {
        const worst = [...WARNING_COLOURS].reverse().find((c) => byColourCount[c]) ?? null;
        const total = Object.values(byColourCount).reduce((s, n) => s + n, 0);
        return {
          unitCode,
          unitName: names.get(unitCode) ?? unitCode,
          counts: byColourCount,
          total,
          worst,
          sanction: worst ? sanctionOf(worst) : null,
        };
      });
      rows.sort(
        (a, b) =>
          WARNING_COLOURS.indexOf(b.worst as WarningColour) - WARNING_COLOURS.indexOf(a.worst as WarningColour) ||
          b.total - a.total ||
          a.unitCode.localeCompare(b.unitCode),
      );
      return { month, units: rows };
    },

    /**
     * 五色预警 sanctions over a span: the units that earned a warning on a case in the scope, each with the most
     * serious colour it reached, that colour's measure under the current rules, and the cases (with their colours).
     */
    async sanctioned(scope: Scope, from: Date, to: Date) {
      const rows = await store.warningCases(db, scope, from, to);
      const names = await unitNames(db, [...new Set(rows.map((r) => r.unitCode))]);
      const units = new Map<
        string,
        { colours: Set<WarningColour>; cases: Map<string, { id: string; caseNo: string; colours: string[] }> }
      >();
      for (const r of rows) {
        const u = units.get(r.unitCode) ?? { colours: new Set(), cases: new Map() };
        u.colours.add(r.colour as WarningColour);
        const c = u.cases.get(r.eventId) ?? { id: r.eventId, caseNo: r.caseNo, colours: [] };
        c.colours.push(r.colour);
        u.cases.set(r.eventId, c);
        units.set(r.unitCode, u);
      }
      return [...units].map(([unitCode, u]) => {
        const worst = [...WARNING_COLOURS].reverse().find((c) => u.colours.has(c))!;
        return {
          unitCode,
          unitName: names.get(unitCode) ?? unitCode,
          worst,
          sanction: current.find((r) => r.colour === worst)?.sanction ?? null,
          cases: [...u.cases.values()],
        };
      });
    },
  };
}

export type Warnings = ReturnType<typeof createWarnings>;
