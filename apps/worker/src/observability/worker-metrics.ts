import { Injectable } from '@nestjs/common';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PageOutcome } from '@sg/workflows/paging/paging.types';

/** Activities that write steps of a case, and which steps (the log entries' types) each call writes. */
const STEP_TYPES_OF: Record<string, (args: unknown[]) => unknown[]> = {
  recordCaseOpened: () => ['case.opened'],
  recordAssessment: () => ['assessment.submitted', 'policy.evaluated', 'review.requested'],
  recordSteps: (args) => ((args[0] as { steps?: { type?: unknown }[] } | undefined)?.steps ?? []).map((s) => s.type),
  recordStep: (args) => [(args[0] as { type?: unknown } | undefined)?.type], // cases from before case-workflow-v2
  pageStaffAndRecord: () => ['staff.paged'],
  deliverNotificationAndRecord: () => ['subject.notified'],
  deliverReferralAndRecord: () => ['referral.sent'],
};

/**
 * The worker's Prometheus metrics: every activity attempt and failure by activity type, so a step retrying
 * without end shows (its failures keep rising and its attempt numbers climb), and the steps written by type.
 */
@Injectable()
export class WorkerMetrics {
  readonly registry = new Registry();

  private readonly attempts = new Counter({
    name: 'safeguarding_activity_attempts_total',
    help: 'Activity executions started, first attempts and retries alike',
    labelNames: ['activity'],
    registers: [this.registry],
  });
  private readonly attemptNumber = new Histogram({
    name: 'safeguarding_activity_attempt',
    help: 'The attempt number of each activity execution started (above 1: a retry)',
    labelNames: ['activity'],
    buckets: [1, 2, 3, 5, 10, 20, 50, 100],
    registers: [this.registry],
  });
  private readonly failures = new Counter({
    name: 'safeguarding_activity_failures_total',
    help: 'Activity attempts that failed: retryable (Temporal tries again), non_retryable or cancelled',
    labelNames: ['activity', 'kind'],
    registers: [this.registry],
  });
  private readonly steps = new Counter({
    name: 'safeguarding_case_steps_total',
    help: 'Case steps written (bookkeeping activities completed), by log entry type',
    labelNames: ['type'],
    registers: [this.registry],
  });
  private readonly pages = new Counter({
    name: 'safeguarding_pages_sent_total',
    help: 'People paged (SPEC §7), by paging level: one per person per page (case, round, level, repeat) sent',
    labelNames: ['level'],
    registers: [this.registry],
  });
  readonly sdkMetricsUp = new Gauge({
    name: 'safeguarding_temporal_sdk_metrics_up',
    help: "1 when the Temporal SDK's own metrics (temporal_*) could be read and are included below",
    registers: [this.registry],
  });

  constructor() {
    this.registry.setDefaultLabels({ service: 'worker' });
    collectDefaultMetrics({ register: this.registry });
  }

  started(activity: string, attempt: number): void {
    this.attempts.inc({ activity });
    this.attemptNumber.observe({ activity }, attempt);
  }

  succeeded(activity: string, args: unknown[], result?: unknown): void {
    for (const type of STEP_TYPES_OF[activity]?.(args) ?? []) if (typeof type === 'string') this.steps.inc({ type });
    if (activity === 'pageStaff' || activity === 'pageStaffAndRecord') {
      const { level, paged } = result as PageOutcome;
      if (paged.length) this.pages.inc({ level: String(level) }, paged.length);
    }
  }

  failed(activity: string, error: unknown): void {
    const kind =
      error instanceof CancelledFailure
        ? 'cancelled'
        : error instanceof ApplicationFailure && error.nonRetryable
          ? 'non_retryable'
          : 'retryable';
    this.failures.inc({ activity, kind });
  }
}
