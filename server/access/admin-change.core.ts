/** Who may change an administrator account, and who may approve it (三员分立): pure rules, no I/O. */
import type { ErrorCode } from '../../shared/errors.ts';
import { isAdminRole } from '../../shared/roles.ts';

/** The account fields whose change to an administrator account waits for a second administrator. */
export const GUARDED_FIELDS = ['roles', 'password', 'disabled', 'resetTotp'] as const;

export interface AccountChange {
  roles?: string[];
  password?: string;
  disabled?: boolean;
  resetTotp?: true;
}

export const touchesGuardedFields = (change: AccountChange) => GUARDED_FIELDS.some((f) => change[f] !== undefined);

/**
 * A change waits for a second approval when it touches roles, password, status or second factor of an account that holds an
 * administrator role or would hold one after it.
 */
export function needsSecondApproval(currentRoles: readonly string[], change: AccountChange): boolean {
  if (!touchesGuardedFields(change)) return false;
  return currentRoles.some(isAdminRole) || (change.roles ?? []).some(isAdminRole);
}

/**
 * Why this administrator may not decide this change, or null: the approver is neither the requester nor the
 * account changed, and holds an administrator role the requester did not hold when asking.
 */
export function decisionProblem(
  approver: { id: string; roles: readonly string[] },
  change: { requestedBy: string; requestedByRoles: readonly string[]; targetUserId: string },
): ErrorCode | null {
  if (approver.id === change.requestedBy) return 'admin_change.own_request';
  if (approver.id === change.targetUserId) return 'user.own_account';
  const other = approver.roles.filter((r) => isAdminRole(r) && !change.requestedByRoles.includes(r));
  return other.length ? null : 'admin_change.same_role';
}
