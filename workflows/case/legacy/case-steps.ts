// FROZEN with legacy/case.workflow.ts: replayed by cases started before `case-workflow-v2`. Never change it.
import { ActivityFailure, condition, patched, proxyActivities, sleep } from '@temporalio/workflow';
import { SIGNPOSTING } from '../../../libs/policy/src/signposting';
import type { CaseActivities, NotificationRequest } from './case.activities';
import type {
  ActedInput,
  Agency,
  AssessmentInput,
  CaseState,
  CaseTimings,
  CheckInInput,
  FeedbackInput,
  InvolvementInput,
  Level,
  NotificationReleaseInput,
  PolicyOutput,
  ReferralInput,
  ReviewInput,
} from './case.types';
import { CaseLifecycle } from './case-lifecycle';
import { reasonForSharing } from './plain-words';

/**
 * Deliveries used to read and write the database inside the delivery activity, so a database outage spent their
 * attempts: the young person could be told, then the log say they were not. Cases from before this patch replay
 * the old calls; new ones keep bookkeeping (unlimited retries) apart from delivery (limited attempts).
 */
const DELIVERIES_WITHOUT_BOOKKEEPING = 'deliveries-without-bookkeeping';

// Bookkeeping activities retry without limit: a case must never stall because a database blinked.
const records = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** What each step of SPEC §3 does: the update handlers' bodies and the background deliveries. */
export class CaseSteps {
  readonly state: CaseState;
  private readonly deliveries: CaseActivities;
  private pendingDeliveries = 0;
  private referring = false;

  constructor(
    readonly lifecycle: CaseLifecycle,
    readonly timings: CaseTimings,
  ) {
    this.state = lifecycle.state;
    // Deliveries to people outside retry with backoff, then give up so an officer can take over.
    const { initialIntervalMs, maximumIntervalMs, maximumAttempts } = timings.delivery;
    this.deliveries = proxyActivities<CaseActivities>({
      startToCloseTimeout: '1 minute',
      retry: {
        initialInterval: initialIntervalMs,
        maximumInterval: maximumIntervalMs,
        backoffCoefficient: 2,
        maximumAttempts,
      },
    });
  }

  get deliveriesSettled(): boolean {
    return this.pendingDeliveries === 0;
  }

  async assess({ actor, input }: ActedInput<AssessmentInput>): Promise<PolicyOutput> {
    const { caseId, round } = this.state;
    const evaluation = await records.evaluatePolicy({ caseId, assessment: input });
    const level = evaluation.output.level;
    const deadline = new Date(Date.now() + this.timings.reviewDeadlineMs[level]).toISOString();
    const requiredRoles = level === 'EMERGENCY' ? ['on_call', 'supervisor'] : ['supervisor'];
    await records.recordStep({
      caseId,
      stepKey: `assessment.submitted:${round}`,
      actor: actor.username,
      type: 'assessment.submitted',
      data: { round, ...input },
      readModel: { assessedBy: actor.username },
    });
    await records.recordStep({
      caseId,
      stepKey: `policy.evaluated:${round}`,
      actor: 'system',
      type: 'policy.evaluated',
      data: { round, input: evaluation.input, output: evaluation.output },
      readModel: { level },
    });
    await records.recordStep({
      caseId,
      stepKey: `review.requested:${round}`,
      actor: 'system',
      type: 'review.requested',
      data: { round, level, requiredRoles, deadline },
      readModel: { status: 'AWAITING_REVIEW', reviewDeadlineAt: deadline },
    });
    Object.assign(this.state, {
      assessedBy: actor.username,
      recommendation: evaluation.output,
      emergencyActions: evaluation.emergencyActions,
      reviewDeadline: deadline,
      escalations: 0,
      status: 'AWAITING_REVIEW',
    });
    return evaluation.output;
  }

  async review({ actor, input }: ActedInput<ReviewInput>): Promise<void> {
    const { caseId, round } = this.state;
    const stepKey = `review.decided:${round}`;
    if (input.decision === 'REQUEST_MORE_INFO') {
      await records.recordStep({
        caseId,
        stepKey,
        actor: actor.username,
        type: 'review.decided',
        data: { round, decision: 'REQUEST_MORE_INFO', reason: input.reason },
        readModel: { status: 'AWAITING_ASSESSMENT', reviewDeadlineAt: null, escalated: false },
      });
      Object.assign(this.state, {
        status: 'AWAITING_ASSESSMENT',
        round: round + 1,
        recommendation: undefined,
        reviewDeadline: undefined,
      });
      return;
    }
    const decision = this.lifecycle.decisionFrom(actor, input);
    await records.recordStep({
      caseId,
      stepKey,
      actor: actor.username,
      type: 'review.decided',
      data: {
        round,
        decision: decision.kind,
        level: decision.level,
        agencies: decision.agencies,
        actions: decision.actions,
        reason: decision.reason ?? null,
        recommendedLevel: this.state.recommendation!.level,
      },
      readModel: {
        level: decision.level,
        escalated: false,
        reviewDeadlineAt: null,
        ...(decision.level === 'NONE' ? {} : { status: 'AWAITING_REFERRAL' as const }),
      },
    });
    if (input.deferNotification) {
      const { reason, reviewAt } = input.deferNotification;
      await records.recordStep({
        caseId,
        stepKey: `notification.deferred:${reviewAt}`,
        actor: actor.username,
        type: 'notification.deferred',
        data: { reason, reviewAt },
      });
      this.state.deferral = { reason, reviewAt, awaitingSupervisor: false };
    }
    this.state.decision = decision;
    if (decision.level !== 'NONE') this.state.status = 'AWAITING_REFERRAL';
  }

