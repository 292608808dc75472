import { sleep } from '@temporalio/workflow';
import { staffNotices } from '../activities';
import type { CaseContext } from '../case-context';

/** SPEC §3.5: a group-chat emergency's check-in, when due and not yet done, is brought to an officer. */
export async function remindOfCheckIn({ state, timings }: CaseContext): Promise<void> {
  await sleep(timings.checkInDelayMs);
  if (state.checkIn?.completed) return;
  await staffNotices.notifyStaff({
    caseId: state.caseId,
    role: 'officer',
    key: 'check-in-due',
    message: 'A check-in with a young person is due now',
  });
}
