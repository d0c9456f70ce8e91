/**
 * The base-data record a case is about (collect once): a report names it by type and key, and its place
 * comes from that record unless the reporter gives one. The case keeps only the reference; what the record
 * says (name, address) is read from the registry whenever the case is shown, never copied into it.
 */

import type { Actor } from '../../platform/actor.ts';
import type { LngLat } from '../../platform/distance.core.ts';
import { AppError } from '../../platform/errors.ts';
import type { RecordLookup, RecordType } from '../../registry/index.ts';

export interface SubjectRef {
  type: RecordType;
  key: string;
}

/**
 * Where a report is, whether that place came from the record (so a refusal can name the right field), and the
 * record as the registry keys it (a credit code typed in lower case is stored as registered).
 */
export interface ReportPlace extends LngLat {
  fromSubject: boolean;
  subject?: SubjectRef;
}

/**
 * The reporter's point when they give one (they confirmed or corrected it), else the record's. The record
 * must exist within the reporter's jurisdiction either way; nothing is written before this answers.
 */
export async function placeOfReport(
  records: RecordLookup,
  actor: Actor,
  input: { lng?: number; lat?: number; subject?: SubjectRef },
): Promise<ReportPlace> {
  const missing = (['lng', 'lat'] as const).filter((f) => input[f] === undefined);
  if (missing.length === 1) throw new AppError('request.invalid', [{ field: `body.${missing[0]}`, reason: 'required' }]);
  const record = input.subject ? await records.find(actor, input.subject.type, input.subject.key) : undefined;
  if (input.subject && !record) {
    throw new AppError('event.subject_not_found', [
      { field: 'subject', reason: 'not_found', value: `${input.subject.type}:${input.subject.key}` },
    ]);
  }
  const subject = record && { type: record.type, key: record.key };
  if (input.lng !== undefined && input.lat !== undefined) return { lng: input.lng, lat: input.lat, fromSubject: false, subject };
  if (!input.subject)
    throw new AppError('request.invalid', [
      { field: 'body.lng', reason: 'required' },
      { field: 'body.lat', reason: 'required' },
    ]);
  if (!record || record.lng === null || record.lat === null) {
    throw new AppError('event.subject_no_point', [
      { field: 'subject', reason: 'no_point', value: `${input.subject.type}:${input.subject.key}` },
    ]);
  }
  return { lng: record.lng, lat: record.lat, fromSubject: true, subject };
}

/** The record a case names, as the viewer may see it now: name and address null when it is gone or outside their jurisdiction. */
export async function subjectSummary(records: RecordLookup, actor: Actor, row: { subjectType: string | null; subjectKey: string | null }) {
  if (!row.subjectType || !row.subjectKey) return null;
  const record = await records.find(actor, row.subjectType as RecordType, row.subjectKey);
  return { type: row.subjectType, key: row.subjectKey, name: record?.name ?? null, address: record?.address ?? null };
}
