// The confidentiality policy as a table of rules (SPEC §2). Each policy version is the list of
// rules that belong to it (see POLICIES); the engine runs them in this order and names every one
// that fires. Where SPEC is silent, the interpretation is noted next to the rule.
import { type Facts, indicatorsOfClass, isAdultNotAtRisk, isProtectedPerson } from './facts';
import { appliesToAge } from './indicators';
import type { Effect, SoFar } from './outcome';
import type { PolicyVersion, RuleId } from './types';

export interface Rule {
  readonly id: RuleId;
  readonly versions: readonly PolicyVersion[];
  /** Where it sits in SPEC §2. */
  readonly source: string;
  /** What it does, in plain words (shown to safeguarding staff). */
  readonly summary: string;
  /** The policy sentence it comes from. */
  readonly wording: string;
  /** Referral rules stop once a rule closes referral (the chatbot); record rules always run. */
  readonly kind: 'referral' | 'record';
  /** The rule's effect when it fires, undefined when it does not. */
  readonly apply: (facts: Facts, soFar: SoFar) => Effect | undefined;
}

const BOTH: readonly PolicyVersion[] = ['legacy', 'unified'];
const when = (condition: boolean, effect: Effect): Effect | undefined => (condition ? effect : undefined);

export const RULES: readonly Rule[] = [
  {
    // Closes referral for every later referral rule; flags and signposting (record rules) still apply.
    id: 'CHATBOT_NOT_MONITORED',
    versions: BOTH,
    source: 'Rule 1',
    kind: 'referral',
    summary:
      'Nothing said to the chatbot leads to a referral, whatever the indicators: the level is NONE and the person is signposted. Flags are still recorded.',
    wording:
      'channel `chatbot`: level `NONE`, whatever the indicators. The chatbot is not monitored by people in real time, so nothing said to it leads to a referral.',
    apply: (f) => when(f.channel === 'chatbot', { closesReferral: true }),
  },
  {
    id: 'EMERGENCY_IMMEDIATE_RISK',
    versions: BOTH,
    source: 'Rule 2',
    kind: 'referral',
    summary:
      'Any immediate risk to life (an emergency indicator) means an EMERGENCY referral to emergency services (999), at any age.',
    wording: 'any emergency-class indicator: level `EMERGENCY`, agency `EMERGENCY_SERVICES` (999). Both versions.',
    apply: (f) =>
      when(indicatorsOfClass(f, 'emergency').length > 0, {
        refer: { level: 'EMERGENCY', agencies: ['EMERGENCY_SERVICES'] },
      }),
  },
  {
    // Replaces the emergency outcome only; a TERRORISM indicator still gives its NON_EMERGENCY (rule 5).
    id: 'GROUP_CHAT_PRE_EMERGENCY_POLICY',
    versions: ['legacy'],
    source: 'Rule 2, exception; version dates',
    kind: 'referral',
    summary:
      'In group chat before the group-chat emergency date, emergency services were not called: the emergency referral is withdrawn and the person is removed from the room and signposted to crisis support. Terrorism is still passed to the police.',
    wording:
      'Exception: `GROUP_CHAT_PRE_EMERGENCY_POLICY` — channel `group_chat` before `GROUP_CHAT_EMERGENCY_FROM`: level `NONE`, action `REMOVE_FROM_ROOM`, signposting. Group chat, under `legacy`, before `GROUP_CHAT_EMERGENCY_FROM` (default `2018-11-19T00:00:00Z`), never informed emergency services: the person was urged to use crisis support and removed from the room.',
    apply: (f, soFar) =>
      when(
        f.channel === 'group_chat' && f.beforeGroupChatEmergency && soFar.fired.includes('EMERGENCY_IMMEDIATE_RISK'),
        {
          withdraw: 'EMERGENCY_IMMEDIATE_RISK',
          actions: ['REMOVE_FROM_ROOM'],
        },
      ),
  },
  {
    // Unified only: legacy never makes a protective referral (terrorism still goes to 101 under rule 5).
    id: 'PROTECTIVE_NON_EMERGENCY',
    versions: ['unified'],
    source: 'Rule 3',
    kind: 'referral',
    summary:
      'For a minor, an adult at risk or someone of unknown age, a protective indicator that applies to their age means a NON_EMERGENCY referral: to a care professional for a pregnancy under 16 with no medical care, otherwise to their social worker if they have one, else to the police on 101.',
    wording:
      '`unified` only, and only when the person is a minor (age < 18), an adult at risk, or of unknown age: any protective-class indicator that applies to their age gives level at least `NON_EMERGENCY`. Agency: `CARE_PROFESSIONAL` for `UNDER16_PREGNANCY_NO_MEDICAL`; otherwise `SOCIAL_WORKER` when `hasSocialWorker`, else `POLICE_NON_EMERGENCY` (101).',
    apply: (f) => {
      const applicable = indicatorsOfClass(f, 'protective').filter((d) => appliesToAge(d, f.age));
      if (!isProtectedPerson(f) || applicable.length === 0) return undefined;
      const agencies = applicable.map((d) =>
        d.code === 'UNDER16_PREGNANCY_NO_MEDICAL'
          ? 'CARE_PROFESSIONAL'
          : f.hasSocialWorker
            ? 'SOCIAL_WORKER'
            : 'POLICE_NON_EMERGENCY',
      );
      return { refer: { level: 'NON_EMERGENCY', agencies } };
    },
  },
  {
    // Named whenever a known age is outside an indicator's limit, even if rule 4 would ignore it anyway.
    id: 'INDICATOR_NOT_APPLICABLE_FOR_AGE',
    versions: ['unified'],
    source: 'Rule 3',
    kind: 'referral',
    summary:
      'An indicator limited to an age (pregnancy under 16; concern about a child 12 or under) is ignored when the person’s known age is outside that limit.',
    wording:
      'An age-limited indicator applies when the age is within its limit or unknown; with a known age outside its limit it is ignored and the trace names `INDICATOR_NOT_APPLICABLE_FOR_AGE`.',
    apply: (f) =>
      when(
        f.indicators.some((d) => d.ageLimit !== undefined && !appliesToAge(d, f.age)),
        {},
      ),
  },
  {
    // Named under `unified` when an adult not at risk has any protective indicator: rule 3 skipped them.
    id: 'ADULT_NO_NON_EMERGENCY',
    versions: ['unified'],
    source: 'Rule 4',
    kind: 'referral',
    summary:
      'For an adult (18 or over) who is not an adult at risk, protective indicators never lead to a referral; only an immediate threat to life (or terrorism) does.',
    wording:
      'an adult (18+) who is not at risk: protective indicators never lead to a referral; only immediate threat to life does (rule 2). The trace names this rule when it applied.',
    apply: (f) => when(isAdultNotAtRisk(f) && indicatorsOfClass(f, 'protective').length > 0, {}),
  },
  {
    id: 'LEGAL_TERRORISM',
    versions: BOTH,
    source: 'Rule 5',
    kind: 'referral',
    summary:
      'Information about terrorism is always passed to the police on 101 (at least NON_EMERGENCY), at any age and under both versions.',
    wording: '`TERRORISM`, any age, both versions: at least `NON_EMERGENCY`, agency `POLICE_NON_EMERGENCY`.',
    apply: (f) =>
      when(indicatorsOfClass(f, 'legal').length > 0, {
        refer: { level: 'NON_EMERGENCY', agencies: ['POLICE_NON_EMERGENCY'] },
      }),
  },
  {
    // The flag is raised whenever age is absent, under both versions and on every channel.
    id: 'AGE_UNKNOWN_PROTECTIVE',
    versions: BOTH,
    source: 'Rule 6',
    kind: 'record',
    summary:
      'When the age is not known the person is protected as a minor, and the result is flagged AGE_UNKNOWN so the reviewer confirms the age.',
    wording:
      'unknown age is treated as a minor for rule 3, and the output carries flag `AGE_UNKNOWN` so the reviewer confirms it.',
    apply: (f) => when(f.age === undefined, { flags: ['AGE_UNKNOWN'] }),
  },
  {
    // Named when the person said "I'm safe" and the indicators still call for a referral.
    id: 'DECLARED_SAFE_NOT_DECISIVE',
    versions: BOTH,
    source: 'Rule 7',
    kind: 'referral',
    summary:
      '“I’m safe” is recorded but never lowers the level; named when the person said it and a referral is still needed.',
    wording:
      '"I\'m safe" is recorded but never lowers a level computed from emergency, protective or legal indicators; the trace names this rule when it was present and did not lower.',
    apply: (f, soFar) => when(f.declaredSafe && soFar.level !== 'NONE', {}),
  },
  {
    id: 'INCOMPLETE_INFORMATION',
    versions: BOTH,
    source: 'Rule 8',
    kind: 'record',
    summary:
      'When the information is incomplete the result is flagged INCOMPLETE_INFORMATION; the reviewer may raise the level to be on the safe side (an override, with a reason).',
    wording:
      'when `informationComplete` is false the output carries that flag; the reviewer may raise the level "to be on the safe side" (an override, with a reason).',
    apply: (f) => when(!f.informationComplete, { flags: ['INCOMPLETE_INFORMATION'] }),
  },
  {
    // Both versions: the group-chat date decides, and it falls inside the legacy period.
    id: 'GROUP_CHAT_EMERGENCY_ACTIONS',
    versions: BOTH,
    source: 'Rule 10',
    kind: 'referral',
    summary:
      'An EMERGENCY from group chat (from the group-chat emergency date on) also removes the person from the room and books a check-in by a staff member the next day.',
    wording:
      'an `EMERGENCY` from `group_chat` (from `GROUP_CHAT_EMERGENCY_FROM` on) also carries actions `REMOVE_FROM_ROOM` and `NEXT_DAY_CHECK_IN` (a staff member checks in the next day).',
    apply: (f, soFar) =>
      when(f.channel === 'group_chat' && !f.beforeGroupChatEmergency && soFar.level === 'EMERGENCY', {
        actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'],
      }),
  },
  {
    // Last in the table, so it sees the final level: signposting is present exactly when it is NONE.
    id: 'NONE_SIGNPOSTING',
    versions: BOTH,
    source: 'Rule 11',
    kind: 'record',
    summary: 'When no referral is made (level NONE), the person is given the crisis support contacts.',
    wording:
      'Level `NONE` carries signposting: Crisis text line (text THEMIX to 85258), Samaritans (116 123), Papyrus HOPELINE247, Childline (0800 1111, under 19s).',
    apply: (_f, soFar) => when(soFar.level === 'NONE', { signposting: true }),
  },
];

/** Rule 9 is how the engine combines what the rules ask for (outcome.ts), not a rule that fires. */
export const COMBINING = {
  source: 'Rule 9',
  summary:
    'When several rules ask for a referral, the highest level wins (EMERGENCY, then NON_EMERGENCY, then NONE) and every agency any of them named is included.',
  wording:
    'Levels combine: the highest wins (`EMERGENCY` > `NON_EMERGENCY` > `NONE`) and agencies are the union, so a minor with `SUICIDE_PLAN_IMMEDIATE` and `ONGOING_ABUSE` gets `EMERGENCY` with `EMERGENCY_SERVICES` and `POLICE_NON_EMERGENCY`.',
} as const;

/** Each policy version is the list of rules that belong to it, in table order. */
const rulesOf = (version: PolicyVersion): readonly Rule[] => RULES.filter((r) => r.versions.includes(version));
export const POLICIES: Readonly<Record<PolicyVersion, readonly Rule[]>> = {
  legacy: rulesOf('legacy'),
  unified: rulesOf('unified'),
};
