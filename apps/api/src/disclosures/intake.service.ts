import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalJson, toJsonValue } from '@sg/case-log';
import { CaseEntity, CaseStatus } from '@sg/persistence';
import { DomainError } from '../common/domain-error';
import { CaseWorkflowStarter } from './case-workflow-starter';
import { CreateDisclosureDto } from './create-disclosure.dto';

export interface IntakeResult {
  caseId: string;
  status: CaseStatus;
  /** false when an earlier request with the same Idempotency-Key already made the case */
  created: boolean;
}

/** Stores a disclosure as a case, at most once per Idempotency-Key, then starts its workflow. */
@Injectable()
export class IntakeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly starter: CaseWorkflowStarter,
  ) {}

  async submit(
    disclosure: CreateDisclosureDto,
    idempotencyKey: string | undefined,
    submittedBy: string,
  ): Promise<IntakeResult> {
    const fingerprint = sha256(canonicalJson(toJsonValue(disclosure)));
    const caseId = randomUUID();
    // ON CONFLICT DO NOTHING on the unique key: of any number of concurrent requests with one key, exactly one inserts.
    const inserted = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CaseEntity)
      .values({
        id: caseId,
        status: 'AWAITING_ASSESSMENT',
        channel: disclosure.channel,
        occurredAt: new Date(disclosure.occurredAt),
        summary: disclosure.summary,
        subjectExternalUserId: disclosure.subject.externalUserId,
        subjectAge: disclosure.subject.age ?? null,
        subjectContact: toJsonValue(disclosure.subject.contact ?? {}),
        identifying: toJsonValue(disclosure.identifying ?? {}),
        submittedBy,
        intakeKey: idempotencyKey ?? null,
        intakeFingerprint: fingerprint,
      })
      .orIgnore()
      .returning(['id'])
      .execute();

    if (inserted.raw.length) {
      await this.starter.tryStart(caseId);
      return { caseId, status: 'AWAITING_ASSESSMENT', created: true };
    }
    return this.earlier(idempotencyKey!, fingerprint);
  }

  /** The case an earlier request with this key made; its workflow is started if that request could not. */
  private async earlier(idempotencyKey: string, fingerprint: string): Promise<IntakeResult> {
    const existing = await this.dataSource
      .getRepository(CaseEntity)
      .findOneOrFail({ where: { intakeKey: idempotencyKey } });
    if (existing.intakeFingerprint !== fingerprint) {
      throw new DomainError(
        'INTAKE.IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different disclosure',
      );
    }
    if (!existing.workflowStartedAt) await this.starter.tryStart(existing.id);
    return { caseId: existing.id, status: existing.status, created: false };
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
