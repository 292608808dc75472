import { randomUUID } from 'node:crypto';
import { disclosure } from './support/disclosures';
import { FaultApi, PLATFORM } from './support/fault-api';
import { EMERGENCY_ASSESSMENT } from './support/fault-cases';
import { useFaultStack } from './support/fault-suite';
import { sleep } from './support/fault-stack';
import { PAGED, PAGING_ENV, putPagedStaffOnShift, receivedPages } from './support/paging-staff';

/**
 * SPEC §7 end to end, on a stack of its own (its timings would page every emergency of the shared suite): the
 * on-call person is paged at once and again after the acknowledgement timeout; acknowledging stops the repeats; the
 * review deadline reaches the supervisor, then the lead; a decision stops everything. Pages arrive at a real webhook
 * receiver, signed, each with its own delivery id, and carry nothing of the disclosure.
 */
const ACK_S = 3;
const DEADLINE_S = 9;
const suite = useFaultStack({
  PAGE_ACK_TIMEOUT: `PT${ACK_S}S`,
  REVIEW_DEADLINE_EMERGENCY: `PT${DEADLINE_S}S`,
  ...PAGING_ENV,
});

const [ON_CALL, SUPERVISOR, LEAD] = [PAGED[1], PAGED[2], PAGED[3]];

describe('paging loop (SPEC §7), end to end', () => {
  let api: FaultApi;
  const pagesTo = async (username: string, caseId: string) =>
    (await receivedPages(suite.faults.receiver.url, caseId)).filter((p) => p.username === username);
  const waitForPages = async (username: string, caseId: string, count: number, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const pages = await pagesTo(username, caseId);
      if (pages.length >= count) return pages;
      if (Date.now() > until) throw new Error(`${username} got ${pages.length} pages, not ${count}`);
      await sleep(100);
    }
  };

  beforeAll(async () => {
    api = new FaultApi(suite.faults.apiUrl);
    await putPagedStaffOnShift(api, suite.faults.receiver.url);
  });

  it('pages on call at once and once more, stops on acknowledgement, escalates at the deadline, stops on a decision', async () => {
    const marker = randomUUID();
    const created = await api.call(PLATFORM, 'POST', '/disclosures', disclosure(marker));
    expect(created.status).toBe(201);
    const { caseId } = created.body;
    await sleep(1_000);
    const assessed = await api.call('officer.amy', 'POST', `/cases/${caseId}/assessment`, EMERGENCY_ASSESSMENT);
    expect(assessed.status).toBe(200);
    const requestedAt = Date.now();

    // One page at request; nothing more within the acknowledgement timeout.
    const [first] = await waitForPages(ON_CALL, caseId, 1);
    expect(Date.parse(first.receivedAt) - requestedAt).toBeLessThan(ACK_S * 1000);
    await sleep(ACK_S * 1000 - (Date.now() - requestedAt) - 500);
    expect(await pagesTo(ON_CALL, caseId)).toHaveLength(1);
    // One repeat after it; then "I have it".
    const repeated = await waitForPages(ON_CALL, caseId, 2);
    expect(repeated.map((p) => p.repeat)).toEqual([0, 1]);
    const ack = await api.call(ON_CALL, 'POST', `/cases/${caseId}/acknowledge`, {});
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ round: 1, level: 1, acknowledgedBy: ON_CALL });

    // The deadline reaches the supervisor, then (an acknowledgement timeout later) the lead.
    const [toSupervisor] = await waitForPages(SUPERVISOR, caseId, 1, (DEADLINE_S + 5) * 1000);
    expect(Date.parse(toSupervisor.receivedAt) - requestedAt).toBeGreaterThanOrEqual(DEADLINE_S * 1000 - 500);
    const [toLead] = await waitForPages(LEAD, caseId, 1);
    expect(Date.parse(toLead.receivedAt) - Date.parse(toSupervisor.receivedAt)).toBeGreaterThanOrEqual(
      ACK_S * 1000 - 500,
    );
    expect(await pagesTo(ON_CALL, caseId)).toHaveLength(2); // acknowledged: no repeat at level 1

    const decided = await api.call(SUPERVISOR, 'POST', `/cases/${caseId}/review`, { decision: 'APPROVE' });
    expect(decided.status).toBe(200);
    const counts = async () =>
      Promise.all([ON_CALL, SUPERVISOR, LEAD].map(async (u) => (await pagesTo(u, caseId)).length));
    const atDecision = await counts();
    await sleep(ACK_S * 2 * 1000);
    expect(await counts()).toEqual(atDecision);

    const pages = await receivedPages(suite.faults.receiver.url, caseId);
    expect(pages.every((p) => p.delivery.signatureValid && p.delivery.status === 200)).toBe(true);
    expect(new Set(pages.map((p) => p.deliveryId)).size).toBe(pages.length);
    for (const { delivery } of pages) {
      const text = JSON.stringify(delivery.body);
      for (const secret of [marker, 'Sam Example', '+44 7700 900123', 'plan to end their life', `user-${marker}`])
        expect(text).not.toContain(secret);
      expect(delivery.body).toMatchObject({ type: 'staff.page', deadline: expect.any(String) });
    }

    const log = await suite.db.must<{ type: string; data: any }>(
      `SELECT type, data FROM case_log_entries WHERE case_id = $1 AND type IN ('staff.paged', 'review.acknowledged')
        ORDER BY seq`,
      [caseId],
    );
    const paged = log
      .filter((e) => e.type === 'staff.paged')
      .map((e) => [e.data.level, e.data.repeat, e.data.usernames]);
    expect(paged.slice(0, 4)).toEqual([
      [1, 0, [ON_CALL]],
      [1, 1, [ON_CALL]],
      [2, 0, [SUPERVISOR]],
      [3, 0, [LEAD]],
    ]);
    expect(paged).toHaveLength(pages.length);
    expect(log.filter((e) => e.type === 'review.acknowledged').map((e) => e.data)).toEqual([
      { round: 1, level: 1, acknowledgedBy: ON_CALL },
    ]);
    suite.pass();
  });
});
