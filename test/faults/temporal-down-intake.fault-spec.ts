import { randomUUID } from 'node:crypto';
import { disclosure } from '../support/disclosures';
import { FaultApi, PLATFORM } from '../support/fault-api';
import {
  auditCases,
  casesAgainstWorkflows,
  countsLine,
  driveEmergencyCase,
  EMERGENCY_ASSESSMENT,
} from '../support/fault-cases';
import { useFaultStack } from '../support/fault-suite';
import { sleep } from '../support/fault-stack';

/**
 * Issue 6, item 2, scenario 3 (SPEC §3.1: an accepted disclosure is never lost, even if the workflow engine is
 * down): with Temporal stopped, disclosures are still accepted (201, workflowStarted: false); once Temporal is
 * back the API's relay starts their workflows and case.opened appears. No accepted case is left without a
 * workflow, and no workflow exists without its case.
 */
const CASES = 8;
const RETRY_MS = 1000;

describe('faults: intake while Temporal is down', () => {
  const suite = useFaultStack({ WORKFLOW_START_RETRY_MS: String(RETRY_MS) });

  it('accepts disclosures (201, workflowStarted false), and starts their workflows once Temporal is back', async () => {
    const { faults, db } = suite;
    const began = Date.now();
    const api = new FaultApi(faults.apiUrl);
    await api.headersFor('officer.amy'); // log in while everything is up
    await api.headersFor('auditor.eve');

    const argv = await faults.stopTemporal();
    const stoppedAt = Date.now();

    const bodies = Array.from({ length: CASES }, () => {
      const marker = randomUUID();
      return { key: `down-${marker}`, body: disclosure(marker, { occurredAt: '2026-11-20T21:00:00Z' }) };
    });
    const answers = await Promise.all(
      bodies.map(({ key, body }) => api.call(PLATFORM, 'POST', '/disclosures', body, { 'Idempotency-Key': key })),
    );
    const caseIds = answers.map((a) => a.body?.caseId as string);
    // A retry of one of them, still while Temporal is down: the same case, not a second one.
    const retried = await api.call(PLATFORM, 'POST', '/disclosures', bodies[0].body, {
      'Idempotency-Key': bodies[0].key,
    });
    const views = await Promise.all(caseIds.map((id) => api.call('officer.amy', 'GET', `/cases/${id}`)));
    const pendingStep = await api.call('officer.amy', 'POST', `/cases/${caseIds[0]}/assessment`, EMERGENCY_ASSESSMENT);
    const opened = await db.must<{ n: string }>(
      `SELECT count(*) AS n FROM case_log_entries WHERE case_id = ANY($1) AND type <> 'case.viewed'`,
      [caseIds],
    );
    await sleep(3 * RETRY_MS); // the relay tries, and fails, a few times

    await faults.startTemporal(argv);
    const downS = (Date.now() - stoppedAt) / 1000;
    const backAt = Date.now();

    // The relay starts every pending workflow; each writes case.opened.
    let startedS: number | undefined;
    for (const until = Date.now() + 90_000; Date.now() < until; await sleep(250)) {
      const rows = await db.must<{ n: string }>(
        `SELECT count(*) AS n FROM cases c WHERE c.id = ANY($1) AND c.workflow_started_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM case_log_entries e WHERE e.case_id = c.id AND e.type = 'case.opened')`,
        [caseIds],
      );
      if (Number(rows[0].n) === CASES) {
        startedS = (Date.now() - backAt) / 1000;
        break;
      }
    }
    const viewsAfter = await Promise.all(caseIds.map((id) => api.call('officer.amy', 'GET', `/cases/${id}`)));
    const compared = await casesAgainstWorkflows(db, () => faults.caseWorkflows());

    // And the cases are healthy: each goes the whole emergency path to CLOSED.
    const driven = await Promise.all(
      caseIds.map((caseId) =>
        driveEmergencyCase(api, db, { caseId, thinkMs: [200, 2000], deadline: Date.now() + 4 * 60_000 }),
      ),
    );
    const audit = await auditCases(api, db, faults.receiver.url, caseIds);

    console.log(
      countsLine('intake while temporal down', {
        posted: answers.length,
        answers: answers.map((a) => a.status).join(','),
        retryWhileDown: retried.status,
        workflowStartedWhileDown: views.map((v) => v.body?.workflowStarted).join(','),
        stepWhileDown: `${pendingStep.status} ${pendingStep.body?.code}`,
        entriesWhileDown: Number(opened[0].n),
        temporalDownS: downS,
        workflowsStartedAfterS: startedS ?? 'never',
        cases: compared.cases,
        workflows: compared.workflows,
        casesWithoutWorkflow: compared.withoutWorkflow.length,
        workflowsWithoutCase: compared.withoutCase.length,
        closed: audit.closed,
        duplicatesFound: audit.duplicates.length + compared.duplicateWorkflows.length,
        missing: audit.missing.length,
        brokenChains: audit.brokenChains.length,
        seconds: Math.round((Date.now() - began) / 1000),
      }),
    );

    expect(answers.map((a) => a.status)).toEqual(caseIds.map(() => 201));
    expect(new Set(caseIds).size).toBe(CASES);
    expect({ status: retried.status, caseId: retried.body?.caseId }).toEqual({ status: 200, caseId: caseIds[0] });
    expect(views.map((v) => [v.status, v.body?.status, v.body?.workflowStarted])).toEqual(
      caseIds.map(() => [200, 'AWAITING_ASSESSMENT', false]),
    );
    expect({ status: pendingStep.status, code: pendingStep.body?.code }).toEqual({
      status: 503,
      code: 'CASE.WORKFLOW_PENDING',
    });
    expect(Number(opened[0].n)).toBe(0);
    expect(startedS).toBeDefined();
    expect(viewsAfter.map((v) => v.body?.workflowStarted)).toEqual(caseIds.map(() => true));
    expect(compared).toEqual({
      cases: CASES,
      workflows: CASES,
      withoutWorkflow: [],
      withoutCase: [],
      duplicateWorkflows: [],
    });
    expect(driven.filter((d) => !d.closed).map((d) => `${d.caseId}: ${d.lastState}`)).toEqual([]);
    expect(audit.duplicates).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.brokenChains).toEqual([]);
    expect(audit.closed).toBe(CASES);
    suite.pass();
  });
});
