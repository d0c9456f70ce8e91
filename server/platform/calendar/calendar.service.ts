import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Actor } from '../actor.ts';
import { recordAudit } from '../audit.ts';
import type { Clock } from '../clock.ts';
import type { Db, Tx } from '../db.ts';
import { AppError } from '../errors.ts';
import { createCalendar, type DayKind, OFFICIAL_YEARS, type ScheduleDay, type WorkingCalendar } from './calendar.core.ts';
import * as store from './calendar.store.ts';
import {
  COVERAGE_WARNING_DAYS,
  coverageWarning,
  EXPLAIN_MAX_DAYS,
  type ExplainedDay,
  explainDeadline,
  spanDays,
} from './calendar-coverage.core.ts';
import { parseIcsSchedule } from './calendar-ical.core.ts';

/** A year entered, entered again or dropped: the calendars before and after differ only inside `year`. */
export interface YearChange {
  year: number;
  before: WorkingCalendar;
  after: WorkingCalendar;
  actor: Actor;
  at: Date;
}
/**
 * Told of a year change inside the transaction that makes it, so what it moves (stored deadlines) commits or
 * rolls back with the year; answers how many records it changed.
 */
export type YearChangeListener = (tx: Tx, change: YearChange) => Promise<number>;
/** Open deadlines that lie outside the covered years, counted by the area that keeps them. */
export type ProvisionalCounter = (coveredYears: readonly number[]) => Promise<number>;

export type YearSource = 'console' | 'ics';
export interface YearInput {
  days: ScheduleDay[];
  note?: string;
}

/** The calendar the stored overrides and entered years make. */
function buildCalendar(overrides: store.CalendarDayRow[], yearDays: store.CalendarYearDayRow[]): WorkingCalendar {
  const entered = new Map<number, ScheduleDay[]>();
  for (const d of yearDays) {
    const list = entered.get(d.year) ?? [];
    list.push({ day: d.day, kind: d.kind as DayKind, name: d.name });
    entered.set(d.year, list);
  }
  return createCalendar({ overrides: new Map(overrides.map((r) => [r.day, r.kind as DayKind])), enteredYears: entered });
}

