import { index, jsonb, pgTable, primaryKey, sealedColumns, text, timestamptz, uuid } from '../platform/columns.ts';

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
