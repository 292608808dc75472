import type { AssessmentInput } from '../../../workflows/case/case.types';

const base = {
  age: 15,
  adultAtRisk: false,
  declaredSafe: false,
  informationComplete: true,
  hasSocialWorker: false,
  notes: 'Assessed from the transcript',
};

/** EMERGENCY, EMERGENCY_SERVICES (999). */
export const EMERGENCY: AssessmentInput = { ...base, indicators: ['SUICIDE_PLAN_IMMEDIATE'] };
/** EMERGENCY, EMERGENCY_SERVICES and POLICE_NON_EMERGENCY (rule 9). */
export const EMERGENCY_AND_ABUSE: AssessmentInput = {
  ...base,
  indicators: ['SUICIDE_PLAN_IMMEDIATE', 'ONGOING_ABUSE'],
};
/** NON_EMERGENCY, SOCIAL_WORKER: an electronic route. */
export const SOCIAL_WORKER: AssessmentInput = { ...base, indicators: ['ONGOING_ABUSE'], hasSocialWorker: true };
/** NON_EMERGENCY, POLICE_NON_EMERGENCY (101). */
export const NON_EMERGENCY: AssessmentInput = { ...base, indicators: ['ONGOING_ABUSE'] };
/** NONE: signposting only. */
export const NONE: AssessmentInput = { ...base, indicators: ['SUICIDAL_THOUGHTS_NO_PLAN'] };

export const SHARED = { name: 'Sam Example', phone: '+44 7700 900123' };
