import type { ErrorCode } from '../../../shared/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import type { FieldCrypto } from '../../platform/field-crypto.ts';
import type { Scope } from '../../platform/scope.ts';
import { historyWithNames } from './record-history.ts';
import { assertVersion, changeRow, type Stamp, stampOf, type VersionedRow, verifiedChange } from './record-lifecycle.core.ts';
import { insertChanges } from './records.store.ts';

/** What the lifecycle needs to know of one kind of base record; the rest is the same for every kind. */
export interface RecordKind<Row extends VersionedRow, Field extends string = never> {
  /** The record type of its history entries, and of the audit target (`type:key`). */
  type: string;
  /** Answered for a key not on record or outside the caller's jurisdiction: the two look the same. */
  notFound: ErrorCode;
  /** The row of that key within the scope (filtered in SQL), or none. */
  find(tx: Tx, scope: Scope, key: string): Promise<Row | undefined>;
  /** The key the history and the audit name the row by. */
  keyOf(row: Row): string;
  /** Writes the stamp of a verification on the row; a kind without it is not verified on its own. */
  restamp?(tx: Tx, row: Row, stamp: Stamp): Promise<void>;
  /** The sealed fields a caller may reveal, each by its ciphertext on the row. */
  sealed?: Record<Field, (row: Row) => string | null>;
}

/**
 * One lifecycle for a versioned base record: get in the caller's jurisdiction (404 outside), the version check
 * (409 when stale), verify (who and when, in the history), reveal one sealed field (with a reason, audited), and
 * the history with names. A new record kind is its table, its store and a `RecordKind`, not a copy of these.
 */
export function createRecordLifecycle<Row extends VersionedRow, Field extends string = never>(
  kind: RecordKind<Row, Field>,
  { db, clock, fieldCrypto }: { db: Db; clock: Clock; fieldCrypto?: FieldCrypto },
) {
  async function get(q: Tx, actor: Actor, key: string): Promise<Row> {
    const row = await kind.find(q, actor.scope, key);
    if (!row) throw new AppError(kind.notFound);
    return row;
  }

  /** A history entry of the row (a new one, or as it was before the change). */
  const change = (row: Row, actorId: string, at: Date, before: unknown, after: unknown) =>
    changeRow(kind.type, kind.keyOf(row), row, actorId, at, before, after);

  /** 核实 inside a caller's transaction, without a history entry (the caller's use case keeps its own record). */
  async function stampVerified(tx: Tx, actor: Actor, key: string, version: number, at = clock()) {
    if (!kind.restamp) throw new Error(`a ${kind.type} is not verified on its own`);
    const row = await get(tx, actor, key);
    assertVersion(row, version);
    await kind.restamp(tx, row, stampOf({ actorId: actor.id, now: at, version: row.version + 1 }));
    return row;
  }

  return {
    get,
    assertVersion,
    change,
    stampVerified,

    /** Keeps one change of the row in its history, inside the caller's transaction. */
    writeChange: (tx: Tx, row: Row, actorId: string, at: Date, before: unknown, after: unknown) =>
      insertChanges(tx, [change(row, actorId, at, before, after)]),

    /** 核实: the record was checked on site and is right as it stands; kept in the history as who and when. */
    async verify(actor: Actor, key: string, version: number) {
      const now = clock();
      await db.transaction(async (tx) => {
        const row = await stampVerified(tx, actor, key, version, now);
        const { before, after } = verifiedChange(row, now);
        await insertChanges(tx, [change(row, actor.id, now, before, after)]);
      });
    },

    /** One sealed value of one record, for a stated reason; the audit keeps who, which field and why. */
    async reveal(actor: Actor, key: string, field: Field, reason: string) {
      if (!fieldCrypto || !kind.sealed) throw new Error(`a ${kind.type} has no sealed fields`);
      const row = await get(db, actor, key);
      const sealed = kind.sealed[field](row);
      const value = sealed ? fieldCrypto.decrypt(sealed) : null;
      await db.transaction((tx) =>
        recordAudit(tx, {
          at: clock(),
          actorId: actor.id,
          action: 'registry.revealed',
          target: `${kind.type}:${kind.keyOf(row)}`,
          detail: { field, reason },
        }),
      );
      return { field, value };
    },

    /** Who last verified the record and its history, by name: what every record detail replies with. */
    history: (row: Row) => historyWithNames(db, kind.type, kind.keyOf(row), row.verifiedBy),
  };
}

export type RecordLifecycle<Row extends VersionedRow, Field extends string = never> = ReturnType<typeof createRecordLifecycle<Row, Field>>;
