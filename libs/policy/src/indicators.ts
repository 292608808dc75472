// The indicator table of SPEC §2, as data: the engine, the validator and the docs all read it.

export type IndicatorClass = 'emergency' | 'protective' | 'legal' | 'information';

export interface AgeLimit {
  /** The indicator applies only when the age is below this (or unknown). */
  readonly under: number;
  /** How the limit reads in the policy. */
  readonly description: string;
}

export interface IndicatorDef {
  readonly code: string;
  readonly meaning: string;
  readonly class: IndicatorClass;
  readonly ageLimit?: AgeLimit;
}

export const INDICATORS = [
  { code: 'SUICIDE_PLAN_IMMEDIATE', meaning: 'a plan to end their life in the immediate future', class: 'emergency' },
  {
    code: 'LIFE_THREATENING_SELF_HARM',
    meaning: 'has hurt themselves in a way that puts their life at risk',
    class: 'emergency',
  },
  { code: 'OVERDOSE', meaning: 'has taken more than the prescribed dose of a medication', class: 'emergency' },
  { code: 'THIRD_PARTY_LIFE_AT_RISK', meaning: "someone else's life is in danger", class: 'emergency' },
  { code: 'HARMING_OTHERS', meaning: 'is currently hurting someone else', class: 'emergency' },
  {
    code: 'POSITION_OF_TRUST_ABUSE',
    meaning:
      'abused or seriously harmed by someone in a position of trust (teacher, faith leader, coach, police officer, doctor) who could hurt other young people',
    class: 'emergency',
  },
  {
    code: 'THREAT_TO_SERVICE',
    meaning: 'staff, volunteers, services or the organisation are threatened',
    class: 'emergency',
  },
  { code: 'SUICIDE_INTENT_30_DAYS', meaning: 'intends to end their life within the next 30 days', class: 'protective' },
  { code: 'ONGOING_ABUSE', meaning: 'ongoing abuse, or ongoing contact with an abuser', class: 'protective' },
  {
    code: 'SEXUAL_COERCION_MINORS',
    meaning: 'coercive or abusive sexual contact with or between minors',
    class: 'protective',
  },
  { code: 'HOMELESS_OR_AT_RISK', meaning: 'homeless, or at risk of homelessness', class: 'protective' },
  {
    code: 'UNDER16_PREGNANCY_NO_MEDICAL',
    meaning: 'pregnant, under 16, medical professionals not informed',
    class: 'protective',
    ageLimit: { under: 16, description: 'under 16 only' },
  },
  {
    code: 'UNDISCLOSED_CARING',
    meaning: 'caring responsibilities not disclosed to anyone who can help',
    class: 'protective',
  },
  {
    code: 'UNDER13_CONCERN',
    meaning: 'a concern about a child aged 12 or under',
    class: 'protective',
    // "aged 12 or under": with whole years, below 13 is the same limit.
    ageLimit: { under: 13, description: '12 or under only' },
  },
  {
    code: 'TERRORISM',
    meaning: 'information about terrorist activity that has happened or will happen',
    class: 'legal',
  },
  { code: 'SUICIDAL_THOUGHTS_NO_PLAN', meaning: 'suicidal thoughts without a plan or intent', class: 'information' },
  { code: 'SELF_HARM_NOT_LIFE_THREATENING', meaning: 'self-harm that does not put life at risk', class: 'information' },
  { code: 'HISTORICAL_ABUSE', meaning: 'abuse in the past; no longer in that situation', class: 'information' },
] as const satisfies readonly IndicatorDef[];

export type IndicatorCode = (typeof INDICATORS)[number]['code'];

export const INDICATOR_CODES: readonly IndicatorCode[] = INDICATORS.map((d) => d.code);

const BY_CODE: ReadonlyMap<string, IndicatorDef> = new Map(INDICATORS.map((d) => [d.code, d]));

export function isIndicatorCode(value: unknown): value is IndicatorCode {
  return typeof value === 'string' && BY_CODE.has(value);
}

export function indicatorDef(code: IndicatorCode): IndicatorDef {
  const def = BY_CODE.get(code);
  // Reached only when a caller skipped validatePolicyInput; fail loudly rather than guess.
  if (!def) throw new Error(`Unknown indicator "${String(code)}"; validate input with validatePolicyInput first`);
  return def;
}

/** SPEC rule 3: an age-limited indicator applies when the age is within its limit or unknown. */
export function appliesToAge(def: IndicatorDef, age: number | undefined): boolean {
  return def.ageLimit === undefined || age === undefined || age < def.ageLimit.under;
}
