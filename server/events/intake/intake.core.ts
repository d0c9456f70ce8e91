/**
 * Intake rules without I/O: who may record which source and caller, the citizen as the state machine sees
 * them, tracking codes and repeat cases (the distance "me too" is judged by lives in platform/distance.core.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Urgency } from '../../../shared/enums.ts';
import { maskPhone } from '../../../shared/masking.ts';
import type { Role } from '../../../shared/roles.ts';
import type { Actor } from '../../platform/actor.ts';
import type { WorkingCalendar } from '../../platform/calendar/calendar.core.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import { DEFAULT_URGENCY_FACTORS, dueAfter, trafficLight } from '../loop/deadlines.core.ts';
import type { EventRule, Actor as MachineActor } from '../loop/event-actions.core.ts';
import { urgencyFactor } from '../loop/event-guards.core.ts';

/** Same item, same place, this many reports or more (seed 004: "同一地点同一事项 ≥ 3 次"): a repeat case. */
export const REPEAT_REPORTS = 3;

/** Who counts towards a case (event_reporter): a signed-in person by id, a citizen's device by its keyed hash. */
export const userReporterKey = (userId: string) => `user:${userId}`;
export const deviceReporterKey = (deviceHash: string) => `device:${deviceHash}`;

/** How a citizen's steps are signed in the history; they have no account, so no name of theirs is kept. */
export const CITIZEN_NAME = '市民';

/** A citizen reaches a case only through its tracking code, which makes them its reporter and nothing more. */
export const CITIZEN_REPORTER: MachineActor = {
  roles: ['citizen'],
  level: null,
  isOwner: false,
  isLead: false,
  coUnit: null,
  isSuperior: false,
  isReporter: true,
};

/** The actor columns of an action row; null is the citizen. */
export function authorOf(actor: Pick<Actor, 'id' | 'displayName'> | null) {
  return { actorId: actor?.id ?? null, actorName: actor?.displayName ?? CITIZEN_NAME };
}

/**
 * The clock of a call with only an address: placed within `hours` working hours of being taken, shortened for an
 * urgent call by the item's share as every limit is, and lit as any deadline (green, yellow near due, red).
 */
export function callClock(
  call: { receivedAt: Date; urgency: Urgency },
  rule: EventRule | undefined,
  ctx: { now: Date; calendar: WorkingCalendar; hours: number },
) {
  const limit = { hours: ctx.hours };
  const factor = rule ? urgencyFactor(rule, call.urgency) : DEFAULT_URGENCY_FACTORS[call.urgency];
  const dueAt = dueAfter(limit, call.receivedAt, ctx.calendar, factor);
  return { dueAt, light: trafficLight({ now: ctx.now, dueAt, limit }, ctx.calendar) };
}

/** A mobile number: 11 digits starting with 1. */
export const MOBILE = '^1[3-9]\\d{9}$';
/** A hotline caller may call from a landline too: area code, optional dash, 7 or 8 digits. */
export const PHONE = `${MOBILE}|^0\\d{2,3}-?\\d{7,8}$`;

/** The roles that accept and dispatch for an area (受理、派遣). */
export const CENTRE_ROLES: readonly Role[] = ['city_center', 'county_center', 'township_center', 'village_center'];
const CENTRES = CENTRE_ROLES;
const GRID_TEAM: readonly Role[] = ['grid_worker', 'grid_leader'];

/**
 * The source a staff report is recorded with. Centres enter hotline, department, video and leader reports
 * with the caller; everyone else reports as what they are (a grid worker as grid_worker), so they may not name
 * another source or a caller. `citizen` belongs to the public page alone.
 */
export function intakeSource(
  actor: Pick<Actor, 'roles'>,
  body: { source?: string; reporterName?: string; reporterPhone?: string; externalNo?: string },
): string {
  const own = actor.roles.some((r) => GRID_TEAM.includes(r)) ? 'grid_worker' : 'department';
  if (body.source === 'citizen')
    throw new AppError('event.intake_not_allowed', [{ field: 'source', reason: 'public_page_only', value: body.source }]);
  if (actor.roles.some((r) => CENTRES.includes(r))) return body.source ?? own;
  const named = (['reporterName', 'reporterPhone', 'externalNo'] as const).filter((f) => body[f] !== undefined);
  if (named.length)
    throw new AppError(
      'event.intake_not_allowed',
      named.map((field) => ({ field, reason: 'centre_only' })),
    );
  if (body.source !== undefined && body.source !== own)
    throw new AppError('event.intake_not_allowed', [{ field: 'source', reason: 'centre_only', value: body.source }]);
  return own;
}

/** What staff see of a case's intake: the phone masked (never the sealed text), the repeat flag. */
export function intakeFacts(row: { reporterPhone: string | null; reports: number }, crypto: FieldCrypto) {
  return { reporterPhone: row.reporterPhone ? maskPhone(crypto.decrypt(row.reporterPhone)) : null, repeat: row.reports >= REPEAT_REPORTS };
}

/** 32 letters and digits without 0/O and 1/I, so a code read out over the phone is not misheard. */
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const RANDOM_CHARS = 12;

/**
 * A tracking code: the county (its cases are stored by county, so the code finds its row through the
 * county's index) and 12 random characters, 60 bits from the system's CSPRNG — never derived from the case
 * number, so one code says nothing about another.
 */
export function newTrackingCode(countyCode: string): string {
  return countyCode + Array.from(randomBytes(RANDOM_CHARS), (b) => ALPHABET[b & 31]).join('');
}

/** Spaces, dashes and lower case as a citizen may type them; null when it cannot be a tracking code. */
export function normalizeTrackingCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  return new RegExp(`^\\d{6}[${ALPHABET}]{${RANDOM_CHARS}}$`).test(code) ? code : null;
}

/** 420923-K7QM-3XHP-9TRW: groups a person can copy and read out. */
export function formatTrackingCode(code: string): string {
  return [code.slice(0, 6), code.slice(6, 10), code.slice(10, 14), code.slice(14)].join('-');
}
