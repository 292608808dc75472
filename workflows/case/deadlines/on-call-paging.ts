import { condition } from '@temporalio/workflow';
import { pagedStep } from '../../paging/paged-step';
import type { PageLevel, PageOutcome, PageRequest } from '../../paging/paging.types';
import { besideSteps, pagerWith } from '../activities';
import { deliverAndLog } from '../delivery-records';
import type { CaseContext } from '../case-context';

/** PAGE_ACK_TIMEOUT's default, for cases started before the setting was passed in their timings. */
const DEFAULT_ACK_TIMEOUT_MS = 2 * 60_000;

/**
 * SPEC §7: an EMERGENCY review pages level 1 at once and again after each PAGE_ACK_TIMEOUT without an
 * acknowledgement; at the review deadline level 2, an acknowledgement timeout later level 3, which repeats until the
 * review is decided. A level with nobody to page is logged and passed at once. Returns when the round is settled.
 *
 * Every move follows an event in the history (a timer fired, the deadline's escalation, an acknowledgement, a page's
 * outcome), never a comparison of clock readings, which a replay after a worker crash could read differently.
 */
export async function pageUntilDecided(context: CaseContext): Promise<void> {
  const { state, timings } = context;
  const { round } = state;
  const ackMs = timings.pageAckTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const settled = () => state.round !== round || state.decision !== undefined;
  const send = pageOnce(context);
  // A run continued as new pages on from where the last run was in this round, not from level 1 again.
  const carried = state.paging?.round === round ? state.paging : undefined;
  for (let level: PageLevel = carried?.level ?? 1; ; level = level === 1 ? 2 : 3) {
    const resumed = carried?.level === level ? carried : undefined;
    const paging = {
      round,
      level,
      acknowledgedBy: resumed?.acknowledgedBy ?? [],
      nextRepeat: resumed?.nextRepeat ?? 0,
    };
    state.paging = paging;
    let left = false;
    let escalate = () => false;
    if (level === 1) escalate = () => state.escalations > 0; // the review deadline passed (review-deadline.ts)
    if (level === 2) {
      let due = false;
      void condition(() => settled() || left, ackMs).then((early) => (due = !early));
      escalate = () => due;
    }
    try {
      for (;;) {
        if (settled()) return;
        if (paging.acknowledgedBy.length === 0) {
          // Counted once the page is settled: a run that continues as new meanwhile carries this repeat, and the
          // next run sends it again under the same delivery ids rather than skipping it.
          const reached = await send(level, paging.nextRepeat);
          paging.nextRepeat++;
          if (settled()) return;
          if (!reached && level < 3) break;
        }
        if (escalate()) break;
        if (paging.acknowledgedBy.length > 0) await condition(() => settled() || escalate());
        else await condition(() => settled() || escalate() || paging.acknowledgedBy.length > 0, ackMs);
        if (escalate()) break;
      }
    } finally {
      left = true; // cancels the level's escalation timer
    }
  }
}

/** Sends one page and logs it as `staff.paged` (PAGER_FAILED once its attempts are spent): was anyone reached? */
function pageOnce({ state, timings, version }: CaseContext) {
  const pager = pagerWith(timings);
  const { caseId, round } = state;
  return async (level: PageLevel, repeat: number): Promise<boolean> => {
    const request: PageRequest = { caseId, round, level, repeat, deadline: state.reviewDeadline! };
    const record = async (outcome: PageOutcome | undefined) => {
      await besideSteps.recordSteps({ caseId, steps: [pagedStep(request, outcome)] });
    };
    const outcome = await deliverAndLog(
      version,
      { together: () => pager.pageStaffAndRecord(request), apart: () => pager.pageStaff(request) },
      record,
    );
    if (outcome === undefined) await record(undefined);
    return outcome !== undefined && !outcome.nobody;
  };
}
