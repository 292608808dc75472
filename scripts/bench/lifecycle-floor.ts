import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { assess, refer, review } from './floor/lifecycle-floor.workflow';

export interface LifecycleFloorFigures {
  cases: number;
  casesPerSecond: number;
  closedWithinSeconds: number;
  /** history events of one floor workflow, start to completion */
  historyEvents: number;
}

const TASK_QUEUE = 'bench-lifecycle-floor';

/**
 * The floor of the lifecycle run: `total` bare workflows with the emergency path's updates, timers and one
 * do-nothing activity per step, on the same Temporal dev server, driven by 16 clients like the real run. No HTTP,
 * no database, no payload codec: what Temporal and this machine cost on their own.
 */
export async function benchLifecycleFloor(temporalAddress: string, total = 1000): Promise<LifecycleFloorFigures> {
  // Only warnings: the worker's and the bundler's progress lines would bury the figures.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const workerConnection = await NativeConnection.connect({ address: temporalAddress });
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue: TASK_QUEUE,
    workflowsPath: require.resolve('./floor/lifecycle-floor.workflow'),
    activities: { step: async () => undefined },
  });
  const running = worker.run();
  try {
    const ids: string[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < total) {
          next++;
          const handle = await client.workflow.start('lifecycleFloorWorkflow', {
            taskQueue: TASK_QUEUE,
            workflowId: `bench-floor-${randomUUID()}`,
            args: [1000],
          });
          ids.push(handle.workflowId);
          for (const update of [assess, review, refer]) await handle.executeUpdate(update);
        }
      }),
    );
    await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
    const elapsedS = (performance.now() - started) / 1000;
    const history = await client.workflow.getHandle(ids[0]).fetchHistory();
    return {
      cases: total,
      casesPerSecond: total / elapsedS,
      closedWithinSeconds: elapsedS,
      historyEvents: history.events?.length ?? 0,
    };
  } finally {
    worker.shutdown();
    await running;
    await workerConnection.close();
    await connection.close();
  }
}
