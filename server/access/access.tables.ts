import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  sealedColumns,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../platform/columns.ts';

/** Accounts. Reference table (thousands of rows per city). */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /**
     * The phone as it was kept before phones of accounts were sealed (migration 0041): emptied into the sealed
     * columns at the first start with the field keys (account-phones.ts), never written; a later migration drops it.
     */
    legacyPhone: text('phone'),
    /** The phone sealed (SM4), its keyed hash and its masked form, as every phone is kept. */
    ...sealedColumns('phone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    departmentCode: text('department_code'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
    /** Set when someone else created the account or reset its password: it must change its password first. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** The TOTP secret once enrolment is confirmed, sealed (SM4, as phones are); null: no second factor. */
    totpSecret: text('totp_secret'),
    /** A secret shown for enrolment and not yet confirmed by a code, sealed. */
    totpPendingSecret: text('totp_pending_secret'),
    /** The time step of the last code accepted: a code of that step or before is refused (no replay). */
    totpLastStep: integer('totp_last_step'),
    /** Keyed hashes (HMAC-SM3) of the unused recovery codes; one is removed as it is used. */
    recoveryCodes: text('recovery_codes').array().notNull().default(sql`'{}'::text[]`),
    /**
     * Set only by the demo loader and the test setup, never by a route: an administrator account that signs in
     * without a second factor (the README promises the demo's accounts sign in directly).
     */
    secondFactorExempt: boolean('second_factor_exempt').notNull().default(false),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_username_key').on(t.username)],
);

/** The nodes of the area tree a user is bound to: the roots of their jurisdiction. */
export const userArea = pgTable(
  'user_area',
  {
    userId: uuid('user_id').notNull(),
    areaCode: text('area_code').notNull(),
  },
  (t) => [primaryKey({ name: 'user_area_pkey', columns: [t.userId, t.areaCode] })],
);

/** Sessions live in the database so several stateless servers can share them. Only the token's hash is kept. */
export const userSession = pgTable(
  'user_session',
  {
    tokenHash: text('token_hash').primaryKey(),
    /** What the owner sees and ends a session by (the token's hash stays inside). */
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    /** The absolute limit: created_at + GEZHI_SESSION_MAX_HOURS. */
    expiresAt: timestamptz('expires_at').notNull(),
    /** Written at most once a minute; the idle limit counts from it. */
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_session_user_id_idx').on(t.userId), uniqueIndex('user_session_id_key').on(t.id)],
);

/** A password that was right, waiting for the second factor: not a session; lives a few minutes, used once. */
export const signInPending = pgTable('sign_in_pending', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull(),
  expiresAt: timestamptz('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
});

/**
 * A change to an administrator account (its creation, roles, password, status) that one administrator asked for
 * and a second, holding another administrator role, must approve before it applies. One pending change per account.
 */
export const adminChange = pgTable(
  'admin_change',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetUserId: uuid('target_user_id').notNull(),
    /** create: the account was created disabled and approval enables it; update: the fields in payload. */
    kind: text('kind').notNull(),
    /** The fields to set; a reset password only as its hash. */
    payload: jsonb('payload').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    /** The requester's roles when asking: the approver must hold an administrator role not among them. */
    requestedByRoles: text('requested_by_roles').array().notNull(),
    requestedAt: timestamptz('requested_at').notNull(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamptz('decided_at'),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('admin_change_target_user_id_pending_key').on(t.targetUserId).where(sql`status = 'pending'`),
    index('admin_change_requested_at_idx').on(t.requestedAt),
  ],
);
