/**
 * The pure rules every versioned base record shares (people, houses, buildings, addresses, organisations,
 * facilities, ten-household groups): the stamp a write leaves, the version check, what a verification and any
 * other change put in the history.
 */
import { AppError } from '../../platform/errors.ts';

/** What the lifecycle reads of any base record's row. */
export interface VersionedRow {
  countyCode: string;
  version: number;
  verifiedBy: string | null;
  verifiedAt: Date | null;
}

/** The columns every write of a record sets: who vouched for it and when, and its new version. */
export interface Stamp {
  verifiedBy: string;
  verifiedAt: Date;
  version: number;
  updatedAt: Date;
}

export const stampOf = (by: { actorId: string; now: Date; version: number }): Stamp => ({
  verifiedBy: by.actorId,
  verifiedAt: by.now,
  version: by.version,
  updatedAt: by.now,
});

/** A change names the version it was made on: one made on a stale version is refused with the version on record. */
export function assertVersion(row: { version: number }, version: number) {
  if (row.version !== version)
    throw new AppError('registry.record_changed', [{ field: 'version', reason: 'stale', value: String(row.version) }]);
}

/** One history entry (a `record_change` row) of a record. */
export const changeRow = (
  recordType: string,
  recordKey: string,
  row: { countyCode: string },
  actorId: string,
  at: Date,
  before: unknown,
  after: unknown,
) => ({ countyCode: row.countyCode, recordType, recordKey, at, actorId, before, after });

/** What a verification (核实) keeps in the history: when it was last verified, and now. */
export const verifiedChange = (row: { verifiedAt: Date | null }, at: Date) => ({
  before: { verifiedAt: row.verifiedAt?.toISOString() ?? null },
  after: { verifiedAt: at.toISOString() },
});
