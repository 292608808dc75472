import type { StaffRole } from '@sg/workflows/case/case.types';
import { secondFactorRequired } from './second-factor-rule';

describe('who must sign in with a second factor', () => {
  it.each<[StaffRole[], boolean]>([
    [['officer'], false],
    [['on_call'], true],
    [['supervisor'], true],
    [['auditor'], true],
    [['admin'], true],
    [['officer', 'supervisor'], true],
  ])('%j → %s', (roles, required) => {
    expect(secondFactorRequired({ roles, createdBy: 'admin.fay' }, false)).toBe(required);
  });

  it('the demo accounts are exempt in development only', () => {
    expect(secondFactorRequired({ roles: ['supervisor'], createdBy: 'demo' }, true)).toBe(false);
    expect(secondFactorRequired({ roles: ['supervisor'], createdBy: 'demo' }, false)).toBe(true);
    expect(secondFactorRequired({ roles: ['supervisor'], createdBy: 'admin.fay' }, true)).toBe(true);
  });
});
