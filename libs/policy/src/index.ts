// Public surface of the confidentiality policy engine (SPEC §2).
export * from './types';
export { INDICATORS, INDICATOR_CODES, appliesToAge, isIndicatorCode } from './indicators';
export type { AgeLimit, IndicatorClass, IndicatorCode, IndicatorDef } from './indicators';
export {
  CALENDAR_ENV,
  DEFAULT_CALENDAR,
  isBeforeGroupChatEmergency,
  policyCalendarFromEnv,
  selectPolicyVersion,
} from './calendar';
export type { PolicyCalendar } from './calendar';
export { isIsoDateTime, parseIsoDateTime } from './iso-date-time';
export { SIGNPOSTING } from './signposting';
export { COMBINING, POLICIES, RULES } from './rules';
export type { Rule } from './rules';
export { evaluatePolicy } from './evaluate';
export { emergencyActions } from './emergency-actions';
export { validatePolicyInput } from './validate';
export type { FieldError, ValidationResult } from './validate';
