import { DomainError } from '../../common/domain-error';
import { HashingGate } from './hashing-gate';

/** A piece of work that finishes when the test says so. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe('the hashing gate caps password checks running at once', () => {
  it('runs at most `concurrency` at once, queues up to `maxWaiting`, and refuses the rest with AUTH.BUSY', async () => {
    const gate = new HashingGate(2, 1);
    const jobs = [pending(), pending(), pending()];
    let started = 0;
    const runs = jobs.map((job) => gate.run(() => (started++, job.work())));
    await Promise.resolve();
    expect(started).toBe(2); // the third waits its turn

    const refused = await gate.run(async () => 'ran').catch((error: DomainError) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'AUTH.BUSY', retryAfterSeconds: 1 });

    jobs[0].finish();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(3); // the slot went to the one in the queue
    jobs[1].finish();
    jobs[2].finish();
    await Promise.all(runs);
  });

  it('frees its slot when the work fails', async () => {
    const gate = new HashingGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error('argon2 failed')))).rejects.toThrow('argon2 failed');
    await expect(gate.run(async () => 'next')).resolves.toBe('next');
  });
});
