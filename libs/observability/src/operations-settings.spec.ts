import 'reflect-metadata';
// the file, not '@sg/config': that index pulls in @nestjs/config, which unit tests cannot load
import { validateEnvironment } from '@sg/config/environment';

import { productionEnvironment } from '@sg/config/testing/production-environment';

const BASE = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', SAFEGUARDING_DEV: '1' };

describe('operations settings (docs/operations.md)', () => {
  it('need a METRICS_TOKEN of at least 16 characters outside development, and none in it', () => {
    const production = productionEnvironment();
    expect(() => validateEnvironment({ ...production, METRICS_TOKEN: undefined })).toThrow(/METRICS_TOKEN/);
    expect(() => validateEnvironment({ ...production, METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(validateEnvironment({ ...production, METRICS_TOKEN: 'x'.repeat(16) }).METRICS_TOKEN).toBe('x'.repeat(16));
    expect(validateEnvironment(BASE).METRICS_TOKEN).toBeUndefined();
  });

  it('default and check the worker port, drain time and log level', () => {
    const env = validateEnvironment(BASE);
    expect([env.WORKER_HEALTH_PORT, env.WORKER_SHUTDOWN_GRACE, env.LOG_LEVEL]).toEqual([9464, 'PT30S', 'info']);
    expect(() => validateEnvironment({ ...BASE, WORKER_HEALTH_PORT: '70000' })).toThrow(/WORKER_HEALTH_PORT/);
    expect(() => validateEnvironment({ ...BASE, WORKER_SHUTDOWN_GRACE: '30s' })).toThrow(/WORKER_SHUTDOWN_GRACE/);
    expect(() => validateEnvironment({ ...BASE, LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });
});
