import type { PolicyOutput } from '@sg/policy';
import { caseStateFromLog, StateEntry } from './case-state-from-log';

const CASE = '5f0e3b0e-0000-4000-8000-000000000001';
const entry = (type: string, data: Record<string, unknown> = {}, actor = 'system'): StateEntry => ({
  type,
  actor,
  data,
});
const EMERGENCY: PolicyOutput = { level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'], actions: [] } as never;
const NON_EMERGENCY: PolicyOutput = {
  level: 'NON_EMERGENCY',
  agencies: ['POLICE_NON_EMERGENCY'],
  actions: [],
} as never;
const DEADLINE = '2026-11-26T10:05:00.000Z';

const assessed = (round: number, output: PolicyOutput, deadline = DEADLINE): StateEntry[] => [
  entry('case.opened'),
  entry('assessment.submitted', { round, notes: 'n' }, 'officer.amy'),
  entry('policy.evaluated', { round, input: { marker: round }, output }),
  entry('review.requested', { round, level: output.level, deadline }),
];
const fold = (entries: StateEntry[]) => caseStateFromLog(CASE, entries, () => ['REMOVE_FROM_ROOM']);

describe('caseStateFromLog', () => {
  it('a case just opened is awaiting assessment, round 1', () => {
    expect(fold([entry('case.opened')])).toMatchObject({ caseId: CASE, status: 'AWAITING_ASSESSMENT', round: 1 });
  });

  it('an escalating review: the round, recommendation, deadline and escalations the workflow had', () => {
    const state = fold([
      ...assessed(1, EMERGENCY),
      entry('case.viewed', { by: 'x' }),
      entry('review.escalated', { round: 1, escalation: 1 }),
      entry('review.escalated', { round: 1, escalation: 2 }),
    ]);
    expect(state).toMatchObject({
      status: 'AWAITING_REVIEW',
      round: 1,
      assessedBy: 'officer.amy',
      recommendation: EMERGENCY,
      emergencyActions: ['REMOVE_FROM_ROOM'],
      reviewDeadline: DEADLINE,
      escalations: 2,
    });
    expect(state.decision).toBeUndefined();
  });

  it('more information starts a new round; its assessment resets the escalations', () => {
    const state = fold([
      ...assessed(1, EMERGENCY),
      entry('review.escalated', { round: 1, escalation: 1 }),
      entry('review.decided', { round: 1, decision: 'REQUEST_MORE_INFO', reason: 'age?' }, 'supervisor.dan'),
    ]);
    expect(state).toMatchObject({ status: 'AWAITING_ASSESSMENT', round: 2, recommendation: undefined });
    const second = fold([
      ...assessed(1, EMERGENCY),
      entry('review.decided', { round: 1, decision: 'REQUEST_MORE_INFO' }, 'supervisor.dan'),
      ...assessed(2, NON_EMERGENCY, '2026-11-27T10:00:00.000Z').slice(1),
    ]);
    expect(second).toMatchObject({
      status: 'AWAITING_REVIEW',
      round: 2,
      escalations: 0,
      recommendation: NON_EMERGENCY,
    });
  });

  it('a decision, a deferral and a referral: awaiting feedback, the notification held, feedback states per agency', () => {
    const state = fold([
      ...assessed(1, EMERGENCY),
      entry(
        'review.decided',
        {
          round: 1,
          decision: 'APPROVE',
          level: 'EMERGENCY',
          agencies: ['EMERGENCY_SERVICES'],
          actions: [],
          reason: null,
        },
        'oncall.cat',
      ),
      entry('notification.deferred', { reason: 'risk', reviewAt: '2026-12-01T00:00:00.000Z' }, 'oncall.cat'),
      entry('room.removed', { channel: 'group_chat' }, 'officer.amy'),
      entry('referral.recorded', { agency: 'EMERGENCY_SERVICES', method: 'PHONE' }, 'officer.amy'),
      entry('checkin.due', { dueAt: '2026-11-27T10:00:00.000Z' }, 'officer.amy'),
      entry('involvement.recorded', { outcome: 'AGREED' }, 'officer.amy'),
      entry('feedback.requested', { agency: 'EMERGENCY_SERVICES' }),
      entry('review.requested', { kind: 'NOTIFICATION_DEFERRAL', reviewAt: '2026-12-01T00:00:00.000Z' }),
    ]);
    expect(state).toMatchObject({
      status: 'AWAITING_FEEDBACK',
      decision: { kind: 'APPROVE', level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'], decidedBy: 'oncall.cat' },
      deferral: { reason: 'risk', reviewAt: '2026-12-01T00:00:00.000Z', awaitingSupervisor: true },
      heldNotifications: ['EMERGENCY_SERVICES'],
      referred: ['EMERGENCY_SERVICES'],
      feedback: { EMERGENCY_SERVICES: 'REQUESTED' },
      roomRemovalRecorded: true,
      checkIn: { dueAt: '2026-11-27T10:00:00.000Z', completed: false },
      involvements: 1,
    });
    expect(state.decision).not.toHaveProperty('reason');
  });

  it('a release clears the deferral; a decision of NONE leaves the case to close', () => {
    const released = fold([
      ...assessed(1, EMERGENCY),
      entry('review.decided', { decision: 'APPROVE', level: 'EMERGENCY', agencies: ['A', 'B'], actions: [] }, 'c'),
      entry('notification.deferred', { reason: 'r', reviewAt: '2026-12-01T00:00:00.000Z' }, 'c'),
      entry('referral.recorded', { agency: 'A' }, 'amy'),
      entry('notification.released', { reason: null }, 'dan'),
      entry('checkin.completed', { note: 'ok' }, 'amy'),
    ]);
    expect(released).toMatchObject({ status: 'AWAITING_REFERRAL', heldNotifications: [], referred: ['A'] });
    expect(released.deferral).toBeUndefined();
    const none = fold([
      ...assessed(1, EMERGENCY),
      entry('review.decided', { decision: 'OVERRIDE', level: 'NONE', agencies: [], actions: [], reason: 'why' }, 'd'),
    ]);
    expect(none).toMatchObject({
      status: 'AWAITING_REVIEW',
      decision: { kind: 'OVERRIDE', level: 'NONE', reason: 'why' },
    });
  });

  it('feedback received or not, and a closure', () => {
    const state = fold([
      ...assessed(1, NON_EMERGENCY),
      entry('review.decided', { decision: 'APPROVE', level: 'NON_EMERGENCY', agencies: ['A', 'B'], actions: [] }, 'd'),
      entry('referral.recorded', { agency: 'A' }, 'amy'),
      entry('referral.recorded', { agency: 'B' }, 'amy'),
      entry('feedback.received', { agency: 'A', feedback: 'x' }, 'amy'),
      entry('feedback.not_received', { agency: 'B' }),
      entry('case.closed', { outcome: 'REFERRED' }),
    ]);
    expect(state).toMatchObject({ status: 'CLOSED', feedback: { A: 'RECEIVED', B: 'NOT_RECEIVED' } });
  });
});
