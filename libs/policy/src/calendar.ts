// Which policy judges a disclosure: the one in force when it was made (SPEC §2), never a later one.
import { parseIsoDateTime } from './iso-date-time';
import type { PolicyVersion } from './types';

export interface PolicyCalendar {
  /** From this instant on, disclosures are judged by the `unified` policy; before it, `legacy`. */
  readonly unifiedPolicyFrom: string;
  /** Before this instant, group chat under `legacy` never informed emergency services. */
  readonly groupChatEmergencyFrom: string;
}

export const DEFAULT_CALENDAR: PolicyCalendar = Object.freeze({
  unifiedPolicyFrom: '2024-11-01T00:00:00Z',
  groupChatEmergencyFrom: '2018-11-19T00:00:00Z',
});

// The environment variable names are part of the configuration contract (SPEC §3a).
export const CALENDAR_ENV = {
  unifiedPolicyFrom: 'UNIFIED_POLICY_FROM',
  groupChatEmergencyFrom: 'GROUP_CHAT_EMERGENCY_FROM',
} as const;

/** Reads the effective dates; an unset or empty variable keeps its default, a bad one throws. */
export function policyCalendarFromEnv(env: Record<string, string | undefined>): PolicyCalendar {
  const pick = (key: keyof PolicyCalendar): string => {
    const name = CALENDAR_ENV[key];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return DEFAULT_CALENDAR[key];
    if (parseIsoDateTime(raw) === undefined) {
      throw new Error(
        `${name}="${raw}" is not an ISO-8601 date-time with a time zone (for example ${DEFAULT_CALENDAR[key]})`,
      );
    }
    return raw;
  };
  return Object.freeze({
    unifiedPolicyFrom: pick('unifiedPolicyFrom'),
    groupChatEmergencyFrom: pick('groupChatEmergencyFrom'),
  });
}

/** Epoch milliseconds of an instant the engine relies on; throws with the field name if malformed. */
export function instant(value: string, what: string): number {
  const ms = parseIsoDateTime(value);
  if (ms === undefined) throw new Error(`${what} "${value}" is not an ISO-8601 date-time with a time zone`);
  return ms;
}

export function selectPolicyVersion(occurredAt: string, calendar: PolicyCalendar = DEFAULT_CALENDAR): PolicyVersion {
  const at = instant(occurredAt, 'occurredAt');
  return at >= instant(calendar.unifiedPolicyFrom, 'unifiedPolicyFrom') ? 'unified' : 'legacy';
}

/** True when a group-chat disclosure predates the date group chat began informing emergency services. */
export function isBeforeGroupChatEmergency(occurredAt: string, calendar: PolicyCalendar = DEFAULT_CALENDAR): boolean {
  return instant(occurredAt, 'occurredAt') < instant(calendar.groupChatEmergencyFrom, 'groupChatEmergencyFrom');
}
