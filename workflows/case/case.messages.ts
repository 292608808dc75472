import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  AssessmentInput,
  CaseUpdate,
  CheckInInput,
  FeedbackInput,
  InvolvementInput,
  NotificationReleaseInput,
  ReferralInput,
  ReviewInput,
} from './case-inputs';
import type { CaseState, PolicyOutput } from './case.types';

export const caseStateQuery = defineQuery<CaseState>('caseState');

export const submitAssessmentUpdate = defineUpdate<PolicyOutput, [CaseUpdate<AssessmentInput>]>('submitAssessment');
export const submitReviewUpdate = defineUpdate<CaseState, [CaseUpdate<ReviewInput>]>('submitReview');
export const recordInvolvementUpdate = defineUpdate<CaseState, [CaseUpdate<InvolvementInput>]>('recordInvolvement');
export const recordReferralUpdate = defineUpdate<CaseState, [CaseUpdate<ReferralInput>]>('recordReferral');
export const completeCheckInUpdate = defineUpdate<CaseState, [CaseUpdate<CheckInInput>]>('completeCheckIn');
export const recordFeedbackUpdate = defineUpdate<CaseState, [CaseUpdate<FeedbackInput>]>('recordFeedback');
export const releaseNotificationUpdate = defineUpdate<CaseState, [CaseUpdate<NotificationReleaseInput>]>(
  'releaseNotification',
);
