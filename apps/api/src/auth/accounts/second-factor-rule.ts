import type { StaffRole } from '@sg/workflows/case/case.types';

/** Roles that decide emergencies, read every log or manage accounts: a password alone is not enough for them. */
export const SECOND_FACTOR_ROLES: readonly StaffRole[] = [
  'on_call',
  'supervisor',
  'safeguarding_lead',
  'auditor',
  'admin',
];

/**
 * Whether an account must sign in with a second factor. The development demo accounts are exempt so the README's
 * try-it stays one login; they exist only in development (`demoMode`: DEMO_PASSWORD is set, which production refuses).
 */
export function secondFactorRequired(account: { roles: readonly StaffRole[]; createdBy: string }, demoMode: boolean) {
  const demoExempt = demoMode && account.createdBy === 'demo';
  return !demoExempt && account.roles.some((role) => SECOND_FACTOR_ROLES.includes(role));
}
