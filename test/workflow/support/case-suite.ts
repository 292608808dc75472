import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { CaseRecordActivities } from '../../../apps/worker/src/activities/case-record.activities';
import { deliveriesThatRecord } from '../../../apps/worker/src/activities/recorded-on-delivery';
import { InMemoryLedger } from '../../../apps/worker/src/activities/testing/in-memory-ledger';
import { DEFAULT_CALENDAR } from '../../../libs/policy/src/calendar';
import { encryptedDataConverter } from '../../../libs/temporal/src/data-converter';
import { PayloadKeyring } from '../../../libs/temporal/src/payload-keyring';
import type { CaseTimings } from '../../../workflows/case/case.types';
import { CaseUnderTest } from './case-under-test';
import { FakeDeliveries } from './fake-deliveries';
import { TEST_BOOKKEEPING } from '../../../apps/worker/src/activities/testing/bookkeeping-settings';

export { CaseUnderTest, eventually, refusalOf } from './case-under-test';

/** Long enough never to fire in a test that does not wait for it; a test that does passes its own. */
const NEVER = 10 * 60_000;
export const TIMINGS: CaseTimings = {
  reviewDeadlineMs: { EMERGENCY: NEVER, NON_EMERGENCY: NEVER, NONE: NEVER },
  checkInDelayMs: NEVER,
  feedbackRequestDelayMs: NEVER,
  feedbackWaitMs: NEVER,
  delivery: { initialIntervalMs: 20, maximumIntervalMs: 50, maximumAttempts: 3 },
  pageAckTimeoutMs: NEVER,
};

let runtimeInstalled = false;

/**
 * The case workflow on the suite's dev server (test/workflow/global-setup.ts), with the real bookkeeping activities
 * over an in-memory ledger and deliveries that reach no one: every path in seconds, on a fresh clone.
 */
export class CaseSuite {
  private constructor(
    readonly ledger: InMemoryLedger,
    readonly deliveries: FakeDeliveries,
    readonly client: Client,
    private readonly taskQueue: string,
    private readonly connection: Connection,
    private readonly worker: Worker,
    private readonly running: Promise<void>,
  ) {}

  static async start(): Promise<CaseSuite> {
    const address = process.env.WORKFLOW_SUITE_TEMPORAL;
    const codePath = process.env.WORKFLOW_SUITE_BUNDLE;
    if (!address || !codePath) throw new Error('The workflow suite server is not running (global-setup did not run)');
    if (!runtimeInstalled) Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
    const dataConverter = encryptedDataConverter(PayloadKeyring.fromBase64(randomBytes(32).toString('base64')));
    const ledger = new InMemoryLedger();
    const deliveries = new FakeDeliveries();
    const taskQueue = `case-suite-${randomUUID()}`;
    const worker = await Worker.create({
      connection: await NativeConnection.connect({ address }),
      taskQueue,
      workflowBundle: { codePath },
      dataConverter,
      activities: activitiesOf(
        new CaseRecordActivities(ledger, TIMINGS, DEFAULT_CALENDAR, TEST_BOOKKEEPING),
        deliveries,
      ),
    });
    const connection = await Connection.connect({ address });
    const client = new Client({ connection, dataConverter });
    return new CaseSuite(ledger, deliveries, client, taskQueue, connection, worker, worker.run());
  }

  async stop(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    await this.connection.close();
  }

  /** Opens a case as intake does (a row, then its workflow), with the given disclosure and timings. */
  async open(
    options: {
      row?: Parameters<InMemoryLedger['addCase']>[0] extends infer R ? Partial<R> : never;
      timings?: Partial<CaseTimings> | null;
      workflow?: 'caseWorkflow' | 'legacyCaseWorkflow';
    } = {},
  ): Promise<CaseUnderTest> {
    const caseId = randomUUID();
    this.ledger.addCase({ ...options.row, id: caseId });
    const timings = options.timings === null ? undefined : { ...TIMINGS, ...options.timings };
    const handle = await this.client.workflow.start(options.workflow ?? 'caseWorkflow', {
      workflowId: `case-${caseId}`,
      taskQueue: this.taskQueue,
      args: [{ caseId, timings }],
    });
    const opened = new CaseUnderTest(caseId, handle, this.ledger);
    await opened.waitFor('case.opened');
    return opened;
  }
}

/** What the worker registers, as `bindActivities` does: the bookkeeping for real, the deliveries faked. */
function activitiesOf(records: CaseRecordActivities, deliveries: FakeDeliveries) {
  const own = <T extends object>(target: T, names: (keyof T)[]) =>
    Object.fromEntries(names.map((n) => [n, (target[n] as (...args: unknown[]) => unknown).bind(target)]));
  return {
    ...own(records, ['loadTimings', 'recordCaseOpened', 'recordAssessment', 'recordSteps']),
    ...own(records, ['evaluatePolicy', 'recordStep', 'prepareNotification']), // legacy
    ...own(deliveries, ['deliverNotification', 'deliverReferral', 'notifyStaff', 'pageStaff']),
    ...own(deliveries, ['notifySubject', 'sendReferral']), // legacy
    ...deliveriesThatRecord(deliveries, (input) =>
      deliveries.logDownAfterDelivery ? Promise.reject(new Error('log down')) : records.recordSteps(input),
    ),
  };
}
