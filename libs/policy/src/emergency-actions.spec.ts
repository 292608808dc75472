import { DEFAULT_CALENDAR } from './calendar';
import { emergencyActions } from './emergency-actions';
import { evaluatePolicy } from './evaluate';
import type { PolicyInput } from './types';

const input = (channel: PolicyInput['channel'], occurredAt: string, indicators: PolicyInput['indicators'] = []) => ({
  occurredAt,
  channel,
  age: 15,
  adultAtRisk: false,
  indicators,
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
});

describe('emergencyActions (rule 10, for a reviewer who overrides to EMERGENCY)', () => {
  it('a group-chat disclosure from the group-chat emergency date on: removal from the room and a check-in', () => {
    expect(emergencyActions(input('group_chat', '2026-11-20T21:00:00Z'))).toEqual([
      'REMOVE_FROM_ROOM',
      'NEXT_DAY_CHECK_IN',
    ]);
  });

  it('a group-chat disclosure before that date, and any other channel: none', () => {
    expect(emergencyActions(input('group_chat', '2018-11-18T23:59:59Z'))).toEqual([]);
    expect(emergencyActions(input('boards', '2026-11-20T21:00:00Z'))).toEqual([]);
    expect(emergencyActions(input('helpline', '2026-11-20T21:00:00Z'))).toEqual([]);
  });

  it('are exactly the actions the policy gives an actual emergency on the same disclosure', () => {
    for (const channel of ['group_chat', 'boards', 'crisis_text'] as const) {
      for (const occurredAt of ['2019-03-01T10:00:00Z', '2026-11-20T21:00:00Z']) {
        const emergency = input(channel, occurredAt, ['SUICIDE_PLAN_IMMEDIATE']);
        const { level, actions } = evaluatePolicy(emergency, DEFAULT_CALENDAR);
        expect(level).toBe('EMERGENCY');
        expect(emergencyActions(emergency)).toEqual(actions);
      }
    }
  });
});
