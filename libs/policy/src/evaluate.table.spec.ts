// The confidentiality policy (SPEC §2) as a table of scenarios, one per line. Each line gives who
// disclosed, on which channel, when (which picks the policy version) and what they disclosed, then
// the expected level, agencies and the rules that fired. Anything not stated is the quiet default:
// information complete, no social worker, not "I'm safe", no actions, no flags.
// Signposting is checked on every line: present exactly when the level is NONE.
import {
  Action,
  Agency,
  Channel,
  evaluatePolicy,
  Flag,
  INDICATOR_CODES,
  IndicatorCode,
  Level,
  PolicyInput,
  RuleId,
  RULES,
} from '@sg/policy';

type When = 'unified' | 'legacy' | 'legacy, before group-chat date' | 'legacy, from group-chat date';
const AT: Record<When, string> = {
  unified: '2025-03-01T10:00:00Z',
  legacy: '2020-06-15T10:00:00Z',
  'legacy, before group-chat date': '2018-11-18T23:59:59Z', // one second before GROUP_CHAT_EMERGENCY_FROM
  'legacy, from group-chat date': '2018-11-19T00:00:00Z', // the first second of it
};

const ES: Agency = 'EMERGENCY_SERVICES';
const POLICE: Agency = 'POLICE_NON_EMERGENCY';
const SOCIAL: Agency = 'SOCIAL_WORKER';
const CARE: Agency = 'CARE_PROFESSIONAL';

const SIGNPOSTS = [
  { name: 'Crisis text line', contact: 'Text THEMIX to 85258' },
  { name: 'Samaritans', contact: 'Call 116 123' },
  { name: 'Papyrus', contact: 'HOPELINE247' },
  { name: 'Childline', contact: 'Call 0800 1111 (under 19s)' },
];

interface More {
  socialWorker?: boolean;
  saysSafe?: boolean;
  incomplete?: boolean;
  actions?: Action[];
  flags?: Flag[];
}
interface Scenario {
  when: When;
  who: string; // 'age 14', 'age 18 not at risk', 'age 25 at risk', 'age unknown'
  channel: Channel;
  indicators: IndicatorCode[];
  level: Level;
  agencies: Agency[];
  rules: RuleId[];
  more: More;
}

function row(
  when: When,
  who: string,
  channel: Channel,
  indicators: IndicatorCode[],
  level: Level,
  agencies: Agency[],
  rules: RuleId[],
  more: More = {},
): Scenario {
  return { when, who, channel, indicators, level, agencies, rules, more };
}

function person(who: string): Pick<PolicyInput, 'age' | 'adultAtRisk'> {
  if (who === 'age unknown') return { adultAtRisk: false };
  const m = /^age (\d+)( at risk| not at risk)?$/.exec(who);
  if (!m) throw new Error(`cannot read person "${who}"`);
  return { age: Number(m[1]), adultAtRisk: m[2] === ' at risk' };
}

function inputOf(s: Scenario): PolicyInput {
  return {
    occurredAt: AT[s.when],
    channel: s.channel,
    ...person(s.who),
    indicators: s.indicators,
    declaredSafe: s.more.saysSafe ?? false,
    informationComplete: !(s.more.incomplete ?? false),
    hasSocialWorker: s.more.socialWorker ?? false,
  };
}

function title(s: Scenario): string {
  const given = [
    s.more.socialWorker ? 'has a social worker' : '',
    s.more.saysSafe ? 'says "I\'m safe"' : '',
    s.more.incomplete ? 'information incomplete' : '',
  ].filter(Boolean);
  const what = [s.indicators.join(' + ') || 'no indicators', ...given].join(', ');
  return `${s.when} | ${s.who} | ${s.channel} | ${what} → ${s.level} [${s.agencies.join(', ')}] by ${s.rules.join(', ')}`;
}

