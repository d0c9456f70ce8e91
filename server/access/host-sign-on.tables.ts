import { index, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';

/**
 * A host super-app's user (the host's issuer and its subject) mapped to a Gezhi account by the security
 * administrator: the only way a host sign-on finds an account. Reference table (one row per field user).
 */
export const hostAccount = pgTable(
  'host_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id').notNull(),
    /** What the administrator noted to recognise the host user by (a name in the host app, a phone's last digits). */
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [uniqueIndex('host_account_issuer_subject_key').on(t.issuer, t.subject), index('host_account_user_id_idx').on(t.userId)],
);

/** The ids (jti) of host tokens already used, kept until the token would have expired: a replay is refused. */
export const hostTokenUse = pgTable(
  'host_token_use',
  {
    issuer: text('issuer').notNull(),
    tokenId: text('token_id').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ name: 'host_token_use_pkey', columns: [t.issuer, t.tokenId] }),
    index('host_token_use_expires_at_idx').on(t.expiresAt),
  ],
);

/**
 * An OpenID Connect sign-on begun and not yet come back: the PKCE verifier and the nonce kept by the state's hash
 * (the browser holds the state in a cookie); used once, lives ten minutes.
 */
export const hostSignOnPending = pgTable('host_sign_on_pending', {
  stateHash: text('state_hash').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  /** The field route to land on afterwards. */
  returnTo: text('return_to').notNull(),
  expiresAt: timestamptz('expires_at').notNull(),
});
