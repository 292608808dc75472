import type { Action, Agency, PolicyInput, PolicyOutput } from '@sg/policy';
import { openingState } from '@sg/workflows/case/case-lifecycle';
import type { CaseState, Decision } from '@sg/workflows/case/case.types';

/** A log entry as far as the case's state goes. */
export interface StateEntry {
  type: string;
  actor: string;
  data: Record<string, unknown>;
}

/**
 * The workflow's state of a case, rebuilt from its log: what a resumed run starts from. Each entry changes the state
 * as the workflow step that wrote it did; entries that change nothing the workflow keeps (views, exports,
 * deliveries) are passed over. `emergencyActionsOf` is the policy's, as the worker has it at assessment.
 */
export function caseStateFromLog(
  caseId: string,
  entries: readonly StateEntry[],
  emergencyActionsOf: (input: PolicyInput) => Action[],
): CaseState {
  const state = openingState(caseId);
  for (const { type, actor, data } of entries) {
    const agency = data.agency as Agency;
    switch (type) {
      case 'assessment.submitted':
        state.assessedBy = actor;
        break;
      case 'policy.evaluated':
        state.recommendation = data.output as PolicyOutput;
        state.emergencyActions = emergencyActionsOf(data.input as PolicyInput);
        break;
      case 'review.requested':
        if (data.kind === 'NOTIFICATION_DEFERRAL') {
          if (state.deferral) state.deferral.awaitingSupervisor = true;
        } else {
          Object.assign(state, { status: 'AWAITING_REVIEW', round: data.round, reviewDeadline: data.deadline });
          state.escalations = 0;
        }
        break;
      case 'review.escalated':
        state.escalations = data.escalation as number;
        break;
      case 'review.decided':
        decided(state, actor, data);
        break;
      case 'notification.deferred':
        state.deferral = {
          reason: data.reason as string,
          reviewAt: data.reviewAt as string,
          awaitingSupervisor: false,
        };
        break;
      case 'notification.released':
        state.deferral = undefined;
        state.heldNotifications = [];
        break;
      case 'room.removed':
        state.roomRemovalRecorded = true;
        break;
      case 'referral.recorded':
        referred(state, agency);
        break;
      case 'checkin.due':
        state.checkIn = { dueAt: data.dueAt as string, completed: false };
        break;
      case 'checkin.completed':
        if (state.checkIn) state.checkIn.completed = true;
        break;
      case 'involvement.recorded':
        state.involvements++;
        break;
      case 'feedback.requested':
        state.feedback[agency] = 'REQUESTED';
        break;
      case 'feedback.received':
        state.feedback[agency] = 'RECEIVED';
        break;
      case 'feedback.not_received':
        state.feedback[agency] = 'NOT_RECEIVED';
        break;
      case 'case.closed':
        state.status = 'CLOSED';
        break;
    }
  }
  return state;
}

function decided(state: CaseState, actor: string, data: Record<string, unknown>): void {
  if (data.decision === 'REQUEST_MORE_INFO') {
    Object.assign(state, {
      status: 'AWAITING_ASSESSMENT',
      round: (data.round as number) + 1,
      recommendation: undefined,
      reviewDeadline: undefined,
    });
    return;
  }
  const decision: Decision = {
    kind: data.decision as Decision['kind'],
    level: data.level as Decision['level'],
    agencies: data.agencies as Agency[],
    actions: data.actions as Action[],
    ...(typeof data.reason === 'string' ? { reason: data.reason } : {}),
    decidedBy: actor,
  };
  state.decision = decision;
  if (decision.level !== 'NONE') state.status = 'AWAITING_REFERRAL';
}

function referred(state: CaseState, agency: Agency): void {
  // A referral recorded while telling the young person was deferred holds its notification back.
  if (state.deferral) state.heldNotifications.push(agency);
  state.referred.push(agency);
  state.feedback[agency] = 'AWAITING';
  if (state.decision?.agencies.every((a) => state.referred.includes(a))) state.status = 'AWAITING_FEEDBACK';
}
