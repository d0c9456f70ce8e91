import { DECLARATION_POINT_KINDS, type DeclarationPointKind, SCREENING_TASK_KINDS } from '../../../shared/enums.ts';
import { parseIdNumber } from '../../../shared/id-number.ts';
import { DECLARE, PERSON_NAME_MAX } from '../../../shared/limits.ts';
import { checkValues, type Detail, type TaskField } from '../tasks.core.ts';

/** A task may publish QR codes when it is an admitted screening (隐患, 疫情排查). */
export const publishesQr = (t: { kind: string; status: string }) =>
  t.status === 'admitted' && (SCREENING_TASK_KINDS as readonly string[]).includes(t.kind);

/** The questions a resident answers: a task's own fields a person can answer by typing or choosing, never a pick from the base data or a photo. */
export const residentFields = (fields: TaskField[]): TaskField[] =>
  fields.filter((f) => f.type === 'text' || f.type === 'choice' || f.type === 'number' || f.type === 'date');

export interface PointInput {
  kind: DeclarationPointKind;
  name?: string | null;
  buildingCode?: string | null;
  lng?: number | null;
  lat?: number | null;
}

const inChina = (lng: number, lat: number) => lng >= 73 && lng <= 136 && lat >= 3 && lat <= 54;

/** What is wrong with a point before the base data and the map are asked: a building by its code, a checkpoint by its name and point. */
export function checkPoint(p: PointInput): Detail[] {
  const out: Detail[] = [];
  if (!(DECLARATION_POINT_KINDS as readonly string[]).includes(p.kind)) return [{ field: 'body.kind', reason: 'unknown', value: p.kind }];
  const name = p.name?.trim() ?? '';
  if (name.length > DECLARE.pointNameMax) out.push({ field: 'body.name', reason: 'too_long' });
  if (p.kind === 'building') {
    if (!p.buildingCode?.trim()) out.push({ field: 'body.buildingCode', reason: 'required' });
    return out;
  }
  if (!name) out.push({ field: 'body.name', reason: 'required' });
  if (typeof p.lng !== 'number' || typeof p.lat !== 'number') out.push({ field: 'body.lng', reason: 'required' });
  else if (!inChina(p.lng, p.lat)) out.push({ field: 'body.lng', reason: 'outside', value: [p.lng, p.lat] });
  return out;
}

export interface DeclarationInput {
  name: string;
  idNumber: string;
  phone: string;
  cameFrom: string;
  values: Record<string, unknown>;
}

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * What is wrong with a resident's declaration, each problem naming its field: a name, a resident ID number whose
 * check digit holds (the reason says which rule failed: `id.checksum`), a mobile number, where they came from, and
 * the task's questions as a worker's entry is checked. `today` is a China date.
 */
export function checkDeclaration(d: DeclarationInput, fields: TaskField[], today: string): Detail[] {
  const out: Detail[] = [];
  const name = d.name.trim();
  if (!name) out.push({ field: 'body.name', reason: 'required' });
  else if (name.length > PERSON_NAME_MAX) out.push({ field: 'body.name', reason: 'too_long' });
  const id = parseIdNumber(d.idNumber, today);
  if (!id.ok) out.push({ field: 'body.idNumber', reason: id.reason });
  if (!MOBILE.test(d.phone.trim())) out.push({ field: 'body.phone', reason: 'phone' });
  const from = d.cameFrom.trim();
  if (!from) out.push({ field: 'body.cameFrom', reason: 'required' });
  else if (from.length > DECLARE.cameFromMax) out.push({ field: 'body.cameFrom', reason: 'too_long' });
  out.push(...checkValues(residentFields(fields), d.values).details);
  return out;
}

/** Which hourly limit one more declaration would pass (null: none), given how many this device and this address sent in the last hour. */
export function limitReached(counts: { device: number; address: number }): 'device' | 'address' | null {
  if (counts.device >= DECLARE.perDeviceHour) return 'device';
  if (counts.address >= DECLARE.perAddressHour) return 'address';
  return null;
}
