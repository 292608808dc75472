import { FaultApi } from '../support/fault-api';
import { auditCases, countsLine, DrivenCase, driveEmergencyCase } from '../support/fault-cases';
import { useFaultStack } from '../support/fault-suite';
import { randomBetween, sleep } from '../support/fault-stack';
import { RESTART_BACKOFF, nextRestartDelay } from '../../scripts/stack/service-process';

/**
 * Issue 6, item 2, scenario 1: kill -9 the worker at random points, at least 20 times, while 50 emergency cases
 * are in flight. The start command restarts the worker by itself. Every case must close, and no log entry,
 * referral or notification may appear twice (by business identity: case id + type + agency/round).
 *
 * Where a kill lands: once the worker may be killed, the next staff step any case sends (assessment, review,
 * referral, feedback) arms the kill, which follows 0–800 ms later, so it lands while that step's update, its
 * activities or the deliveries and timers after it are running (or at a random idle moment if no step comes).
 *
 * Timing: the start command restarts a crashed service after 1 s, doubling up to 5 s unless it had run for 10 s
 * (scripts/stack/service-process.ts); with the worker's boot and the wait for a step, about 12 s a kill.
 */
const KILLS = 20;
const CASES = 50;
const FIRST_CASES = 15;
const SECONDS_A_KILL = 12;

