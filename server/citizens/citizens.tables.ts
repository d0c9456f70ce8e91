import { index, pgTable, text, timestamptz } from '../platform/columns.ts';

/**
 * A citizen's "my reports" session: opened by a verified one-time code, bound to the keyed hash of that phone (no
 * account, no number kept), for GEZHI_CITIZEN_SESSION_MIN minutes. Only the token's hash is kept.
 */
export const citizenSession = pgTable(
  'citizen_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    phoneHash: text('phone_hash').notNull(),
    /** The phone as the page shows it back (138****5678). */
    phoneMasked: text('phone_masked').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('citizen_session_expires_at_idx').on(t.expiresAt)],
);
