import { index, integer, jsonb, pgTable, primaryKey, sealedColumns, text, timestamptz, uuid } from '../platform/columns.ts';

/**
 * 短信记录: every SMS Gezhi asked a gateway to send, and every one it refused to send (over a limit), with the
 * provider's request as sent (sign name, template code, params) and its answer. The local gateway sends nothing, so
 * this table is what it "delivered". The phone is sealed, hashed (the per-phone limit counts by the hash) and masked.
 */
export const smsMessage = pgTable(
  'sms_message',
  {
    countyCode: text('county_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** The account the message was for, when it was for one: the per-account limit counts these. */
    userId: uuid('user_id'),
    ...sealedColumns('phone', { notNull: true }),
    /** Gezhi's template name (sms.templates.ts). */
    template: text('template').notNull(),
    /** What the provider was asked for: its template code, the sign name and the params filled in. */
    templateCode: text('template_code').notNull(),
    signName: text('sign_name').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** Why it was sent: the notification kind it carries. */
    purpose: text('purpose').notNull(),
    /** local · aliyun */
    provider: text('provider').notNull(),
    /** sending · sent · failed · refused */
    status: text('status').notNull(),
    /** A refusal's rule: phone_limit · account_limit. */
    refusedBy: text('refused_by'),
    /** The provider's id of the message (Aliyun's BizId). */
    providerMessageId: text('provider_message_id'),
    /** The provider's refusal or why there was no answer. */
    error: text('error'),
    createdAt: timestamptz('created_at').notNull(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [
    primaryKey({ name: 'sms_message_pkey', columns: [t.countyCode, t.id] }),
    index('sms_message_phone_hash_created_at_idx').on(t.phoneHash, t.createdAt),
    index('sms_message_user_id_created_at_idx').on(t.userId, t.createdAt),
    index('sms_message_created_at_idx').on(t.createdAt),
  ],
);

/**
 * 验证码: one-time codes sent by SMS. Only the code's keyed hash is kept (HMAC-SM3 with the phone's hash and the
 * purpose, so a copied table cannot be tried offline); the phone is sealed, hashed and masked like every phone.
 * A code holds until `expires_at`, is spent by the first right try (`used_at`) and dies after too many wrong ones.
 * Reference table: a few rows per phone, for minutes, and a citizen's phone belongs to no county.
 */
export const smsCode = pgTable(
  'sms_code',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...sealedColumns('phone', { notNull: true }),
    /** What the code opens: my_reports (a citizen's own reports on the public pages). */
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    /** The sms_message that carried it (in the county it was sent for). */
    messageId: uuid('message_id').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [index('sms_code_phone_hash_created_at_idx').on(t.phoneHash, t.createdAt)],
);
