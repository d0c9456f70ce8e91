import { index, integer, jsonb, pgTable, primaryKey, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * A county's own choice for one field setting (shared/field-settings.ts). No row: the default, which for every switch
 * is off. `version` guards a lost update between two administrators.
 */
export const countySetting = pgTable(
  'county_setting',
  {
    countyCode: text('county_code').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').$type<number | boolean>().notNull(),
    version: integer('version').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [primaryKey({ name: 'county_setting_pkey', columns: [t.countyCode, t.key] })],
);

/**
 * How long one entry took its worker: from opening the form to submitting it, as the phone measured it. One row per
 * entry (kind and the entry's own idempotency key), so a resend writes nothing twice. A burden figure for the centre
 * to reduce, never a score: nothing ranks or compares workers by it.
 */
export const entryTime = pgTable(
  'entry_time',
  {
    countyCode: text('county_code').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    entryKey: text('entry_key').notNull(),
    openedAt: timestamptz('opened_at').notNull(),
    submittedAt: timestamptz('submitted_at').notNull(),
    seconds: integer('seconds').notNull(),
  },
  (t) => [
    primaryKey({ name: 'entry_time_pkey', columns: [t.countyCode, t.userId, t.kind, t.entryKey] }),
    index('entry_time_user_id_submitted_at_idx').on(t.userId, t.submittedAt),
  ],
);
