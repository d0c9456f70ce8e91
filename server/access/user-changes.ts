import type { Tx } from '../platform/db.ts';
import * as store from './access.store.ts';
import type { PhoneColumns } from './account-phones.ts';

/** The fields of an account change as stored and applied: a reset password only as its hash, a phone sealed. */
export interface StoredChanges {
  displayName?: string;
  phone?: PhoneColumns;
  roles?: string[];
  areaCodes?: string[];
  departmentCode?: string | null;
  disabled?: boolean;
  passwordHash?: string;
  resetTotp?: true;
}

/** What the audit log and the approvers see of a change: everything but the password's hash. */
export function changeSummary({ passwordHash, phone, ...rest }: StoredChanges) {
  return { ...rest, ...(phone !== undefined && { phone: phone.phoneMasked }), passwordReset: passwordHash !== undefined };
}

/**
 * Applies a change to an account; disabling it, resetting its password or removing its second factor ends its
 * sessions. A reset password was
 * chosen by someone else (nobody changes their own here), so the owner must change it at the next sign-in.
 */
export async function applyUserChanges(tx: Tx, id: string, c: StoredChanges): Promise<void> {
  await store.updateUser(tx, id, {
    ...(c.displayName !== undefined && { displayName: c.displayName }),
    ...(c.phone !== undefined && c.phone),
    ...(c.roles !== undefined && { roles: [...new Set(c.roles)] }),
    ...(c.departmentCode !== undefined && { departmentCode: c.departmentCode }),
    ...(c.disabled !== undefined && { disabled: c.disabled }),
    ...(c.passwordHash !== undefined && { passwordHash: c.passwordHash, mustChangePassword: true }),
  });
  if (c.areaCodes) await store.replaceUserAreas(tx, id, [...new Set(c.areaCodes)]);
  if (c.resetTotp) await store.updateUser(tx, id, store.NO_SECOND_FACTOR);
  if (c.disabled || c.passwordHash !== undefined || c.resetTotp) await store.removeSessionsOfUser(tx, id, null);
}
