import { DomainError } from '../common/domain-error';
import { checkAcknowledge, WaitingReview } from './acknowledge-rule';

const EMERGENCY: WaitingReview = {
  status: 'AWAITING_REVIEW',
  assessedBy: 'officer.amy',
  requiredRoles: ['on_call', 'supervisor'],
};
const code = (review: WaitingReview | undefined, username: string, ...roles: string[]) => {
  try {
    checkAcknowledge(review, { username, roles: roles as never });
    return 'ok';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('who may acknowledge a page', () => {
  it('one of the review’s roles who is not the assessor', () => {
    expect(code(EMERGENCY, 'oncall.cat', 'on_call')).toBe('ok');
    expect(code(EMERGENCY, 'supervisor.dan', 'supervisor')).toBe('ok');
  });

  it('nobody else (403)', () => {
    expect(code({ ...EMERGENCY, requiredRoles: ['supervisor'] }, 'oncall.cat', 'on_call')).toBe('CASE.FORBIDDEN');
    expect(code(EMERGENCY, 'auditor.eve', 'auditor')).toBe('CASE.FORBIDDEN');
  });

  it('not the assessor, whatever roles they hold (four eyes)', () => {
    const assessor = { ...EMERGENCY, assessedBy: 'lead.sam' };
    expect(code(assessor, 'lead.sam', 'officer', 'supervisor')).toBe('CASE.FORBIDDEN');
  });

  it('no waiting review: nothing to acknowledge (409)', () => {
    expect(code(undefined, 'supervisor.dan', 'supervisor')).toBe('CASE.NOT_CURRENT_STEP');
    expect(code({ ...EMERGENCY, status: 'AWAITING_REFERRAL' }, 'supervisor.dan', 'supervisor')).toBe(
      'CASE.NOT_CURRENT_STEP',
    );
  });
});