  async involve({ actor, input }: ActedInput<InvolvementInput>): Promise<void> {
    const n = ++this.state.involvements;
    await records.recordStep({
      caseId: this.state.caseId,
      stepKey: `involvement.recorded:${n}`,
      actor: actor.username,
      type: 'involvement.recorded',
      data: { ...input },
    });
  }

  async refer(acted: ActedInput<ReferralInput>): Promise<void> {
    // Referrals are recorded one at a time: two at once would each think the other agency still pending,
    // and the case would wait for AWAITING_FEEDBACK forever.
    // Checked and taken with no await in between, so a second handler cannot slip in after the check.
    while (this.referring) await condition(() => !this.referring);
    this.referring = true;
    try {
      await this.recordReferral(acted);
    } finally {
      this.referring = false;
    }
  }

  private async recordReferral({ actor, input }: ActedInput<ReferralInput>): Promise<void> {
    const { caseId } = this.state;
    const decision = this.state.decision!;
    if (input.removedFromRoom && decision.actions.includes('REMOVE_FROM_ROOM') && !this.state.roomRemovalRecorded) {
      await records.recordStep({
        caseId,
        stepKey: 'room.removed',
        actor: actor.username,
        type: 'room.removed',
        data: { channel: 'group_chat' },
      });
      this.state.roomRemovalRecorded = true;
    }
    const last = decision.agencies.every((a) => a === input.agency || this.state.referred.includes(a));
    await records.recordStep({
      caseId,
      stepKey: `referral.recorded:${input.agency}`,
      actor: actor.username,
      type: 'referral.recorded',
      data: {
        agency: input.agency,
        method: input.method,
        agencyReference: input.agencyReference ?? null,
        sharedData: input.sharedData,
        level: decision.level,
        reason: reasonForSharing(decision.level),
      },
      readModel: last ? { status: 'AWAITING_FEEDBACK' } : undefined,
    });
    this.state.referred.push(input.agency);
    this.state.feedback[input.agency] = 'AWAITING';
    if (last) this.state.status = 'AWAITING_FEEDBACK';

    if (decision.actions.includes('NEXT_DAY_CHECK_IN') && !this.state.checkIn)
      await this.scheduleCheckIn(actor.username);
    if (input.method !== 'PHONE') this.inBackground(() => this.sendReferral(input, decision.level));
    if (this.state.deferral) this.state.heldNotifications.push(input.agency);
    else this.inBackground(() => this.notify(input.agency));
  }

  async completeCheckIn({ actor, input }: ActedInput<CheckInInput>): Promise<void> {
    await records.recordStep({
      caseId: this.state.caseId,
      stepKey: 'checkin.completed',
      actor: actor.username,
      type: 'checkin.completed',
      data: { note: input.note },
      completeTasks: ['check-in'],
    });
    this.state.checkIn!.completed = true;
  }

  async recordFeedback({ actor, input }: ActedInput<FeedbackInput>): Promise<void> {
    await records.recordStep({
      caseId: this.state.caseId,
      stepKey: `feedback.received:${input.agency}`,
      actor: actor.username,
      type: 'feedback.received',
      data: { agency: input.agency, feedback: input.feedback },
      completeTasks: [`feedback:${input.agency}`],
    });
    this.state.feedback[input.agency] = 'RECEIVED';
  }

