import { fitsLevel, shiftTimesProblem } from './shift-rules';

const NOW = new Date('2026-11-20T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('a shift on the rota', () => {
  it.each([
    ['ends after it starts, in the future', '2026-11-20T18:00:00Z', '2026-11-21T08:00:00Z', undefined],
    ['is already running', '2026-11-20T08:00:00Z', '2026-11-20T20:00:00Z', undefined],
    ['ends when it starts', '2026-11-20T18:00:00Z', '2026-11-20T18:00:00Z', 'endsAt must be after startsAt'],
    ['ends before it starts', '2026-11-21T08:00:00Z', '2026-11-20T18:00:00Z', 'endsAt must be after startsAt'],
    ['has already ended', '2026-11-19T18:00:00Z', '2026-11-20T08:00:00Z', expect.stringContaining('already ended')],
    [
      'lasts a year (a typing mistake)',
      '2026-11-20T18:00:00Z',
      '2027-11-20T18:00:00Z',
      expect.stringContaining('14 days'),
    ],
    ['lasts exactly 14 days', '2026-11-20T18:00:00Z', '2026-12-04T18:00:00Z', undefined],
  ])('%s', (_what, startsAt, endsAt, problem) => {
    expect(shiftTimesProblem(at(startsAt), at(endsAt), NOW)).toEqual(problem);
  });
});

describe('who may hold a shift of each level', () => {
  const account = (username: string, ...roles: string[]) => ({ username, roles });
  const LEADS = ['lead.sam'];

  it.each([
    [1, account('oncall.cat', 'on_call'), true],
    [1, account('supervisor.dan', 'supervisor'), true],
    [1, account('officer.amy', 'officer'), false],
    [1, account('admin.fay', 'admin'), false],
    [2, account('supervisor.dan', 'supervisor'), true],
    [2, account('oncall.cat', 'on_call'), false],
    [3, account('lead.kim', 'safeguarding_lead'), true],
    [3, account('lead.sam', 'supervisor'), true], // named in SAFEGUARDING_LEAD_USERNAMES
    [3, account('supervisor.dan', 'supervisor'), false],
  ] as const)('level %s, %j: %s', (level, who, fits) => {
    expect(fitsLevel(level, { username: who.username, roles: [...who.roles] }, LEADS)).toBe(fits);
  });
});
