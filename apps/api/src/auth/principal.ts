import type { StaffRole } from '@sg/workflows/case/case.types';

/** Who is calling: a staff member, the platform (a machine client), or a young person with a subject token. */
export type Principal =
  | { kind: 'staff'; username: string; roles: StaffRole[] }
  | { kind: 'platform' }
  | { kind: 'subject'; externalUserId: string };

/** What an endpoint can be opened to: staff roles, the platform, or the young person. */
export type Audience = StaffRole | 'platform' | 'subject';

export function audiencesOf(principal: Principal): Audience[] {
  return principal.kind === 'staff' ? principal.roles : [principal.kind];
}

/** Where the guard leaves the authenticated principal on the request. */
export const PRINCIPAL = Symbol('principal');
export type AuthenticatedRequest = { [PRINCIPAL]?: Principal };
