import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { canonicalJson, CaseLogStore } from '@sg/case-log';
import { CaseEntity } from '@sg/persistence';
import type { CaseActivities } from '@sg/workflows/case/case.activities';

/** The case workflow's side effects. Each is idempotent by business identity (case id + step). */
@Injectable()
export class CaseActivitiesService implements CaseActivities {
  private readonly log: CaseLogStore;

  constructor(private readonly dataSource: DataSource) {
    this.log = new CaseLogStore(dataSource);
  }

  /** The methods as plain functions, for Worker.create({ activities }). */
  bound(): CaseActivities {
    return { recordCaseOpened: this.recordCaseOpened.bind(this) };
  }

  async recordCaseOpened({ caseId }: { caseId: string }): Promise<void> {
    const found = await this.dataSource.getRepository(CaseEntity).findOne({ where: { id: caseId } });
    if (!found) throw ApplicationFailure.nonRetryable(`case ${caseId} does not exist`, 'CASE_NOT_FOUND');
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
        disclosureSha256: disclosureFingerprint(found),
      },
    });
  }
}

function disclosureFingerprint(found: CaseEntity): string {
  const disclosure = {
    channel: found.channel,
    occurredAt: found.occurredAt.toISOString(),
    summary: found.summary,
    subject: { externalUserId: found.subjectExternalUserId, age: found.subjectAge, contact: found.subjectContact },
    identifying: found.identifying,
  };
  return createHash('sha256').update(canonicalJson(disclosure)).digest('hex');
}
