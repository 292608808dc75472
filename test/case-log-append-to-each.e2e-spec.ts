import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { appendToEach, CaseLogStore, CaseNotFoundError } from '@sg/case-log';
import { dataSourceOptions } from '@sg/persistence';
import { verifyLog } from './support/audit';
import { withDb } from './support/db';
import { e2eEnv } from './support/env';
import { openCase } from './support/lifecycle-api';

const { databaseUrl, serviceDatabaseUrl } = e2eEnv();
let dataSource: DataSource;

const viewed = (caseId: string, stepKey = `case.viewed:${randomUUID()}`) => ({
  caseId,
  stepKey,
  actor: 'subject',
  type: 'case.viewed',
  data: { what: 'sharing-history' },
});

interface Row {
  seq: number;
  hash: string;
  step_key: string;
  signature: string | null;
}

async function rowsOf(caseId: string): Promise<Row[]> {
  return withDb(
    databaseUrl,
    async (db) =>
      (
        await db.query('SELECT seq, hash, step_key, signature FROM case_log_entries WHERE case_id = $1 ORDER BY seq', [
          caseId,
        ])
      ).rows,
  );
}

beforeAll(async () => {
  process.env.SAFEGUARDING_DEV = '1'; // signs with the development key, as the suite's stack does
  dataSource = await new DataSource(dataSourceOptions(serviceDatabaseUrl)).initialize();
});

afterAll(async () => {
  await dataSource.destroy();
});

describe('appendToEach: one entry for each of several cases, written by one INSERT', () => {
  it("chains and signs each case's entry after its head, once per step key", async () => {
    const [a, b] = [(await openCase()).caseId, (await openCase()).caseId];
    const heads = [(await rowsOf(a)).length, (await rowsOf(b)).length];
    const requests = [viewed(a), viewed(b)];

    const results = await appendToEach(dataSource, requests);
    expect(results.map((r) => [r.entry.caseId, r.entry.seq, r.created])).toEqual([
      [a, heads[0] + 1, true],
      [b, heads[1] + 1, true],
    ]);
    const again = await appendToEach(dataSource, requests);
    expect(again.map((r) => [r.entry, r.created])).toEqual(results.map((r) => [r.entry, false]));

    for (const [i, caseId] of [a, b].entries()) {
      const rows = await rowsOf(caseId);
      expect(rows.filter((r) => r.step_key === requests[i].stepKey)).toEqual([
        {
          seq: heads[i] + 1,
          hash: results[i].entry.hash,
          step_key: requests[i].stepKey,
          signature: expect.any(String),
        },
      ]);
      const { status, body } = await verifyLog(caseId);
      expect([status, body.valid]).toEqual([200, true]);
    }
  });

  it('given a head that is no longer the head, reads the heads again and follows the real one', async () => {
    const { caseId } = await openCase();
    const last = (await rowsOf(caseId)).at(-1)!;
    const stale = new Map([[caseId, { seq: last.seq, hash: last.hash }]]);
    await new CaseLogStore(dataSource).append(viewed(caseId));
    const head = (await rowsOf(caseId)).length;

    const [result] = await appendToEach(dataSource, [viewed(caseId)], stale);
    expect([result.entry.seq, result.created]).toEqual([head + 1, true]);
    const verified = await verifyLog(caseId);
    expect([verified.status, verified.body.valid]).toEqual([200, true]);
  });

  it('writes nothing when one of the cases does not exist', async () => {
    const { caseId } = await openCase();
    const before = await rowsOf(caseId);
    await expect(appendToEach(dataSource, [viewed(caseId), viewed(randomUUID())])).rejects.toBeInstanceOf(
      CaseNotFoundError,
    );
    await expect(appendToEach(dataSource, [viewed(caseId), { ...viewed(caseId), type: 'made.up' }])).rejects.toThrow(
      /made\.up/,
    );
    expect(await rowsOf(caseId)).toEqual(before);
  });

  it('never makes a concurrent CaseLogStore.append fail, and the chain stays whole', async () => {
    const { caseId } = await openCase();
    const store = new CaseLogStore(dataSource);
    const before = (await rowsOf(caseId)).length;
    const settled = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 ? store.append(viewed(caseId)) : appendToEach(dataSource, [viewed(caseId)]),
      ),
    );
    const locked = settled.filter((_, i) => i % 2);
    expect(locked.map((s) => s.status)).toEqual(Array(6).fill('fulfilled'));
    // appendToEach may give up after its retries (its caller then answers 5xx), but what it wrote is in the chain.
    const written = settled.filter((s) => s.status === 'fulfilled').length;
    const rows = await rowsOf(caseId);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: before + written }, (_, i) => i + 1));
    const { status, body } = await verifyLog(caseId);
    expect([status, body.valid]).toEqual([200, true]);
  });
});
