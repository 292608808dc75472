import { nextRestartDelay, RESTART_BACKOFF } from './service-process';

describe('restart backoff', () => {
  it('doubles while the service keeps dying at boot, up to the cap', () => {
    const delays: number[] = [];
    let delay = RESTART_BACKOFF.firstMs / 2;
    for (let i = 0; i < 6; i++) delays.push((delay = nextRestartDelay(delay, 2000)));
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('starts again from the first delay once the service had been up for a while', () => {
    expect(nextRestartDelay(5000, RESTART_BACKOFF.resetAfterUptimeMs + 1)).toBe(RESTART_BACKOFF.firstMs);
    expect(nextRestartDelay(4000, RESTART_BACKOFF.resetAfterUptimeMs)).toBe(RESTART_BACKOFF.maxMs);
  });
});
