import { chinaDate, startOfChinaDay } from '../../shared/china-time.ts';
import { subtreePrefix } from '../../shared/codes.ts';
import type { DisputeWarningRule, DisputeWarningState, WarningLevel, WarningRuleParams } from '../../shared/dispute-warnings.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { scopeOf } from '../platform/scope.ts';
import { partiesOnRecord, partyKey } from '../registry/index.ts';
import { nodeNames } from '../territory/index.ts';
import {
  checkRule,
  decide,
  effectiveRules,
  type Finding,
  isAddressee,
  normaliseParams,
  type StoredRule,
  unitAt,
} from './dispute-warnings.core.ts';
import * as store from './dispute-warnings.store.ts';
import { type MissedFollowUp, type MissedFollowUps, missedFindings, personSubject } from './missed-visits.ts';
import { missedVisitDetail } from './missed-visits.view.ts';

export const WARNINGS_SHOWN = 200;
const DAY_MS = 86_400_000;

/** The first day of a window of `days` days that ends today (China dates). */
export const windowStart = (now: Date, days: number) =>
  new Date(Date.parse(`${chinaDate(now)}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);

export interface RunResult {
  raised: number;
  extended: number;
}

const ruleOf = (r: store.WarningRow | { kind: string; level: string; params: unknown }) => r as unknown as DisputeWarningRule;

export function createDisputeWarnings({
  db,
  clock,
  missedFollowUps,
}: {
  db: Db;
  clock: Clock;
  /** Fieldwork's missed follow-ups, handed in by app.ts (the missed_visits rules read them). */
  missedFollowUps: MissedFollowUps;
}) {
  async function rulesOf(tx: Tx, countyCode: string): Promise<StoredRule[]> {
    const rows = await store.storedRules(tx, countyCode);
    return effectiveRules(
      rows.map((r) => ({
        key: r.key,
        kind: r.kind as StoredRule['kind'],
        level: r.level as WarningLevel,
        enabled: r.enabled,
        params: r.params as WarningRuleParams,
        updatedByName: r.updatedByName,
        updatedAt: r.updatedAt,
      })),
    );
  }

  const warningRow = (countyCode: string, rule: StoredRule, f: Finding, now: Date) => ({
    countyCode,
    ruleKey: rule.key,
    kind: rule.kind,
    level: rule.level,
    unitCode: unitAt(f.gridCode, rule.level),
    subject: f.subject,
    params: rule.params,
    state: 'open',
    raisedAt: now,
    updatedAt: now,
  });

  /** A missed_visits rule over the county's misses: a warning per person, the miss as its evidence. */
  async function evaluateMissed(tx: Tx, now: Date, countyCode: string, rule: StoredRule, misses: readonly MissedFollowUp[]) {
    const { findings, evidence } = missedFindings(rule, countyCode, misses);
    const decisions = decide(
      findings,
      await store.knownMisses(
        tx,
        countyCode,
        rule.key,
        findings.map((f) => f.subject),
      ),
    );
    const raise = decisions.flatMap((d) => (d.kind === 'raise' ? [d.finding] : []));
    const extend = decisions.flatMap((d) => (d.kind === 'extend' ? [d] : []));
    const saved = await store.insertWarnings(
      tx,
      raise.map((f) => ({ warning: warningRow(countyCode, rule, f, now), disputeIds: [] })),
    );
    await store.insertMisses(tx, [
      ...saved.map((w, i) => evidence(w.id, raise[i], now)),
      ...extend.map((d) => evidence(d.warningId, d.finding, now)),
    ]);
    await store.touchWarnings(
      tx,
      countyCode,
      extend.map((d) => d.warningId),
      now,
    );
    return { raised: raise.length, extended: extend.length };
  }

  /**
   * The rules' run inside the caller's transaction: over one changed dispute (`focus`: the rules about disputes
   * only), or the whole county (every rule; `timedOnly`: only those that time makes true, for the periodic pass).
   */
  async function evaluate(
    tx: Tx,
    now: Date,
    countyCode: string,
    focus: store.Focus | null,
    { timedOnly = false, misses }: { timedOnly?: boolean; misses?: readonly MissedFollowUp[] } = {},
  ): Promise<RunResult> {
    await store.lockCounty(tx, countyCode);
    const result: RunResult = { raised: 0, extended: 0 };
    let missed = misses;
    for (const rule of await rulesOf(tx, countyCode)) {
      if (!rule.enabled) continue;
      const kind = rule.kind;
      if (kind === 'missed_visits' ? focus !== null : timedOnly) continue;
      if (kind === 'missed_visits') {
        missed ??= await missedFollowUps(tx, scopeOf([countyCode]), now);
        const r = await evaluateMissed(tx, now, countyCode, rule, missed);
        result.raised += r.raised;
        result.extended += r.extended;
        continue;
      }
      const found: Finding[] = await store.findings(
        tx,
        { kind, params: rule.params },
        countyCode,
        windowStart(now, rule.params.days ?? 1),
        focus,
      );
      const decisions = decide(
        found,
        await store.known(
          tx,
          countyCode,
          rule.key,
          found.map((f) => f.subject),
        ),
      );
      const raise = decisions.flatMap((d) => (d.kind === 'raise' ? [d.finding] : []));
      await store.insertWarnings(
        tx,
        raise.map((f) => ({ warning: warningRow(countyCode, rule, f, now), disputeIds: f.disputeIds })),
      );
      const extend = decisions.flatMap((d) => (d.kind === 'extend' ? [d] : []));
      await store.insertEvidence(
        tx,
        extend.flatMap((d) => d.disputeIds.map((disputeId) => ({ countyCode, warningId: d.warningId, disputeId, addedAt: now }))),
      );
      await store.touchWarnings(
        tx,
        countyCode,
        extend.map((d) => d.warningId),
        now,
      );
      result.raised += raise.length;
      result.extended += extend.length;
    }
    return result;
  }

  /** Reading a county's rules: bound at or above it, or inside it. Changing them: bound at or above it. */
  function county(actor: Actor, code: string | undefined, write: boolean) {
    const countyCode = code ?? actor.areas[0]?.code.slice(0, 6) ?? '';
    const ok = actor.areas.some(
      (a) => countyCode.startsWith(subtreePrefix(a.code)) || (!write && a.code.length > 6 && a.code.startsWith(countyCode)),
    );
    if (!ok) throw new AppError('dispute_warning.county_not_found', [{ field: 'countyCode', reason: 'not_in_scope', value: countyCode }]);
    return countyCode;
  }

  async function getInScope(tx: Tx, actor: Actor, id: string) {
    const w = await store.getWarning(tx, actor.scope, id);
    if (!w) throw new AppError('dispute_warning.not_found', [{ field: 'id', reason: 'not_found', value: id }]);
    return w;
  }

  const abilities = (actor: Actor, w: store.WarningRow) =>
    w.state === 'open' && isAddressee(actor, w.level as WarningLevel, w.unitCode) ? ['handle', 'dismiss'] : [];

  const view = (w: store.WarningRow, unitName: string, disputes: number) => ({
    id: w.id,
    countyCode: w.countyCode,
    ruleKey: w.ruleKey,
    kind: ruleOf(w).kind,
    level: ruleOf(w).level,
    params: w.params as WarningRuleParams,
    unitCode: w.unitCode,
    unitName,
    subject: w.subject,
    state: w.state as DisputeWarningState,
    disputes,
    raisedAt: w.raisedAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    closedByName: w.closedByName,
    closedAt: w.closedAt?.toISOString() ?? null,
    reason: w.reason,
    version: w.version,
  });

  async function detail(actor: Actor, w: store.WarningRow) {
    if (w.kind === 'missed_visits') {
      const unitName = (await nodeNames(db, [w.unitCode])).get(w.unitCode)?.name ?? w.unitCode;
      return { ...view(w, unitName, 0), ...(await missedVisitDetail(db, actor, w, clock())), abilities: abilities(actor, w) };
    }
    const evidence = await store.evidenceOf(db, actor.scope, w);
    const seen = evidence.flatMap((e) => (e.id ? [{ ...e, id: e.id }] : []));
    const parties = await store.partiesIn(
      db,
      w.countyCode,
      seen.map((e) => e.id),
    );
    const onRecord = await partiesOnRecord(db, actor.scope, {
      personIds: parties.filter((p) => p.kind === 'person').map((p) => p.key),
      creditCodes: parties.filter((p) => p.kind === 'organisation').map((p) => p.key),
    });
    const names = await nodeNames(db, [...new Set([w.unitCode, ...seen.map((e) => e.grid_code), w.subject.replace(/^village:/, '')])]);
    const params = w.params as WarningRuleParams;
    const text = seen.map((e) => `${e.title} ${e.summary}`).join(' ');
    return {
      ...view(w, names.get(w.unitCode)?.name ?? w.unitCode, evidence.length),
      subjectName: w.subject.startsWith('village:') ? (names.get(w.subject.slice(8))?.name ?? w.subject.slice(8)) : null,
      matchedKeywords: (params.keywords ?? []).filter((k) => text.toLowerCase().includes(k.toLowerCase())),
      evidence: seen.map((e) => ({
        id: e.id,
        title: e.title,
        typeCode: e.type_code,
        occurredOn: e.occurred_on,
        gridCode: e.grid_code,
        gridName: names.get(e.grid_code)?.name ?? e.grid_code,
        tier: e.tier,
        status: e.status,
        peopleInvolved: e.people_involved,
        addedAt: new Date(e.added_at).toISOString(),
      })),
      outsideScope: evidence.length - seen.length,
      parties: parties.map((p) => {
        const rec = onRecord.get(partyKey(p.kind, p.key));
        return {
          kind: p.kind,
          key: p.key,
          name: rec?.name ?? null,
          identifier: rec?.identifier ?? null,
          phone: rec?.phone ?? null,
          disputes: p.disputes,
          subject: w.subject === partyKey(p.kind, p.key),
        };
      }),
      person: null,
      misses: [],
      abilities: abilities(actor, w),
    };
  }

  return {
    evaluate,

    /** 立即研判: every enabled rule over all of a county's disputes, in one transaction under the county's lock. */
    async run(actor: Actor, code: string | undefined) {
      const countyCode = county(actor, code, true);
      const now = clock();
      return db.transaction((tx) => evaluate(tx, now, countyCode, null));
    },

    /**
     * The periodic pass (the server's sweeper): the rules that time makes true (a follow-up missed) over every county
     * with a miss, each county in its own transaction under its lock, so a second server's pass raises nothing twice.
     */
    async timedPass() {
      const now = clock();
      const misses = await missedFollowUps(db, { prefixes: [''], ancestors: [] }, now);
      const result: RunResult = { raised: 0, extended: 0 };
      for (const countyCode of [...new Set(misses.map((m) => m.countyCode))].sort()) {
        const r = await db.transaction((tx) => evaluate(tx, now, countyCode, null, { timedOnly: true, misses }));
        result.raised += r.raised;
        result.extended += r.extended;
      }
      return result;
    },

    /**
     * A person's follow-up moved to another grid (a follower named or taken back, fieldwork's transaction): their open
     * missed_visits warnings go to the units of that grid at each warning's level, so the village that must make the
     * visit is the one warned. Answers the warnings moved, for the caller's audit row.
     */
    async followerMoved(tx: Tx, move: { countyCode: string; personId: string; gridCode: string }) {
      const now = clock();
      const moved: { warningId: string; from: string; to: string }[] = [];
      for (const w of await store.openWarningsOn(tx, move.countyCode, 'missed_visits', personSubject(move.personId))) {
        const unitCode = unitAt(move.gridCode, w.level as WarningLevel);
        if (unitCode === w.unitCode) continue;
        await store.readdressWarning(tx, move.countyCode, w.id, unitCode, now);
        moved.push({ warningId: w.id, from: w.unitCode, to: unitCode });
      }
      return moved;
    },

    async rules(actor: Actor, code: string | undefined) {
      const countyCode = county(actor, code, false);
      const items = (await rulesOf(db, countyCode)).map((r) => ({
        key: r.key,
        kind: r.kind,
        level: r.level,
        enabled: r.enabled,
        params: r.params,
        isDefault: r.updatedAt === null,
        updatedByName: r.updatedByName,
        updatedAt: r.updatedAt?.toISOString() ?? null,
      }));
      return { countyCode, items };
    },

    /** Changes one rule (or adds one); an impossible rule is refused naming its field, and nothing changes. */
    async saveRule(actor: Actor, code: string | undefined, rule: DisputeWarningRule) {
      const countyCode = county(actor, code, true);
      const problems = checkRule(rule);
      if (problems.length) throw new AppError('dispute_warning.rule_invalid', problems);
      const at = clock();
      const params = normaliseParams(rule.params);
      await db.transaction(async (tx) => {
        await store.upsertRule(tx, {
          countyCode,
          key: rule.key,
          kind: rule.kind,
          level: rule.level,
          enabled: rule.enabled,
          params,
          updatedBy: actor.id,
          updatedByName: actor.displayName,
          updatedAt: at,
        });
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'disputes.warning_rule',
          target: `${countyCode}:${rule.key}`,
          detail: { ...rule, params },
        });
      });
      return this.rules(actor, countyCode);
    },

    async find(actor: Actor, filter: store.WarningFilter) {
      const rows = await store.findWarnings(db, actor.scope, filter, WARNINGS_SHOWN);
      const names = await nodeNames(db, [...new Set(rows.map((r) => r.warning.unitCode))]);
      return rows.map((r) => ({
        ...view(r.warning, names.get(r.warning.unitCode)?.name ?? r.warning.unitCode, r.disputes),
        abilities: abilities(actor, r.warning),
      }));
    },

    async get(actor: Actor, id: string) {
      return detail(actor, await getInScope(db, actor, id));
    },

    /** 处置 / 排除: by the addressee, with a reason; the warning is kept with who closed it, when and why. */
    async close(actor: Actor, id: string, input: { version: number; outcome: 'handled' | 'dismissed'; reason: string }) {
      const reason = input.reason.trim();
      const w = await db.transaction(async (tx) => {
        const found = await getInScope(tx, actor, id);
        if (!reason) throw new AppError('dispute_warning.reason_required', [{ field: 'reason', reason: 'required' }]);
        if (!isAddressee(actor, found.level as WarningLevel, found.unitCode))
          throw new AppError('dispute_warning.not_addressee', [{ field: 'unitCode', reason: 'not_addressee', value: found.unitCode }]);
        if (found.state !== 'open')
          throw new AppError('dispute_warning.closed', [{ field: 'state', reason: `already_${found.state}`, value: found.state }]);
        if (found.version !== input.version)
          throw new AppError('dispute_warning.changed', [{ field: 'version', reason: 'stale', value: String(input.version) }]);
        const at = clock();
        const [saved] = await store.closeWarning(tx, found, input.version, {
          state: input.outcome,
          reason,
          closedBy: actor.id,
          closedByName: actor.displayName,
          closedAt: at,
        });
        if (!saved) throw new AppError('dispute_warning.changed', [{ field: 'version', reason: 'stale', value: String(input.version) }]);
        return saved;
      });
      return detail(actor, w);
    },

    /** Figures by rule for warnings raised in [from, to) (China dates), within the caller's scope. */
    async figures(actor: Actor, code: string | undefined, asked: { from?: string; to?: string }) {
      const countyCode = county(actor, code, false);
      const now = clock();
      const range = { from: asked.from ?? windowStart(now, 30), to: asked.to ?? chinaDate(now) };
      if (range.from > range.to) throw new AppError('dispute_figures.invalid', [{ field: 'from', reason: 'after_to', value: range.from }]);
      const rows = await store.ruleFigures(
        db,
        actor.scope,
        countyCode,
        startOfChinaDay(range.from),
        new Date(startOfChinaDay(range.to).getTime() + DAY_MS),
      );
      const byKey = new Map(rows.map((r) => [r.rule_key, r]));
      const rules = await rulesOf(db, countyCode);
      const keys = [...rules.map((r) => r.key), ...rows.map((r) => r.rule_key).filter((k) => !rules.some((r) => r.key === k))];
      const items = keys.map((key) => {
        const r = byKey.get(key);
        const rule = rules.find((x) => x.key === key);
        return {
          ruleKey: key,
          kind: rule?.kind ?? null,
          raised: r?.raised ?? 0,
          open: r?.open ?? 0,
          handled: r?.handled ?? 0,
          dismissed: r?.dismissed ?? 0,
          resolvedAfter: r?.resolved_after ?? 0,
        };
      });
      return { ...range, items };
    },
  };
}

export type DisputeWarnings = ReturnType<typeof createDisputeWarnings>;
