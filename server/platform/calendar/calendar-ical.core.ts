/**
 * A year's official schedule read from an iCalendar file (RFC 5545), such as the holiday calendars people
 * subscribe to: one all-day VEVENT per holiday or adjusted working day, or per run of them. ical.js parses the
 * file; this file finds the line of anything wrong, since an administrator fixes a file by its line numbers.
 */
import ICAL from 'ical.js';
import type { ErrorDetail } from '../../../shared/errors.ts';
import { AppError } from '../errors.ts';
import type { ScheduleDay } from './calendar.core.ts';

/** Longest run one VEVENT may cover: the longest official holiday is 9 days; a month leaves room and stops typos. */
const EVENT_MAX_DAYS = 31;
const FIELD = 'body.ics';
const DAY_MS = 86_400_000;

/**
 * An adjusted working day (调休上班) is told by the summary ("补班", "上班", "春节调休（班）"), by Apple's
 * X-APPLE-SPECIAL-DAY: ALTERNATE-WORKDAY, or by a category naming it; every other event is a day off.
 */
const WORKDAY_SUMMARY = /班/;
const WORKDAY_CATEGORY = /^(workday|work|补班|上班|班)$/i;

interface Line {
  /** 1-based number of the file line the content line starts on. */
  no: number;
  text: string;
}

/** Content lines with folding undone (RFC 5545 §3.1), each with the number of the file line it starts on. */
function contentLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && lines.length > 0) lines[lines.length - 1].text += raw.slice(1);
    else if (raw.length > 0) lines.push({ no: i + 1, text: raw });
  });
  return lines;
}

const fail = (details: ErrorDetail[]): never => {
  throw new AppError('calendar.ics_invalid', details);
};
const detail = (line: number, reason: string, extra: Record<string, unknown> = {}): ErrorDetail => ({
  field: FIELD,
  line,
  reason,
  ...extra,
});

/** The line ical.js could not read: the first content line it refuses on its own, else the first unbalanced BEGIN/END. */
function locate(lines: Line[], err: unknown): ErrorDetail {
  const message = err instanceof Error ? err.message : String(err);
  for (const line of lines) {
    if (/^(BEGIN|END):/i.test(line.text)) continue;
    try {
      // Reading the values decodes them: a date like 2027x0101 passes the tokenizer and fails only here.
      new ICAL.Property(ICAL.parse.property(line.text)).getValues();
    } catch (e) {
      return detail(line.no, 'syntax', { message: e instanceof Error ? e.message : String(e), value: line.text.slice(0, 80) });
    }
  }
  const open: Line[] = [];
  for (const line of lines) {
    const m = /^(BEGIN|END):(.*)$/i.exec(line.text);
    if (!m) continue;
    if (m[1].toUpperCase() === 'BEGIN') open.push(line);
    else if (open.pop()?.text.slice(6).toUpperCase() !== m[2].toUpperCase())
      return detail(line.no, 'structure', { message, value: line.text });
  }
  return detail(open.length > 0 ? open[open.length - 1].no : 1, 'structure', { message });
}

const dayKey = (time: ICAL.Time): string =>
  `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
const addDays = (key: string, n: number): string => new Date(Date.parse(`${key}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface IcsSchedule {
  /** The days of `year`, in date order. */
  days: ScheduleDay[];
  /** Days the file lists in other years (a subscription calendar spans several): left out. */
  otherYears: number;
}

