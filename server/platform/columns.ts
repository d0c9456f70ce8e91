import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export * from 'drizzle-orm/pg-core';

/** Every time is a timestamptz, read as a JS Date. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const optionalText = (name: string) => text(name);
const requiredText = (name: string) => text(name).notNull();
type Sealed<K extends string, C> = { [P in `${K}Enc` | `${K}Hash` | `${K}Masked`]: C };

/**
 * A sensitive value kept three ways: sealed (SM4 ciphertext, `…_enc`), a keyed hash for exact search (`…_hash`)
 * and the masked form lists show (`…_masked`). `sealedColumns('ownerPhone')` gives ownerPhoneEnc, ownerPhoneHash
 * and ownerPhoneMasked on owner_phone_enc, owner_phone_hash and owner_phone_masked.
 */
export function sealedColumns<K extends string>(key: K): Sealed<K, ReturnType<typeof optionalText>>;
export function sealedColumns<K extends string>(key: K, opts: { notNull: true }): Sealed<K, ReturnType<typeof requiredText>>;
export function sealedColumns(key: string, opts?: { notNull: true }) {
  const column = opts?.notNull ? requiredText : optionalText;
  const name = snake(key);
  return { [`${key}Enc`]: column(`${name}_enc`), [`${key}Hash`]: column(`${name}_hash`), [`${key}Masked`]: column(`${name}_masked`) };
}

/** What every versioned base record carries: who verified it and when, its version, its last change. */
export const versionedColumns = () => ({
  verifiedBy: uuid('verified_by'),
  verifiedAt: timestamptz('verified_at'),
  /** Raised by every change; an edit names the version it was made on, so a lost update is refused. */
  version: integer('version').notNull().default(1),
  updatedAt: timestamptz('updated_at').notNull(),
});

/**
 * Every column that holds values sealed by field crypto, by table: what `gezhi keys rotate` re-seals. The `…_enc`
 * columns of sealedColumns and the `…_sealed` ones are checked against the declared schema
 * (server/db/sealed-columns.test.ts), so a new one cannot be left out; `event.reporter_phone` and the TOTP secrets of `app_user` predate the naming.
 */
export const SEALED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  person: ['id_number_enc', 'phone_enc'],
  declaration: ['id_number_enc', 'phone_enc'],
  house: ['owner_id_enc', 'owner_phone_enc'],
  building: ['leader_phone_enc'],
  organisation: ['safety_phone_enc'],
  event: ['reporter_phone'],
  call_to_locate: ['phone_sealed'],
  open311_request: ['phone_sealed', 'device_id_sealed'],
  app_user: ['totp_secret', 'totp_pending_secret', 'phone_enc'],
  webhook_subscription: ['secret_sealed'],
  sms_message: ['phone_enc'],
  sms_code: ['phone_enc'],
};

/** The names that say a column is sealed. */
export const SEALED_COLUMN_NAME = /_(enc|sealed)$/;