describe('faults: kill -9 the worker, again and again, with 50 cases in flight', () => {
  const suite = useFaultStack();

  it('every case closes; no entry, referral or notification twice; every chain verifies', async () => {
    const { faults, db } = suite;
    const began = Date.now();
    const api = new FaultApi(faults.apiUrl);
    for (const who of ['officer.amy', 'oncall.cat', 'auditor.eve']) await api.headersFor(who);

    // Staff steps in progress, and a way to wait for the next one to be sent.
    let stepsInProgress = 0;
    let armed: ((step: string) => void) | undefined;
    const onStep = (event: 'sent' | 'answered', step: string) => {
      stepsInProgress += event === 'sent' ? 1 : -1;
      if (event === 'sent' && armed) {
        const fire = armed;
        armed = undefined;
        fire(step);
      }
    };
    const nextStep = (timeoutMs: number) =>
      new Promise<string>((resolve) => {
        const timer = setTimeout(() => {
          armed = undefined;
          resolve('none (idle)');
        }, timeoutMs);
        armed = (step) => {
          clearTimeout(timer);
          resolve(step);
        };
      });

    const drivers: Promise<DrivenCase>[] = [];
    const done = new Set<number>();
    const deadline = began + 11 * 60_000;
    const startCase = () => {
      const index = drivers.length;
      if (index >= CASES) return;
      drivers.push(
        driveEmergencyCase(api, db, { thinkMs: [500, 15_000], deadline, onStep }).finally(() => done.add(index)),
      );
    };
    const inFlight = () => drivers.length - done.size;
    const kills: {
      atS: number;
      inFlight: number;
      during: string;
      stepsInProgress: number;
      workerLivedS: number;
      restartDelayS: number;
    }[] = [];
    const remainingKills = () => KILLS - kills.length;

    for (let i = 0; i < FIRST_CASES; i++) startCase();
    // The other cases start at a pace that lasts as long as the kills are expected to, keeping
    // one case in reserve for each kill still to come, in case nothing is in flight at that moment.
    const starter = (async () => {
      while (remainingKills() > 0) {
        const spare = CASES - drivers.length - remainingKills();
        if (spare <= 0) return;
        const intervalMs = Math.max(2000, (remainingKills() * SECONDS_A_KILL * 1000) / (spare + 1));
        const until = Date.now() + randomBetween(intervalMs * 0.5, intervalMs * 1.5);
        while (Date.now() < until && remainingKills() > 0) await sleep(250);
        if (remainingKills() > 0 && CASES - drivers.length > remainingKills()) startCase();
      }
    })();

    let restartDelayMs = RESTART_BACKOFF.firstMs / 2; // what the start command will wait before restarting it
    let pid = faults.workerPid()!;
    while (kills.length < KILLS) {
      const lived = () => Date.now() - faults.workerSeenAt(pid);
      await sleep(randomBetween(300, 3000));
      if (inFlight() === 0) startCase();
      const during = await nextStep(10_000);
      await sleep(randomBetween(0, 800));
      const livedS = lived() / 1000;
      restartDelayMs = nextRestartDelay(restartDelayMs, lived());
      const polling = faults.workerPollingCount();
      const killedInFlight = inFlight();
      const killedSteps = stepsInProgress;
      const killed = await faults.killWorker();
      kills.push({
        atS: Math.round((Date.now() - began) / 1000),
        inFlight: killedInFlight,
        during,
        stepsInProgress: killedSteps,
        workerLivedS: Math.round(livedS),
        restartDelayS: restartDelayMs / 1000,
      });
      pid = await faults.waitForWorker(killed, polling, 90_000); // the start command restarts it by itself
    }
    await starter;
    while (drivers.length < CASES) startCase();
    const killsDoneS = Math.round((Date.now() - began) / 1000);

    const driven = await Promise.all(drivers);
    const caseIds = driven.map((d) => d.caseId).filter((id): id is string => !!id);
    const audit = await auditCases(api, db, faults.receiver.url, caseIds);
    const casesInDb = await db.must<{ n: string }>('SELECT count(*) AS n FROM cases');
    const duplicateKeys = await db.must(
      'SELECT intake_key, count(*) FROM cases GROUP BY intake_key HAVING count(*) > 1',
    );
    const stalled = driven.filter((d) => !d.closed).map((d) => `${d.caseId ?? d.idempotencyKey}: ${d.lastState}`);
    const failures: Record<string, number> = {};
    for (const d of driven)
      for (const [status, n] of Object.entries(d.failures)) failures[status] = (failures[status] ?? 0) + n;

    console.log(
      countsLine('worker kills', {
        kills: kills.length,
        killsWithCasesInFlight: kills.filter((k) => k.inFlight > 0).length,
        killsWithAStepInProgress: kills.filter((k) => k.stepsInProgress > 0).length,
        inFlightAtKillsMinAvgMax: `${Math.min(...kills.map((k) => k.inFlight))}/${(kills.reduce((n, k) => n + k.inFlight, 0) / kills.length).toFixed(1)}/${Math.max(...kills.map((k) => k.inFlight))}`,
        cases: driven.length,
        casesInDb: Number(casesInDb[0].n),
        closed: audit.closed,
        stalled: stalled.length,
        duplicatesFound: audit.duplicates.length + duplicateKeys.length,
        missing: audit.missing.length,
        brokenChains: audit.brokenChains.length,
        badDeliveries: audit.badDeliveries.length,
        redeliveriesSameDeliveryId: audit.redeliveriesSameId,
        feedbackReceived: audit.feedbackReceived,
        feedbackNotReceived: audit.feedbackNotReceived,
        entriesChecked: audit.entries,
        requests: driven.reduce((n, d) => n + d.requests, 0),
        nonOkAnswersByStatus: failures,
        killsDoneAtS: killsDoneS,
        seconds: Math.round((Date.now() - began) / 1000),
      }),
    );
    console.log(`[faults] kill schedule: ${JSON.stringify(kills)}`);
    if (stalled.length) console.log(`[faults] stalled cases: ${stalled.join('\n')}`);
    if (audit.duplicates.length || audit.missing.length)
      console.log(`[faults] duplicates: ${audit.duplicates.join('\n')}\nmissing: ${audit.missing.join('\n')}`);

    expect(kills.length).toBeGreaterThanOrEqual(KILLS);
    expect(kills.filter((k) => k.inFlight === 0)).toEqual([]);
    expect(driven).toHaveLength(CASES);
    expect(stalled).toEqual([]);
    expect(caseIds).toHaveLength(CASES);
    expect(Number(casesInDb[0].n)).toBe(CASES);
    expect(duplicateKeys).toEqual([]);
    expect(audit.duplicates).toEqual([]);
    expect(audit.missing).toEqual([]);
    expect(audit.brokenChains).toEqual([]);
    expect(audit.badDeliveries).toEqual([]);
    expect(audit.closed).toBe(CASES);
    suite.pass();
  });
});
