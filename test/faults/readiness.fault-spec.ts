import { randomUUID } from 'node:crypto';
import { disclosure } from '../support/disclosures';
import { FaultApi, PLATFORM } from '../support/fault-api';
import { waitUntil } from '../support/fault-stack';
import { useFaultStack } from '../support/fault-suite';

type Ready = { temporal?: string } | undefined;

/**
 * Issue 14, item 4: readiness says whether a service can take traffic. The API needs its database but not
 * Temporal (intake stores the case and the relay starts its workflow later), so with Temporal stopped it stays ready
 * and intake answers 201; with PostgreSQL stopped it is not ready. Liveness stays 200 throughout: nothing should
 * restart a process because a dependency is away. The worker needs both to do anything, so it is not ready without
 * either.
 */
async function probe(url: string): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: await response.json() };
  } catch (error) {
    return { status: 0, body: (error as Error).message };
  }
}

async function probes(apiUrl: string, workerUrl: string) {
  return {
    apiLive: await probe(`${apiUrl}/health/live`),
    apiReady: await probe(`${apiUrl}/health/ready`),
    workerLive: await probe(`${workerUrl}/health/live`),
    workerReady: await probe(`${workerUrl}/health/ready`),
  };
}

describe('faults: readiness while Temporal or PostgreSQL is down', () => {
  const suite = useFaultStack();

  it('keeps the API ready without Temporal (intake 201) and not ready without its database', async () => {
    const { faults } = suite;
    const { apiUrl, workerUrl } = faults.stack;
    const api = new FaultApi(apiUrl);
    const up = await probes(apiUrl, workerUrl);

    const temporalArgv = await faults.stopTemporal();
    const withoutTemporal = await probes(apiUrl, workerUrl);
    const intake = await api.call(PLATFORM, 'POST', '/disclosures', disclosure(randomUUID()));
    await faults.startTemporal(temporalArgv);
    // The API's client reconnects with a backoff: once it sees Temporal again, only the database is away below.
    const apiSeesTemporal = async () => ((await probe(`${apiUrl}/health/ready`)).body as Ready)?.temporal === 'up';
    await waitUntil('the API to see Temporal again', apiSeesTemporal, 60_000, 250);

    const postgres = await faults.stopPostgres();
    const withoutDatabase = await probes(apiUrl, workerUrl);
    faults.startPostgres(postgres.argv);

    expect(up).toEqual({
      apiLive: { status: 200, body: { status: 'ok' } },
      apiReady: { status: 200, body: { status: 'ready', db: 'up', temporal: 'up' } },
      workerLive: { status: 200, body: { status: 'ok' } },
      workerReady: { status: 200, body: { status: 'ready', worker: 'RUNNING', db: 'up', temporal: 'up' } },
    });
    expect(withoutTemporal).toEqual({
      apiLive: { status: 200, body: { status: 'ok' } },
      apiReady: { status: 200, body: { status: 'ready', db: 'up', temporal: 'down' } },
      workerLive: { status: 200, body: { status: 'ok' } },
      workerReady: { status: 503, body: expect.objectContaining({ status: 'not_ready', temporal: 'down' }) },
    });
    expect({ status: intake.status, caseId: typeof intake.body?.caseId }).toEqual({ status: 201, caseId: 'string' });
    expect(withoutDatabase).toEqual({
      apiLive: { status: 200, body: { status: 'ok' } },
      apiReady: { status: 503, body: { status: 'not_ready', db: 'down', temporal: 'up' } },
      workerLive: { status: 200, body: { status: 'ok' } },
      workerReady: { status: 503, body: expect.objectContaining({ status: 'not_ready', db: 'down' }) },
    });
    suite.pass();
  });
});
