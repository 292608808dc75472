import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createServiceLogger, currentLogSigningKey, exitOnBootFailure, validateEnvironment } from '@sg/config';
import { WorkerModule } from './worker.module';
import { TemporalWorker } from './temporal-worker';

/** The worker: a Nest application context with no HTTP port, alive exactly as long as the Temporal worker runs. */
async function main(): Promise<void> {
  // Fail at boot, not at the first case: every setting is checked, and anything unsafe refuses to start.
  validateEnvironment(process.env);
  currentLogSigningKey();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: createServiceLogger('worker') });
  app.enableShutdownHooks();
  await app.get(TemporalWorker).run();
  await app.close();
}

main().catch(exitOnBootFailure('worker'));
