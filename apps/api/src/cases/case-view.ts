import { CaseEntity } from '@sg/persistence';

/** What staff see of a case. Whitelisted field by field: an entity never goes straight out of the API. */
export function toCaseView(found: CaseEntity) {
  return {
    id: found.id,
    status: found.status,
    channel: found.channel,
    occurredAt: found.occurredAt.toISOString(),
    summary: found.summary,
    subject: {
      externalUserId: found.subjectExternalUserId,
      age: found.subjectAge,
      contact: found.subjectContact,
    },
    identifying: found.identifying,
    level: found.level,
    escalated: found.escalated,
    workflowStarted: found.workflowStartedAt !== null,
    createdAt: found.createdAt.toISOString(),
  };
}

export type CaseView = ReturnType<typeof toCaseView>;
