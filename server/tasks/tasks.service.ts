import { chinaDate, chinaMonth } from '../../shared/china-time.ts';
import { countyOf } from '../../shared/codes.ts';
import type { TaskKind, TaskStatus, TaskSubject } from '../../shared/enums.ts';
import { can } from '../../shared/roles.ts';
import { holdersOfRole } from '../access/index.ts';
import type { FileStore } from '../files/index.ts';
import { departmentsByCode } from '../org/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { partiesOnRecord, type RecordLookup } from '../registry/index.ts';
import { gridsInScope, nodeNames } from '../territory/index.ts';
import { checkDraft, checkValues, keptFields, keptValues, progressOf, type TaskDraft, type TaskField } from './tasks.core.ts';
import * as store from './tasks.store.ts';

/** What the rewards ledger offers the tasks (app.ts hands it in): a county rule per admitted task, and a worker's subsidy posted. */
export interface TaskSubsidies {
  taskRuleIn(tx: Tx, input: { countyCode: string; key: string; amount: number; by: string; actorId: string }): Promise<string>;
  postTaskSubsidy(
    tx: Tx,
    input: { countyCode: string; period: string; workerId: string; ruleId: string; reference: string; by: string },
  ): Promise<unknown>;
}

/** A task list shows this many; a task's entries list at most this many (the workbook holds them all). */
const LIST_MAX = 200;

const changed = (version: number) => new AppError('task.changed', [{ field: 'body.version', reason: 'stale', value: version }]);
const invalid = (code: 'task.form_invalid' | 'task.entry_invalid', details: { field: string; reason: string; value?: unknown }[]) =>
  new AppError(code, details);

