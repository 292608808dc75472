import type { PageLevel } from '@sg/workflows/paging/paging.types';
import type { StaffDirectory } from './staff-directory';

/**
 * Who a page at this level goes to (SPEC §7): level 1 is whoever is on call now; level 2 the supervisors on the
 * rota now, else every supervisor; level 3 the leads on the rota now, else every lead. Level 1 has no fallback:
 * nobody on call is itself a reason to escalate, which the workflow logs.
 */
export async function whoIsPaged(
  level: PageLevel,
  directory: StaffDirectory,
  at: Date,
  leadUsernames: string[],
): Promise<string[]> {
  const onShift = await directory.onShift(level, at);
  if (onShift.length || level === 1) return onShift;
  return level === 2 ? directory.withRole('supervisor') : directory.leads(leadUsernames);
}

/** Who a staff alert for a role goes to: the role's members on shift now, else all of them. */
export async function whoIsAlerted(role: string, directory: StaffDirectory, at: Date): Promise<string[]> {
  const onShift = await directory.withRole(role, at);
  return onShift.length ? onShift : directory.withRole(role);
}
