import type { PageOutcome, PageRequest } from '@sg/workflows/paging/paging.types';
import { whoIsPaged } from './recipients';
import type { StaffDirectory } from './staff-directory';
import { caseLink, pageMessage } from './staff-message';
import type { StaffMessenger } from './staff-messenger';

export interface PagingSettings {
  consoleBaseUrl: string;
  leadUsernames: string[];
}

/**
 * Sends one page (SPEC §7) to the people of its level, each by every route they have, keyed by
 * (case, round, level, repeat, person, route): a retried or re-run activity never pages anyone twice.
 * Delivery failures are reported, not thrown, so a broken mail server cannot hold up the escalation.
 */
export class StaffPager {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly messenger: StaffMessenger,
    private readonly settings: PagingSettings,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async page(request: PageRequest): Promise<PageOutcome> {
    const { caseId, round, level, repeat } = request;
    const usernames = await whoIsPaged(level, this.directory, this.clock(), this.settings.leadUsernames);
    const people = await this.directory.contactsOf(usernames);
    const message = pageMessage(request, caseLink(this.settings.consoleBaseUrl, caseId));
    const key = `page:${caseId}:${round}:${level}:${repeat}`;
    const reaches = await Promise.all(people.map((person) => this.messenger.reach(person, message, key, true)));
    const paged = reaches.filter((r) => r.routes.length).map(({ username, routes }) => ({ username, routes }));
    const missed = reaches.filter((r) => !r.routes.length);
    return {
      level,
      repeat,
      paged,
      unreachable: missed.filter((r) => !r.failed.length).map((r) => r.username),
      failed: missed.filter((r) => r.failed.length).map((r) => r.username),
      nobody: paged.length === 0,
    };
  }
}
