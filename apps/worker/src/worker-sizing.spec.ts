import { validateEnvironment } from '../../../libs/config/src/environment';
import { workerSizing } from './worker-sizing';

describe('workerSizing', () => {
  const settings = (extra: Record<string, string> = {}) =>
    validateEnvironment({ SAFEGUARDING_DEV: '1', DATABASE_URL: 'postgres://localhost/x', ...extra });

  it('runs no more activities at once than the database pool has connections', () => {
    const sized = workerSizing(settings({ DATABASE_POOL_SIZE: '7' }));
    expect(sized.maxConcurrentActivityTaskExecutions).toBe(7);
    expect(sized.maxConcurrentLocalActivityExecutions).toBe(7);
  });

  it('caches the configured number of workflows, 50 by default', () => {
    expect(workerSizing(settings()).maxCachedWorkflows).toBe(50);
    expect(workerSizing(settings({ WORKER_MAX_CACHED_WORKFLOWS: '25' })).maxCachedWorkflows).toBe(25);
  });

  it('refuses a pool size of zero', () => {
    expect(() => settings({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
