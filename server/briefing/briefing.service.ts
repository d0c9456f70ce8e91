import { chinaDate } from '../../shared/china-time.ts';
import { levelOfCode, subtreePrefix } from '../../shared/codes.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PdfRenderer } from '../platform/pdf.ts';
import { codeInScope } from '../platform/scope.ts';
import type { Content } from './briefing.content.ts';
import { type BriefingContent, briefingPeriodError, lastEnded, type PeriodIn } from './briefing.core.ts';
import * as store from './briefing.store.ts';
import { briefingDocument } from './briefing-pdf.ts';
import { briefingWorkbook } from './briefing-xlsx.ts';

export interface BriefingDeps {
  db: Db;
  clock: Clock;
  content: Content;
  pdf: PdfRenderer;
  /** Area names by code (territory), people's names by id (access). */
  nodeNames(tx: Tx, codes: string[]): Promise<Map<string, { name: string; level: string }>>;
  userNames(tx: Tx, ids: string[]): Promise<Map<string, string>>;
  /** Figures' period parser (throws its PeriodError, with details, on a bad or future period). */
  parsePeriod(text: string, today: string, field: string): PeriodIn;
  isPeriodError(e: unknown): e is { details: ErrorDetail[] };
  /** Grid codes with cases reported in [fromDay, toDay), all areas: where the schedule has something to brief. */
  gridsWithCases(tx: Tx, fromDay: string, toDay: string): Promise<string[]>;
}

type Area = { code: string; name: string; level: string; prefix: string };
const BRIEFED_LEVELS = ['city', 'county', 'township'];

