import { MemoryDirectory } from '../testing/fakes';
import { whoIsAlerted, whoIsPaged } from './recipients';

const NOW = new Date('2026-11-20T22:00:00Z');
const NIGHT = { from: '2026-11-20T18:00:00Z', to: '2026-11-21T08:00:00Z' };
const TOMORROW = { from: '2026-11-21T18:00:00Z', to: '2026-11-22T08:00:00Z' };
const none = { email: null, phone: null, webhookUrl: null };
const person = (username: string, roles: string[], shifts: { level: 1 | 2 | 3; from: string; to: string }[] = []) => ({
  username,
  roles,
  shifts,
  contacts: none,
});

const staff = new MemoryDirectory([
  person('oncall.cat', ['on_call'], [{ level: 1, ...NIGHT }]),
  person('oncall.max', ['on_call'], [{ level: 1, ...TOMORROW }]),
  person('supervisor.dan', ['supervisor'], [{ level: 2, ...NIGHT }]),
  person('supervisor.joe', ['supervisor']),
  person('lead.kim', ['safeguarding_lead']),
  person('lead.sam', ['supervisor']),
  person('officer.amy', ['officer']),
]);
const LEADS = ['lead.sam'];

describe('who is paged (SPEC §7)', () => {
  it('level 1: whoever is on call now, by the rota', async () => {
    expect(await whoIsPaged(1, staff, NOW, LEADS)).toEqual(['oncall.cat']);
  });

  it('level 1 with nobody on call: nobody (the workflow escalates and logs it)', async () => {
    expect(await whoIsPaged(1, staff, new Date('2026-11-21T12:00:00Z'), LEADS)).toEqual([]);
  });

  it('level 2: the supervisors on the rota now, else every supervisor', async () => {
    expect(await whoIsPaged(2, staff, NOW, LEADS)).toEqual(['supervisor.dan']);
    expect(await whoIsPaged(2, staff, new Date('2026-11-21T12:00:00Z'), LEADS)).toEqual([
      'supervisor.dan',
      'supervisor.joe',
      'lead.sam',
    ]);
  });

  it('level 3: the safeguarding_lead role and the configured usernames', async () => {
    expect(await whoIsPaged(3, staff, NOW, LEADS)).toEqual(['lead.kim', 'lead.sam']);
    expect(await whoIsPaged(3, staff, NOW, [])).toEqual(['lead.kim']);
  });

  it('a staff alert: the role’s members on shift now, else all of them', async () => {
    expect(await whoIsAlerted('supervisor', staff, NOW)).toEqual(['supervisor.dan']);
    expect(await whoIsAlerted('officer', staff, NOW)).toEqual(['officer.amy']);
    expect(await whoIsAlerted('supervisor', staff, new Date('2026-11-21T12:00:00Z'))).toHaveLength(3);
  });
});
