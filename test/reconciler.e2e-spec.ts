import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';
import { encryptedDataConverter } from '../libs/temporal/src/data-converter';
import { PayloadKeyring } from '../libs/temporal/src/payload-keyring';
import type { ReconcileRun } from '../workflows/reconcile/reconcile.types';
import { withDb } from './support/db';
import { recordHistory } from './support/histories';
import { eventually } from './support/eventually';
import { e2eEnv } from './support/env';
import {
  AMY,
  assess,
  call,
  CAT,
  caseView,
  DAN,
  entriesOf,
  expectAnswer,
  expectSoundLog,
  feedback,
  logOf,
  openCase,
  refer,
  review,
  waitForEntry,
  waitForStatus,
} from './support/lifecycle-api';
import { sampleSum, scrape } from './support/prometheus';

/**
 * Issue 10 item 2: a case never silently dies. A case whose workflow is terminated (as anyone with the Temporal CLI
 * could) is found by the reconciler, logged once, given a supervisor task and counted; a supervisor resumes it and
 * the case goes on to closure through the API. The reconciler is run as its schedule runs it, on demand.
 */
const { apiUrl, temporalAddress, databaseUrl } = e2eEnv();
const TASK_QUEUE = 'safeguarding-cases';
const GAUGE = 'safeguarding_cases_without_workflow';

let connection: Connection;
let client: Client;
beforeAll(async () => {
  connection = await Connection.connect({ address: temporalAddress });
  client = new Client({
    connection,
    dataConverter: encryptedDataConverter(PayloadKeyring.fromBase64(DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY)),
  });
});
afterAll(() => connection?.close());

function reconcile(): Promise<ReconcileRun> {
  return client.workflow.execute('caseReconcilerWorkflow', {
    workflowId: `case-reconciler-on-demand-${randomUUID()}`, // a shape the canary allows: it carries no data
    taskQueue: TASK_QUEUE,
    args: [{}],
  });
}

const stoppedTasks = (caseId: string) =>
  withDb(databaseUrl, async (db) => {
    const { rows } = await db.query(
      `SELECT task_key, role, completed_at FROM case_tasks WHERE case_id = $1 AND kind = 'WORKFLOW_STOPPED'`,
      [caseId],
    );
    return rows as { task_key: string; role: string; completed_at: Date | null }[];
  });

