import { randomUUID } from 'node:crypto';
import { disclosure } from '../support/disclosures';
import { Answer, FaultApi, PLATFORM } from '../support/fault-api';
import { countsLine, EMERGENCY_ASSESSMENT } from '../support/fault-cases';
import { useFaultStack } from '../support/fault-suite';
import { randomBetween, sleep } from '../support/fault-stack';
import { PAGING_ENV, putPagedStaffOnShift, receivedPages } from '../support/paging-staff';

/**
 * Issue 13: kill -9 the worker 20 times while pages go out for 30 emergency cases. Each case is paged at level 1
 * every PAGE_ACK_TIMEOUT until its deadline, then at levels 2 and 3, until a supervisor decides it, so pages are
 * always going out when a kill lands. Counted at the webhook receiver by business identity (case, level, repeat,
 * person): every page the log records arrived (0 missing), none arrived under two delivery ids (0 duplicates),
 * and no page arrived that the log does not record. A page re-sent under its own delivery id after a kill (the
 * worker died between sending and marking it sent) is a redelivery the receiver drops; it is counted apart.
 */
const KILLS = 20;
const CASES = 30;
/** how long each case is left undecided: its deadline, then level 2 and a few level-3 repeats */
const UNDECIDED_MS = 22_000;

const suite = useFaultStack({ PAGE_ACK_TIMEOUT: 'PT2S', REVIEW_DEADLINE_EMERGENCY: 'PT12S', ...PAGING_ENV });

/** Retries a step the API could not take while the worker was down; `done` says whether it was taken anyway. */
async function persist(step: () => Promise<Answer>, done: () => Promise<boolean>): Promise<void> {
  for (const until = Date.now() + 10 * 60_000; Date.now() < until;) {
    const answer = await step();
    if (answer.status === 200 || answer.status === 201) return;
    if (await done()) return;
    await sleep(1000);
  }
  throw new Error('A step was never taken');
}

