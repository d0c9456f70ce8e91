import { chinaDate, startOfChinaDay } from '../../shared/china-time.ts';
import type { RewardEntryKind, RewardRuleKind, RewardSheetStatus } from '../../shared/enums.ts';
import type { ErrorCode, ErrorDetail } from '../../shared/errors.ts';
import { can } from '../../shared/roles.ts';
import { publishedStars } from '../assessment/index.ts';
import { catalogueItemNames, confirmedCases } from '../events/index.ts';
import { type Period, PeriodError, parsePeriod } from '../figures/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { takeStep } from '../platform/step-flow.ts';
import { nodeNames } from '../territory/index.ts';
import { countyArea } from './county-area.ts';
import { type EntryInput, entryFor, workersOf } from './ledger-entries.ts';
import { computeEntries, ownSubmission, SHEET_FLOW, type SheetStep, sheetRefusal, totalsByWorker } from './rewards.core.ts';
import * as store from './rewards.store.ts';
import { ruleLabels } from './rules.service.ts';

const changed = (field: string, value: unknown) => new AppError('reward.changed', [{ field, reason: 'stale', value }]);
const asError = (r: { code: ErrorCode; details: ErrorDetail[] }) => new AppError(r.code, r.details);

/** 奖补台账: a county's monthly ledger computed from its rules, entered, submitted, approved (final), exported. */
export function createLedgerService({ db, clock }: { db: Db; clock: Clock }) {
  const today = () => chinaDate(clock());

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

  /** A final sheet takes no change: no entry, no recomputation, no posted subsidy. */
  function notFrozen(sheet: { status: string }) {
    if (sheet.status === SHEET_FLOW.frozen)
      throw new AppError('reward.final', [{ field: 'status', reason: 'reward.final', value: 'final' }]);
  }

  async function sheetInScope(tx: Tx, actor: Actor, id: string) {
    const sheet = await store.getSheet(tx, actor.scope, id, true);
    if (!sheet) throw new AppError('reward.sheet_not_found');
    return sheet;
  }

  async function sheetToChange(tx: Tx, actor: Actor, id: string, version: number) {
    const sheet = await sheetInScope(tx, actor, id);
    notFrozen(sheet);
    if (sheet.version !== version) throw changed('body.version', version);
    return sheet;
  }

  const entryView = (e: store.EntryRow) => ({
    id: e.id,
    workerId: e.workerId,
    workerName: e.workerName,
    gridCode: e.gridCode,
    kind: e.kind as RewardEntryKind,
    amount: e.amount,
    origin: e.origin,
    rule: e.rule,
    caseId: e.caseId,
    caseNo: e.caseNo,
    itemCode: e.itemCode,
    itemName: e.itemName,
    stars: e.stars,
    resultId: e.resultId,
    reference: e.reference,
    reason: e.reason,
    enteredBy: e.enteredBy,
    enteredAt: e.enteredAt,
  });

  const sheetHead = (actor: Actor, s: store.SheetRow) => {
    const manage = can(actor.roles, 'rewards.manage');
    const open = s.status !== 'final';
    return {
      id: s.id,
      countyCode: s.countyCode,
      period: s.period,
      status: s.status as RewardSheetStatus,
      computedBy: s.computedBy,
      computedAt: s.computedAt,
      submittedBy: s.submittedBy,
      submittedAt: s.submittedAt,
      approvedBy: s.approvedBy,
      approvedAt: s.approvedAt,
      version: s.version,
      abilities: {
        compute: manage && open,
        enter: manage && open,
        submit: manage && s.status === 'computed',
        approve: can(actor.roles, 'rewards.approve') && s.status === 'submitted' && s.submittedById !== actor.id,
      },
    };
  };

  /** A sheet with its entries, the totals per worker by name and grid, and the sum. */
  async function sheetWith(tx: Tx, actor: Actor, s: store.SheetRow) {
    const entries = await store.entriesOf(tx, s);
    const rows = totalsByWorker(entries);
    const grids = await nodeNames(tx, [s.countyCode, ...rows.flatMap((r) => (r.gridCode ? [r.gridCode] : []))]);
    return {
      ...sheetHead(actor, s),
      countyName: grids.get(s.countyCode)?.name ?? s.countyCode,
      total: rows.reduce((n, r) => n + r.total, 0),
      workers: rows.map((r) => ({ ...r, gridName: r.gridCode ? (grids.get(r.gridCode)?.name ?? r.gridCode) : null })),
      entries: entries.map(entryView),
    };
  }

  /** Back to computed after a change, so a submitted sheet is submitted again before it is approved. */
  async function unsubmit(tx: Tx, sheet: store.SheetRow) {
    const set = { status: 'computed', submittedBy: null, submittedById: null, submittedAt: null };
    const saved = await store.updateSheet(tx, sheet, sheet.version, sheet.status === 'submitted' ? set : {});
    if (!saved) throw changed('body.version', sheet.version);
    return saved;
  }

  return {
    /** The grid workers of a county a subsidy or adjustment may be entered for, by name, with their first grid. */
    async workers(actor: Actor, county: string) {
      countyArea(actor, county, 'querystring.county');
      const rows = await workersOf(db, county);
      const grids = await nodeNames(
        db,
        rows.flatMap((w) => (w.gridCode ? [w.gridCode] : [])),
      );
      return {
        countyCode: county,
        items: rows.map((w) => ({ ...w, gridName: w.gridCode ? (grids.get(w.gridCode)?.name ?? w.gridCode) : null })),
      };
    },

    async sheets(actor: Actor, county: string) {
      countyArea(actor, county, 'querystring.county');
      return { countyCode: county, items: (await store.sheetsInScope(db, actor.scope, county)).map((s) => sheetHead(actor, s)) };
    },

    async sheet(actor: Actor, id: string) {
      const s = await store.getSheet(db, actor.scope, id);
      if (!s) throw new AppError('reward.sheet_not_found');
      return sheetWith(db, actor, s);
    },

    /**
     * Computes (again) a county's month from its rules: each verified case closed in it by the grid worker who reported
     * it (once: a case paid in another month is left out), and each worker's stars in the month's published assessment.
     * What was entered by hand or posted stays; a final month is frozen.
     */
    async compute(actor: Actor, input: { county: string; period: string }) {
      countyArea(actor, input.county, 'body.county');
      const period = monthOf(input.period, 'body.period');
      const now = clock();
      return db.transaction(async (tx) => {
        const sheet = await store.sheetFor(tx, input.county, period.label);
        notFrozen(sheet);
        const [rules, workers, cases, stars] = await Promise.all([
          store.rulesOf(tx, input.county),
          workersOf(tx, input.county),
          confirmedCases(tx, { countyCode: input.county, from: startOfChinaDay(period.fromDay), to: startOfChinaDay(period.toDay) }),
          publishedStars(tx, { countyCode: input.county, period: period.label }),
        ]);
        const paid = await store.casesPaidElsewhere(
          tx,
          sheet,
          cases.map((c) => c.id),
        );
        const computed = computeEntries({
          rules: rules.map((r) => ({ ...r, kind: r.kind as RewardRuleKind })),
          labels: await ruleLabels(tx, rules),
          workers,
          cases: cases.filter((c) => !paid.has(c.id)),
          stars,
        });
        const items = await catalogueItemNames(tx, [...new Set(computed.flatMap((e) => (e.itemCode ? [e.itemCode] : [])))]);
        await store.replaceComputed(
          tx,
          sheet,
          computed.map((e) => ({
            ...e,
            countyCode: sheet.countyCode,
            sheetId: sheet.id,
            origin: 'computed',
            itemName: e.itemCode ? (items.get(e.itemCode) ?? e.itemCode) : null,
            enteredBy: actor.displayName,
            enteredAt: now,
          })),
        );
        const saved = await store.updateSheet(tx, sheet, sheet.version, {
          status: 'computed',
          computedBy: actor.displayName,
          computedAt: now,
          submittedBy: null,
          submittedById: null,
          submittedAt: null,
        });
        if (!saved) throw changed('body.period', input.period);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'reward.computed',
          target: input.county,
          detail: { period: period.label, entries: computed.length, total: computed.reduce((n, e) => n + e.amount, 0) },
        });
        return sheetWith(tx, actor, saved);
      });
    },

    /** 手工录入: a commissioned task's subsidy for one worker by the county's task rule, or an adjustment, each with a reason. */
    async enter(actor: Actor, id: string, input: EntryInput) {
      const reason = input.reason.trim();
      if (!reason) throw new AppError('reward.reason_required', [{ field: 'body.reason', reason: 'reward.reason_required' }]);
      const now = clock();
      return db.transaction(async (tx) => {
        const sheet = await sheetToChange(tx, actor, id, input.version);
        const worker = (await workersOf(tx, sheet.countyCode)).find((w) => w.id === input.workerId);
        if (!worker)
          throw new AppError('reward.worker_unknown', [{ field: 'body.workerId', reason: 'reward.worker_unknown', value: input.workerId }]);
        const entry = await entryFor(tx, sheet, worker, input);
        const saved = await store.insertEntry(tx, {
          ...entry,
          countyCode: sheet.countyCode,
          sheetId: sheet.id,
          workerId: worker.id,
          workerName: worker.name,
          gridCode: worker.gridCode,
          origin: 'manual',
          reason,
          enteredBy: actor.displayName,
          enteredAt: now,
        });
        const after = await unsubmit(tx, sheet);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: 'reward.entered',
          target: worker.id,
          detail: { county: sheet.countyCode, period: sheet.period, kind: saved.kind, amount: saved.amount, reason },
        });
        return sheetWith(tx, actor, after);
      });
    },

    /** 提交: the ledger as it stands goes to the county for approval, once the month is over. */
    async submit(actor: Actor, id: string, version: number) {
      return this.move(actor, id, version, 'submit');
    },

    /** 审批: the county approves a submitted ledger (not its own submission); from then on it is final and frozen. */
    async approve(actor: Actor, id: string, version: number) {
      return this.move(actor, id, version, 'approve');
    },

    async move(actor: Actor, id: string, version: number, step: SheetStep) {
      const now = clock();
      return db.transaction(async (tx) => {
        const sheet = await sheetInScope(tx, actor, id);
        const saved = await takeStep({
          flow: SHEET_FLOW,
          record: sheet,
          step,
          version,
          refuse: (why) => asError(sheetRefusal(why, sheet, step, version)),
          rules: () => {
            const own = step === 'approve' ? ownSubmission(sheet, actor.id) : null;
            if (own) return asError(own);
            return today() < monthOf(sheet.period, 'period').toDay
              ? new AppError('reward.period_not_over', [{ field: 'period', reason: 'reward.period_not_over', value: sheet.period }])
              : null;
          },
          save: (status) =>
            store.updateSheet(
              tx,
              sheet,
              version,
              step === 'submit'
                ? { status, submittedBy: actor.displayName, submittedById: actor.id, submittedAt: now }
                : { status, approvedBy: actor.displayName, approvedAt: now },
            ),
        });
        const entries = await store.entriesOf(tx, saved);
        await recordAudit(tx, {
          at: now,
          actorId: actor.id,
          action: step === 'submit' ? 'reward.submitted' : 'reward.approved',
          target: sheet.countyCode,
          detail: { period: sheet.period, entries: entries.length, total: entries.reduce((n, e) => n + e.amount, 0) },
        });
        return sheetWith(tx, actor, saved);
      });
    },

    /** The sheet for the payout workbook; the download is audited. */
    async exported(actor: Actor, id: string) {
      const s = await store.getSheet(db, actor.scope, id);
      if (!s) throw new AppError('reward.sheet_not_found');
      const out = await sheetWith(db, actor, s);
      await recordAudit(db, {
        at: clock(),
        actorId: actor.id,
        action: 'reward.exported',
        target: s.countyCode,
        detail: { period: s.period, status: s.status, workers: out.workers.length },
      });
      return out;
    },

    /**
     * For the tasks feature: posts a commissioned task's subsidy for a worker into the month's ledger, inside the
     * caller's transaction, by the county's task rule and with the task's reference. A final month refuses it.
     */
    async postTaskSubsidy(
      tx: Tx,
      input: { countyCode: string; period: string; workerId: string; ruleId: string; reference: string; by: string },
    ) {
      const period = monthOf(input.period, 'period');
      const sheet = await store.sheetFor(tx, input.countyCode, period.label);
      notFrozen(sheet);
      const worker = (await workersOf(tx, input.countyCode)).find((w) => w.id === input.workerId);
      if (!worker)
        throw new AppError('reward.worker_unknown', [{ field: 'workerId', reason: 'reward.worker_unknown', value: input.workerId }]);
      const entry = await entryFor(tx, sheet, worker, {
        kind: 'task',
        workerId: worker.id,
        ruleId: input.ruleId,
        reference: input.reference,
        reason: input.reference,
        version: sheet.version,
      });
      const saved = await store.insertEntry(tx, {
        ...entry,
        countyCode: sheet.countyCode,
        sheetId: sheet.id,
        workerId: worker.id,
        workerName: worker.name,
        gridCode: worker.gridCode,
        origin: 'posted',
        reason: null,
        enteredBy: input.by,
        enteredAt: clock(),
      });
      await unsubmit(tx, sheet);
      return entryView(saved);
    },
  };
}

export type { EntryInput } from './ledger-entries.ts';
export type LedgerService = ReturnType<typeof createLedgerService>;
export type RewardSheet = Awaited<ReturnType<LedgerService['sheet']>>;