describe('a case whose workflow stopped', () => {
  it('the API has scheduled the reconciler: one schedule, every CASE_RECONCILE_INTERVAL, no overlapping runs', async () => {
    const schedule = await client.schedule.getHandle('case-reconciler').describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'caseReconcilerWorkflow' });
    expect(schedule.action.type === 'startWorkflow' && schedule.action.taskQueue).toBe(TASK_QUEUE);
    expect(schedule.spec.intervals).toEqual([expect.objectContaining({ every: 5 * 60_000 })]);
    expect(schedule.policies.overlap).toBe('SKIP');
  });

  it('is found by the reconciler (once), tasked and counted; resumed, it proceeds to closure', async () => {
    const { caseId } = await openCase();
    expectAnswer(await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
    const workflow = client.workflow.getHandle(`case-${caseId}`);
    const { runId } = await workflow.describe();
    await workflow.terminate('test: a case whose workflow was terminated');

    // Nothing can move the case now.
    expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 503, 'CASE.WORKFLOW_NOT_RUNNING');

    const first = await reconcile();
    expect(first.stopped).toBeGreaterThanOrEqual(1);
    expect(first.newlyLogged).toBeGreaterThanOrEqual(1);
    const stopped = entriesOf(await logOf(caseId), 'case.workflow_stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]).toMatchObject({ actor: 'system', data: { workflowStatus: 'TERMINATED', runId } });
    expect(await stoppedTasks(caseId)).toEqual([
      { task_key: `workflow-stopped:${runId}`, role: 'supervisor', completed_at: null },
    ]);
    expect((await caseView(caseId)).openTasks).toEqual([expect.objectContaining({ kind: 'WORKFLOW_STOPPED' })]);
    expect(sampleSum(await scrape(apiUrl), GAUGE)).toBe(1);

    // A second pass adds nothing.
    const second = await reconcile();
    expect(second.newlyLogged).toBe(0);
    expect(entriesOf(await logOf(caseId), 'case.workflow_stopped')).toHaveLength(1);
    expect(await stoppedTasks(caseId)).toHaveLength(1);

    // Only a supervisor or an admin resumes; once running, it cannot be resumed again.
    expectAnswer(await call(AMY, 'POST', `/cases/${caseId}/resume`), 403);
    const resumed = await call(DAN, 'POST', `/cases/${caseId}/resume`);
    expectAnswer(resumed, 202);
    expect(resumed.body).toEqual({ caseId, status: 'AWAITING_REVIEW', resumedFrom: 'TERMINATED' });
    expectAnswer(await call(DAN, 'POST', `/cases/${caseId}/resume`), 409, 'CASE.WORKFLOW_RUNNING');

    const withResume = await waitForEntry(caseId, 'case.workflow_resumed');
    expect(entriesOf(withResume, 'case.workflow_resumed')[0]).toMatchObject({
      actor: DAN.username,
      data: { workflowStatus: 'TERMINATED', stoppedRunId: runId, status: 'AWAITING_REVIEW', round: 1 },
    });
    // Written in the same transaction as case.workflow_resumed.
    expect((await stoppedTasks(caseId))[0].completed_at).not.toBeNull();
    expect(sampleSum(await scrape(apiUrl), GAUGE)).toBe(0);
    expect((await reconcile()).newlyLogged).toBe(0);

    // The case goes on as if nothing had happened: four eyes still holds (Amy assessed it).
    expectAnswer(await review(caseId, AMY, { decision: 'APPROVE' }), 403);
    expectAnswer(await review(caseId, CAT, { decision: 'APPROVE' }), 200);
    const sharedData = { name: 'Sam Example', phone: '+44 7700 900123' };
    expectAnswer(await refer(caseId, { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData }), 201);
    await waitForEntry(caseId, 'feedback.requested');
    expectAnswer(await feedback(caseId, 'EMERGENCY_SERVICES'), 200);
    await waitForStatus(caseId, 'CLOSED');

    const entries = await logOf(caseId);
    expect(entriesOf(entries, 'case.opened')).toHaveLength(1);
    expectSoundLog(
      entries,
      [
        'case.opened',
        'assessment.submitted',
        'policy.evaluated',
        'review.requested',
        'case.workflow_stopped',
        'case.workflow_resumed',
        'review.decided',
        'referral.recorded',
        'subject.notified',
        'feedback.requested',
        'feedback.received',
        'case.closed',
        ...(entriesOf(entries, 'review.escalated').length ? ['review.escalated'] : []),
      ],
      ['EMERGENCY_SERVICES'],
    );
    expectAnswer(await call(DAN, 'POST', `/cases/${caseId}/resume`), 409, 'CASE.CLOSED');
    await recordHistory(temporalAddress, caseId, 'resumed');
  });

  it('a case Temporal has no workflow of is reported missing; resumed, it starts from its log', async () => {
    const { caseId } = await openCase();
    const workflowId = `case-${caseId}`;
    await connection.workflowService.deleteWorkflowExecution({
      namespace: 'default',
      workflowExecution: { workflowId },
    });
    await eventually('the workflow gone from Temporal', () =>
      client.workflow
        .getHandle(workflowId)
        .describe()
        .then(
          () => undefined,
          (error: Error) => (error instanceof WorkflowNotFoundError ? true : undefined),
        ),
    );

    await reconcile();
    expect(entriesOf(await logOf(caseId), 'case.workflow_stopped')).toEqual([
      expect.objectContaining({ data: { workflowStatus: 'MISSING', runId: null } }),
    ]);
    expect(await stoppedTasks(caseId)).toEqual([
      { task_key: 'workflow-stopped:missing', role: 'supervisor', completed_at: null },
    ]);

    const resumed = await call(DAN, 'POST', `/cases/${caseId}/resume`);
    expectAnswer(resumed, 202);
    expect(resumed.body).toEqual({ caseId, status: 'AWAITING_ASSESSMENT', resumedFrom: 'MISSING' });
    await waitForEntry(caseId, 'case.workflow_resumed');
    expect((await stoppedTasks(caseId))[0].completed_at).not.toBeNull();
    expectAnswer(await assess(caseId, { age: 15, indicators: ['ONGOING_ABUSE'] }), 200);
    const entries = await logOf(caseId);
    expect(entries.filter((e) => e.type !== 'case.viewed').map((e) => e.type)).toEqual([
      'case.opened',
      'case.workflow_stopped',
      'case.workflow_resumed',
      'assessment.submitted',
      'policy.evaluated',
      'review.requested',
    ]);
  });

  it('a case whose workflow runs is not resumed, and nothing is written; an unknown case is 404, a malformed id 400', async () => {
    const { caseId } = await openCase();
    const before = await logOf(caseId);
    expectAnswer(await call(DAN, 'POST', `/cases/${caseId}/resume`), 409, 'CASE.WORKFLOW_RUNNING');
    expectAnswer(await call(DAN, 'POST', `/cases/${randomUUID()}/resume`), 404);
    expectAnswer(await call(DAN, 'POST', '/cases/not-a-case-id/resume'), 400);
    const after = await logOf(caseId);
    expect(after.filter((e) => e.type !== 'case.viewed')).toEqual(before.filter((e) => e.type !== 'case.viewed'));
    expect(await stoppedTasks(caseId)).toEqual([]);
  });
});
