import { boolean, index, integer, pgTable, primaryKey, text, timestamptz, uniqueIndex, uuid } from '../platform/columns.ts';

/** Accounts. Reference table (thousands of rows per city). */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    departmentCode: text('department_code'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: timestamptz('locked_until'),
    disabled: boolean('disabled').notNull().default(false),
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
    userId: uuid('user_id').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('user_session_user_id_idx').on(t.userId)],
);
