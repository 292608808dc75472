import { randomUUID } from 'node:crypto';
import { Client, Connection, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';
import { encryptedDataConverter } from '../libs/temporal/src/data-converter';
import { PayloadKeyring } from '../libs/temporal/src/payload-keyring';
import { submitAssessmentUpdate, submitReviewUpdate } from '../workflows/case/case.messages';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { AMY, assess, expectAnswer, openCase } from './support/lifecycle-api';

/**
 * Issue 10: only the service moves a case. Someone who reaches Temporal sends updates straight to a case's workflow,
 * on the real stack: a forged actor with the payload key, and, without it, a payload captured from another update.
 */
const { temporalAddress, databaseUrl } = e2eEnv();
const LIFECYCLE_COMPLETED =
  temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;

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

// What the system writes on its own meanwhile (the on-call paging loop, a missed deadline), not caused by an update.
const BESIDE = ['staff.paged', 'review.escalated'];

/** The case's log entry types (less what runs beside the steps) and status, straight from the database. */
async function written(caseId: string): Promise<{ types: string[]; status: string }> {
  return withDb(databaseUrl, async (db) => ({
    types: (
      await db.query('SELECT type FROM case_log_entries WHERE case_id = $1 AND type <> ALL($2) ORDER BY seq', [
        caseId,
        BESIDE,
      ])
    ).rows.map((r) => r.type as string),
    status: (await db.query('SELECT status FROM cases WHERE id = $1', [caseId])).rows[0].status as string,
  }));
}

/** The update as it sits in the case's history (encrypted): what someone with access to Temporal could copy. */
async function capturedUpdate(caseId: string) {
  const { events } = await client.workflow.getHandle(`case-${caseId}`).fetchHistory();
  const accepted = events!.find((e) => e.workflowExecutionUpdateAcceptedEventAttributes)!;
  return accepted.workflowExecutionUpdateAcceptedEventAttributes!.acceptedRequest!;
}

/** Sends payloads as they are (no key needed) to a case under an update id; the outcome, failed or not. */
async function resend(caseId: string, request: temporal.api.update.v1.IRequest, updateId: string) {
  const response = await connection.workflowService.updateWorkflowExecution({
    namespace: 'default',
    workflowExecution: { workflowId: `case-${caseId}` },
    request: { meta: { updateId, identity: 'someone with access to Temporal' }, input: request.input },
    waitPolicy: { lifecycleStage: LIFECYCLE_COMPLETED },
  });
  return response.outcome;
}

describe('updates sent around the API', () => {
  it('a forged reviewer, with the payload key, is refused and nothing is written', async () => {
    const { caseId } = await openCase({ age: 15 });
    expectAnswer(await assess(caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }), 200);
    const before = await written(caseId);
    const requestId = randomUUID();
    const forged = client.workflow.getHandle(`case-${caseId}`).executeUpdate(submitReviewUpdate, {
      args: [
        {
          caseId: randomUUID(), // the envelope of another case
          requestId,
          actor: { username: 'ghost.reviewer', roles: ['supervisor'] },
          input: { decision: 'OVERRIDE', level: 'NONE', reason: 'nothing to see' },
        },
      ],
      updateId: requestId,
    });
    const failure = await forged.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((failure as WorkflowUpdateFailedError).cause).toBeInstanceOf(ApplicationFailure);
    expect((failure as WorkflowUpdateFailedError).cause).toMatchObject({ type: 'FORBIDDEN' });
    expect(await written(caseId)).toEqual(before);
  });

  it('a captured payload replayed into another case, or into its own under a new id, is refused; nothing written', async () => {
    const first = await openCase({ age: 15 });
    const second = await openCase({ age: 15 });
    expectAnswer(await assess(first.caseId, { age: 15, indicators: ['SUICIDE_PLAN_IMMEDIATE'] }, AMY), 200);
    const captured = await capturedUpdate(first.caseId);
    expect(captured.input!.name).toBe(submitAssessmentUpdate.name);
    const firstBefore = await written(first.caseId);
    const secondBefore = await written(second.caseId);

    expect((await resend(second.caseId, captured, randomUUID()))?.failure).toBeTruthy();
    expect((await resend(first.caseId, captured, randomUUID()))?.failure).toBeTruthy();
    // Under its own update id Temporal answers with the first outcome and runs nothing again.
    expect((await resend(first.caseId, captured, captured.meta!.updateId!))?.success).toBeTruthy();

    expect(await written(second.caseId)).toEqual(secondBefore);
    expect(secondBefore.status).toBe('AWAITING_ASSESSMENT');
    expect(secondBefore.types).not.toContain('assessment.submitted');
    expect(await written(first.caseId)).toEqual(firstBefore);
    const { events } = await client.workflow.getHandle(`case-${second.caseId}`).fetchHistory();
    expect(events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toEqual([]);
  });
});
