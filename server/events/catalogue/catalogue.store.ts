import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db.ts';
import type { CatalogueNode } from './catalogue.seed.ts';
import { catalogueChange, catalogueItem } from './catalogue.tables.ts';

export type CatalogueRow = typeof catalogueItem.$inferSelect;

export async function listNodes(tx: Tx): Promise<CatalogueRow[]> {
  return tx.select().from(catalogueItem).orderBy(asc(catalogueItem.code));
}

/** One node; `lock` holds its row until the transaction ends, so two additions under it take turns. */
export async function getNode(tx: Tx, code: string, lock = false): Promise<CatalogueRow | undefined> {
  const query = tx.select().from(catalogueItem).where(eq(catalogueItem.code, code));
  return (await (lock ? query.for('update') : query))[0];
}

export async function childCodes(tx: Tx, parentCode: string): Promise<string[]> {
  return (await tx.select({ code: catalogueItem.code }).from(catalogueItem).where(eq(catalogueItem.parentCode, parentCode))).map(
    (r) => r.code,
  );
}

export async function insertNode(tx: Tx, row: typeof catalogueItem.$inferInsert): Promise<CatalogueRow> {
  return (await tx.insert(catalogueItem).values(row).returning())[0];
}

/**
 * Replaces a node's name, rule and retired flag if it is still at `before.version`, keeping the version it
 * replaces in catalogue_change with who replaced it and when. Undefined when someone changed it first.
 */
export async function replaceNode(
  tx: Tx,
  before: CatalogueRow,
  next: Pick<CatalogueRow, 'name' | 'rule' | 'retired'>,
  by: { name: string; at: Date },
): Promise<CatalogueRow | undefined> {
  const [updated] = await tx
    .update(catalogueItem)
    .set({ ...next, version: before.version + 1, updatedAt: by.at })
    .where(and(eq(catalogueItem.code, before.code), eq(catalogueItem.version, before.version)))
    .returning();
  if (!updated) return undefined;
  await tx.insert(catalogueChange).values({
    code: before.code,
    version: before.version,
    name: before.name,
    rule: before.rule,
    retired: before.retired,
    changedBy: by.name,
    changedAt: by.at,
  });
  return updated;
}

/** Earlier versions of a node, newest first. */
export async function changesOf(tx: Tx, code: string) {
  return tx.select().from(catalogueChange).where(eq(catalogueChange.code, code)).orderBy(desc(catalogueChange.version));
}

/** Loads the default catalogue into an empty catalogue table (and only then: a city's own edits stay). */
export async function seedCatalogue(tx: Tx, nodes: readonly CatalogueNode[]): Promise<void> {
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(catalogueItem);
  if (n > 0) return;
  for (let i = 0; i < nodes.length; i += 200) {
    await tx
      .insert(catalogueItem)
      .values(nodes.slice(i, i + 200).map((c) => ({ code: c.code, parentCode: c.parentCode, kind: c.kind, name: c.name, rule: c.rule })));
  }
}

/** Names of catalogue nodes by code, retired ones included (old cases still name them). */
export async function nodeNamesOf(tx: Tx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await tx
    .select({ code: catalogueItem.code, name: catalogueItem.name })
    .from(catalogueItem)
    .where(inArray(catalogueItem.code, codes));
  return new Map(rows.map((r) => [r.code, r.name]));
}
