// The facts the rules look at, derived once from a PolicyInput so each rule reads like the policy.
import { isBeforeGroupChatEmergency, PolicyCalendar, selectPolicyVersion } from './calendar';
import { IndicatorClass, IndicatorDef, indicatorDef, INDICATORS } from './indicators';
import { Channel, CHANNELS, PolicyInput, PolicyVersion } from './types';

export interface Facts {
  readonly version: PolicyVersion;
  readonly channel: Channel;
  readonly age: number | undefined;
  readonly adultAtRisk: boolean;
  /** Deduplicated, in indicator-table order, so the order they were ticked in never matters. */
  readonly indicators: readonly IndicatorDef[];
  readonly declaredSafe: boolean;
  readonly informationComplete: boolean;
  readonly hasSocialWorker: boolean;
  /** Group chat disclosures before GROUP_CHAT_EMERGENCY_FROM fall under the old group-chat policy. */
  readonly beforeGroupChatEmergency: boolean;
}

export function factsFrom(input: PolicyInput, calendar: PolicyCalendar): Facts {
  // Reached only when a caller skipped validatePolicyInput: refuse rather than guess.
  if (!CHANNELS.includes(input.channel)) throw new Error(`Unknown channel "${String(input.channel)}"`);
  const codes = new Set(input.indicators.map((code) => indicatorDef(code).code));
  return {
    version: selectPolicyVersion(input.occurredAt, calendar),
    channel: input.channel,
    age: input.age,
    adultAtRisk: input.adultAtRisk,
    indicators: INDICATORS.filter((def) => codes.has(def.code)),
    declaredSafe: input.declaredSafe,
    informationComplete: input.informationComplete,
    hasSocialWorker: input.hasSocialWorker,
    beforeGroupChatEmergency: isBeforeGroupChatEmergency(input.occurredAt, calendar),
  };
}

export function indicatorsOfClass(facts: Facts, cls: IndicatorClass): readonly IndicatorDef[] {
  return facts.indicators.filter((def) => def.class === cls);
}

export function isAdultNotAtRisk(facts: Facts): boolean {
  return facts.age !== undefined && facts.age >= 18 && !facts.adultAtRisk;
}

/** Rule 3's people: a minor, an adult at risk, or someone of unknown age (treated as a minor, rule 6). */
export function isProtectedPerson(facts: Facts): boolean {
  return facts.age === undefined || facts.age < 18 || facts.adultAtRisk;
}
