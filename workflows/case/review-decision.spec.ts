// The decision a valid review records: what a referral step and the emergency actions later act on.
import type { PolicyOutput } from './case.types';
import { openingState } from './case-lifecycle';
import { AMY, CASE_ID, DAN, lifecycle } from './testing/lifecycle-fixtures';

const groupChatEmergency: PolicyOutput = {
  policyVersion: 'unified',
  level: 'EMERGENCY',
  agencies: ['EMERGENCY_SERVICES'],
  actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'],
  flags: [],
  rules: [],
  signposting: [],
};
const reviewing = (extra = {}) =>
  lifecycle({ status: 'AWAITING_REVIEW', assessedBy: AMY.username, recommendation: groupChatEmergency, ...extra });

describe('CaseLifecycle: the decision a review records', () => {
  it('an APPROVE of a group-chat emergency carries its removal from the room and check-in', () => {
    expect(reviewing().decisionFrom(DAN, { decision: 'APPROVE' }).actions).toEqual([
      'REMOVE_FROM_ROOM',
      'NEXT_DAY_CHECK_IN',
    ]);
  });

  it('an OVERRIDE that stays EMERGENCY keeps the actions, also on a case that recorded no emergency actions', () => {
    const kept = reviewing().decisionFrom(DAN, {
      decision: 'OVERRIDE',
      level: 'EMERGENCY',
      agencies: ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'],
      reason: 'Police too',
    });
    expect(kept).toMatchObject({ level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY'] });
    expect(kept.actions).toEqual(['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN']);
  });

  it('an OVERRIDE to NONE refers to no agency and carries no action', () => {
    const lowered = reviewing().decisionFrom(DAN, { decision: 'OVERRIDE', level: 'NONE', reason: 'No risk' });
    expect(lowered).toEqual({
      kind: 'OVERRIDE',
      level: 'NONE',
      agencies: [],
      actions: [],
      reason: 'No risk',
      decidedBy: DAN.username,
    });
  });
});

describe('openingState', () => {
  it('a new case awaits its assessment, in its first round, with nothing decided, referred or held', () => {
    expect(openingState(CASE_ID)).toEqual({
      caseId: CASE_ID,
      status: 'AWAITING_ASSESSMENT',
      round: 1,
      escalations: 0,
      referred: [],
      feedback: {},
      roomRemovalRecorded: false,
      involvements: 0,
      heldNotifications: [],
    });
  });
});
