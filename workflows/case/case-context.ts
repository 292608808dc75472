import { condition } from '@temporalio/workflow';
import type { CaseActivities } from './case.activities';
import type { CaseState, CaseTimings } from './case.types';
import type { CaseLifecycle } from './case-lifecycle';
import type { UpdateGuard } from './update-guard';

/** Work that runs beside the lifecycle (deliveries, reminders); the case closes only once all of it has settled. */
export class BackgroundWork {
  private pending = 0;

  get settled(): boolean {
    return this.pending === 0;
  }

  run(work: () => Promise<void>): void {
    this.pending++;
    void work().finally(() => this.pending--);
  }
}

/** Which versioning marker the case's history has (case.workflow.ts): 2 or 3. */
export type CaseCodeVersion = 2 | 3;

/** What every step of a running case works with. */
export interface CaseContext {
  readonly version: CaseCodeVersion;
  readonly state: CaseState;
  readonly lifecycle: CaseLifecycle;
  readonly timings: CaseTimings;
  readonly deliveries: CaseActivities;
  readonly background: BackgroundWork;
  /** request ids spent so far, which a later run of the case carries on */
  readonly guard: UpdateGuard;
  /**
   * Referrals, and the release of a deferred notification, are recorded one at a time: two referrals at once would
   * each think the other agency still pending (and the case wait for AWAITING_FEEDBACK forever); a release during a
   * referral would miss the notification that referral holds back.
   */
  readonly sharing: OneAtATime;
}

/** Runs one piece of work at a time, in the order asked. */
export class OneAtATime {
  private busy = false;

  async run<T>(work: () => Promise<T>): Promise<T> {
    // Checked and taken with no await in between, so a second caller cannot slip in after the check.
    while (this.busy) await condition(() => !this.busy);
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }
}
