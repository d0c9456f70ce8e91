import { levelOfCode } from '../../shared/codes.ts';
import { TRAINING } from '../../shared/limits.ts';

export interface SessionInput {
  topic: string;
  heldOn: string;
  hours: number;
  trainer: string;
  areaCode?: string | null;
  attendeeIds: string[];
}

export type Detail = { field: string; reason: string; value?: unknown };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (s: string) => DAY.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Hours as kept: tenths of an hour, so that sums of 1.5 and 0.5 stay exact. */
export const tenthsOf = (hours: number) => Math.round(hours * 10);

/** What is wrong with a session before the accounts are asked, each problem naming its field. `today` is a China date. */
export function checkSession(s: SessionInput, today: string): Detail[] {
  const out: Detail[] = [];
  if (!s.topic.trim()) out.push({ field: 'body.topic', reason: 'required' });
  if (!s.trainer.trim()) out.push({ field: 'body.trainer', reason: 'required' });
  if (!isDay(s.heldOn)) out.push({ field: 'body.heldOn', reason: 'date', value: s.heldOn });
  else if (s.heldOn > today) out.push({ field: 'body.heldOn', reason: 'future', value: s.heldOn });
  const tenths = tenthsOf(s.hours);
  if (!Number.isFinite(s.hours) || s.hours < TRAINING.hoursMin || s.hours > TRAINING.hoursMax || Math.abs(tenths - s.hours * 10) > 1e-6)
    out.push({ field: 'body.hours', reason: 'range', value: s.hours });
  if (s.attendeeIds.length === 0) out.push({ field: 'body.attendeeIds', reason: 'required' });
  if (new Set(s.attendeeIds).size !== s.attendeeIds.length) out.push({ field: 'body.attendeeIds', reason: 'duplicate' });
  return out;
}

/** A session is held for a county or a node below it: its county is in its code. */
export const holdsSessions = (code: string) => {
  const level = levelOfCode(code);
  return level === 'county' || level === 'township' || level === 'village' || level === 'grid';
};

/** The code an account's node counts under in the figures of `area`: its child of `area` (a city's: the county), or `area` itself. */
export function childPrefixLength(area: string): number {
  const level = levelOfCode(area);
  if (level === 'city') return 6;
  return level === 'grid' ? area.length : area.length + 3;
}

/** Figures per child area: person-times, distinct people, hours (from tenths) — one row per child with any training. */
export function figuresOf(rows: { code: string; personTimes: number; people: number; tenthHours: number }[]) {
  const total = rows.reduce((t, r) => ({ personTimes: t.personTimes + r.personTimes, tenthHours: t.tenthHours + r.tenthHours }), {
    personTimes: 0,
    tenthHours: 0,
  });
  return {
    rows: rows.map((r) => ({ code: r.code, personTimes: r.personTimes, people: r.people, hours: r.tenthHours / 10 })),
    personTimes: total.personTimes,
    hours: total.tenthHours / 10,
  };
}
