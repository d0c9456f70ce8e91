import { chinaDate } from '../../shared/china-time.ts';
import { countyOf, subtreePrefix } from '../../shared/codes.ts';
import { FIELD_ROLES } from '../../shared/roles.ts';
import { teamAccounts } from '../access/index.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db, Tx } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { PageAsked } from '../platform/paging.ts';
import { codeInScope } from '../platform/scope.ts';
import { nodeNames } from '../territory/index.ts';
import { checkSession, childPrefixLength, figuresOf, holdsSessions, isDay, type SessionInput, tenthsOf } from './training.core.ts';
import * as store from './training.store.ts';

/** Whom a session lists: the grid teams, department patrollers and the village and township centres' staff. */
export const TRAINED_ROLES = [...FIELD_ROLES, 'village_center', 'township_center'] as const;

const sessionView = (s: store.SessionRow, areaName: string, attendees: store.AttendeeRow[]) => ({
  id: s.id,
  areaCode: s.areaCode,
  areaName,
  topic: s.topic,
  heldOn: s.heldOn,
  hours: s.tenthHours / 10,
  trainer: s.trainer,
  recordedBy: s.recordedBy,
  attendees: attendees.map((a) => ({ id: a.userId, name: a.userName })),
});

/** 培训: sessions recorded by a centre for its area's team, each worker's history, person-times and hours per area. */
export function createTrainingService({ db, clock }: { db: Db; clock: Clock }) {
  async function named(tx: Tx, codes: string[]) {
    const names = await nodeNames(tx, [...new Set(codes)]);
    return (code: string) => names.get(code)?.name ?? code;
  }

  async function withAttendees(tx: Tx, rows: store.SessionRow[]) {
    const [attendees, name] = await Promise.all([
      store.attendeesOf(tx, rows),
      named(
        tx,
        rows.map((s) => s.areaCode),
      ),
    ]);
    return rows.map((s) =>
      sessionView(
        s,
        name(s.areaCode),
        attendees.filter((a) => a.sessionId === s.id),
      ),
    );
  }

  return {
    /** The accounts a session may list: the team bound under the caller's areas (or one of them). */
    async team(actor: Actor, area?: string) {
      const prefixes = area ? (codeInScope(area, actor.scope) ? [subtreePrefix(area)] : []) : actor.scope.prefixes;
      const accounts = await teamAccounts(db, { prefixes }, TRAINED_ROLES);
      const name = await named(
        db,
        accounts.flatMap((a) => a.areaCodes),
      );
      return {
        items: accounts.map((a) => ({
          id: a.id,
          name: a.name,
          roles: a.roles,
          areas: a.areaCodes.map((c) => ({ code: c, name: name(c) })),
        })),
      };
    },

    /** A session held for an area of the caller's (their own by default), its attendees accounts of that area's team; audited. */
    async create(actor: Actor, input: SessionInput) {
      const at = clock();
      const areaCode = input.areaCode?.trim() || actor.areas[0]?.code || '';
      const details = checkSession(input, chinaDate(at));
      if (!codeInScope(areaCode, actor.scope) || !holdsSessions(areaCode))
        details.push({ field: 'body.areaCode', reason: 'outside', value: areaCode });
      const prefix = subtreePrefix(areaCode);
      const team = details.length ? [] : await teamAccounts(db, { prefixes: [prefix] }, TRAINED_ROLES);
      const byId = new Map(team.map((a) => [a.id, a]));
      if (!details.length)
        input.attendeeIds.forEach((id, i) => {
          if (!byId.has(id)) details.push({ field: `body.attendeeIds.${i}`, reason: 'not_in_team', value: id });
        });
      if (details.length) throw new AppError('training.invalid', details);
      return db.transaction(async (tx) => {
        const saved = await store.insertSession(
          tx,
          {
            countyCode: countyOf(areaCode),
            areaCode,
            topic: input.topic.trim(),
            heldOn: input.heldOn,
            tenthHours: tenthsOf(input.hours),
            trainer: input.trainer.trim(),
            recordedById: actor.id,
            recordedBy: actor.displayName,
            recordedAt: at,
          },
          input.attendeeIds.map((id) => {
            const a = byId.get(id) as (typeof team)[number];
            return { userId: a.id, userName: a.name, areaCode: a.areaCodes.find((c) => c.startsWith(prefix)) ?? areaCode };
          }),
        );
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'training.recorded',
          target: saved.id,
          detail: { topic: saved.topic, attendees: input.attendeeIds.length },
        });
        const [view] = await withAttendees(tx, [saved]);
        return view;
      });
    },

    async find(actor: Actor, q: { from?: string; to?: string }, page: PageAsked) {
      for (const key of ['from', 'to'] as const)
        if (q[key] !== undefined && !isDay(q[key]))
          throw new AppError('training.period_invalid', [{ field: `query.${key}`, reason: 'date', value: q[key] }]);
      const { rows, total } = await store.findSessions(db, actor.scope, q, page);
      return { items: await withAttendees(db, rows), total };
    },

    /** One account's training history: the caller's own (every session), or a team member's sessions held in the caller's jurisdiction. */
    async history(actor: Actor, userId: string) {
      const rows = (await store.historyOf(db, userId, userId === actor.id ? undefined : actor.scope)).map((r) => r.session);
      const name = await named(
        db,
        rows.map((s) => s.areaCode),
      );
      const items = rows.map((s) => ({
        id: s.id,
        topic: s.topic,
        heldOn: s.heldOn,
        hours: s.tenthHours / 10,
        trainer: s.trainer,
        areaName: name(s.areaCode),
      }));
      return { items, sessions: items.length, hours: rows.reduce((n, s) => n + s.tenthHours, 0) / 10 };
    },

    /** Person-times and hours per child of an area of the caller's, in a period (China dates, both ends in). */
    async figures(actor: Actor, q: { area?: string; from: string; to: string }) {
      const area = q.area ?? actor.areas[0]?.code ?? '';
      if (!isDay(q.from) || !isDay(q.to) || q.from > q.to)
        throw new AppError('training.period_invalid', [{ field: 'query.from', reason: 'period', value: `${q.from}..${q.to}` }]);
      if (!codeInScope(area, actor.scope))
        throw new AppError('training.not_found', [{ field: 'query.area', reason: 'outside', value: area }]);
      const rows = await store.figuresPerChild(db, subtreePrefix(area), childPrefixLength(area), q.from, q.to);
      const name = await named(db, [area, ...rows.map((r) => r.code)]);
      const out = figuresOf(rows);
      return { area: { code: area, name: name(area) }, ...out, rows: out.rows.map((r) => ({ ...r, name: name(r.code) })) };
    },
  };
}

export type TrainingService = ReturnType<typeof createTrainingService>;
