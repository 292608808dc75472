import type { StaffRole } from '@sg/workflows/case/case.types';
import { DomainError } from '../../common/domain-error';
import { assertNotOwnAccount, assertRolesSeparated } from './separation-of-duties';

const codeOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('separation of duties', () => {
  it.each<[StaffRole[], string]>([
    [['admin'], 'allowed'],
    [['officer', 'supervisor'], 'allowed'],
    [['auditor'], 'allowed'],
    [['admin', 'officer'], 'STAFF.ROLES_CONFLICT'],
    [['admin', 'on_call'], 'STAFF.ROLES_CONFLICT'],
    [['supervisor', 'admin'], 'STAFF.ROLES_CONFLICT'],
    [['admin', 'auditor'], 'STAFF.ROLES_CONFLICT'],
  ])('roles %j → %s', (roles, expected) => {
    expect(codeOf(() => assertRolesSeparated(roles))).toBe(expected);
  });

  it('an admin never changes their own account; another admin may', () => {
    expect(codeOf(() => assertNotOwnAccount('admin.fay', 'admin.fay'))).toBe('STAFF.SELF_CHANGE');
    expect(codeOf(() => assertNotOwnAccount('admin.fay', 'admin.gus'))).toBe('allowed');
  });
});
