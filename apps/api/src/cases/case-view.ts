import { LogEntry } from '@sg/case-log';
import { CaseEntity, CaseTaskEntity } from '@sg/persistence';

/** The step history of a case, read from its log: what was assessed, decided, shared and told. */
function projectLog(entries: LogEntry[]) {
  const latest = (type: string) => [...entries].reverse().find((e) => e.type === type);
  const all = (...types: string[]) => entries.filter((e) => types.includes(e.type));
  const withWho = (e: LogEntry) => ({ ...e.data, by: e.actor, at: e.at });
  const policy = latest('policy.evaluated');
  const decided = latest('review.decided');
  return {
    assessment: latest('assessment.submitted') ? withWho(latest('assessment.submitted')!) : null,
    recommendation: policy ? policy.data.output : null,
    decision: decided ? withWho(decided) : null,
    referrals: all('referral.recorded').map(withWho),
    notifications: all(
      'subject.notified',
      'subject.notification_not_possible',
      'subject.notification_failed',
      'notification.deferred',
      'notification.released',
    ).map((e) => ({ type: e.type, ...withWho(e) })),
    involvement: all('involvement.recorded').map(withWho),
    feedback: all('feedback.requested', 'feedback.received', 'feedback.not_received').map((e) => ({
      type: e.type,
      ...withWho(e),
    })),
    closure: latest('case.closed') ? withWho(latest('case.closed')!) : null,
  };
}

export function toTaskView(task: CaseTaskEntity) {
  return {
    kind: task.kind,
    role: task.role,
    description: task.description,
    dueAt: task.dueAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
  };
}

/** What staff see of a case. Whitelisted field by field: an entity never goes straight out of the API. */
export function toCaseView(
  found: CaseEntity,
  entries: LogEntry[],
  openTasks: CaseTaskEntity[],
  priorCases: Pick<CaseEntity, 'id' | 'status' | 'level' | 'createdAt'>[],
) {
  return {
    id: found.id,
    status: found.status,
    channel: found.channel,
    occurredAt: found.occurredAt.toISOString(),
    summary: found.summary,
    subject: { externalUserId: found.subjectExternalUserId, age: found.subjectAge, contact: found.subjectContact },
    identifying: found.identifying,
    level: found.level,
    escalated: found.escalated,
    reviewDeadline: found.reviewDeadlineAt?.toISOString() ?? null,
    workflowStarted: found.workflowStartedAt !== null,
    createdAt: found.createdAt.toISOString(),
    ...projectLog(entries),
    openTasks: openTasks.map(toTaskView),
    priorCases: priorCases.map((c) => ({
      id: c.id,
      status: c.status,
      level: c.level,
      openedAt: c.createdAt.toISOString(),
    })),
  };
}

export type CaseView = ReturnType<typeof toCaseView>;

/** A line of the queue: enough to triage, nothing of the disclosure's text. */
export function toCaseSummary(found: CaseEntity, openTaskCount: number) {
  return {
    id: found.id,
    status: found.status,
    level: found.level,
    escalated: found.escalated,
    channel: found.channel,
    occurredAt: found.occurredAt.toISOString(),
    reviewDeadline: found.reviewDeadlineAt?.toISOString() ?? null,
    openTasks: openTaskCount,
    createdAt: found.createdAt.toISOString(),
  };
}
