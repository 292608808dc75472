import { registerAs } from '@nestjs/config';
import { validateEnvironment } from './environment';

const env = () => validateEnvironment(process.env);

export const apiConfig = registerAs('api', () => {
  const e = env();
  return { port: e.PORT, workflowStartRetryMs: e.WORKFLOW_START_RETRY_MS };
});

export const databaseConfig = registerAs('database', () => ({ url: env().DATABASE_URL }));

export const temporalConfig = registerAs('temporal', () => {
  const e = env();
  return { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE };
});
