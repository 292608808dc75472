import { randomUUID } from 'node:crypto';
import { disclosure } from '../support/disclosures';
import { FaultApi, PLATFORM } from '../support/fault-api';
import { casesAgainstWorkflows, countsLine } from '../support/fault-cases';
import { useFaultStack } from '../support/fault-suite';
import { sleep } from '../support/fault-stack';
import { firstBrokenSeq } from '../support/independent-jcs';

/**
 * Issue 6, item 2, scenario 5: 50 parallel intakes with one Idempotency-Key make exactly one case (and one workflow).
 */
const PARALLEL = 50;

describe('faults: 50 parallel intakes with one Idempotency-Key', () => {
  const suite = useFaultStack();

  it('exactly one case, one workflow, one case.opened', async () => {
    const { faults, db } = suite;
    const began = Date.now();
    const api = new FaultApi(faults.apiUrl);
    const marker = randomUUID();
    const key = `race-${marker}`;
    const body = disclosure(marker, { occurredAt: '2026-11-20T21:00:00Z' });

    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        api.call(PLATFORM, 'POST', '/disclosures', body, { 'Idempotency-Key': key }),
      ),
    );
    const byStatus: Record<string, number> = {};
    for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
    const caseIds = [...new Set(answers.map((a) => a.body?.caseId))];

    const rows = await db.must<{ id: string }>('SELECT id FROM cases WHERE intake_key = $1', [key]);
    const allCases = await db.must<{ n: string }>('SELECT count(*) AS n FROM cases');
    let opened = 0;
    for (const until = Date.now() + 30_000; Date.now() < until && opened === 0; await sleep(250)) {
      opened = Number(
        (await db.must<{ n: string }>(`SELECT count(*) AS n FROM case_log_entries WHERE type = 'case.opened'`))[0].n,
      );
    }
    await sleep(1000); // a second start, were there one, would have written by now
    const log = await api.call<{ entries: any[] }>('auditor.eve', 'GET', `/cases/${caseIds[0]}/log`);
    const steps = (log.body?.entries ?? []).filter((e) => e.type !== 'case.viewed');
    const compared = await casesAgainstWorkflows(db, () => faults.caseWorkflows());

    console.log(
      countsLine('idempotency race', {
        requests: PARALLEL,
        answersByStatus: byStatus,
        distinctCaseIds: caseIds.length,
        casesWithKey: rows.length,
        casesInDb: Number(allCases[0].n),
        workflows: compared.workflows,
        caseOpenedEntries: steps.filter((e) => e.type === 'case.opened').length,
        duplicatesFound:
          Math.max(0, rows.length - 1) + Math.max(0, compared.workflows - 1) + Math.max(0, steps.length - 1),
        seconds: Math.round((Date.now() - began) / 1000),
      }),
    );

    expect(byStatus).toEqual({ 201: 1, 200: PARALLEL - 1 });
    expect(caseIds).toHaveLength(1);
    expect(rows.map((r) => r.id)).toEqual(caseIds);
    expect(Number(allCases[0].n)).toBe(1);
    expect(steps.map((e) => e.type)).toEqual(['case.opened']);
    expect(firstBrokenSeq(log.body.entries)).toBeUndefined();
    expect(compared).toEqual({ cases: 1, workflows: 1, withoutWorkflow: [], withoutCase: [], duplicateWorkflows: [] });
    suite.pass();
  });
});
