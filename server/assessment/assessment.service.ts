import { chinaDate } from '../../shared/china-time.ts';
import { levelOfCode, subtreePrefix } from '../../shared/codes.ts';
import { ASSESSEE_KINDS, type AssesseeKind } from '../../shared/enums.ts';
import { can } from '../../shared/roles.ts';
import { INDICATORS, type Period, PeriodError, parsePeriod } from '../figures/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { codeInScope, type Scope } from '../platform/scope.ts';
import { takeStep } from '../platform/step-flow.ts';
import { assesseesOf, resultOf, spanOf, valuesOf } from './assessment.compute.ts';
import {
  type Band,
  checkBands,
  checkItems,
  countsActivity,
  type ResultItem,
  RUN_FLOW,
  type RunStep,
  type SchemeItem,
} from './assessment.core.ts';
import { DEFAULT_SCHEMES } from './assessment.defaults.ts';
import * as store from './assessment.store.ts';
import { createEvidence } from './evidence.ts';
import { rankingsOf, type UnitSanctions } from './rankings.ts';

export interface SchemeInput {
  name: string;
  items: SchemeItem[];
  bands: Band[];
  /** The version edited; 0 for a scheme not saved yet (the default). */
  version: number;
}

const published = () => new AppError('assessment.published', [{ field: 'status', reason: 'assessment.published', value: 'published' }]);

