/** Types shared by the case workflow, its activities and the API. Plain data only: this runs in the workflow sandbox. */

export type CaseStatus = 'AWAITING_ASSESSMENT' | 'AWAITING_REVIEW' | 'AWAITING_REFERRAL' | 'AWAITING_FEEDBACK' | 'CLOSED';

/** Ids, never documents: the disclosure itself stays in PostgreSQL, out of workflow history. */
export interface CaseWorkflowInput {
  caseId: string;
}

export interface CaseState {
  caseId: string;
  status: CaseStatus;
}

export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

export function caseWorkflowId(caseId: string): string {
  return `case-${caseId}`;
}
