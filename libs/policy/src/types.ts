// The vocabulary of the confidentiality policy (SPEC §2). Lists are exported as data so that
// validation and the generated docs use the same words as the engine.
import type { IndicatorCode } from './indicators';

export const CHANNELS = [
  'boards',
  'group_chat',
  'helpline',
  'counselling',
  'crisis_text',
  'chatbot',
  'email',
  'workshop',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const POLICY_VERSIONS = ['legacy', 'unified'] as const;
export type PolicyVersion = (typeof POLICY_VERSIONS)[number];

// Ascending severity: the index is the rank used when levels combine (rule 9).
export const LEVELS = ['NONE', 'NON_EMERGENCY', 'EMERGENCY'] as const;
export type Level = (typeof LEVELS)[number];

// The fixed order in which agencies, actions and flags appear in an output.
export const AGENCIES = ['EMERGENCY_SERVICES', 'POLICE_NON_EMERGENCY', 'SOCIAL_WORKER', 'CARE_PROFESSIONAL'] as const;
export type Agency = (typeof AGENCIES)[number];

export const ACTIONS = ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] as const;
export type Action = (typeof ACTIONS)[number];

export const FLAGS = ['AGE_UNKNOWN', 'INCOMPLETE_INFORMATION'] as const;
export type Flag = (typeof FLAGS)[number];

// Stable ids named in an output's `rules`; the order of the rule table (rules.ts) is authoritative.
export type RuleId =
  | 'CHATBOT_NOT_MONITORED'
  | 'EMERGENCY_IMMEDIATE_RISK'
  | 'GROUP_CHAT_PRE_EMERGENCY_POLICY'
  | 'PROTECTIVE_NON_EMERGENCY'
  | 'INDICATOR_NOT_APPLICABLE_FOR_AGE'
  | 'ADULT_NO_NON_EMERGENCY'
  | 'LEGAL_TERRORISM'
  | 'AGE_UNKNOWN_PROTECTIVE'
  | 'DECLARED_SAFE_NOT_DECISIVE'
  | 'INCOMPLETE_INFORMATION'
  | 'GROUP_CHAT_EMERGENCY_ACTIONS'
  | 'NONE_SIGNPOSTING';

export interface Signpost {
  readonly name: string;
  readonly contact: string;
}

export interface PolicyInput {
  /** When the disclosure was made (ISO-8601 date-time with a time zone); picks the policy version. */
  occurredAt: string;
  channel: Channel;
  /** Whole years; absent means unknown. */
  age?: number;
  adultAtRisk: boolean;
  indicators: IndicatorCode[];
  declaredSafe: boolean;
  informationComplete: boolean;
  hasSocialWorker: boolean;
}

export interface PolicyOutput {
  policyVersion: PolicyVersion;
  level: Level;
  agencies: Agency[];
  actions: Action[];
  flags: Flag[];
  /** Every rule that fired, in rule-table order. */
  rules: RuleId[];
  /** Present exactly when the level is NONE (rule 11). */
  signposting: Signpost[];
}
