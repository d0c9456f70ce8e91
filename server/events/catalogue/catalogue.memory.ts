/**
 * The catalogue as intake reads it, kept in memory: every report names an item and needs its rule, and the
 * catalogue changes a few times a year. Read again when older than a few seconds, and forgotten at once when
 * this server changes it, so an item retired on another server is refused here within that time.
 */
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { offeredNodes } from './catalogue.core.ts';
import type { CatalogueRule } from './catalogue.seed.ts';
import { type CatalogueRow, listNodes } from './catalogue.store.ts';

const TTL_MS = 5_000;

interface Held {
  nodes: Map<string, CatalogueRow>;
  /** Items and classes reporting offers: not retired, nor under a retired class. */
  offered: Set<string>;
}

export function createCatalogueMemory(db: Db, now: () => number = Date.now) {
  /** The last catalogue read and when; a read on `db` in flight, which requests outside a transaction share. */
  let held: { at: number; catalogue: Held } | null = null;
  let loading: Promise<Held> | null = null;

  async function load(tx: Tx): Promise<Held> {
    const at = now();
    const nodes = await listNodes(tx);
    const catalogue = { nodes: new Map(nodes.map((n) => [n.code, n])), offered: new Set(offeredNodes(nodes).map((n) => n.code)) };
    held = { at, catalogue };
    return catalogue;
  }

  /**
   * The catalogue as of at most TTL_MS ago. Inside a transaction a read goes through it and shares nothing: PGlite
   * has one connection, and a read on `db` (its own or one in flight) would wait for the transaction waiting for it.
   */
  async function current(tx: Tx): Promise<Held> {
    if (held && now() - held.at < TTL_MS) return held.catalogue;
    if (tx !== db) return load(tx);
    loading ??= load(db).finally(() => {
      loading = null;
    });
    return loading;
  }

  return {
    /** The item a new report names, refused when unknown or retired (itself or a class above it). */
    async itemForReport(code: string): Promise<{ code: string; name: string; rule: CatalogueRule }> {
      const { nodes, offered } = await current(db);
      const item = nodes.get(code);
      if (item?.kind !== 'item') throw new AppError('event.item_unknown', [{ field: 'itemCode', reason: 'unknown', value: code }]);
      if (!offered.has(code)) throw new AppError('event.item_retired', [{ field: 'itemCode', reason: 'retired', value: code }]);
      return { code: item.code, name: item.name, rule: item.rule as CatalogueRule };
    },

    /** Names and rules of these items, retired ones too (an old case names what it was filed under); unknown codes left out. */
    async items(codes: string[], tx: Tx = db): Promise<Map<string, { name: string; rule: CatalogueRule }>> {
      if (codes.length === 0) return new Map();
      const { nodes } = await current(tx);
      return new Map(
        codes.flatMap((code) => {
          const node = nodes.get(code);
          return node?.kind === 'item' ? [[code, { name: node.name, rule: node.rule as CatalogueRule }] as const] : [];
        }),
      );
    },

    /** Called after this server changed the catalogue: the next read sees the change. */
    forget() {
      held = null;
    },
  };
}

export type CatalogueMemory = ReturnType<typeof createCatalogueMemory>;