export function createAssessmentService({ db, clock, unitSanctions }: { db: Db; clock: Clock; unitSanctions: UnitSanctions }) {
  const today = () => chinaDate(clock());

  /**
   * A scheme's area: a city or county inside the caller's jurisdiction (404 outside, 400 for a lower level); to read
   * one, also a county or city above it (a township reads the county's schemes).
   */
  function schemeArea(actor: Actor, code: string, field: string, read = false) {
    const visible = codeInScope(code, actor.scope) || (read && actor.scope.ancestors.includes(code));
    if (!visible) throw new AppError('territory.area_not_found', [{ field, reason: 'outside', value: code }]);
    const level = levelOfCode(code);
    if (level !== 'city' && level !== 'county')
      throw new AppError('request.invalid', [{ field, reason: 'assessment.area_not_scheme', value: code }]);
    return code;
  }

  function monthOf(text: string, field: string): Period {
    try {
      const p = parsePeriod(text, today(), field);
      if (p.kind !== 'month') throw new PeriodError([{ field, reason: 'figures.period_invalid', value: text }]);
      return p;
    } catch (e) {
      if (e instanceof PeriodError) throw new AppError('request.invalid', e.details);
      throw e;
    }
  }

  const schemeView = (actor: Actor, areaCode: string, kind: AssesseeKind, row: store.SchemeRow | undefined) => {
    const s = row ?? { ...DEFAULT_SCHEMES[kind], version: 0, updatedBy: null, updatedAt: null };
    return {
      areaCode,
      kind,
      name: s.name,
      items: s.items.map((i) => ({ ...i, countsActivity: countsActivity(i) })),
      bands: s.bands,
      version: s.version,
      isDefault: row === undefined,
      updatedBy: s.updatedBy,
      updatedAt: s.updatedAt,
      abilities: { edit: can(actor.roles, 'assessment.manage') && codeInScope(areaCode, actor.scope) },
    };
  };

  async function schemeFor(tx: Tx, areaCode: string, kind: AssesseeKind) {
    const row = await store.schemeOf(tx, areaCode, kind);
    return row ?? { id: null, ...DEFAULT_SCHEMES[kind], version: 0 };
  }

  const runView = (actor: Actor, run: store.RunRow) => {
    const assess = can(actor.roles, 'assessment.assess') && codeInScope(run.countyCode, actor.scope);
    const open = run.status !== 'published';
    return {
      id: run.id,
      areaCode: run.countyCode,
      kind: run.kind as AssesseeKind,
      period: run.period,
      status: run.status,
      scheme: { ...run.scheme, items: run.scheme.items.map((i) => ({ ...i, countsActivity: countsActivity(i) })) },
      computedBy: run.computedBy,
      computedAt: run.computedAt,
      reviewedBy: run.reviewedBy,
      reviewedAt: run.reviewedAt,
      publishedBy: run.publishedBy,
      publishedAt: run.publishedAt,
      version: run.version,
      abilities: {
        recompute: assess && open,
        review: assess && run.status === 'computed',
        publish: assess && run.status === 'reviewed',
        adjust: assess && open,
      },
    };
  };

  const resultView = (r: store.ResultRow) => ({
    id: r.id,
    assesseeCode: r.assesseeCode,
    assesseeName: r.assesseeName,
    areaCode: r.areaCode,
    gridCodes: r.gridCodes,
    items: r.items,
    computedScore: r.computedScore,
    adjustment: r.adjustment,
    adjustReason: r.adjustReason,
    adjustedBy: r.adjustedBy,
    adjustedAt: r.adjustedAt,
    score: r.score,
    band: r.band,
    version: r.version,
  });

  async function runInScope(tx: Tx, actor: Actor, id: string, lock = false) {
    const run = await store.getRun(tx, actor.scope, id, lock);
    if (!run) throw new AppError('assessment.run_not_found');
    return run;
  }

  /** A result to change: in the caller's jurisdiction, in a run of their own area, not published, on the version they saw. */
  async function resultToChange(tx: Tx, actor: Actor, id: string, version: number) {
    const found = await store.getResult(tx, actor.scope, id, true);
    if (!found || !codeInScope(found.run.countyCode, actor.scope)) throw new AppError('assessment.result_not_found');
    if (found.run.status === 'published') throw published();
    if (found.result.version !== version)
      throw new AppError('assessment.changed', [{ field: 'body.version', reason: 'stale', value: version }]);
    return found;
  }

  /** After a change to one result, its run must be reviewed again before it is published. */
  async function unreview(tx: Tx, run: store.RunRow) {
    if (run.status === 'reviewed') await store.updateRun(tx, run, run.version, { status: 'computed', reviewedBy: null, reviewedAt: null });
  }

  const evidence = createEvidence({ db });

  return {
    /** The four schemes of a city or county: the one saved for each kind, or the default it starts from. */
    async schemes(actor: Actor, areaCode: string) {
      schemeArea(actor, areaCode, 'querystring.area', true);
      const rows = new Map((await store.schemesOf(db, areaCode)).map((r) => [r.kind, r]));
      return { areaCode, items: ASSESSEE_KINDS.map((kind) => schemeView(actor, areaCode, kind, rows.get(kind))) };
    },

    /** Saves one scheme whole, on the version the editor saw; the rules of weights and bands checked first. */
    async saveScheme(actor: Actor, areaCode: string, kind: AssesseeKind, input: SchemeInput) {
      schemeArea(actor, areaCode, 'params.area');
      const details = [...checkItems(kind, input.items, INDICATORS), ...checkBands(kind, input.bands)];
      if (details.length) throw new AppError('assessment.scheme_invalid', details);
      const items = input.items.map(({ countsActivity: _, ...i }: SchemeItem & { countsActivity?: boolean }) => i);
      const at = clock();
      const saved = await db.transaction(async (tx) => {
        const row = await store.schemeOf(tx, areaCode, kind);
        const stale = () => new AppError('assessment.changed', [{ field: 'body.version', reason: 'stale', value: input.version }]);
        const values = { name: input.name, items, bands: input.bands, updatedBy: actor.displayName, updatedAt: at };
        let out: store.SchemeRow | undefined;
        if (!row) {
          if (input.version !== 0) throw stale();
          out = await store.insertScheme(tx, { areaCode, kind, ...values });
        } else out = await store.updateScheme(tx, row.id, input.version, values);
        if (!out) throw stale();
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'assessment.scheme_saved',
          target: areaCode,
          detail: { kind, items, bands: input.bands },
        });
        return out;
      });
      return schemeView(actor, areaCode, kind, saved);
    },

    async runs(actor: Actor, f: { kind?: AssesseeKind; period?: string }) {
      const rows = await store.findRuns(db, actor.scope, f);
      return { items: rows.map((r) => runView(actor, r)) };
    },

    /**
     * Computes (again) a month for every assessee of a scheme in its area. Manual entries and adjustments already
     * made are kept; a published month is frozen.
     */
    async compute(actor: Actor, input: { area: string; kind: AssesseeKind; period: string }) {
      schemeArea(actor, input.area, 'body.area');
      const period = monthOf(input.period, 'body.period');
      const now = clock();
      return db.transaction(async (tx) => {
        const scheme = await schemeFor(tx, input.area, input.kind);
        const existing = await store.runOf(tx, input.area, input.kind, input.period);
        if (existing?.status === 'published') throw published();
        const snapshot = { name: scheme.name, items: scheme.items, bands: scheme.bands, version: scheme.version };
        const run = existing
          ? await store.updateRun(tx, existing, existing.version, {
              status: 'computed',
              scheme: snapshot,
              computedBy: actor.displayName,
              computedAt: now,
              reviewedBy: null,
              reviewedAt: null,
            })
          : await store.insertRun(tx, {
              countyCode: input.area,
              schemeId: scheme.id,
              kind: input.kind,
              period: input.period,
              status: 'computed',
              scheme: snapshot,
              computedBy: actor.displayName,
              computedAt: now,
            });
        if (!run) throw new AppError('assessment.changed', [{ field: 'body.period', reason: 'stale', value: input.period }]);
        const before = new Map((await store.resultsOfRun(tx, run)).map((r) => [r.assesseeCode, r]));
        const assessees = await assesseesOf(tx, input.kind, input.area);
        const values = await valuesOf(tx, {
          kind: input.kind,
          areaCode: input.area,
          items: scheme.items,
          span: spanOf(period, now),
          assessees,
        });
        const rows = assessees.map((a) => {
          const was = before.get(a.code);
          const entries = new Map((was?.items ?? []).filter((i) => i.entry).map((i) => [i.key, i.entry]));
          const r = resultOf(scheme.items, scheme.bands, values.get(a.code)!, entries, was?.adjustment ?? 0);
          return {
            countyCode: run.countyCode,
            runId: run.id,
            assesseeCode: a.code,
            assesseeName: a.name,
            areaCode: a.areaCode,
            gridCodes: input.kind === 'grid_worker' ? a.prefixes : [],
            ...r,
          };
        });
        await store.writeResults(tx, run, rows);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'assessment.computed',
          target: input.area,
          detail: { kind: input.kind, period: input.period, results: rows.length },
        });
        return this.runWith(tx, actor, run.id);
      });
    },

    /** A run and the results of it inside the caller's jurisdiction, best first. */
    async run(actor: Actor, id: string) {
      return this.runWith(db, actor, id);
    },

    async runWith(tx: Tx, actor: Actor, id: string) {
      const run = await runInScope(tx, actor, id);
      const results = await store.resultsInScope(tx, actor.scope, run);
      return { ...runView(actor, run), results: results.map(resultView) };
    },

    /** Marks a computed month reviewed: the results as they stand are the ones to publish. */
    async review(actor: Actor, id: string, version: number) {
      return this.moveRun(actor, id, version, 'review');
    },

    /** Publishes a reviewed month that has ended: from then on it is frozen. */
    async publish(actor: Actor, id: string, version: number) {
      return this.moveRun(actor, id, version, 'publish');
    },

    async moveRun(actor: Actor, id: string, version: number, step: RunStep) {
      const now = clock();
      return db.transaction(async (tx) => {
        const run = await runInScope(tx, actor, id, true);
        if (!codeInScope(run.countyCode, actor.scope)) throw new AppError('assessment.run_not_found');
        await takeStep({
          flow: RUN_FLOW,
          record: run,
          step,
          version,
          refuse: (why) =>
            why === 'frozen'
              ? published()
              : why === 'stale'
                ? new AppError('assessment.changed', [{ field: 'body.version', reason: 'stale', value: version }])
                : new AppError('assessment.not_reviewed', [{ field: 'status', reason: 'assessment.not_reviewed', value: run.status }]),
          rules: (to) =>
            to === 'published' && today() < monthOf(run.period, 'period').toDay
              ? new AppError('assessment.period_not_over', [{ field: 'period', reason: 'assessment.period_not_over', value: run.period }])
              : null,
          save: (status) =>
            store.updateRun(
              tx,
              run,
              version,
              step === 'review'
                ? { status, reviewedBy: actor.displayName, reviewedAt: now }
                : { status, publishedBy: actor.displayName, publishedAt: now },
            ),
        });
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: step === 'review' ? 'assessment.reviewed' : 'assessment.published',
          target: run.countyCode,
          detail: { kind: run.kind, period: run.period },
        });
        return this.runWith(tx, actor, id);
      });
    },

    /** 人工录入: an assessor's spot check or survey score (0–100) for one manual item of one result. */
    async enter(actor: Actor, id: string, input: { item: string; value: number; note: string; version: number }) {
      const now = clock();
      return db.transaction(async (tx) => {
        const { result, run } = await resultToChange(tx, actor, id, input.version);
        const item = run.scheme.items.find((i) => i.key === input.item);
        if (item?.source !== 'manual')
          throw new AppError('request.invalid', [{ field: 'body.item', reason: 'assessment.item_not_manual', value: input.item }]);
        const entries = new Map(result.items.filter((i) => i.entry).map((i) => [i.key, i.entry]));
        entries.set(input.item, { value: input.value, note: input.note, by: actor.displayName, at: now.toISOString() });
        const saved = await this.rescore(tx, run, result, entries, result.adjustment, {});
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'assessment.entered',
          target: result.assesseeCode,
          detail: { period: run.period, kind: run.kind, item: input.item, value: input.value },
        });
        return resultView(saved);
      });
    },

    /**
     * 批量录入: a sheet of an assessor's spot checks or survey scores for one run at once (the demo's, an import's),
     * checked as one entry is, rescored and written together in one transaction, audited as one.
     */
    async enterMany(actor: Actor, id: string, input: { entries: { assesseeCode: string; item: string; value: number; note: string }[] }) {
      const now = clock();
      return db.transaction(async (tx) => {
        const run = await runInScope(tx, actor, id, true);
        if (!codeInScope(run.countyCode, actor.scope)) throw new AppError('assessment.run_not_found');
        if (run.status === 'published') throw published();
        const manual = new Set(run.scheme.items.filter((i) => i.source === 'manual').map((i) => i.key));
        const results = new Map((await store.resultsOfRun(tx, run)).map((r) => [r.assesseeCode, r]));
        const entered = new Map<string, Map<string, ResultItem['entry']>>();
        input.entries.forEach((e, i) => {
          if (!manual.has(e.item))
            throw new AppError('request.invalid', [
              { field: `body.entries.${i}.item`, reason: 'assessment.item_not_manual', value: e.item },
            ]);
          if (!results.has(e.assesseeCode)) throw new AppError('assessment.result_not_found');
          const entries =
            entered.get(e.assesseeCode) ??
            new Map(
              results
                .get(e.assesseeCode)!
                .items.filter((x) => x.entry)
                .map((x) => [x.key, x.entry]),
            );
          entries.set(e.item, { value: e.value, note: e.note, by: actor.displayName, at: now.toISOString() });
          entered.set(e.assesseeCode, entries);
        });
        const rows = [...results.values()].map((r) => {
          const values = new Map(r.items.map((i) => [i.key, { value: i.value, numerator: i.numerator, denominator: i.denominator }]));
          const entries = entered.get(r.assesseeCode) ?? new Map(r.items.filter((i) => i.entry).map((i) => [i.key, i.entry]));
          const { id: _, version: __, ...kept } = r;
          return { ...kept, ...resultOf(run.scheme.items, run.scheme.bands, values, entries, r.adjustment) };
        });
        await store.writeResults(tx, run, rows);
        await unreview(tx, run);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'assessment.entered',
          target: run.countyCode,
          detail: { period: run.period, kind: run.kind, entries: input.entries.length, assessees: entered.size },
        });
        return this.runWith(tx, actor, run.id);
      });
    },

    /** 调整: the assessor adds or takes away points, with the reason; the score stays within 0–100. */
    async adjust(actor: Actor, id: string, input: { points: number; reason: string; version: number }) {
      const reason = input.reason.trim();
      if (!reason) throw new AppError('request.invalid', [{ field: 'body.reason', reason: 'assessment.reason_required' }]);
      const now = clock();
      return db.transaction(async (tx) => {
        const { result, run } = await resultToChange(tx, actor, id, input.version);
        const entries = new Map(result.items.filter((i) => i.entry).map((i) => [i.key, i.entry]));
        const saved = await this.rescore(tx, run, result, entries, input.points, {
          adjustReason: input.points === 0 ? null : reason,
          adjustedBy: actor.displayName,
          adjustedAt: now,
        });
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'assessment.adjusted',
          target: result.assesseeCode,
          detail: { period: run.period, kind: run.kind, points: input.points, reason, from: result.score, to: saved.score },
        });
        return resultView(saved);
      });
    },

    async rescore(
      tx: Tx,
      run: store.RunRow,
      result: store.ResultRow,
      entries: Map<string, ResultItem['entry']>,
      adjustment: number,
      extra: Partial<store.ResultRow>,
    ) {
      const values = new Map(result.items.map((i) => [i.key, { value: i.value, numerator: i.numerator, denominator: i.denominator }]));
      const r = resultOf(run.scheme.items, run.scheme.bands, values, entries, adjustment);
      const saved = await store.updateResult(tx, result, result.version, { ...r, adjustment, ...extra });
      if (!saved) throw new AppError('assessment.changed', [{ field: 'body.version', reason: 'stale', value: result.version }]);
      await unreview(tx, run);
      return saved;
    },

    /** 得分说明: one result item by item, each with its definition, how its value was read and scored, and what opens its cases or records. */
    async explain(actor: Actor, id: string) {
      const found = await store.getResult(db, actor.scope, id);
      if (!found) throw new AppError('assessment.result_not_found');
      const { result, run } = found;
      const items = run.scheme.items.map((def) => {
        const got = result.items.find((i) => i.key === def.key)!;
        const ind = def.source === 'indicator' ? INDICATORS.find((d) => d.key === def.indicator)! : null;
        return {
          ...def,
          ...got,
          countsActivity: countsActivity(def),
          indicatorName: ind?.name ?? null,
          definition: ind?.definition ?? null,
          facts: ind ? [ind.numerator, ...(ind.denominator ? [ind.denominator] : [])] : [],
        };
      });
      return { run: runView(actor, run), result: resultView(result), items };
    },

    /** What stands behind one item of one result: the cases a figure counts, the records or visits counted, or the entry. */
    async evidence(actor: Actor, id: string, key: string, q: { fact?: string; offset: number; limit: number }) {
      const found = await store.getResult(db, actor.scope, id);
      if (!found) throw new AppError('assessment.result_not_found');
      const item = found.run.scheme.items.find((i) => i.key === key);
      if (!item) throw new AppError('request.invalid', [{ field: 'params.key', reason: 'unknown', value: key }]);
      const period = monthOf(found.run.period, 'period');
      return evidence.of(actor, found, item, spanOf(period, clock()), q);
    },

    /** 每月一通报、每季一排名、年度总评比 from published months, with the change since the period before and the units under sanction. */
    async rankings(actor: Actor, q: { area?: string; kind: AssesseeKind; period: string }) {
      const area = q.area ?? actor.areas[0]?.code;
      if (!area || !codeInScope(area, actor.scope))
        throw new AppError('territory.area_not_found', [{ field: 'querystring.area', reason: 'outside', value: area ?? null }]);
      let period: Period;
      try {
        period = parsePeriod(q.period, today(), 'querystring.period');
      } catch (e) {
        if (e instanceof PeriodError) throw new AppError('request.invalid', e.details);
        throw e;
      }
      if (period.kind === 'day' || period.kind === 'all')
        throw new AppError('request.invalid', [{ field: 'querystring.period', reason: 'figures.period_invalid', value: q.period }]);
      const scope: Scope = { prefixes: [subtreePrefix(area)], ancestors: [] };
      return rankingsOf(db, { scope, areaCode: area, kind: q.kind, period, unitSanctions });
    },
  };
}

export type AssessmentService = ReturnType<typeof createAssessmentService>;
