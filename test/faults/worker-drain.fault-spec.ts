import { randomUUID } from 'node:crypto';
import { disclosure } from '../support/disclosures';
import { FaultApi, PLATFORM } from '../support/fault-api';
import { EMERGENCY_ASSESSMENT } from '../support/fault-cases';
import { isAlive, sleep } from '../support/fault-stack';
import { useFaultStack } from '../support/fault-suite';

/**
 * Issue 14, item 5: a worker told to stop (SIGTERM, as an orchestrator does) finishes the activity it is running
 * within WORKER_SHUTDOWN_GRACE before it exits. The platform holds the young person's notification for a few
 * seconds while the worker is stopped: the delivery's answer must still be taken by that worker and recorded, so
 * the platform is sent it once and `subject.notified` follows (a worker that died mid-delivery would leave it to a
 * retry after the activity's one-minute timeout: a second delivery, and no entry within the wait).
 */
const HOLD_MS = 4000;
/** Less than the delivery activity's one-minute timeout, after which a lost attempt would be retried. */
const WAIT_MS = 45_000;

describe('faults: the worker drains running activities when stopped', () => {
  const suite = useFaultStack({ WORKER_SHUTDOWN_GRACE: 'PT20S' });

  it('lets an in-flight delivery finish and record its result before the worker exits', async () => {
    const { faults, db } = suite;
    const api = new FaultApi(faults.apiUrl);
    const created = await api.call(PLATFORM, 'POST', '/disclosures', disclosure(randomUUID()));
    expect(created.status).toBe(201);
    const caseId: string = created.body.caseId;
    for (let i = 0; i < 100 && !(await db.caseState(caseId))?.types.includes('case.opened'); i++) await sleep(200);

    // When the platform receives this case's notification: stop the worker, then answer a few seconds later.
    let stopped: { pid: number; at: number } | undefined;
    faults.receiver.beforeAnswer = async (path, body) => {
      if (path !== '/platform' || body?.caseId !== caseId || stopped) return;
      const pid = faults.workerPid()!;
      process.kill(pid, 'SIGTERM');
      stopped = { pid, at: Date.now() };
      await sleep(HOLD_MS);
    };

    expect((await api.call('officer.amy', 'POST', `/cases/${caseId}/assessment`, EMERGENCY_ASSESSMENT)).status).toBe(
      200,
    );
    expect((await api.call('oncall.cat', 'POST', `/cases/${caseId}/review`, { decision: 'APPROVE' })).status).toBe(200);
    const referral = { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: { concernSummary: 'Plan tonight' } };
    expect((await api.call('officer.amy', 'POST', `/cases/${caseId}/referrals`, referral)).status).toBe(201);

    let notifiedAt: number | undefined;
    for (const until = Date.now() + WAIT_MS; Date.now() < until && notifiedAt === undefined; await sleep(200)) {
      const rows = await db.query<{ at: Date }>(
        `SELECT at FROM case_log_entries WHERE case_id = $1 AND type = 'subject.notified'`,
        [caseId],
      );
      if (rows?.length) notifiedAt = rows[0].at.getTime();
    }
    const received = (await (await fetch(`${faults.receiver.url}/received?caseId=${caseId}`)).json()) as {
      path: string;
      status: number;
    }[];
    const drained = faults.stackLog().includes('Worker stopped polling; running activities have finished');

    expect(stopped).toBeDefined();
    expect(isAlive(stopped!.pid)).toBe(false);
    expect(received.filter((d) => d.path === '/platform').map((d) => d.status)).toEqual([200]);
    expect(notifiedAt).toBeDefined();
    expect(drained).toBe(true);
    suite.pass();
  });
});
