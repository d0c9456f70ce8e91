import { pgTable, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * 接收方披露级别: what one province-exchange key (an open311_client row issued for the `province` interface) may
 * receive of the sensitive fields — `masked` (the default, also when no row exists) or `sealed` (SM4-sealed for that
 * receiver alone). Set by the security administrator; every change audited. Reference table: a row per receiver.
 */
export const provinceReceiver = pgTable('province_receiver', {
  clientId: uuid('client_id').primaryKey(),
  /** masked · sealed (shared/enums.ts PROVINCE_DISCLOSURES) */
  disclosure: text('disclosure').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
  updatedBy: uuid('updated_by').notNull(),
});
