import { condition, defineUpdate, proxyActivities, setHandler, sleep } from '@temporalio/workflow';

/**
 * The lifecycle's floor (docs/benchmarks.md): the emergency path's shape with nothing behind it. The same three
 * staff steps as updates, one activity per step that does nothing, the same two second-long feedback timers.
 * Workflow code: only @temporalio/workflow may be imported here.
 */
const { step } = proxyActivities<{ step(name: string): Promise<void> }>({ startToCloseTimeout: '10 seconds' });

export const assess = defineUpdate<void>('assess');
export const review = defineUpdate<void>('review');
export const refer = defineUpdate<void>('refer');

export async function lifecycleFloorWorkflow(timerMs: number): Promise<void> {
  let done = 0;
  const take = (name: string, order: number) => async () => {
    await condition(() => done === order);
    await step(name);
    done++;
  };
  setHandler(assess, take('assessment', 0));
  setHandler(review, take('review', 1));
  setHandler(refer, take('referral', 2));
  await step('opened');
  await condition(() => done === 3);
  await step('notified');
  await sleep(timerMs);
  await step('feedback requested');
  await sleep(timerMs);
  await step('closed');
}
