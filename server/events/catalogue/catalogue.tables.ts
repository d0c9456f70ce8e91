import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamptz } from '../../platform/columns.ts';

/** 派单目录: major class → minor class → item. Reference table. */
export const catalogueItem = pgTable(
  'catalogue_item',
  {
    code: text('code').primaryKey(),
    parentCode: text('parent_code'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Responsible level and department kind, stage limits, severity, closing needs: see catalogue.seed.ts. */
    rule: jsonb('rule'),
    /** Each edit adds one; the edit before it is kept in catalogue_change. */
    version: integer('version').notNull().default(1),
    /** A city's own item (added beside the standard ones, which keep their codes). */
    local: boolean('local').notNull().default(false),
    /** A retired item is kept for the cases that name it and offered to nobody. */
    retired: boolean('retired').notNull().default(false),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [index('catalogue_item_parent_code_idx').on(t.parentCode)],
);

/** Every earlier version of a catalogue node: who changed it, when, and what it was. Reference table. */
export const catalogueChange = pgTable(
  'catalogue_change',
  {
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    rule: jsonb('rule'),
    retired: boolean('retired').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: timestamptz('changed_at').notNull(),
  },
  (t) => [primaryKey({ name: 'catalogue_change_pkey', columns: [t.code, t.version] })],
);