export function createBriefingService(deps: BriefingDeps) {
  const { db, clock } = deps;
  const today = () => chinaDate(clock());

  async function areaOf(actor: Actor, code: string | undefined, field: string): Promise<Area> {
    const wanted = code ?? actor.areas[0]?.code;
    if (!wanted) throw new AppError('territory.area_not_found');
    const node = (await deps.nodeNames(db, [wanted])).get(wanted);
    if (!node || !BRIEFED_LEVELS.includes(node.level))
      throw new AppError('request.invalid', [{ field, reason: 'figures.area_unknown', value: wanted }]);
    if (!codeInScope(wanted, actor.scope)) throw new AppError('territory.area_not_found', [{ field, reason: 'outside' }]);
    return { code: wanted, name: node.name, level: node.level, prefix: subtreePrefix(wanted) };
  }

  function periodOf(text: string, field: string): PeriodIn {
    let p: PeriodIn;
    try {
      p = deps.parsePeriod(text, today(), field);
    } catch (e) {
      if (deps.isPeriodError(e)) throw new AppError('request.invalid', e.details);
      throw e;
    }
    const wrong = briefingPeriodError(p, today(), field);
    if (wrong) throw new AppError('request.invalid', [wrong]);
    return p;
  }

  async function insert(area: Area, period: PeriodIn, content: BriefingContent, by: Actor) {
    return db.transaction(async (tx) => {
      await store.lockArea(tx, area.code);
      const row = await store.insertBriefing(tx, {
        areaCode: area.code,
        period: period.label,
        version: await store.nextVersion(tx, area.code, period.label),
        trigger: 'on_demand',
        generatedBy: by.id,
        generatedAt: clock(),
        content,
      });
      await recordAudit(tx, {
        at: clock(),
        actorId: by.id,
        action: 'briefing.generated',
        target: `briefing:${row.id}`,
        detail: { area: area.code, period: period.label, version: row.version },
      });
      return row;
    });
  }

  async function view(row: store.BriefingRow) {
    const [names, people] = await Promise.all([
      deps.nodeNames(db, [row.areaCode]),
      deps.userNames(db, row.generatedBy ? [row.generatedBy] : []),
    ]);
    return summaryView({ ...row, title: row.content.title }, names, people);
  }

  function summaryView(
    row: Pick<store.BriefingRow, 'id' | 'areaCode' | 'period' | 'version' | 'trigger' | 'generatedBy' | 'generatedAt'> & { title: string },
    names: Map<string, { name: string; level: string }>,
    people: Map<string, string>,
  ) {
    const node = names.get(row.areaCode);
    return {
      id: row.id,
      area: { code: row.areaCode, name: node?.name ?? row.areaCode, level: node?.level ?? levelOfCode(row.areaCode) ?? '' },
      period: row.period,
      version: row.version,
      trigger: row.trigger,
      generatedBy: row.generatedBy ? (people.get(row.generatedBy) ?? row.generatedBy) : null,
      generatedAt: row.generatedAt.toISOString(),
      title: row.title,
    };
  }

  async function getInScope(actor: Actor, id: string) {
    const row = await store.getBriefing(db, actor.scope, id);
    if (!row) throw new AppError('briefing.not_found');
    return row;
  }

  return {
    /**
     * 生成通报: a new version of the area's briefing for a month or quarter that has ended, frozen as it reads now; the
     * cases the centre picked as typical must be cases reported in the area in that period.
     */
    async generate(actor: Actor, q: { area: string; period: string; typical?: string[] }) {
      const period = periodOf(q.period, 'body.period');
      const area = await areaOf(actor, q.area, 'body.area');
      const wanted = [...new Set(q.typical ?? [])];
      const picked = await deps.content.picked(area, period, wanted);
      if (picked.missing.length)
        throw new AppError(
          'request.invalid',
          picked.missing.map((n) => ({
            field: `body.typical.${(q.typical ?? []).indexOf(n)}`,
            reason: 'briefing.case_not_in_period',
            value: n,
          })),
        );
      const content = await deps.content.build(area, period, today(), today(), picked.rows);
      const row = await insert(area, period, content, actor);
      return { ...(await view(row)), content: row.content };
    },

    async find(actor: Actor, q: { area?: string; period?: string }, page: { offset: number; limit: number }) {
      const area = await areaOf(actor, q.area, 'querystring.area');
      if (q.period) periodOf(q.period, 'querystring.period');
      const { total, rows } = await store.findBriefings(db, { areaCode: area.code, period: q.period }, page);
      const people = await deps.userNames(
        db,
        rows.flatMap((r) => (r.generatedBy ? [r.generatedBy] : [])),
      );
      const names = new Map([[area.code, { name: area.name, level: area.level }]]);
      return {
        area: { code: area.code, name: area.name, level: area.level },
        total,
        items: rows.map((r) => summaryView(r, names, people)),
      };
    },

    async get(actor: Actor, id: string) {
      const row = await getInScope(actor, id);
      return { ...(await view(row)), content: row.content };
    },

    /** The briefing as a PDF and its file name. */
    async pdf(actor: Actor, id: string) {
      const row = await getInScope(actor, id);
      return { file: await deps.pdf.render(briefingDocument(row.content, row.version)), name: fileName(row, 'pdf') };
    },

    async xlsx(actor: Actor, id: string) {
      const row = await getInScope(actor, id);
      return { file: await briefingWorkbook(row.content), name: fileName(row, 'xlsx') };
    },

    /**
     * After a month or quarter ends, one briefing of it for every city, county and township with cases reported in
     * it, once. Run by the server's sweeper; under an advisory lock, so of several servers one writes them.
     */
    async scheduled(): Promise<{ status: 'skipped' } | { status: 'done'; generated: number }> {
      const day = today();
      const pending: { area: Area; period: PeriodIn; content: BriefingContent }[] = [];
      for (const label of lastEnded(day)) {
        const period = deps.parsePeriod(label, day, 'period');
        const grids = await deps.gridsWithCases(db, period.fromDay, period.toDay);
        const codes = [...new Set(grids.flatMap((g) => [`${g.slice(0, 4)}00`, g.slice(0, 6), g.slice(0, 9)]))].sort();
        const names = await deps.nodeNames(db, codes);
        for (const code of codes) {
          const node = names.get(code);
          if (!node || !BRIEFED_LEVELS.includes(node.level) || (await store.hasScheduled(db, code, label))) continue;
          const area = { code, name: node.name, level: node.level, prefix: subtreePrefix(code) };
          pending.push({ area, period, content: await deps.content.build(area, period, day, day) });
        }
      }
      // Read first and write under the lock: a second server that built the same briefings meanwhile writes none.
      const written = await db.transaction(async (tx) => {
        if (!(await store.tryScheduleLock(tx))) return null;
        let n = 0;
        for (const p of pending) {
          await store.lockArea(tx, p.area.code);
          if (await store.hasScheduled(tx, p.area.code, p.period.label)) continue;
          await store.insertBriefing(tx, {
            areaCode: p.area.code,
            period: p.period.label,
            version: await store.nextVersion(tx, p.area.code, p.period.label),
            trigger: 'scheduled',
            generatedBy: null,
            generatedAt: clock(),
            content: p.content,
          });
          n++;
        }
        return n;
      });
      return written === null ? { status: 'skipped' } : { status: 'done', generated: written };
    },
  };
}

const fileName = (row: store.BriefingRow, ext: string) => `briefing-${row.areaCode}-${row.period}-v${row.version}.${ext}`;

export type BriefingService = ReturnType<typeof createBriefingService>;
