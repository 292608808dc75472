import { FaultApi } from '../support/fault-api';
import {
  auditCases,
  casesAgainstWorkflows,
  countsLine,
  DrivenCase,
  driveEmergencyCase,
  lostEntries,
} from '../support/fault-cases';
import { useFaultStack } from '../support/fault-suite';
import { sleep } from '../support/fault-stack';

/**
 * Issue 6, item 2, scenario 2: the Temporal dev server is stopped (SIGTERM) in the middle of the cases' lifecycles
 * and started again with the same binary and arguments (the stack does not restart Temporal itself). The cases
 * carry on where they were — same workflow runs, no step lost or repeated — and close.
 */
const CASES = 12;
const DOWN_MS = 5000;
const ORDER = ['AWAITING_ASSESSMENT', 'AWAITING_REVIEW', 'AWAITING_REFERRAL', 'AWAITING_FEEDBACK', 'CLOSED'];

describe('faults: Temporal restarts mid-lifecycle', () => {
  const suite = useFaultStack();

  it('cases continue where they were and close', async () => {
    const { faults, db } = suite;
    const began = Date.now();
    const api = new FaultApi(faults.apiUrl);
    const created: string[] = [];
    const drivers: Promise<DrivenCase>[] = [];
    for (let i = 0; i < CASES; i++) {
      drivers.push(
        driveEmergencyCase(api, db, {
          thinkMs: [500, 8000],
          deadline: began + 5 * 60_000,
          onCreated: (id) => created.push(id),
        }),
      );
    }

    // Mid-lifecycle: every case opened, and the cases spread over four steps or more, most still open (or 30 s gone).
    const statusesNow = async () =>
      new Map(
        (await db.must<{ id: string; status: string }>('SELECT id, status FROM cases')).map((r) => [r.id, r.status]),
      );
    for (const until = Date.now() + 30_000; Date.now() < until; await sleep(250)) {
      const statuses = [...(await statusesNow()).values()];
      if (
        created.length === CASES &&
        new Set(statuses).size >= 4 &&
        statuses.filter((s) => s !== 'CLOSED').length >= CASES / 2
      )
        break;
    }
    expect(created).toHaveLength(CASES);
    const before = await db.snapshot(created);
    const statusesBefore = await statusesNow();
    const runsBefore = new Map(
      await Promise.all(created.map(async (id) => [id, (await faults.describeCaseWorkflow(id)).runId] as const)),
    );

    const argv = await faults.stopTemporal();
    const stoppedAt = Date.now();
    await sleep(DOWN_MS);
    const healthWhileDown = await api.call(undefined, 'GET', '/health', undefined, {}, 10_000);
    await faults.startTemporal(argv);
    const downS = (Date.now() - stoppedAt) / 1000;

    // Where they were: no case went back a step, and each case's workflow is the same run as before.
    const statusesAfter = await statusesNow();
    const wentBack = created.filter(
      (id) => ORDER.indexOf(statusesAfter.get(id)!) < ORDER.indexOf(statusesBefore.get(id)!),
    );

    const driven = await Promise.all(drivers);
    const runsAfter = await Promise.all(
      created.map(async (id) => ({ id, ...(await faults.describeCaseWorkflow(id)) })),
    );
    const newRuns = runsAfter.filter((r) => r.runId !== runsBefore.get(r.id)).map((r) => r.id);
    const lost = lostEntries(before, await db.snapshot(created));
    const audit = await auditCases(api, db, faults.receiver.url, created);
    const compared = await casesAgainstWorkflows(db, () => faults.caseWorkflows());
    const stalled = driven.filter((d) => !d.closed).map((d) => `${d.caseId}: ${d.lastState}`);

    const spread: Record<string, number> = {};
    for (const s of statusesBefore.values()) spread[s] = (spread[s] ?? 0) + 1;
    console.log(
      countsLine('temporal restart', {
        cases: created.length,
        statusesWhenStopped: spread,
        temporalDownS: downS,
        healthWhileDown: `${healthWhileDown.status} ${JSON.stringify(healthWhileDown.body)}`,
        closed: audit.closed,
        stalled: stalled.length,
        wentBack: wentBack.length,
        newWorkflowRuns: newRuns.length,
        lostEntries: lost.length,
        duplicatesFound: audit.duplicates.length + compared.duplicateWorkflows.length,
        missing: audit.missing.length,
        brokenChains: audit.brokenChains.length,
        casesWithoutWorkflow: compared.withoutWorkflow.length,
        workflowsWithoutCase: compared.withoutCase.length,
        redeliveriesSameDeliveryId: audit.redeliveriesSameId,
        feedbackReceived: audit.feedbackReceived,
        feedbackNotReceived: audit.feedbackNotReceived,
        seconds: Math.round((Date.now() - began) / 1000),
      }),
    );
    if (stalled.length) console.log(`[faults] stalled cases: ${stalled.join('\n')}`);

    expect(healthWhileDown.status).toBe(503);
    expect(stalled).toEqual([]);
    expect(wentBack).toEqual([]);
    expect(newRuns).toEqual([]);
    expect(runsAfter.map((r) => r.status)).toEqual(created.map(() => 'COMPLETED'));
    expect(lost).toEqual([]);
    expect(audit.duplicates).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.brokenChains).toEqual([]);
    expect(audit.badDeliveries).toEqual([]);
    expect(audit.closed).toBe(CASES);
    expect(compared).toEqual({
      cases: CASES,
      workflows: CASES,
      withoutWorkflow: [],
      withoutCase: [],
      duplicateWorkflows: [],
    });
    suite.pass();
  });
});