  async releaseNotification({ actor, input }: ActedInput<NotificationReleaseInput>): Promise<void> {
    const { caseId } = this.state;
    const previous = this.state.deferral!;
    const task = `deferral-review:${previous.reviewAt}`;
    if (input.decision === 'EXTEND') {
      await records.recordStep({
        caseId,
        stepKey: `notification.deferred:${input.reviewAt}`,
        actor: actor.username,
        type: 'notification.deferred',
        data: { reason: input.reason, reviewAt: input.reviewAt, extends: previous.reviewAt },
        completeTasks: [task],
      });
      this.state.deferral = { reason: input.reason!, reviewAt: input.reviewAt!, awaitingSupervisor: false };
      return;
    }
    await records.recordStep({
      caseId,
      stepKey: 'notification.released',
      actor: actor.username,
      type: 'notification.released',
      data: { reason: input.reason ?? null, deferredSince: previous.reviewAt },
      completeTasks: [task],
    });
    this.state.deferral = undefined;
    for (const agency of this.state.heldNotifications.splice(0)) this.inBackground(() => this.notify(agency));
  }

  /** A missed review deadline escalates, and escalates again at the same interval, until someone decides. */
  async awaitReviewDecision(): Promise<void> {
    const { caseId, round } = this.state;
    const level = this.state.recommendation!.level;
    const moved = () => this.state.round !== round || this.state.decision !== undefined;
    for (let escalation = 1; ; escalation++) {
      const settled = await condition(
        () => moved() || this.lifecycle.isBusy('review'),
        this.timings.reviewDeadlineMs[level],
      );
      if (settled) {
        await condition(() => !this.lifecycle.isBusy('review'));
        if (moved()) return;
        escalation--; // a review was refused mid-write; the same deadline continues
        continue;
      }
      this.state.escalations = escalation;
      const key = `review.escalated:${round}:${escalation}`;
      await records.recordStep({
        caseId,
        stepKey: key,
        actor: 'system',
        type: 'review.escalated',
        data: { round, escalation, level, deadline: this.state.reviewDeadline },
        readModel: { escalated: true },
      });
      await records.notifyStaff({
        caseId,
        role: 'supervisor',
        key,
        message: `A ${level} review is overdue (escalation ${escalation})`,
      });
    }
  }

  /** At the re-review time a deferral comes back to a supervisor rather than being forgotten. */
  async watchDeferral(): Promise<void> {
    const { caseId } = this.state;
    while (this.state.deferral) {
      const { reviewAt } = this.state.deferral;
      const changed = () => !this.state.deferral || this.state.deferral.reviewAt !== reviewAt;
      if (await condition(changed, Math.max(Date.parse(reviewAt) - Date.now(), 1))) continue;
      this.state.deferral.awaitingSupervisor = true;
      const key = `deferral-review:${reviewAt}`;
      await records.recordStep({
        caseId,
        stepKey: `review.requested:deferral:${reviewAt}`,
        actor: 'system',
        type: 'review.requested',
        data: { kind: 'NOTIFICATION_DEFERRAL', reviewAt, requiredRoles: ['supervisor'] },
        openTasks: [
          {
            key,
            kind: 'NOTIFICATION_DEFERRAL_REVIEW',
            role: 'supervisor',
            description: 'Decide whether the young person can now be told what was shared',
            dueAt: reviewAt,
          },
        ],
      });
      await records.notifyStaff({
        caseId,
        role: 'supervisor',
        key,
        message: 'A deferred notification to a young person is due for re-review',
      });
      await condition(changed);
    }
  }

  /** Asks each agency for feedback after a delay, then records "no feedback" after a further wait. */
  async collectFeedback(): Promise<void> {
    const { caseId } = this.state;
    const waiting = () =>
      this.state.referred.filter(
        (a) => this.state.feedback[a] === 'AWAITING' || this.state.feedback[a] === 'REQUESTED',
      );
    if (await condition(() => waiting().length === 0, this.timings.feedbackRequestDelayMs)) return;
    for (const agency of waiting()) {
      await records.recordStep({
        caseId,
        stepKey: `feedback.requested:${agency}`,
        actor: 'system',
        type: 'feedback.requested',
        data: { agency },
        openTasks: [
          {
            key: `feedback:${agency}`,
            kind: 'FEEDBACK',
            role: 'officer',
            description: `Ask ${agency} what happened after the referral and record it`,
          },
        ],
      });
      this.state.feedback[agency] = 'REQUESTED';
    }
    if (await condition(() => waiting().length === 0, this.timings.feedbackWaitMs)) return;
    for (const agency of waiting()) {
      await condition(() => !this.lifecycle.isBusy(`feedback:${agency}`));
      if (this.state.feedback[agency] === 'RECEIVED') continue;
      await records.recordStep({
        caseId,
        stepKey: `feedback.not_received:${agency}`,
        actor: 'system',
        type: 'feedback.not_received',
        data: { agency },
        completeTasks: [`feedback:${agency}`],
      });
      this.state.feedback[agency] = 'NOT_RECEIVED';
    }
  }

