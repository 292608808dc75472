import type { StaffRole } from '@sg/workflows/case/case.types';
import { DomainError } from '../../common/domain-error';

/** The roles that work or read cases. An admin manages accounts and may hold none of them. */
export const CASE_ROLES: readonly StaffRole[] = ['officer', 'on_call', 'supervisor', 'safeguarding_lead', 'auditor'];

/**
 * Separation of duties: whoever can grant roles cannot also act on cases, or one person could make themselves the
 * second pair of eyes on their own decision.
 */
export function assertRolesSeparated(roles: readonly StaffRole[]): void {
  if (roles.includes('admin') && roles.some((role) => CASE_ROLES.includes(role)))
    throw new DomainError(
      'STAFF.ROLES_CONFLICT',
      `An admin account cannot also hold a case role (${CASE_ROLES.join(', ')}): separation of duties`,
    );
}

/** An admin never changes their own account through /staff (roles, disabling, two-factor): another admin does. */
export function assertNotOwnAccount(actor: string, username: string): void {
  if (actor === username)
    throw new DomainError(
      'STAFF.SELF_CHANGE',
      'An admin cannot change their own account; ask another admin (your password: POST /auth/password)',
    );
}
