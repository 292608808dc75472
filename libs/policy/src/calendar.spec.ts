// Which policy version judges a disclosure, and how the effective dates are configured.
import {
  DEFAULT_CALENDAR,
  evaluatePolicy,
  parseIsoDateTime,
  PolicyInput,
  policyCalendarFromEnv,
  selectPolicyVersion,
} from '@sg/policy';

describe('selectPolicyVersion with the default dates', () => {
  it.each([
    ['2024-10-31T23:59:59.999Z', 'legacy'],
    ['2024-11-01T00:00:00Z', 'unified'],
    ['2024-11-01T00:30:00+01:00', 'legacy'], // 23:30 UTC the day before
    ['2024-10-31T19:00:00-05:00', 'unified'], // midnight UTC
    ['2010-01-01T00:00:00Z', 'legacy'],
    ['2030-06-01T12:00:00Z', 'unified'],
  ])('%s → %s', (occurredAt, version) => {
    expect(selectPolicyVersion(occurredAt, DEFAULT_CALENDAR)).toBe(version);
  });

  it('refuses a malformed occurredAt with a clear error', () => {
    expect(() => selectPolicyVersion('yesterday')).toThrow('occurredAt "yesterday" is not an ISO-8601 date-time');
  });
});

describe('policyCalendarFromEnv', () => {
  it('uses the SPEC defaults when nothing (or an empty value) is set', () => {
    expect(policyCalendarFromEnv({})).toEqual({
      unifiedPolicyFrom: '2024-11-01T00:00:00Z',
      groupChatEmergencyFrom: '2018-11-19T00:00:00Z',
    });
    expect(policyCalendarFromEnv({ UNIFIED_POLICY_FROM: '' })).toEqual(DEFAULT_CALENDAR);
  });

  it('reads UNIFIED_POLICY_FROM and GROUP_CHAT_EMERGENCY_FROM', () => {
    expect(
      policyCalendarFromEnv({
        UNIFIED_POLICY_FROM: '2025-01-01T00:00:00Z',
        GROUP_CHAT_EMERGENCY_FROM: '2019-01-01T00:00:00+00:00',
      }),
    ).toEqual({ unifiedPolicyFrom: '2025-01-01T00:00:00Z', groupChatEmergencyFrom: '2019-01-01T00:00:00+00:00' });
  });

  it('ignores spaces around a date, and reads a blank value as unset', () => {
    expect(
      policyCalendarFromEnv({ UNIFIED_POLICY_FROM: ' 2025-01-01T00:00:00Z\n', GROUP_CHAT_EMERGENCY_FROM: '  ' }),
    ).toEqual({
      unifiedPolicyFrom: '2025-01-01T00:00:00Z',
      groupChatEmergencyFrom: DEFAULT_CALENDAR.groupChatEmergencyFrom,
    });
  });

  it.each([
    ['UNIFIED_POLICY_FROM', 'next tuesday'],
    ['GROUP_CHAT_EMERGENCY_FROM', '2018-13-01T00:00:00Z'],
  ])('throws naming %s when it is not a date-time', (name, value) => {
    expect(() => policyCalendarFromEnv({ [name]: value })).toThrow(`${name}="${value}" is not an ISO-8601 date-time`);
  });

  it('is what evaluatePolicy judges by', () => {
    const input: PolicyInput = {
      occurredAt: '2024-12-01T00:00:00Z',
      channel: 'group_chat',
      age: 14,
      adultAtRisk: false,
      indicators: ['ONGOING_ABUSE', 'OVERDOSE'],
      declaredSafe: false,
      informationComplete: true,
      hasSocialWorker: false,
    };
    const later = policyCalendarFromEnv({
      UNIFIED_POLICY_FROM: '2025-01-01T00:00:00Z',
      GROUP_CHAT_EMERGENCY_FROM: '2025-01-01T00:00:00Z',
    });
    expect(evaluatePolicy(input).policyVersion).toBe('unified');
    expect(evaluatePolicy(input, later)).toMatchObject({
      policyVersion: 'legacy',
      level: 'NONE',
      actions: ['REMOVE_FROM_ROOM'],
    });
  });
});

describe('parseIsoDateTime', () => {
  it.each([
    ['2024-11-01T00:00:00Z', Date.UTC(2024, 10, 1)],
    ['2024-11-01T01:00:00+01:00', Date.UTC(2024, 10, 1)],
    ['2024-02-29T12:00:00.5Z', Date.UTC(2024, 1, 29, 12, 0, 0, 500)],
  ])('%s', (text, ms) => {
    expect(parseIsoDateTime(text)).toBe(ms);
  });

  it.each([
    '2023-02-29T12:00:00Z',
    '2024-11-01',
    '2024-11-01T24:00:00Z',
    '2024-11-01T10:00:00',
    'Fri, 01 Nov 2024 00:00:00 GMT',
    '',
  ])('refuses %p', (text) => {
    expect(parseIsoDateTime(text)).toBeUndefined();
  });
});
