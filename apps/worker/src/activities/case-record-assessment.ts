import { ApplicationFailure } from '@temporalio/common';
import { emergencyActions, type PolicyCalendar, type PolicyInput, type PolicyOutput } from '@sg/policy';
import type { AssessmentRecord, AssessmentRequest, StepRecord } from '@sg/workflows/case/case.activities';
import { REVIEW_ROLES } from '@sg/workflows/case/case-vocabulary';
import type { CaseLedgerTx } from './case-ledger';
import { evaluateAssessment, PolicyEvaluation } from './case-record-policy';
import { writeSteps } from './case-record-steps';

/**
 * An assessment, the policy's evaluation of it and the review it asks for, in one transaction. A retry answers with
 * what was logged, so the workflow acts on exactly what the log says (even if the policy's dates changed meanwhile).
 */
export async function recordAssessment(
  tx: CaseLedgerTx,
  request: AssessmentRequest,
  calendar: PolicyCalendar,
): Promise<AssessmentRecord> {
  const { caseId, round } = request;
  const logged = await tx.entryForStep(caseId, `policy.evaluated:${round}`);
  const requested = await tx.entryForStep(caseId, `review.requested:${round}`);
  if (logged && requested) {
    const { input, output } = logged.data as { input: PolicyInput; output: PolicyOutput };
    return {
      recommendation: output,
      emergencyActions: emergencyActions(input, calendar),
      reviewDeadline: String(requested.data.deadline),
    };
  }
  const found = await tx.findCase(caseId);
  if (!found) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'CASE_NOT_FOUND');
  const evaluation = evaluateAssessment(found, request.assessment, calendar);
  const { level } = evaluation.output;
  const reviewDeadline = new Date(Date.parse(request.submittedAt) + request.reviewDeadlineMs[level]).toISOString();
  await writeSteps(tx, caseId, assessmentSteps(request, evaluation, reviewDeadline));
  return { recommendation: evaluation.output, emergencyActions: evaluation.emergencyActions, reviewDeadline };
}

function assessmentSteps(
  { round, actor, assessment }: AssessmentRequest,
  { input, output }: PolicyEvaluation,
  deadline: string,
): StepRecord[] {
  const { level } = output;
  return [
    {
      stepKey: `assessment.submitted:${round}`,
      actor,
      type: 'assessment.submitted',
      data: { round, ...assessment },
      readModel: { assessedBy: actor },
    },
    {
      stepKey: `policy.evaluated:${round}`,
      actor: 'system',
      type: 'policy.evaluated',
      data: { round, input, output },
      readModel: { level },
    },
    {
      stepKey: `review.requested:${round}`,
      actor: 'system',
      type: 'review.requested',
      data: { round, level, requiredRoles: REVIEW_ROLES[level], deadline },
      readModel: { status: 'AWAITING_REVIEW', reviewDeadlineAt: deadline },
    },
  ];
}
