import { ApplicationFailure } from '@temporalio/common';
import type { ContactRoute } from '@sg/agencies';
import type { CaseEntity } from '@sg/persistence';
import type { PolicyCalendar } from '@sg/policy';
import type {
  AssessmentRecord,
  AssessmentRequest,
  NotificationRequest,
  PreparedNotification,
  StepRecord,
} from '@sg/workflows/case/case.activities';
import type { StepRecord as LegacyStepRecord } from '@sg/workflows/case/legacy/case.activities';
import type { AssessmentInput, CaseTimings } from '@sg/workflows/case/case.types';
import type { CaseLedger, CaseLedgerTx } from './case-ledger';
import { recordAssessment } from './case-record-assessment';
import { evaluateAssessment, PolicyEvaluation } from './case-record-policy';
import { writeSteps } from './case-record-steps';
import { disclosureFingerprint } from './disclosure-fingerprint';
import { prepareNotificationIn } from './notification-preparation';

/** What the bookkeeping needs of this process's configuration. */
export interface BookkeepingSettings {
  /** DISCLOSURE_FINGERPRINT_KEY: keys the fingerprint of the disclosure in `case.opened` */
  fingerprintKey: string;
  /** whether a young person can be told by a contact route here (configured, or the development outbox) */
  canTellBy: (route: ContactRoute) => boolean;
}

/**
 * The workflow's bookkeeping: the case log, the read model and tasks, each unit of work in one transaction, once.
 * Plain (no Nest): the worker module builds it over PostgreSQL, tests over an in-memory ledger.
 */
export class CaseRecordActivities {
  constructor(
    private readonly ledger: CaseLedger,
    private readonly timings: CaseTimings,
    private readonly calendar: PolicyCalendar,
    private readonly settings: BookkeepingSettings,
  ) {}

  async loadTimings(): Promise<CaseTimings> {
    return this.timings;
  }

  async recordCaseOpened({ caseId }: { caseId: string }): Promise<void> {
    await this.ledger.transaction(async (tx) => {
      const found = await findCase(tx, caseId);
      await tx.append({
        caseId,
        stepKey: 'case.opened',
        actor: found.submittedBy,
        type: 'case.opened',
        data: {
          channel: found.channel,
          occurredAt: found.occurredAt.toISOString(),
          submittedBy: found.submittedBy,
          // The disclosure stays in the cases table; its fingerprint here makes any later edit of it evident.
          disclosureHmacSha256: disclosureFingerprint(found, this.settings.fingerprintKey),
        },
      });
    });
  }

  async recordAssessment(request: AssessmentRequest): Promise<AssessmentRecord> {
    return this.ledger.transaction((tx) => recordAssessment(tx, request, this.calendar));
  }

  async recordSteps(input: {
    caseId: string;
    steps: StepRecord[];
    prepare?: NotificationRequest[];
  }): Promise<PreparedNotification[]> {
    return this.ledger.transaction(async (tx) => {
      await writeSteps(tx, input.caseId, input.steps);
      const prepared: PreparedNotification[] = [];
      for (const request of input.prepare ?? [])
        prepared.push(await prepareNotificationIn(tx, request, this.settings.canTellBy));
      return prepared;
    });
  }

  /** Cases from before `case-workflow-v2`: the evaluation alone (they record it with recordStep). */
  async evaluatePolicy(input: { caseId: string; assessment: AssessmentInput }): Promise<PolicyEvaluation> {
    const found = await this.ledger.transaction((tx) => findCase(tx, input.caseId));
    return evaluateAssessment(found, input.assessment, this.calendar);
  }

  /** Cases from before `case-workflow-v2`: one step per call. */
  async recordStep({ caseId, ...step }: LegacyStepRecord): Promise<void> {
    await this.ledger.transaction((tx) => writeSteps(tx, caseId, [step]));
  }

  /** Cases from before `case-workflow-v2`: preparation in a transaction of its own. */
  async prepareNotification(request: NotificationRequest): Promise<PreparedNotification> {
    return this.ledger.transaction((tx) => prepareNotificationIn(tx, request, this.settings.canTellBy));
  }
}

async function findCase(tx: CaseLedgerTx, caseId: string): Promise<CaseEntity> {
  const found = await tx.findCase(caseId);
  if (!found) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'CASE_NOT_FOUND');
  return found;
}
