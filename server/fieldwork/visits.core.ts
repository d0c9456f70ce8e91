/**
 * 走访 rules without I/O: how a worker's marks of the residents are checked against who lives in the house, which
 * house fields a visit may correct, and how a visit names what it changed.
 */

import type { ErrorDetail } from '../../shared/errors.ts';
import type { Lang } from '../../shared/i18n/errors.ts';
import { type HouseInput, type HouseRow, importMessage, parsePhone } from '../registry/index.ts';

export type ResidentStatus = 'present' | 'movedOut';

/** One resident as the worker marked them; `status` left out is the missing mark the check names. */
export interface ResidentMark {
  personId: string;
  status?: ResidentStatus;
  /** A corrected phone; left out, the phone on record stays. */
  phone?: string;
}

/** The house fields a visit checks and may correct (the rest is the house form's). */
export interface HouseCorrections {
  use: string;
  rented: boolean;
  rentalUse?: string | null;
  rentalCategory?: string | null;
  rentalLevel?: string | null;
}

export const CORRECTABLE = ['use', 'rented', 'rentalUse', 'rentalCategory', 'rentalLevel'] as const;

/** What the visit will do to each resident, by person id. */
export type VisitPlan = Map<string, { status: ResidentStatus; phone?: string }>;

const detail = (field: string, reason: string, value: string, lang: Lang): ErrorDetail => ({
  field,
  reason,
  value,
  message: importMessage(reason, lang, { value }),
});

/**
 * Every resident marked once, only residents marked, each phone a phone: every problem at once, each naming its
 * field (`residents[2].phone`), or the plan.
 */
export function planVisit(
  residents: readonly { id: string; name: string }[],
  marks: readonly ResidentMark[],
  lang: Lang,
): { problems: ErrorDetail[]; plan: VisitPlan } {
  const names = new Map(residents.map((r) => [r.id, r.name]));
  const problems: ErrorDetail[] = [];
  const plan: VisitPlan = new Map();
  const marked = new Set<string>();
  for (const [i, m] of marks.entries()) {
    const at = `residents[${i}]`;
    const name = names.get(m.personId);
    if (name === undefined) {
      problems.push(detail(`${at}.personId`, 'visit.not_resident', m.personId, lang));
      continue;
    }
    if (marked.has(m.personId)) {
      problems.push(detail(`${at}.personId`, 'visit.marked_twice', name, lang));
      continue;
    }
    marked.add(m.personId);
    if (!m.status) problems.push(detail(`${at}.status`, 'visit.mark_required', name, lang));
    // The phone parser takes the template context; a phone does not depend on the date.
    const phone = m.phone === undefined ? undefined : parsePhone(m.phone.trim(), { today: '' });
    if (phone && 'reason' in phone) problems.push(detail(`${at}.phone`, phone.reason, m.phone!, lang));
    if (m.status) plan.set(m.personId, { status: m.status, ...(phone && 'value' in phone ? { phone: String(phone.value) } : {}) });
  }
  for (const r of residents) if (!marked.has(r.id)) problems.push(detail('residents', 'visit.mark_required', r.name, lang));
  return { problems, plan };
}

/** Whether the worker corrected any of the checked house fields (an unrented house keeps no grading). */
export function correctsHouse(h: HouseRow, c: HouseCorrections): boolean {
  return CORRECTABLE.some((k) => (c[k] ?? null) !== (h[k] ?? null));
}

/** The whole house form as it stands, with the visit's corrections: the house edit checks and writes it. */
export function correctedHouse(h: HouseRow, c: HouseCorrections): HouseInput {
  return {
    address: h.address,
    gridCode: h.gridCode,
    buildingCode: h.buildingCode,
    unit: h.unit,
    floor: h.floor,
    room: h.room,
    areaM2: h.areaM2,
    ownerName: h.ownerName,
    hazards: h.hazards,
    use: c.use,
    rented: c.rented,
    rentalUse: c.rentalUse ?? null,
    rentalCategory: c.rentalCategory ?? null,
    rentalLevel: c.rentalLevel ?? null,
  };
}

/** A refusal of the house edit names the visit's field: `house.rentalLevel`. */
export const asHouseField = (d: ErrorDetail): ErrorDetail => ({ ...d, field: `house.${d.field}` });

/** What a visit changed, as the visit keeps it: `house.use`, `person.phone:张三`, `person.movedOut:李四`. */
export function changeList(houseFields: readonly string[], people: readonly { name: string; fields: readonly string[] }[]): string[] {
  return [
    ...houseFields.map((f) => `house.${f}`),
    ...people.flatMap((p) => p.fields.map((f) => `person.${f === 'houseCode' ? 'movedOut' : f}:${p.name}`)),
  ];
}

/**
 * A house is due for a visit when nobody has visited it for this many days: a round a quarter, as the seeds' household
 * visits run. Only a list to pick from, never a quota (DOMAIN §6).
 */
export const VISIT_ROUND_DAYS = 90;

/** Visits before this instant no longer count for the current round. */
export const visitRoundStart = (now: Date): Date => new Date(now.getTime() - VISIT_ROUND_DAYS * 86_400_000);
