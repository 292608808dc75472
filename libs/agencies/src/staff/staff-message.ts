import type { PageRequest } from '@sg/workflows/paging/paging.types';

/**
 * What reaches a staff member: the same words by email, SMS and webhook. The minimum (SPEC §7): the level, the
 * deadline and a link to the case in the console. Never the disclosure, a name or a contact detail: a page lands
 * on phones and in chat channels that others can see.
 */
export interface StaffMessage {
  kind: 'staff.page' | 'staff.alert';
  caseId: string;
  subject: string;
  text: string;
  /** the webhook body; chat tools show its `text` */
  body: Record<string, unknown>;
}

export function caseLink(consoleBaseUrl: string, caseId: string): string {
  return `${consoleBaseUrl}/console/cases/${caseId}`;
}

function ukTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    day: 'numeric',
    month: 'short',
  });
}

export function pageMessage(request: PageRequest, link: string): StaffMessage {
  const { caseId, level, repeat, deadline } = request;
  const again = repeat > 0 ? ` (page repeated: ${repeat})` : '';
  const text =
    `A safeguarding review is waiting for a decision: level ${level} page${again}. ` +
    `Deadline ${ukTime(deadline)} UK time (${deadline}). Open the case and acknowledge it: ${link}`;
  return {
    kind: 'staff.page',
    caseId,
    subject: `Safeguarding page, level ${level}: a review is waiting`,
    text,
    body: { type: 'staff.page', text, level, repeat, deadline, link },
  };
}

/** `message` comes from the workflow and names a kind of task, never a person. */
export function alertMessage(caseId: string, message: string, link: string): StaffMessage {
  const text = `${message}. Open the case: ${link}`;
  return {
    kind: 'staff.alert',
    caseId,
    subject: 'Safeguarding: a case needs you',
    text,
    body: { type: 'staff.alert', text, link },
  };
}
