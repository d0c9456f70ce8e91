import { Type } from '@sinclair/typebox';
import { consoleActor, userNames } from '../../access/index.ts';
import type { Db } from '../../platform/db.ts';
import { Nullable } from '../../platform/schemas.ts';
import { changesOf } from './records.store.ts';

/** Who last verified a record, by name: what every record detail replies with. */
export const VerifiedBySchema = Nullable(
  Type.String({ description: 'Who last verified it (name); none if never verified', example: '王网格' }),
);

/** The masked fields of one side of a change; typed as the store keeps them (unknown) on this side. */
const ChangedFields = (description: string) => Type.Unsafe<unknown>(Nullable(Type.Record(Type.String(), Type.Unknown(), { description })));

/** Every change of a record, oldest first, each with who made it: what every record detail replies with. */
export const RecordHistorySchema = Type.Array(
  Type.Object({
    at: Type.String({ description: 'When', example: '2025-03-14T08:30:00.000Z' }),
    actorId: Nullable(Type.String({ description: 'Who made the change (user id)' })),
    actorName: Nullable(Type.String({ description: 'Their name; none when the user is not known', example: '王网格' })),
    before: ChangedFields('The changed fields before; none for a new record'),
    after: ChangedFields('The changed fields after'),
  }),
  { description: 'The history of changes, oldest first' },
);

/**
 * The history of one record with the names of who made each change, and the name of who last verified it:
 * the record's drawer shows people, not user ids.
 */
export async function historyWithNames(db: Db, recordType: string, recordKey: string, verifiedBy: string | null) {
  const history = await changesOf(db, recordType, recordKey);
  const ids = [...new Set([verifiedBy, ...history.map((h) => h.actorId)].filter((x): x is string => !!x))];
  const names = await userNames(db, ids);
  names.set(consoleActor.id, consoleActor.displayName);
  return {
    verifiedBy: verifiedBy ? (names.get(verifiedBy) ?? null) : null,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorId: h.actorId,
      actorName: h.actorId ? (names.get(h.actorId) ?? null) : null,
      before: h.before,
      after: h.after,
    })),
  };
}