  async close(outcome: 'REFERRED' | 'NO_REFERRAL'): Promise<void> {
    const decision = this.state.decision!;
    await records.recordStep({
      caseId: this.state.caseId,
      stepKey: 'case.closed',
      actor: 'system',
      type: 'case.closed',
      data: {
        outcome,
        level: decision.level,
        agencies: decision.agencies,
        feedback: this.state.feedback,
        ...(outcome === 'NO_REFERRAL' ? { signposting: SIGNPOSTING } : {}),
      },
      readModel: { status: 'CLOSED', escalated: false },
    });
    this.state.status = 'CLOSED';
  }

  private async scheduleCheckIn(actor: string): Promise<void> {
    const dueAt = new Date(Date.now() + this.timings.checkInDelayMs).toISOString();
    this.state.checkIn = { dueAt, completed: false };
    await records.recordStep({
      caseId: this.state.caseId,
      stepKey: 'checkin.due',
      actor,
      type: 'checkin.due',
      data: { dueAt },
      openTasks: [
        {
          key: 'check-in',
          kind: 'CHECK_IN',
          role: 'officer',
          description: 'Check in with the young person after their removal from the group chat',
          dueAt,
        },
      ],
    });
    this.inBackground(async () => {
      await sleep(this.timings.checkInDelayMs);
      if (!this.state.checkIn!.completed)
        await records.notifyStaff({
          caseId: this.state.caseId,
          role: 'officer',
          key: 'check-in-due',
          message: 'A check-in with a young person is due now',
        });
    });
  }

  private async notify(agency: Agency): Promise<void> {
    const { caseId } = this.state;
    const level = this.state.decision!.level;
    const request: NotificationRequest = { caseId, agency, level, reason: reasonForSharing(level) };
    const delivered = patched(DELIVERIES_WITHOUT_BOOKKEEPING)
      ? await this.deliverNotification(request)
      : await this.attempt(() => this.deliveries.notifySubject(request));
    if (delivered) return;
    await records.recordStep({
      caseId,
      stepKey: `subject.notification_failed:${agency}`,
      actor: 'system',
      type: 'subject.notification_failed',
      data: { agency, attempts: this.timings.delivery.maximumAttempts },
      openTasks: [
        {
          key: `notification-failed:${agency}`,
          kind: 'NOTIFICATION_FAILED',
          role: 'officer',
          description: `Tell the young person about the referral to ${agency} another way: delivery failed`,
        },
      ],
    });
  }

  /** Prepares and records with unlimited retries; only the delivery itself has a limited number of attempts. */
  private async deliverNotification(request: NotificationRequest): Promise<boolean> {
    const prepared = await records.prepareNotification(request);
    if (prepared.outcome === 'NOT_POSSIBLE') return true;
    const route = await this.attempt(() => this.deliveries.deliverNotification(prepared));
    if (route === undefined) return false;
    const { caseId, agency } = request;
    await records.recordStep({
      caseId,
      stepKey: `subject.notified:${agency}`,
      actor: 'system',
      type: 'subject.notified',
      data: { agency, route, sentAt: prepared.notification.sentAt },
    });
    return true;
  }

  private async sendReferral(
    { agency, method, sharedData, agencyReference }: ReferralInput,
    level: Level,
  ): Promise<void> {
    const { caseId } = this.state;
    const sent = patched(DELIVERIES_WITHOUT_BOOKKEEPING)
      ? await this.attempt(() =>
          this.deliveries.deliverReferral({
            type: 'agency.referral',
            caseId,
            agency,
            method,
            level,
            sharedData,
            agencyReference: agencyReference ?? null,
            sentAt: new Date().toISOString(),
          }),
        )
      : (await this.attempt(() => this.deliveries.sendReferral({ caseId, agency })))?.route;
    if (sent !== undefined) {
      await records.recordStep({
        caseId,
        stepKey: `referral.sent:${agency}`,
        actor: 'system',
        type: 'referral.sent',
        data: { agency, route: sent },
      });
      return;
    }
    await records.recordStep({
      caseId,
      stepKey: `referral.delivery_failed:${agency}`,
      actor: 'system',
      type: 'referral.delivery_failed',
      data: { agency },
      openTasks: [
        {
          key: `referral-failed:${agency}`,
          kind: 'REFERRAL_DELIVERY_FAILED',
          role: 'officer',
          description: `The electronic referral to ${agency} failed: send it another way`,
        },
      ],
    });
  }

  /** A delivery's result, or undefined once its attempts are spent. */
  private async attempt<T>(delivery: () => Promise<T>): Promise<T | undefined> {
    try {
      return await delivery();
    } catch (error) {
      if (error instanceof ActivityFailure) return undefined;
      throw error;
    }
  }

  /** Deliveries run beside the lifecycle; the case closes only once all have settled. */
  private inBackground(work: () => Promise<void>): void {
    this.pendingDeliveries++;
    void work().finally(() => this.pendingDeliveries--);
  }
}
