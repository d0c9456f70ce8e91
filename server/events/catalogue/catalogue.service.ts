import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Db, Tx } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import { childKind, nextLocalCode, offeredNodes, sameJson } from './catalogue.core.ts';
import type { CatalogueMemory } from './catalogue.memory.ts';
import type { CatalogueNode, CatalogueRule } from './catalogue.seed.ts';
import * as store from './catalogue.store.ts';

export interface NodeEdit {
  /** The version the editor saw: a node changed since refuses the edit. */
  version: number;
  name: string;
  /** Items only. */
  rule?: CatalogueRule;
}

export interface LocalNode {
  parentCode: string;
  name: string;
  rule?: CatalogueRule;
}

const adminView = (row: store.CatalogueRow) => ({
  code: row.code,
  parentCode: row.parentCode,
  kind: row.kind as CatalogueNode['kind'],
  name: row.name,
  rule: row.rule as CatalogueRule | null,
  version: row.version,
  local: row.local,
  retired: row.retired,
  updatedAt: row.updatedAt,
});

/** An item carries a rule and a class never does. */
function checkRule(kind: string, rule: CatalogueRule | undefined) {
  if ((kind === 'item') !== (rule !== undefined)) {
    throw new AppError('catalogue.rule_invalid', [{ field: 'body.rule', reason: kind === 'item' ? 'required' : 'not_allowed', kind }]);
  }
}

export function createCatalogueService({ db, clock, memory }: { db: Db; clock: Clock; memory: CatalogueMemory }) {
  async function mustGet(tx: Tx, code: string, field: string, lock = false) {
    const row = await store.getNode(tx, code, lock);
    if (!row) throw new AppError('catalogue.not_found', [{ field, reason: 'unknown', value: code }]);
    return row;
  }

  /** One new version of a node: checked against the version the caller saw, the old one kept, audited. */
  async function change(
    actor: Actor,
    code: string,
    version: number,
    action: string,
    patch: (row: store.CatalogueRow) => Pick<store.CatalogueRow, 'name' | 'rule' | 'retired'>,
  ) {
    const saved = await db.transaction(async (tx) => {
      const row = await mustGet(tx, code, 'params.code');
      const stale = () => new AppError('catalogue.changed', [{ field: 'body.version', reason: 'stale', value: row.version }]);
      if (row.version !== version) throw stale();
      const next = patch(row);
      if (next.name === row.name && next.retired === row.retired && sameJson(next.rule, row.rule))
        throw new AppError('catalogue.unchanged', [{ field: 'body', reason: 'unchanged' }]);
      const at = clock();
      const saved = await store.replaceNode(tx, row, next, { name: actor.displayName, at });
      if (!saved) throw stale();
      await recordAudit(tx, { at, actorId: actor.id, action, target: code, detail: { version: saved.version, name: saved.name } });
      return adminView(saved);
    });
    memory.forget(); // after the commit: a read before it would keep the old node
    return saved;
  }

  return {
    /** Every node with its version, retired ones included: the administrator's tree. */
    find: async () => (await store.listNodes(db)).map(adminView),

    /** What reporting offers: retired nodes (and what lies under them) left out unless asked for, to name old cases. */
    async reporting(includeRetired: boolean) {
      const nodes = await store.listNodes(db);
      return (includeRetired ? nodes : offeredNodes(nodes)).map(({ code, parentCode, kind, name, rule, retired }) => ({
        code,
        parentCode,
        kind,
        name,
        rule,
        retired,
      }));
    },

    update(actor: Actor, code: string, input: NodeEdit) {
      return change(actor, code, input.version, 'catalogue.edited', (row) => {
        checkRule(row.kind, input.rule);
        return { name: input.name, rule: input.rule ?? null, retired: row.retired };
      });
    },

    /** Retired nodes stay for the cases that name them; reporting no longer offers them. */
    setRetired(actor: Actor, code: string, version: number, retired: boolean) {
      return change(actor, code, version, retired ? 'catalogue.retired' : 'catalogue.restored', (row) => ({
        name: row.name,
        rule: row.rule,
        retired,
      }));
    },

    /** A city's own item under a minor class, or its own minor class under a major one; the server picks the code. */
    async addLocal(actor: Actor, input: LocalNode) {
      const added = await db.transaction(async (tx) => {
        const parent = await mustGet(tx, input.parentCode, 'body.parentCode', true);
        const kind = childKind(parent.kind as CatalogueNode['kind']);
        if (!kind) throw new AppError('catalogue.parent_invalid', [{ field: 'body.parentCode', reason: 'kind', value: parent.kind }]);
        checkRule(kind, input.rule);
        const code = nextLocalCode(parent.code, await store.childCodes(tx, parent.code));
        if (!code) throw new AppError('catalogue.local_full', [{ field: 'body.parentCode', reason: 'full', value: parent.code }]);
        const at = clock();
        const row = await store.insertNode(tx, {
          code,
          parentCode: parent.code,
          kind,
          name: input.name,
          rule: input.rule ?? null,
          local: true,
          updatedAt: at,
        });
        await recordAudit(tx, {
          at,
          actorId: actor.id,
          action: 'catalogue.added',
          target: code,
          detail: { parentCode: parent.code, name: input.name },
        });
        return adminView(row);
      });
      memory.forget();
      return added;
    },

    /** A node as it is now and every earlier version, newest first, each with who replaced it and when. */
    async history(code: string) {
      const row = await mustGet(db, code, 'params.code');
      return { node: adminView(row), versions: await store.changesOf(db, code) };
    },
  };
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
