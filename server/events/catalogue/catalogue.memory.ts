/**
 * The catalogue as intake reads it, kept in memory: every report names an item and needs its rule, and the
 * catalogue changes a few times a year. Read again when older than a few seconds, and forgotten at once when
 * this server changes it, so an item retired on another server is refused here within that time.
 */
import type { Db } from '../../platform/db.ts';
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
  let held: Promise<Held> | null = null;
  let heldAt = 0;

  async function load(): Promise<Held> {
    const nodes = await listNodes(db);
    return { nodes: new Map(nodes.map((n) => [n.code, n])), offered: new Set(offeredNodes(nodes).map((n) => n.code)) };
  }

  /** The catalogue as of at most TTL_MS ago; requests that arrive while it loads share the one read. */
  function current(): Promise<Held> {
    if (!held || now() - heldAt >= TTL_MS) {
      heldAt = now();
      held = load().catch((err) => {
        held = null;
        throw err;
      });
    }
    return held;
  }

  return {
    /** The item a new report names, refused when unknown or retired (itself or a class above it). */
    async itemForReport(code: string): Promise<{ code: string; name: string; rule: CatalogueRule }> {
      const { nodes, offered } = await current();
      const item = nodes.get(code);
      if (item?.kind !== 'item') throw new AppError('event.item_unknown', [{ field: 'itemCode', reason: 'unknown', value: code }]);
      if (!offered.has(code)) throw new AppError('event.item_retired', [{ field: 'itemCode', reason: 'retired', value: code }]);
      return { code: item.code, name: item.name, rule: item.rule as CatalogueRule };
    },

    /** Names and rules of these items, retired ones too (an old case names what it was filed under); unknown codes left out. */
    async items(codes: string[]): Promise<Map<string, { name: string; rule: CatalogueRule }>> {
      const { nodes } = await current();
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
