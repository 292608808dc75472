import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createServiceLogger, currentLogSigningKey, exitOnBootFailure, validateEnvironment } from '@sg/config';
import { WorkerModule } from './worker.module';
import { TemporalWorker } from './temporal-worker';

/**
 * The worker: a Nest application context (its only port is the small health and metrics one), alive exactly as long
 * as the Temporal worker runs. SIGINT/SIGTERM are the SDK runtime's: it stops polling and drains running activities
 * (WORKER_SHUTDOWN_GRACE), run() returns, and only then is the application closed (database last).
 */
async function main(): Promise<void> {
  // Fail at boot, not at the first case: every setting is checked, and anything unsafe refuses to start.
  validateEnvironment(process.env);
  currentLogSigningKey();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: createServiceLogger('worker') });
  await app.get(TemporalWorker).run();
  await app.close();
}

main().catch(exitOnBootFailure('worker'));