/** The days off and adjusted working days of `year` in an iCalendar file, or a 400 naming each bad line. */
export function parseIcsSchedule(text: string, year: number): IcsSchedule {
  const lines = contentLines(text);
  if (lines.length === 0 || lines[0].text.toUpperCase() !== 'BEGIN:VCALENDAR') fail([detail(lines[0]?.no ?? 1, 'not_icalendar')]);
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (err) {
    return fail([locate(lines, err)]);
  }
  // The file line of each VEVENT's BEGIN and of each property inside it, in file order.
  const blocks = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => /^BEGIN:VEVENT$/i.test(line.text))
    .map(({ line, i }) => {
      const props = new Map<string, number>();
      let j = i + 1;
      for (; j < lines.length && !/^END:VEVENT$/i.test(lines[j].text); j++) {
        const name = /^[^;:]+/.exec(lines[j].text)?.[0].toLowerCase();
        if (name && !props.has(name)) props.set(name, lines[j].no);
      }
      return { begin: line.no, props, lines: lines.slice(i, j + 1) };
    });

  const errors: ErrorDetail[] = [];
  const byDay = new Map<string, ScheduleDay & { line: number }>();
  let otherYears = 0;
  root.getAllSubcomponents('vevent').forEach((vevent, n) => {
    const block = blocks[n] ?? { begin: 1, props: new Map<string, number>(), lines };
    try {
      readEvent(vevent, block);
    } catch (err) {
      // ical.js decodes values when they are read: a bad date surfaces here, and its line is in this event.
      if (err instanceof AppError) throw err;
      errors.push(locate(block.lines, err));
    }
  });
  if (errors.length > 0) fail(errors);
  if (byDay.size === 0) fail([detail(1, 'no_days_in_year', { year })]);
  const days = [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)).map(({ line: _line, ...day }) => day);
  return { days, otherYears };

  function readEvent(vevent: ICAL.Component, { begin, props }: { begin: number; props: Map<string, number> }) {
    const at = (prop: string) => props.get(prop) ?? begin;
    const start = vevent.getFirstPropertyValue('dtstart');
    const summary = vevent.getFirstPropertyValue('summary');
    if (!(start instanceof ICAL.Time)) return errors.push(detail(begin, 'required', { property: 'DTSTART' }));
    if (!start.isDate) return errors.push(detail(at('dtstart'), 'not_all_day', { property: 'DTSTART' }));
    if (typeof summary !== 'string' || summary.trim() === '') return errors.push(detail(begin, 'required', { property: 'SUMMARY' }));
    if (vevent.hasProperty('rrule')) return errors.push(detail(at('rrule'), 'recurrence', { property: 'RRULE' }));
    const first = dayKey(start);
    let length = 1;
    const end = vevent.getFirstPropertyValue('dtend');
    const duration = vevent.getFirstPropertyValue('duration');
    if (end instanceof ICAL.Time) {
      if (!end.isDate) return errors.push(detail(at('dtend'), 'not_all_day', { property: 'DTEND' }));
      length = Math.round((Date.parse(`${dayKey(end)}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY_MS);
      if (length < 1) return errors.push(detail(at('dtend'), 'end_before_start', { property: 'DTEND' }));
    } else if (duration instanceof ICAL.Duration) {
      length = Math.round(duration.toSeconds() / 86_400);
      if (length < 1) return errors.push(detail(at('duration'), 'end_before_start', { property: 'DURATION' }));
    }
    if (length > EVENT_MAX_DAYS) return errors.push(detail(at('dtend'), 'too_long', { property: 'DTEND', max: EVENT_MAX_DAYS }));

    const special = vevent.getFirstPropertyValue('x-apple-special-day');
    const categories = vevent.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
    const workday =
      special === 'ALTERNATE-WORKDAY' || WORKDAY_SUMMARY.test(summary) || categories.some((c) => WORKDAY_CATEGORY.test(c.trim()));
    const name = summary.trim();
    for (let k = 0; k < length; k++) {
      const day = addDays(first, k);
      if (Number(day.slice(0, 4)) !== year) {
        otherYears++;
        continue;
      }
      const kind = workday ? 'workday' : 'holiday';
      const seen = byDay.get(day);
      if (seen && seen.kind !== kind) errors.push(detail(begin, 'conflict', { day, otherLine: seen.line }));
      else if (!seen) byDay.set(day, { day, kind, name, line: begin });
    }
  }
}
