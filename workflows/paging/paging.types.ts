/**
 * On-call paging (SPEC §7): what the case workflow asks the worker to send, and what comes back for the log.
 * Plain data only: this runs in the workflow sandbox. The workflow decides who is paged when (durable timers);
 * the activity only resolves the people of a level and sends.
 */

/** 1: on call now (the rota); 2: supervisors; 3: the safeguarding lead. */
export type PageLevel = 1 | 2 | 3;

/** One page, identified by business identity: each (case, round, level, repeat) is sent once. */
export interface PageRequest {
  caseId: string;
  /** the review round (CaseState.round) */
  round: number;
  level: PageLevel;
  /** 0 for the first page at a level, then 1, 2… after each PAGE_ACK_TIMEOUT without an acknowledgement */
  repeat: number;
  /** the review's deadline (ISO-8601): the page says it */
  deadline: string;
}

export type StaffRoute = 'email' | 'sms' | 'webhook' | 'development-outbox';

export interface PagedPerson {
  username: string;
  routes: StaffRoute[];
}

/** Who was paged by which routes: exactly what `staff.paged` records (level, usernames, routes, repeat). */
export interface PageOutcome {
  level: PageLevel;
  repeat: number;
  paged: PagedPerson[];
  /** people of this level with no route this service can use (production has no outbox) */
  unreachable: string[];
  /** people of this level whose every route failed just now */
  failed: string[];
  /** nobody was paged: go straight to the next level, and log it */
  nobody: boolean;
}

/** What the worker does for paging; the case workflow calls it with its delivery retry policy. */
export interface PagingActivities {
  /** Sends one page (cases from before `case-workflow-v3`, which log it with a second activity). */
  pageStaff(request: PageRequest): Promise<PageOutcome>;
  /** Sends one page and writes its `staff.paged` entry, in one activity (see DELIVERED_NOT_RECORDED). */
  pageStaffAndRecord(request: PageRequest): Promise<PageOutcome>;
}

/** POST /cases/:id/acknowledge has no body: who acknowledges is the actor. */
export type AcknowledgeInput = Record<string, never>;

/** "I have it": repeats at the acknowledged level stop; the deadline and the escalation beyond it do not. */
export interface Acknowledgement {
  round: number;
  /** the level whose repeats stop; absent when nobody was being paged (a non-emergency review) */
  level?: PageLevel;
  acknowledgedBy: string;
  acknowledgedAt: string;
}
