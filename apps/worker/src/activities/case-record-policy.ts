import { ApplicationFailure } from '@temporalio/common';
import { emergencyActions, evaluatePolicy, PolicyCalendar, validatePolicyInput } from '@sg/policy';
import type { CaseEntity } from '@sg/persistence';
import type { Action, AssessmentInput, PolicyOutput } from '@sg/workflows/case/case.types';

export interface PolicyEvaluation {
  /** what the policy was given: the disclosure's channel and time, and the assessment */
  input: Record<string, unknown>;
  output: PolicyOutput;
  /** what an EMERGENCY on this disclosure carries (SPEC §2 rule 10), so an override to EMERGENCY gets it too */
  emergencyActions: Action[];
}

/** The policy's recommendation for a case's disclosure and one assessment of it. */
export function evaluateAssessment(
  found: CaseEntity,
  assessment: AssessmentInput,
  calendar: PolicyCalendar,
): PolicyEvaluation {
  const age = assessment.age ?? found.subjectAge ?? undefined;
  const input = {
    occurredAt: found.occurredAt.toISOString(),
    channel: found.channel,
    ...(age === undefined ? {} : { age }),
    adultAtRisk: assessment.adultAtRisk,
    indicators: assessment.indicators,
    declaredSafe: assessment.declaredSafe,
    informationComplete: assessment.informationComplete,
    hasSocialWorker: assessment.hasSocialWorker,
  };
  const checked = validatePolicyInput(input);
  if (!checked.ok) throw ApplicationFailure.nonRetryable(checked.errors.map((e) => e.message).join('; '), 'INVALID');
  return {
    input,
    output: evaluatePolicy(checked.value, calendar),
    emergencyActions: emergencyActions(checked.value, calendar),
  };
}
