/** What makes a shift on the rota valid (docs/paging.md). Plain functions: the service checks, the tests read. */

export const SHIFT_LEVELS = [1, 2, 3] as const;
export type ShiftLevel = (typeof SHIFT_LEVELS)[number];

/** Longer than this is taken for a typing mistake (a year instead of a day) rather than an on-call shift. */
export const LONGEST_SHIFT_MS = 14 * 24 * 60 * 60 * 1000;

export function shiftTimesProblem(startsAt: Date, endsAt: Date, now: Date): string | undefined {
  if (!(endsAt > startsAt)) return 'endsAt must be after startsAt';
  if (endsAt.getTime() - startsAt.getTime() > LONGEST_SHIFT_MS) return 'a shift can be at most 14 days long';
  if (!(endsAt > now)) return 'the shift has already ended: the rota is for who will be on call';
  return undefined;
}

export interface ShiftAccount {
  username: string;
  roles: string[];
}

/** Who may hold a shift of each level: the people who may decide the review that a page at that level is for. */
export const LEVEL_HOLDERS: Record<ShiftLevel, string> = {
  1: 'on_call or supervisor',
  2: 'supervisor',
  3: 'safeguarding_lead, or a username in SAFEGUARDING_LEAD_USERNAMES',
};

export function fitsLevel(level: ShiftLevel, account: ShiftAccount, leadUsernames: string[]): boolean {
  const has = (role: string) => account.roles.includes(role);
  if (level === 1) return has('on_call') || has('supervisor');
  if (level === 2) return has('supervisor');
  return has('safeguarding_lead') || leadUsernames.includes(account.username);
}
