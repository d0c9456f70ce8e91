import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db.ts';
import { AppError } from '../errors.ts';
import { createCalendar, type DayKind, type WorkingCalendar } from './calendar.core.ts';
import * as store from './calendar.store.ts';

/** The working calendar in force, with the administrator's overrides; deadlines, the sweep and supervision read it. */
export interface CalendarHolder {
  calendar(): WorkingCalendar;
  /** Reads the overrides again (after an edit here, and on every sweep so other servers follow). */
  reload(): Promise<void>;
}

/** A calendar that always answers with the holder's current one, for code that keeps a WorkingCalendar. */
export function liveCalendar(holder: CalendarHolder): WorkingCalendar {
  return {
    isWorkday: (date) => holder.calendar().isWorkday(date),
    addWorkingDays: (start, days) => holder.calendar().addWorkingDays(start, days),
    addWorkingHours: (start, hours) => holder.calendar().addWorkingHours(start, hours),
    addWorkingMillis: (start, millis) => holder.calendar().addWorkingMillis(start, millis),
    workingMillisBetween: (a, b) => holder.calendar().workingMillisBetween(a, b),
    get officeDayMillis() {
      return holder.calendar().officeDayMillis;
    },
    get coveredYears() {
      return holder.calendar().coveredYears;
    },
    covers: (date) => holder.calendar().covers(date),
    describeDay: (day) => holder.calendar().describeDay(day),
  };
}

/** A real China date 'YYYY-MM-DD' (not 2026-02-30), or a 400 naming the field. */
export function checkDay(day: string, field: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new AppError('calendar.day_invalid', [{ field, reason: 'date', value: day }]);
  }
  return day;
}

export function createCalendarDays({ db, clock }: { db: Db; clock: Clock }) {
  let current = createCalendar();
  /** The official table without overrides: what an override changes, shown beside it. */
  const official = createCalendar();

  const holder: CalendarHolder = {
    calendar: () => current,
    async reload() {
      const rows = await store.calendarDays(db);
      current = createCalendar({ overrides: new Map(rows.map((r) => [r.day, r.kind as DayKind])) });
    },
  };

  const withOfficial = (row: store.CalendarDayRow) => ({
    ...row,
    official: official.isWorkday(row.day) ? ('workday' as const) : ('holiday' as const),
  });

  return {
    holder,

    async list(year?: number) {
      return { items: (await store.calendarDays(db, year)).map(withOfficial) };
    },

    /** Makes one day a working day or a day off, whatever the official table says. */
    async setDay(actor: Actor, day: string, input: { kind: DayKind; note?: string }) {
      checkDay(day, 'params.day');
      const at = clock();
      const row = await db.transaction(async (tx) => {
        const saved = await store.upsertCalendarDay(tx, {
          day,
          kind: input.kind,
          note: input.note ?? null,
          updatedBy: actor.displayName,
          updatedAt: at,
        });
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'calendar.set_day',
          target: day,
          detail: { kind: input.kind, note: input.note ?? null },
        });
        return saved;
      });
      await holder.reload();
      return withOfficial(row);
    },

    /** Drops an override: the day follows the official table again. */
    async removeDay(actor: Actor, day: string) {
      checkDay(day, 'params.day');
      const at = clock();
      await db.transaction(async (tx) => {
        if (!(await store.deleteCalendarDay(tx, day)))
          throw new AppError('calendar.day_not_found', [{ field: 'params.day', reason: 'not_found', value: day }]);
        await recordAudit(tx, { at, actorId: actor.id, action: 'calendar.remove_day', target: day });
      });
      await holder.reload();
    },
  };
}

export type CalendarDays = ReturnType<typeof createCalendarDays>;