/** 委托任务: drafted by a department or a centre, admitted by the county, filled by the workers of its grids, closed and paid. */
export function createTasksService({
  db,
  clock,
  files,
  records,
  subsidies,
}: {
  db: Db;
  clock: Clock;
  files: FileStore;
  records: RecordLookup;
  subsidies: TaskSubsidies;
}) {
  /** A field user (who may fill but neither draft nor admit) sees admitted tasks only. */
  const fieldOnly = (actor: Actor) => !can(actor.roles, 'tasks.draft') && !can(actor.roles, 'tasks.admit');

  async function taskIn(tx: Tx, actor: Actor, id: string, lock = false) {
    const row = await store.getTask(tx, actor.scope, id, { fieldOnly: fieldOnly(actor), lock });
    if (!row) throw new AppError('task.not_found');
    return row;
  }

  const abilities = (actor: Actor, t: store.TaskRow) => ({
    admit: t.status === 'pending' && can(actor.roles, 'tasks.admit'),
    fill: t.status === 'admitted' && can(actor.roles, 'tasks.fill'),
    close: t.status === 'admitted' && (t.draftedById === actor.id || can(actor.roles, 'tasks.admit')),
  });

  const view = (actor: Actor, t: store.TaskRow, grids: { code: string; name: string }[]) => ({
    id: t.id,
    no: t.no,
    countyCode: t.countyCode,
    title: t.title,
    kind: t.kind as TaskKind,
    subject: t.subject as TaskSubject,
    description: t.description,
    fields: t.fields,
    grids,
    deadline: t.deadline,
    subsidy: t.subsidy,
    status: t.status as TaskStatus,
    unitName: t.unitName,
    draftedBy: t.draftedBy,
    draftedAt: t.draftedAt.toISOString(),
    decidedBy: t.decidedBy,
    decidedAt: t.decidedAt?.toISOString() ?? null,
    refusal: t.refusal,
    closedBy: t.closedBy,
    closedAt: t.closedAt?.toISOString() ?? null,
    version: t.version,
    abilities: abilities(actor, t),
  });

  async function named(tx: Tx, codes: string[]) {
    const names = await nodeNames(tx, codes);
    return codes.map((code) => ({ code, name: names.get(code)?.name ?? code }));
  }

  async function fullView(tx: Tx, actor: Actor, t: store.TaskRow) {
    return view(actor, t, await named(tx, await store.gridsOf(tx, t, fieldOnly(actor) ? actor.scope : undefined)));
  }

  async function decide(actor: Actor, id: string, version: number, set: Partial<store.TaskRow>, action: string, extra = {}) {
    return db.transaction(async (tx) => {
      const t = await taskIn(tx, actor, id, true);
      if (t.status !== 'pending')
        throw new AppError('task.not_pending', [{ field: 'status', reason: 'task.not_pending', value: t.status }]);
      if (t.version !== version) throw changed(version);
      let ruleId: string | null = null;
      if (set.status === 'admitted' && t.subsidy > 0)
        ruleId = await subsidies.taskRuleIn(tx, {
          countyCode: t.countyCode,
          key: `${t.no} ${t.title}`.slice(0, 60),
          amount: t.subsidy,
          by: actor.displayName,
          actorId: actor.id,
        });
      const saved = await store.updateTask(tx, t, version, { ...set, ruleId, decidedBy: actor.displayName, decidedAt: clock() });
      if (!saved) throw changed(version);
      await recordAudit(tx, { at: clock(), actorId: actor.id, action, target: t.id, detail: { no: t.no, ...extra } });
      return fullView(tx, actor, saved);
    });
  }

  return {
    /** A draft over grids of the caller's jurisdiction, in one county, waiting for the county's admission. */
    async draft(actor: Actor, input: TaskDraft) {
      const at = clock();
      const gridCodes = [...new Set(input.gridCodes)].sort();
      const details = checkDraft({ ...input, gridCodes }, chinaDate(at));
      const inScope = await gridsInScope(db, actor.scope, gridCodes);
      gridCodes.forEach((code, i) => {
        if (!inScope.has(code)) details.push({ field: `body.gridCodes.${i}`, reason: 'outside', value: code });
      });
      const counties = new Set(gridCodes.map(countyOf));
      if (counties.size > 1) details.push({ field: 'body.gridCodes', reason: 'one_county', value: [...counties] });
      if (details.length) throw invalid('task.form_invalid', details);
      const department = actor.departmentCode ? (await departmentsByCode(db, [actor.departmentCode])).get(actor.departmentCode) : undefined;
      const countyCode = countyOf(gridCodes[0]);
      return db.transaction(async (tx) => {
        const saved = await store.insertTask(
          tx,
          {
            countyCode,
            no: await store.nextNo(tx, countyCode, chinaDate(at).slice(0, 4)),
            title: input.title.trim(),
            kind: input.kind,
            subject: input.subject,
            description: input.description?.trim() || null,
            fields: keptFields(input.fields),
            deadline: input.deadline,
            subsidy: input.subsidy,
            status: 'pending',
            unitName: department?.name ?? actor.areas[0]?.name ?? actor.displayName,
            draftedById: actor.id,
            draftedBy: actor.displayName,
            draftedAt: at,
          },
          gridCodes,
        );
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'task.drafted',
          target: saved.id,
          detail: { no: saved.no, grids: gridCodes.length },
        });
        return fullView(tx, actor, saved);
      });
    },

    async find(actor: Actor, q: { status?: TaskStatus }) {
      const rows = await store.findTasks(db, actor.scope, { fieldOnly: fieldOnly(actor), status: q.status, limit: LIST_MAX });
      const items = [];
      for (const t of rows) items.push(await fullView(db, actor, t));
      return { items };
    },

    async get(actor: Actor, id: string) {
      return fullView(db, actor, await taskIn(db, actor, id));
    },

    /** 准入: the county admits the task to its workers; a subsidy becomes the county's task rule in the same transaction. */
    admit: (actor: Actor, id: string, version: number) => decide(actor, id, version, { status: 'admitted' }, 'task.admitted'),

    /** Refused with a reason the drafter reads; the workers never see it. */
    async refuse(actor: Actor, id: string, version: number, reason: string) {
      const why = reason.trim();
      if (!why) throw new AppError('task.reason_required', [{ field: 'body.reason', reason: 'required' }]);
      return decide(actor, id, version, { status: 'refused', refusal: why }, 'task.refused', { reason: why });
    },

    /**
     * Closed by its drafter or the county: each worker who filled it gets its subsidy in the county's ledger of this
     * month, in the same transaction (a final month refuses, and nothing closes).
     */
    async close(actor: Actor, id: string, version: number) {
      return db.transaction(async (tx) => {
        const t = await taskIn(tx, actor, id, true);
        if (!abilities(actor, t).close)
          throw new AppError(t.status === 'admitted' ? 'access.forbidden' : 'task.not_admitted', [
            { field: 'status', reason: 'task.not_admitted', value: t.status },
          ]);
        if (t.version !== version) throw changed(version);
        const at = clock();
        const saved = await store.updateTask(tx, t, version, { status: 'closed', closedBy: actor.displayName, closedAt: at });
        if (!saved) throw changed(version);
        const fillers = await store.fillersOf(tx, t);
        if (t.ruleId)
          for (const w of fillers)
            await subsidies.postTaskSubsidy(tx, {
              countyCode: t.countyCode,
              period: chinaMonth(at),
              workerId: w.worker_id,
              ruleId: t.ruleId,
              reference: t.no,
              by: actor.displayName,
            });
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'task.closed',
          target: t.id,
          detail: { no: t.no, paid: t.ruleId ? fillers.length : 0 },
        });
        return fullView(tx, actor, saved);
      });
    },

    /**
     * One house's or person's answers (filled again: replaced), by a worker of its grid: the subject must lie in the
     * task's grids and the worker's jurisdiction, picked records must be on record there, photos stored.
     */
    async fill(actor: Actor, id: string, input: { subject: string; values: Record<string, unknown> }) {
      // The reads go before the write's transaction (the record lookup reads through its own handle); the task is
      // locked and checked again in it, so nothing is filled after it closed.
      const t = await taskIn(db, actor, id);
      if (t.status !== 'admitted')
        throw new AppError('task.not_admitted', [{ field: 'status', reason: 'task.not_admitted', value: t.status }]);
      const grids = new Set(await store.gridsOf(db, t, actor.scope));
      const subject = await subjectOf(db, actor, t.subject as TaskSubject, input.subject.trim());
      if (!subject || !grids.has(subject.gridCode))
        throw new AppError('task.subject_unknown', [{ field: 'body.subject', reason: 'task.subject_unknown', value: input.subject }]);
      const fields = t.fields as TaskField[];
      const { details, picks } = checkValues(fields, input.values);
      const names = await picked(db, actor, picks);
      for (const f of fields) {
        const v = input.values[f.key] as { key?: string } | string | undefined;
        if (f.type === 'person' || f.type === 'house' || f.type === 'organisation') {
          const key = typeof v === 'object' && v?.key ? v.key.trim() : null;
          if (key && !details.some((d) => d.field === `body.values.${f.key}`) && !names.has(`${f.type}:${key}`))
            details.push({ field: `body.values.${f.key}`, reason: 'not_on_record', value: key });
        }
        if (
          f.type === 'photo' &&
          typeof v === 'string' &&
          !details.some((d) => d.field === `body.values.${f.key}`) &&
          !(await files.get(v))
        )
          details.push({ field: `body.values.${f.key}`, reason: 'photo_missing', value: v });
      }
      if (details.length) throw invalid('task.entry_invalid', details);
      const at = clock();
      return db.transaction(async (tx) => {
        const locked = await taskIn(tx, actor, id, true);
        if (locked.status !== 'admitted')
          throw new AppError('task.not_admitted', [{ field: 'status', reason: 'task.not_admitted', value: locked.status }]);
        const entry = await store.upsertEntry(tx, {
          countyCode: t.countyCode,
          taskId: t.id,
          gridCode: subject.gridCode,
          subjectKey: subject.key,
          subjectName: subject.name,
          values: keptValues(fields, input.values, (type, key) => names.get(`${type}:${key}`) ?? key),
          workerId: actor.id,
          workerName: actor.displayName,
          filledAt: at,
        });
        await recordAudit(tx, { at, actorId: actor.id, action: 'task.filled', target: t.id, detail: { no: t.no, subject: subject.key } });
        return entryView(entry);
      });
    },

    /** The entries of the grids the caller sees (at most LIST_MAX), for the worker's list and the centre's drawer. */
    async entries(actor: Actor, id: string) {
      const t = await taskIn(db, actor, id);
      const rows = await store.entriesOf(db, t, await store.gridsOf(db, t, actor.scope), LIST_MAX);
      return { items: rows.map(entryView) };
    },

    /** Per grid of the caller's jurisdiction: houses or people to fill, filled, open, and the share done. */
    async progress(actor: Actor, id: string) {
      const t = await taskIn(db, actor, id);
      const codes = await store.gridsOf(db, t, actor.scope);
      const names = new Map((await named(db, codes)).map((g) => [g.code, g.name]));
      const rows = progressOf(await store.progressPerGrid(db, t, codes));
      return { items: rows.map((r) => ({ ...r, gridName: names.get(r.gridCode) ?? r.gridCode })) };
    },

    /** The task and all its entries in the caller's grids, for the workbook; the download is audited. */
    async exported(actor: Actor, id: string) {
      const t = await taskIn(db, actor, id);
      const codes = await store.gridsOf(db, t, actor.scope);
      const entries = await store.entriesOf(db, t, codes);
      const gridNames = new Map((await named(db, codes)).map((g) => [g.code, g.name]));
      const progress = progressOf(await store.progressPerGrid(db, t, codes));
      await recordAudit(db, {
        at: clock(),
        actorId: actor.id,
        action: 'task.exported',
        target: t.id,
        detail: { no: t.no, entries: entries.length },
      });
      return { task: t, entries, gridNames, progress };
    },

    /**
     * 工作量: before assigning, the grid workers of the chosen grids (of the caller's jurisdiction) and each one's
     * open items — over the admitted tasks covering any grid they work, the houses or people not yet filled.
     */
    async workload(actor: Actor, gridCodes: string[]) {
      const chosen = [...(await gridsInScope(db, actor.scope, [...new Set(gridCodes)]))];
      const counties = [...new Set(chosen.map(countyOf))];
      const workers = (await Promise.all(counties.map((c) => holdersOfRole(db, 'grid_worker', c))))
        .flat()
        .filter((w) => w.codes.some((c) => chosen.includes(c)));
      const open = await store.openItemsPerGrid(db, [...new Set(workers.flatMap((w) => w.codes))]);
      const names = new Map((await named(db, [...new Set(workers.flatMap((w) => w.codes))])).map((g) => [g.code, g.name]));
      return {
        items: workers
          .map((w) => ({
            workerId: w.id,
            workerName: w.name,
            grids: w.codes.map((c) => ({ code: c, name: names.get(c) ?? c })),
            openItems: w.codes.reduce((n, c) => n + (open.get(c)?.open ?? 0), 0),
            openTasks: w.codes.reduce((n, c) => n + (open.get(c)?.tasks ?? 0), 0),
          }))
          .sort((a, b) => b.openItems - a.openItems || a.workerName.localeCompare(b.workerName, 'zh-CN')),
      };
    },
  };

  /** The house or person the entry is about, as on record in the caller's jurisdiction. */
  async function subjectOf(tx: Tx, actor: Actor, kind: TaskSubject, key: string) {
    if (kind === 'house') {
      const h = key ? await records.find(actor, 'house', key) : undefined;
      return h && { key: h.key, name: h.name, gridCode: h.gridCode };
    }
    const p = (await partiesOnRecord(tx, actor.scope, { personIds: [key], creditCodes: [] })).get(`person:${key}`);
    return p && { key: p.key, name: p.name, gridCode: p.gridCode };
  }

  /** Names of the picked records on record in the caller's jurisdiction, keyed `type:key`. */
  async function picked(tx: Tx, actor: Actor, picks: { person: string[]; house: string[]; organisation: string[] }) {
    const out = new Map<string, string>();
    const parties = await partiesOnRecord(tx, actor.scope, { personIds: picks.person, creditCodes: picks.organisation });
    for (const p of parties.values()) out.set(`${p.kind}:${p.key}`, p.kind === 'person' ? `${p.name} ${p.identifier}` : p.name);
    for (const code of picks.house) {
      const h = await records.find(actor, 'house', code);
      if (h) out.set(`house:${code}`, h.name);
    }
    return out;
  }
}

const entryView = (e: store.EntryRow) => ({
  id: e.id,
  gridCode: e.gridCode,
  subject: e.subjectKey,
  subjectName: e.subjectName,
  values: e.values,
  workerName: e.workerName,
  filledAt: e.filledAt.toISOString(),
});

export type TasksService = ReturnType<typeof createTasksService>;
