import type { PagedPerson } from '@sg/workflows/paging/paging.types';
import type { Outbox } from '../outbox';
import { whoIsAlerted } from './recipients';
import type { StaffDirectory } from './staff-directory';
import { alertMessage, caseLink } from './staff-message';
import type { StaffMessenger } from './staff-messenger';

export interface StaffAlert {
  caseId: string;
  role: string;
  /** the alert's business identity within the case, e.g. review.escalated:1:2 */
  key: string;
  message: string;
}

export interface AlertOutcome {
  alerted: PagedPerson[];
  /** members of the role that no route reached */
  missed: string[];
}

/**
 * Tells a role that a case needs it (an overdue review, a deferral to re-review, a check-in due, a failed
 * notification): the role's members on shift, else all of them, by their routes, once per (case, key, person,
 * route). In development every alert is also written to the outbox, addressed to the role.
 */
export class StaffAlerts {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly messenger: StaffMessenger,
    private readonly consoleBaseUrl: string,
    private readonly outbox?: Pick<Outbox, 'write'>,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async alert({ caseId, role, key, message }: StaffAlert): Promise<AlertOutcome> {
    const people = await this.directory.contactsOf(await whoIsAlerted(role, this.directory, this.clock()));
    const content = alertMessage(caseId, message, caseLink(this.consoleBaseUrl, caseId));
    const reaches = await Promise.all(
      people.map((person) => this.messenger.reach(person, content, `alert:${caseId}:${key}`, false)),
    );
    const alerted = reaches.filter((r) => r.routes.length).map(({ username, routes }) => ({ username, routes }));
    await this.outbox?.write({
      dedupeKey: `${caseId}:staff:${key}`,
      kind: 'staff.notification',
      caseId,
      recipient: role,
      payload: { caseId, role, message, alerted },
    });
    return { alerted, missed: reaches.filter((r) => !r.routes.length).map((r) => r.username) };
  }
}