describe('faults: kill -9 the worker while pages go out', () => {
  it('0 missing and 0 duplicate pages at the receiver across 20 kills and 30 emergency cases', async () => {
    const { faults, db } = suite;
    const api = new FaultApi(faults.apiUrl);
    await putPagedStaffOnShift(api, faults.receiver.url);
    const status = async (caseId: string) =>
      (await db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [caseId]))?.[0]?.status;

    const caseIds: string[] = [];
    const driveCase = async () => {
      const created = await api.call(PLATFORM, 'POST', '/disclosures', disclosure(randomUUID()));
      if (created.status !== 201) throw new Error(`Intake answered ${created.status}`);
      const { caseId } = created.body as { caseId: string };
      caseIds.push(caseId);
      await persist(
        () => api.call('officer.amy', 'POST', `/cases/${caseId}/assessment`, EMERGENCY_ASSESSMENT),
        async () => (await status(caseId)) === 'AWAITING_REVIEW',
      );
      await sleep(UNDECIDED_MS);
      await persist(
        () => api.call('supervisor.dan', 'POST', `/cases/${caseId}/review`, { decision: 'APPROVE' }),
        async () => (await status(caseId)) !== 'AWAITING_REVIEW',
      );
    };

    const began = Date.now();
    const drivers: Promise<void>[] = [];
    const starter = (async () => {
      for (let i = 0; i < CASES; i++) {
        drivers.push(driveCase());
        await sleep(randomBetween(5000, 9000)); // spread over the kills, so pages go out all along
      }
    })();
    let kills = 0;
    await sleep(4000);
    while (kills < KILLS) {
      // Long enough for the new worker to take up the workflow tasks the last one held, short enough to land mid-page.
      await sleep(randomBetween(5000, 9000));
      const polling = faults.workerPollingCount();
      const killed = await faults.killWorker();
      kills++;
      await faults.waitForWorker(killed, polling, 90_000); // the start command restarts it by itself
    }
    await starter;
    await Promise.all(drivers);

    // Settled: every case decided and its last page logged; then nothing more arrives.
    let logged: { case_id: string; level: number; repeat: number; outcome: string; usernames: string[] }[] = [];
    for (let stable = 0, last = -1; stable < 3;) {
      await sleep(2000);
      logged = await db.must(
        `SELECT case_id, (data->>'level')::int AS level, (data->>'repeat')::int AS repeat, data->>'outcome' AS outcome,
                ARRAY(SELECT jsonb_array_elements_text(data->'usernames')) AS usernames
           FROM case_log_entries WHERE type = 'staff.paged' AND case_id = ANY($1)`,
        [caseIds],
      );
      stable = logged.length === last ? stable + 1 : 0;
      last = logged.length;
    }
    const received = await receivedPages(faults.receiver.url);
    const keyOf = (p: { caseId: string; level: number; repeat: number; username: string }) =>
      `${p.caseId}:${p.level}:${p.repeat}:${p.username}`;
    const idsByKey = new Map<string, Set<string | undefined>>();
    for (const page of received)
      idsByKey.set(keyOf(page), (idsByKey.get(keyOf(page)) ?? new Set()).add(page.deliveryId));
    const expected = new Set(
      logged.flatMap((e) =>
        e.usernames.map((username) => keyOf({ caseId: e.case_id, level: e.level, repeat: e.repeat, username })),
      ),
    );
    const missing = [...expected].filter((key) => !idsByKey.has(key));
    const duplicates = [...idsByKey].filter(([, ids]) => ids.size > 1).map(([key]) => key);
    const unlogged = [...idsByKey.keys()].filter((key) => !expected.has(key));
    const distinctReceipts = new Set(received.map((p) => `${keyOf(p)}:${p.deliveryId}`)).size;
    // No repeat skipped at any level (a lost timer would leave a gap), and no level reached without the one before.
    const repeatsOf = (caseId: string, level: number) =>
      logged.filter((e) => e.case_id === caseId && e.level === level).map((e) => e.repeat);
    const gaps = caseIds
      .filter(
        (caseId) =>
          [1, 2, 3].some((level) => {
            const repeats = repeatsOf(caseId, level);
            const skipped = repeats.length > 0 && Math.max(...repeats) !== repeats.length - 1;
            return skipped || (level > 1 && repeats.length > 0 && repeatsOf(caseId, level - 1).length === 0);
          }) || repeatsOf(caseId, 1).length === 0,
      )
      .map((caseId) => `${caseId}: ${[1, 2, 3].map((level) => `${level}[${repeatsOf(caseId, level)}]`).join(' ')}`);
    const reachedLevel3 = caseIds.filter((caseId) => repeatsOf(caseId, 3).length > 0).length;

    console.log(
      countsLine('paging under worker kills', {
        kills,
        cases: caseIds.length,
        pages: idsByKey.size,
        duplicates: duplicates.length,
        missing: missing.length,
        unlogged: unlogged.length,
        redeliveriesSameDeliveryId: received.length - distinctReceipts,
        pagerFailed: logged.filter((e) => e.outcome !== 'PAGED').length,
        casesWithAGap: gaps.length,
        casesThatReachedLevel3: reachedLevel3,
        seconds: Math.round((Date.now() - began) / 1000),
      }),
    );
    if (missing.length || duplicates.length || unlogged.length)
      console.log(
        `[faults] missing: ${missing.join(' ')}\nduplicates: ${duplicates.join(' ')}\nunlogged: ${unlogged.join(' ')}`,
      );

    expect(kills).toBe(KILLS);
    expect(caseIds).toHaveLength(CASES);
    expect(missing).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(unlogged).toEqual([]);
    expect(gaps).toEqual([]);
    expect(logged.filter((e) => e.outcome !== 'PAGED')).toEqual([]);
    suite.pass();
  });
});