/** The year's days as entered, or refuses them with one detail per bad day (field body.days[i].day). */
function checkSchedule(year: number, days: readonly ScheduleDay[]): void {
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const field = `body.days[${i}].day`;
    const ms = Date.parse(`${d.day}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== d.day)
      details.push({ field, reason: 'date', value: d.day });
    else if (Number(d.day.slice(0, 4)) !== year) details.push({ field, reason: 'other_year', value: d.day, year });
    else if (seen.has(d.day)) details.push({ field, reason: 'duplicate', value: d.day });
    seen.add(d.day);
  });
  if (details.length > 0) throw new AppError('calendar.schedule_invalid', details);
}

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

export function createCalendarDays({
  db,
  clock,
  provisionalDeadlines,
}: {
  db: Db;
  clock: Clock;
  /** Counts open deadlines past the covered years, for the coverage reply; the events area hands it in. */
  provisionalDeadlines?: ProvisionalCounter;
}) {
  let current = createCalendar();
  /** The official table without overrides: what an override changes, shown beside it. */
  const official = createCalendar();
  /** The overrides' notes by day: an explanation names why an administrator took a day off. */
  let overrideNotes = new Map<string, string | null>();
  const listeners: YearChangeListener[] = [];

  const holder: CalendarHolder = {
    calendar: () => current,
    async reload() {
      const [rows, yearDays] = await Promise.all([store.calendarDays(db), store.calendarYearDays(db)]);
      current = buildCalendar(rows, yearDays);
      overrideNotes = new Map(rows.map((r) => [r.day, r.note]));
    },
  };

  /** Enters, re-enters (days given) or drops (null) a year in one transaction, with its audit row and the listeners' moves. */
  async function changeYear(actor: Actor, year: number, next: { source: YearSource; input: YearInput } | null) {
    const at = clock();
    const result = await db.transaction(async (tx) => {
      // Both calendars from the rows as this transaction reads them, not from what this server last loaded.
      const [overrides, yearDays] = await Promise.all([store.calendarDays(tx), store.calendarYearDays(tx)]);
      const before = buildCalendar(overrides, yearDays);
      const others = yearDays.filter((d) => d.year !== year);
      let saved: store.CalendarYearRow | undefined;
      let days: store.CalendarYearDayRow[] = [];
      if (next) {
        days = next.input.days.map((d) => ({ day: d.day, year, kind: d.kind, name: d.name ?? null }));
        saved = await store.replaceCalendarYear(
          tx,
          { year, source: next.source, note: next.input.note ?? null, enteredBy: actor.displayName, enteredAt: at },
          days,
        );
      } else if (!(await store.deleteCalendarYear(tx, year))) {
        throw new AppError('calendar.year_not_found', [{ field: 'params.year', reason: 'not_found', value: year }]);
      }
      const after = buildCalendar(overrides, [...others, ...days]);
      let recomputed = 0;
      for (const listener of listeners) recomputed += await listener(tx, { year, before, after, actor, at });
      const holidays = days.filter((d) => d.kind === 'holiday').length;
      await recordAudit(tx, {
        at,
        actorId: actor.id,
        action: next ? 'calendar.enter_year' : 'calendar.remove_year',
        target: String(year),
        detail: next
          ? { source: next.source, holidays, workdays: days.length - holidays, note: next.input.note ?? null, recomputed }
          : { recomputed },
      });
      return { saved, recomputed };
    });
    await holder.reload();
    return result;
  }

  const yearReply = async (year: number) => {
    const entered = (await store.calendarYears(db)).find((y) => y.year === year) ?? null;
    const days: ScheduleDay[] = entered
      ? (await store.calendarYearDays(db, year)).map((d) => ({ day: d.day, kind: d.kind as DayKind, name: d.name }))
      : officialDays(year);
    return {
      year,
      covered: entered !== null || OFFICIAL_YEARS.includes(year),
      source: entered ? entered.source : OFFICIAL_YEARS.includes(year) ? 'official' : null,
      note: entered?.note ?? null,
      enteredBy: entered?.enteredBy ?? null,
      enteredAt: entered?.enteredAt ?? null,
      days,
    };
  };

  /** The package's days off and adjusted working days of a year it covers, as the page shows an entered one. */
  const officialDays = (year: number): ScheduleDay[] => {
    if (!OFFICIAL_YEARS.includes(year)) return [];
    const out: ScheduleDay[] = [];
    for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) {
      const facts = official.describeDay(new Date(t).toISOString().slice(0, 10));
      if (facts.source === 'official') out.push({ day: facts.day, kind: facts.workday ? 'workday' : 'holiday', name: facts.name });
    }
    return out;
  };

  const withOfficial = (row: store.CalendarDayRow) => ({
    ...row,
    official: official.isWorkday(row.day) ? ('workday' as const) : ('holiday' as const),
  });

  return {
    holder,

    /** Listen to years entered, entered again or dropped (the events area recomputes its deadlines). */
    onYearChanged(listener: YearChangeListener) {
      listeners.push(listener);
    },

    /** Which years the calendar covers, and whether deadlines can reach one it does not within the warning window. */
    async coverage() {
      const now = clock();
      const entered = await store.calendarYears(db);
      const calendar = holder.calendar();
      const warning = coverageWarning(calendar, now);
      return {
        years: calendar.coveredYears.map((year) => {
          const e = entered.find((y) => y.year === year);
          return { year, source: e ? e.source : 'official', enteredBy: e?.enteredBy ?? null, enteredAt: e?.enteredAt ?? null };
        }),
        warningDays: COVERAGE_WARNING_DAYS,
        warning: warning && { ...warning, code: 'calendar.year_not_covered' as const },
        provisionalDeadlines: provisionalDeadlines ? await provisionalDeadlines(calendar.coveredYears) : 0,
      };
    },

    getYear: yearReply,

    /** Enters a year's official schedule (or enters it again); deadlines counted across it move with it. */
    async enterYear(actor: Actor, year: number, input: YearInput, source: YearSource = 'console') {
      if (OFFICIAL_YEARS.includes(year))
        throw new AppError('calendar.year_official', [{ field: 'params.year', reason: 'official', value: year }]);
      checkSchedule(year, input.days);
      const { recomputed } = await changeYear(actor, year, { source, input });
      return { ...(await yearReply(year)), recomputed };
    },

    /** The year's days from an iCalendar file: a preview (dryRun) or entered as the console would. */
    async importIcs(actor: Actor, year: number, input: { ics: string; note?: string; dryRun?: boolean }) {
      if (OFFICIAL_YEARS.includes(year))
        throw new AppError('calendar.year_official', [{ field: 'params.year', reason: 'official', value: year }]);
      const { days, otherYears } = parseIcsSchedule(input.ics, year);
      if (input.dryRun) return { ...(await yearReply(year)), days, otherYears, saved: false, recomputed: 0 };
      const { recomputed } = await changeYear(actor, year, { source: 'ics', input: { days, note: input.note } });
      return { ...(await yearReply(year)), otherYears, saved: true, recomputed };
    },

    /** Drops an entered year: its days count by the week again, and so do the deadlines across it. */
    async removeYear(actor: Actor, year: number) {
      return changeYear(actor, year, null);
    },

    /** Which days between two instants were skipped or worked and why: what a deadline counted. */
    explain(from: Date, to: Date) {
      if (to < from) throw new AppError('calendar.range_invalid', [{ field: 'querystring.to', reason: 'before_from' }]);
      if (spanDays(from, to) > EXPLAIN_MAX_DAYS)
        throw new AppError('calendar.range_invalid', [{ field: 'querystring.to', reason: 'too_long', max: EXPLAIN_MAX_DAYS }]);
      const e = explainDeadline(holder.calendar(), from, to);
      const named = (d: ExplainedDay) => ({
        day: d.day,
        reason: d.reason,
        source: d.source,
        name: d.source === 'override' ? (overrideNotes.get(d.day) ?? null) : d.name,
        weekend: d.weekend,
        covered: d.covered,
      });
      return { from, to, ...e, skipped: e.skipped.map(named), worked: e.worked.map(named) };
    },

    async find(year?: number) {
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