// prettier-ignore
const SCENARIOS: Scenario[] = [
  // age 11, unified
  row('unified', 'age 11', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 11', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['ONGOING_ABUSE'],                  'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NON_EMERGENCY', [CARE],   ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['UNDISCLOSED_CARING'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['UNDER13_CONCERN'],                'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 11', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('unified', 'age 11', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 11', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 11', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age 14, unified
  row('unified', 'age 14', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14', 'helpline', ['ONGOING_ABUSE'],                  'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NON_EMERGENCY', [CARE],   ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14', 'helpline', ['UNDISCLOSED_CARING'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14', 'helpline', ['UNDER13_CONCERN'],                'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 14', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('unified', 'age 14', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 14', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 14', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age 15, unified
  row('unified', 'age 15', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 15', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 15', 'helpline', ['ONGOING_ABUSE'],                  'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 15', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 15', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 15', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NON_EMERGENCY', [CARE],   ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 15', 'helpline', ['UNDISCLOSED_CARING'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 15', 'helpline', ['UNDER13_CONCERN'],                'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 15', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('unified', 'age 15', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 15', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 15', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age 17, unified
  row('unified', 'age 17', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 17', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 17', 'helpline', ['ONGOING_ABUSE'],                  'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 17', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 17', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 17', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 17', 'helpline', ['UNDISCLOSED_CARING'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 17', 'helpline', ['UNDER13_CONCERN'],                'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 17', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('unified', 'age 17', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 17', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 17', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age 18 not at risk, unified
  row('unified', 'age 18 not at risk', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 18 not at risk', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NONE',          [],       ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['ONGOING_ABUSE'],                  'NONE',          [],       ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NONE',          [],       ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NONE',          [],       ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['UNDISCLOSED_CARING'],             'NONE',          [],       ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['UNDER13_CONCERN'],                'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('unified', 'age 18 not at risk', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 18 not at risk', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age 25 at risk, unified
  row('unified', 'age 25 at risk', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 25 at risk', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 25 at risk', 'helpline', ['ONGOING_ABUSE'],                  'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 25 at risk', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 25 at risk', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 25 at risk', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 25 at risk', 'helpline', ['UNDISCLOSED_CARING'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 25 at risk', 'helpline', ['UNDER13_CONCERN'],                'NONE',          [],       ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 25 at risk', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('unified', 'age 25 at risk', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 25 at risk', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('unified', 'age 25 at risk', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age unknown, unified
  row('unified', 'age unknown', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['ONGOING_ABUSE'],                  'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NON_EMERGENCY', [CARE],   ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['UNDISCLOSED_CARING'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['UNDER13_CONCERN'],                'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM', 'AGE_UNKNOWN_PROTECTIVE'],          { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age unknown', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  // age 14, legacy: no protective referrals
  row('legacy', 'age 14', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['LIFE_THREATENING_SELF_HARM'],     'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['OVERDOSE'],                       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['THIRD_PARTY_LIFE_AT_RISK'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['HARMING_OTHERS'],                 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['POSITION_OF_TRUST_ABUSE'],        'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['THREAT_TO_SERVICE'],              'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 14', 'helpline', ['SUICIDE_INTENT_30_DAYS'],         'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['ONGOING_ABUSE'],                  'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['SEXUAL_COERCION_MINORS'],         'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['HOMELESS_OR_AT_RISK'],            'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],   'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['UNDISCLOSED_CARING'],             'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['UNDER13_CONCERN'],                'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['TERRORISM'],                      'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('legacy', 'age 14', 'helpline', ['SUICIDAL_THOUGHTS_NO_PLAN'],      'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['SELF_HARM_NOT_LIFE_THREATENING'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 14', 'helpline', ['HISTORICAL_ABUSE'],               'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age unknown, legacy: no protective referrals
  row('legacy', 'age unknown', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'AGE_UNKNOWN_PROTECTIVE'], { flags: ['AGE_UNKNOWN'] }),
  row('legacy', 'age unknown', 'helpline', ['ONGOING_ABUSE'],                'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  row('legacy', 'age unknown', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'], 'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  row('legacy', 'age unknown', 'helpline', ['UNDER13_CONCERN'],              'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  row('legacy', 'age unknown', 'helpline', ['TERRORISM'],                    'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM', 'AGE_UNKNOWN_PROTECTIVE'],          { flags: ['AGE_UNKNOWN'] }),
  row('legacy', 'age unknown', 'helpline', ['HISTORICAL_ABUSE'],             'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],         { flags: ['AGE_UNKNOWN'] }),
  // age 25 at risk, legacy: no protective referrals
  row('legacy', 'age 25 at risk', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 25 at risk', 'helpline', ['ONGOING_ABUSE'],                'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 25 at risk', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 25 at risk', 'helpline', ['UNDER13_CONCERN'],              'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 25 at risk', 'helpline', ['TERRORISM'],                    'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('legacy', 'age 25 at risk', 'helpline', ['HISTORICAL_ABUSE'],             'NONE',          [],       ['NONE_SIGNPOSTING']),
  // age 18 not at risk, legacy: no protective referrals
  row('legacy', 'age 18 not at risk', 'helpline', ['SUICIDE_PLAN_IMMEDIATE'],       'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('legacy', 'age 18 not at risk', 'helpline', ['ONGOING_ABUSE'],                'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 18 not at risk', 'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'], 'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 18 not at risk', 'helpline', ['UNDER13_CONCERN'],              'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy', 'age 18 not at risk', 'helpline', ['TERRORISM'],                    'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('legacy', 'age 18 not at risk', 'helpline', ['HISTORICAL_ABUSE'],             'NONE',          [],       ['NONE_SIGNPOSTING']),
  // channels that differ: the chatbot is not monitored
  row('unified', 'age 14',      'chatbot', ['SUICIDE_PLAN_IMMEDIATE'],     'NONE', [], ['CHATBOT_NOT_MONITORED', 'NONE_SIGNPOSTING']),
  row('unified', 'age 14',      'chatbot', ['ONGOING_ABUSE', 'TERRORISM'], 'NONE', [], ['CHATBOT_NOT_MONITORED', 'NONE_SIGNPOSTING']),
  row('legacy',  'age 14',      'chatbot', ['OVERDOSE'],                   'NONE', [], ['CHATBOT_NOT_MONITORED', 'NONE_SIGNPOSTING']),
  row('unified', 'age unknown', 'chatbot', ['SUICIDE_PLAN_IMMEDIATE'],     'NONE', [], ['CHATBOT_NOT_MONITORED', 'AGE_UNKNOWN_PROTECTIVE', 'INCOMPLETE_INFORMATION', 'NONE_SIGNPOSTING'], { incomplete: true, saysSafe: true, flags: ['AGE_UNKNOWN', 'INCOMPLETE_INFORMATION'] }),
  // group chat before its emergency date (legacy): removed from the room, signposted, no 999
  row('legacy, before group-chat date', 'age 14',         'group_chat', ['SUICIDE_PLAN_IMMEDIATE'], 'NONE',          [],       ['EMERGENCY_IMMEDIATE_RISK', 'GROUP_CHAT_PRE_EMERGENCY_POLICY', 'NONE_SIGNPOSTING'], { actions: ['REMOVE_FROM_ROOM'] }),
  row('legacy, before group-chat date', 'age 25 at risk', 'group_chat', ['HARMING_OTHERS'],         'NONE',          [],       ['EMERGENCY_IMMEDIATE_RISK', 'GROUP_CHAT_PRE_EMERGENCY_POLICY', 'NONE_SIGNPOSTING'], { actions: ['REMOVE_FROM_ROOM'] }),
  row('legacy, before group-chat date', 'age 14',         'group_chat', ['OVERDOSE', 'TERRORISM'],  'NON_EMERGENCY', [POLICE], ['EMERGENCY_IMMEDIATE_RISK', 'GROUP_CHAT_PRE_EMERGENCY_POLICY', 'LEGAL_TERRORISM'],  { actions: ['REMOVE_FROM_ROOM'] }),
  row('legacy, before group-chat date', 'age 14',         'group_chat', ['TERRORISM'],              'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM']),
  row('legacy, before group-chat date', 'age 14',         'group_chat', ['ONGOING_ABUSE'],          'NONE',          [],       ['NONE_SIGNPOSTING']),
  row('legacy, before group-chat date', 'age 14',         'helpline',   ['SUICIDE_PLAN_IMMEDIATE'], 'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  // group chat from its emergency date: 999, removed from the room, checked in on the next day
  row('legacy, from group-chat date', 'age 14',             'group_chat', ['SUICIDE_PLAN_IMMEDIATE'],                      'EMERGENCY',     [ES],         ['EMERGENCY_IMMEDIATE_RISK', 'GROUP_CHAT_EMERGENCY_ACTIONS'],                             { actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] }),
  row('legacy',                       'age 18 not at risk', 'group_chat', ['THREAT_TO_SERVICE'],                           'EMERGENCY',     [ES],         ['EMERGENCY_IMMEDIATE_RISK', 'GROUP_CHAT_EMERGENCY_ACTIONS'],                             { actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] }),
  row('unified',                      'age 15',             'group_chat', ['LIFE_THREATENING_SELF_HARM', 'ONGOING_ABUSE'], 'EMERGENCY',     [ES, POLICE], ['EMERGENCY_IMMEDIATE_RISK', 'PROTECTIVE_NON_EMERGENCY', 'GROUP_CHAT_EMERGENCY_ACTIONS'], { actions: ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] }),
  row('unified',                      'age 15',             'group_chat', ['ONGOING_ABUSE'],                               'NON_EMERGENCY', [POLICE],     ['PROTECTIVE_NON_EMERGENCY']),
  row('unified',                      'age 15',             'group_chat', ['HISTORICAL_ABUSE'],                            'NONE',          [],           ['NONE_SIGNPOSTING']),
  // every other (normal) channel behaves alike
  row('unified', 'age 14', 'boards',      ['OVERDOSE'],            'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'counselling', ['OVERDOSE'],            'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'crisis_text', ['OVERDOSE'],            'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'email',       ['OVERDOSE'],            'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'workshop',    ['OVERDOSE'],            'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK']),
  row('unified', 'age 14', 'workshop',    ['HOMELESS_OR_AT_RISK'], 'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY']),
  // rule 9: levels combine, the highest wins, agencies are the union
  row('unified', 'age 14',             'helpline', ['SUICIDE_PLAN_IMMEDIATE', 'ONGOING_ABUSE'],                  'EMERGENCY',     [ES, POLICE],   ['EMERGENCY_IMMEDIATE_RISK', 'PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14',             'helpline', ['ONGOING_ABUSE', 'SUICIDE_PLAN_IMMEDIATE', 'ONGOING_ABUSE'], 'EMERGENCY',     [ES, POLICE],   ['EMERGENCY_IMMEDIATE_RISK', 'PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 14',             'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL', 'ONGOING_ABUSE'],            'NON_EMERGENCY', [POLICE, CARE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 17',             'helpline', ['TERRORISM', 'SUICIDE_INTENT_30_DAYS', 'OVERDOSE'],          'EMERGENCY',     [ES, POLICE],   ['EMERGENCY_IMMEDIATE_RISK', 'PROTECTIVE_NON_EMERGENCY', 'LEGAL_TERRORISM']),
  row('unified', 'age 18 not at risk', 'helpline', ['OVERDOSE', 'ONGOING_ABUSE'],                                'EMERGENCY',     [ES],           ['EMERGENCY_IMMEDIATE_RISK', 'ADULT_NO_NON_EMERGENCY']),
  row('unified', 'age 18 not at risk', 'helpline', ['TERRORISM', 'ONGOING_ABUSE'],                               'NON_EMERGENCY', [POLICE],       ['ADULT_NO_NON_EMERGENCY', 'LEGAL_TERRORISM']),
  // a social worker they already have is told instead of the police (not for pregnancy or terrorism)
  row('unified', 'age 14',         'helpline', ['ONGOING_ABUSE'],                           'NON_EMERGENCY', [SOCIAL],         ['PROTECTIVE_NON_EMERGENCY'],                             { socialWorker: true }),
  row('unified', 'age 25 at risk', 'helpline', ['HOMELESS_OR_AT_RISK'],                     'NON_EMERGENCY', [SOCIAL],         ['PROTECTIVE_NON_EMERGENCY'],                             { socialWorker: true }),
  row('unified', 'age 14',         'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],            'NON_EMERGENCY', [CARE],           ['PROTECTIVE_NON_EMERGENCY'],                             { socialWorker: true }),
  row('unified', 'age 14',         'helpline', ['TERRORISM', 'ONGOING_ABUSE'],              'NON_EMERGENCY', [POLICE, SOCIAL], ['PROTECTIVE_NON_EMERGENCY', 'LEGAL_TERRORISM'],          { socialWorker: true }),
  row('unified', 'age 14',         'helpline', ['SUICIDE_PLAN_IMMEDIATE', 'ONGOING_ABUSE'], 'EMERGENCY',     [ES, SOCIAL],     ['EMERGENCY_IMMEDIATE_RISK', 'PROTECTIVE_NON_EMERGENCY'], { socialWorker: true }),
  row('legacy',  'age 14',         'helpline', ['ONGOING_ABUSE'],                           'NONE',          [],               ['NONE_SIGNPOSTING'],                                     { socialWorker: true }),
  // age limits at their edges
  row('unified', 'age 12',              'helpline', ['UNDER13_CONCERN'],                                    'NON_EMERGENCY', [POLICE],       ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 13',              'helpline', ['UNDER13_CONCERN'],                                    'NONE',          [],             ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 16',              'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL'],                       'NONE',          [],             ['INDICATOR_NOT_APPLICABLE_FOR_AGE', 'NONE_SIGNPOSTING']),
  row('unified', 'age 16',              'helpline', ['UNDER16_PREGNANCY_NO_MEDICAL', 'UNDISCLOSED_CARING'], 'NON_EMERGENCY', [POLICE],       ['PROTECTIVE_NON_EMERGENCY', 'INDICATOR_NOT_APPLICABLE_FOR_AGE']),
  row('unified', 'age 0',               'helpline', ['UNDER13_CONCERN', 'UNDER16_PREGNANCY_NO_MEDICAL'],    'NON_EMERGENCY', [POLICE, CARE], ['PROTECTIVE_NON_EMERGENCY']),
  row('unified', 'age 120 not at risk', 'helpline', ['SEXUAL_COERCION_MINORS'],                             'NONE',          [],             ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING']),
  // "I'm safe" never lowers a level; it is named when a referral is still needed
  row('unified',                        'age 14',             'helpline',   ['SUICIDE_PLAN_IMMEDIATE'],    'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'DECLARED_SAFE_NOT_DECISIVE'],                          { saysSafe: true }),
  row('unified',                        'age 14',             'helpline',   ['ONGOING_ABUSE'],             'NON_EMERGENCY', [POLICE], ['PROTECTIVE_NON_EMERGENCY', 'DECLARED_SAFE_NOT_DECISIVE'],                          { saysSafe: true }),
  row('legacy',                         'age 25 at risk',     'helpline',   ['TERRORISM'],                 'NON_EMERGENCY', [POLICE], ['LEGAL_TERRORISM', 'DECLARED_SAFE_NOT_DECISIVE'],                                   { saysSafe: true }),
  row('unified',                        'age 14',             'helpline',   ['SUICIDAL_THOUGHTS_NO_PLAN'], 'NONE',          [],       ['NONE_SIGNPOSTING'],                                                                { saysSafe: true }),
  row('unified',                        'age 18 not at risk', 'helpline',   ['ONGOING_ABUSE'],             'NONE',          [],       ['ADULT_NO_NON_EMERGENCY', 'NONE_SIGNPOSTING'],                                      { saysSafe: true }),
  row('legacy, before group-chat date', 'age 14',             'group_chat', ['OVERDOSE'],                  'NONE',          [],       ['EMERGENCY_IMMEDIATE_RISK', 'GROUP_CHAT_PRE_EMERGENCY_POLICY', 'NONE_SIGNPOSTING'], { saysSafe: true, actions: ['REMOVE_FROM_ROOM'] }),
  // incomplete information and unknown age are flagged for the reviewer
  row('unified', 'age 14',      'helpline', ['HISTORICAL_ABUSE'], 'NONE',          [],       ['INCOMPLETE_INFORMATION', 'NONE_SIGNPOSTING'],                                   { incomplete: true, flags: ['INCOMPLETE_INFORMATION'] }),
  row('unified', 'age 14',      'helpline', ['OVERDOSE'],         'EMERGENCY',     [ES],     ['EMERGENCY_IMMEDIATE_RISK', 'INCOMPLETE_INFORMATION'],                           { incomplete: true, flags: ['INCOMPLETE_INFORMATION'] }),
  row('unified', 'age unknown', 'helpline', ['ONGOING_ABUSE'],    'NON_EMERGENCY', [SOCIAL], ['PROTECTIVE_NON_EMERGENCY', 'AGE_UNKNOWN_PROTECTIVE', 'INCOMPLETE_INFORMATION'], { incomplete: true, socialWorker: true, flags: ['AGE_UNKNOWN', 'INCOMPLETE_INFORMATION'] }),
  row('legacy',  'age unknown', 'helpline', [],                   'NONE',          [],       ['AGE_UNKNOWN_PROTECTIVE', 'NONE_SIGNPOSTING'],                                   { flags: ['AGE_UNKNOWN'] }),
  row('unified', 'age 14',      'helpline', [],                   'NONE',          [],       ['NONE_SIGNPOSTING']),
];

describe('confidentiality policy, scenario by scenario', () => {
  it.each(SCENARIOS.map((s) => [title(s), s] as const))('%s', (_title, s) => {
    expect(evaluatePolicy(inputOf(s))).toEqual({
      policyVersion: s.when.startsWith('legacy') ? 'legacy' : 'unified',
      level: s.level,
      agencies: s.agencies,
      actions: s.more.actions ?? [],
      flags: s.more.flags ?? [],
      rules: s.rules,
      signposting: s.level === 'NONE' ? SIGNPOSTS : [],
    });
  });
});

describe('the scenario table covers the policy', () => {
  it.each(RULES.map((r) => [r.id]))('rule %s is expected to fire in at least one scenario', (id) => {
    expect(SCENARIOS.filter((s) => s.rules.includes(id)).length).toBeGreaterThan(0);
  });

  const people = ['age 11', 'age 14', 'age 15', 'age 17', 'age 18 not at risk', 'age 25 at risk', 'age unknown'];
  it.each(people.map((p) => [p]))('every indicator is tried alone for %s under unified', (who) => {
    const tried = SCENARIOS.filter((s) => s.who === who && s.when === 'unified' && s.indicators.length === 1);
    const codes = new Set(tried.map((s) => s.indicators[0]));
    expect([...codes].sort()).toEqual([...INDICATOR_CODES].sort());
  });
});
