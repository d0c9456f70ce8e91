/**
 * Accounts' phones, kept as every phone is: sealed (SM4), a keyed hash of the bare mobile (or of the number as typed
 * when it is no mobile), and the masked form the users page shows. Only the SMS sender opens them (where it sends)
 * and an administrator's reveal, with a reason, audited.
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { maskPhone } from '../../shared/masking.ts';
import { bareMobile } from '../../shared/phones.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Db, Tx } from '../platform/db.ts';
import type { FieldCrypto } from '../platform/field-crypto.ts';
import { adminChange, appUser } from './access.tables.ts';

export interface SealedPhone {
  phoneEnc: string;
  phoneHash: string;
  phoneMasked: string;
}

/** The three columns as an account change carries them: all null for no phone. */
export type PhoneColumns = SealedPhone | { phoneEnc: null; phoneHash: null; phoneMasked: null };

const NO_PHONE: PhoneColumns = { phoneEnc: null, phoneHash: null, phoneMasked: null };

/** The three columns of a phone, all null for none. */
export function sealPhone(crypto: FieldCrypto, phone: string | null): PhoneColumns {
  const typed = phone?.trim();
  if (!typed) return NO_PHONE;
  const normal = bareMobile(typed) ?? typed.replace(/\s/g, '');
  return { phoneEnc: crypto.encrypt(typed), phoneHash: crypto.searchHash(normal), phoneMasked: maskPhone(normal) as string };
}

/** The sealed phones of some accounts (those without one are left out), for the SMS sender to open where it sends. */
export async function sealedPhonesOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: appUser.id, phoneEnc: appUser.phoneEnc })
    .from(appUser)
    .where(and(inArray(appUser.id, unique), isNotNull(appUser.phoneEnc)));
  return new Map(rows.map((r) => [r.id, r.phoneEnc as string]));
}

/** An account's phone in full, or null; the reveal is audited with its reason in the same transaction. */
export async function revealPhone(db: Db, crypto: FieldCrypto, actorId: string, id: string, reason: string, at: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ phoneEnc: appUser.phoneEnc, phoneMasked: appUser.phoneMasked }).from(appUser).where(eq(appUser.id, id));
    if (!row) return undefined;
    const value = row.phoneEnc ? crypto.decrypt(row.phoneEnc) : null;
    await recordAudit(tx, {
      at,
      actorId,
      action: 'user.phone_revealed',
      target: id,
      detail: { field: 'phone', reason, phone: row.phoneMasked },
    });
    return { value };
  });
}

/**
 * Seals the phones accounts had in plain text before migration 0041 and empties the plain column, one statement per
 * account, audited once; a phone in a pending administrator change is sealed in its payload too. Run at every start;
 * after the first it finds nothing.
 */
export async function sealPlainPhones(db: Db, crypto: FieldCrypto, at: Date): Promise<number> {
  const plain = await db.select({ id: appUser.id, phone: appUser.legacyPhone }).from(appUser).where(isNotNull(appUser.legacyPhone));
  const pending = await db
    .select({ id: adminChange.id, payload: adminChange.payload })
    .from(adminChange)
    .where(sql`jsonb_typeof(${adminChange.payload} -> 'phone') = 'string'`);
  if (plain.length === 0 && pending.length === 0) return 0;
  await db.transaction(async (tx) => {
    for (const u of plain)
      await tx
        .update(appUser)
        .set({ ...sealPhone(crypto, u.phone), legacyPhone: null })
        .where(eq(appUser.id, u.id));
    for (const c of pending) {
      const { phone, ...rest } = c.payload as { phone: string };
      await tx
        .update(adminChange)
        .set({ payload: { ...rest, phone: sealPhone(crypto, phone) } })
        .where(eq(adminChange.id, c.id));
    }
    await recordAudit(tx, {
      at,
      actorId: null,
      action: 'user.phones_sealed',
      detail: { accounts: plain.length, pendingChanges: pending.length },
    });
  });
  return plain.length;
}
