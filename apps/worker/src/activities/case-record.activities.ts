import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource, EntityManager } from 'typeorm';
import { CaseLogStore } from '@sg/case-log';
import { lifecycleConfig } from '@sg/config';
import { CaseEntity } from '@sg/persistence';
import { evaluatePolicy, isBeforeGroupChatEmergency, policyCalendarFromEnv, validatePolicyInput } from '@sg/policy';
import { disclosureFingerprint } from './disclosure-fingerprint';
import { prepareNotification } from './notification-preparation';
import type {
  NotificationRequest,
  PolicyEvaluation,
  PreparedNotification,
  StepRecord,
  TaskSpec,
} from '@sg/workflows/case/case.activities';
import type { AssessmentInput, CaseTimings } from '@sg/workflows/case/case.types';

/** The workflow's bookkeeping: the case log and the read model, each step in one transaction, once. */
@Injectable()
export class CaseRecordActivities {
  private readonly log: CaseLogStore;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(lifecycleConfig.KEY) private readonly timings: ConfigType<typeof lifecycleConfig>,
  ) {
    this.log = new CaseLogStore(dataSource);
  }

  async loadTimings(): Promise<CaseTimings> {
    return this.timings;
  }

  async recordCaseOpened({ caseId }: { caseId: string }): Promise<void> {
    const found = await this.findCase(caseId);
    await this.log.append({
      caseId,
      stepKey: 'case.opened',
      actor: found.submittedBy,
      type: 'case.opened',
      data: {
        channel: found.channel,
        occurredAt: found.occurredAt.toISOString(),
        submittedBy: found.submittedBy,
        // The disclosure stays in the cases table; its fingerprint here makes any later edit of it evident.
        disclosureHmacSha256: disclosureFingerprint(found),
      },
    });
  }

  async evaluatePolicy({
    caseId,
    assessment,
  }: {
    caseId: string;
    assessment: AssessmentInput;
  }): Promise<PolicyEvaluation> {
    const found = await this.findCase(caseId);
    const age = assessment.age ?? found.subjectAge ?? undefined;
    const raw = {
      occurredAt: found.occurredAt.toISOString(),
      channel: found.channel,
      ...(age === undefined ? {} : { age }),
      adultAtRisk: assessment.adultAtRisk,
      indicators: assessment.indicators,
      declaredSafe: assessment.declaredSafe,
      informationComplete: assessment.informationComplete,
      hasSocialWorker: assessment.hasSocialWorker,
    };
    const checked = validatePolicyInput(raw);
    if (!checked.ok) throw ApplicationFailure.nonRetryable(checked.errors.map((e) => e.message).join('; '), 'INVALID');
    const calendar = policyCalendarFromEnv(process.env);
    const groupChatEmergency = raw.channel === 'group_chat' && !isBeforeGroupChatEmergency(raw.occurredAt, calendar);
    return {
      input: raw,
      output: evaluatePolicy(checked.value, calendar),
      emergencyActions: groupChatEmergency ? ['REMOVE_FROM_ROOM', 'NEXT_DAY_CHECK_IN'] : [],
    };
  }

  async recordStep(step: StepRecord): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const { created } = await this.log.append(
        { caseId: step.caseId, stepKey: step.stepKey, actor: step.actor, type: step.type, data: step.data },
        tx,
      );
      // A retry of a step already written must not re-apply its read-model changes over later ones.
      if (!created) return;
      if (step.readModel) await updateReadModel(tx, step.caseId, step.readModel);
      for (const task of step.openTasks ?? []) await openTask(tx, step.caseId, task);
      if (step.completeTasks?.length) {
        await tx.query(
          `UPDATE case_tasks SET completed_at = now() WHERE case_id = $1 AND task_key = ANY($2) AND completed_at IS NULL`,
          [step.caseId, step.completeTasks],
        );
      }
    });
  }

  async prepareNotification(request: NotificationRequest): Promise<PreparedNotification> {
    return prepareNotification(this.dataSource, this.log, request);
  }

  private async findCase(caseId: string): Promise<CaseEntity> {
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'CASE_NOT_FOUND');
    return found;
  }
}

async function updateReadModel(
  tx: EntityManager,
  caseId: string,
  changes: NonNullable<StepRecord['readModel']>,
): Promise<void> {
  const { reviewDeadlineAt, ...rest } = changes;
  await tx.getRepository(CaseEntity).update(
    { id: caseId },
    {
      ...rest,
      ...(reviewDeadlineAt === undefined
        ? {}
        : { reviewDeadlineAt: reviewDeadlineAt === null ? null : new Date(reviewDeadlineAt) }),
    },
  );
}

async function openTask(tx: EntityManager, caseId: string, task: TaskSpec): Promise<void> {
  await tx.query(
    `INSERT INTO case_tasks (case_id, task_key, kind, role, description, due_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, task_key) DO NOTHING`,
    [caseId, task.key, task.kind, task.role, task.description, task.dueAt ?? null],
  );
}
