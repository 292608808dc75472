// FROZEN with legacy/case.workflow.ts: replayed by cases started before `case-workflow-v2`. Never change it.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  ActedInput,
  AssessmentInput,
  CaseState,
  CheckInInput,
  FeedbackInput,
  InvolvementInput,
  NotificationReleaseInput,
  PolicyOutput,
  ReferralInput,
  ReviewInput,
} from './case.types';

export const caseStateQuery = defineQuery<CaseState>('caseState');

export const submitAssessmentUpdate = defineUpdate<PolicyOutput, [ActedInput<AssessmentInput>]>('submitAssessment');
export const submitReviewUpdate = defineUpdate<CaseState, [ActedInput<ReviewInput>]>('submitReview');
export const recordInvolvementUpdate = defineUpdate<CaseState, [ActedInput<InvolvementInput>]>('recordInvolvement');
export const recordReferralUpdate = defineUpdate<CaseState, [ActedInput<ReferralInput>]>('recordReferral');
export const completeCheckInUpdate = defineUpdate<CaseState, [ActedInput<CheckInInput>]>('completeCheckIn');
export const recordFeedbackUpdate = defineUpdate<CaseState, [ActedInput<FeedbackInput>]>('recordFeedback');
export const releaseNotificationUpdate = defineUpdate<CaseState, [ActedInput<NotificationReleaseInput>]>(
  'releaseNotification',
);
