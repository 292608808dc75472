import { registerAs } from '@nestjs/config';
import { durationMs } from './duration';
import { databaseTls, temporalTls } from './connection-security';
import { validateEnvironment } from './environment';
import { previousPayloadKeys } from './fail-closed';

const env = () => validateEnvironment(process.env);

export const apiConfig = registerAs('api', () => {
  const e = env();
  return {
    port: e.PORT,
    host: e.HOST,
    docs: (e.API_DOCS ?? (e.development ? 'on' : 'off')) === 'on',
    consoleDir: e.CONSOLE_DIR,
    development: e.development,
    workflowStartRetryMs: e.WORKFLOW_START_RETRY_MS,
  };
});

export const databaseConfig = registerAs('database', () => {
  const e = env();
  return { url: e.DATABASE_URL, ssl: databaseTls(e), poolSize: e.DATABASE_POOL_SIZE };
});

export const temporalConfig = registerAs('temporal', () => {
  const e = env();
  return {
    address: e.TEMPORAL_ADDRESS,
    namespace: e.TEMPORAL_NAMESPACE,
    taskQueue: e.TEMPORAL_TASK_QUEUE,
    payloadKeys: { newest: e.TEMPORAL_PAYLOAD_KEY!, previous: previousPayloadKeys(e) },
    tls: temporalTls(e),
    apiKey: e.TEMPORAL_API_KEY,
  };
});

export const lifecycleConfig = registerAs('lifecycle', () => {
  const e = env();
  return {
    reviewDeadlineMs: {
      EMERGENCY: durationMs(e.REVIEW_DEADLINE_EMERGENCY),
      NON_EMERGENCY: durationMs(e.REVIEW_DEADLINE_NON_EMERGENCY),
      NONE: durationMs(e.REVIEW_DEADLINE_NONE),
    },
    checkInDelayMs: durationMs(e.CHECK_IN_DELAY),
    feedbackRequestDelayMs: durationMs(e.FEEDBACK_REQUEST_DELAY),
    feedbackWaitMs: durationMs(e.FEEDBACK_WAIT),
    delivery: {
      initialIntervalMs: durationMs(e.DELIVERY_RETRY_INITIAL),
      maximumIntervalMs: durationMs(e.DELIVERY_RETRY_MAX_INTERVAL),
      maximumAttempts: e.DELIVERY_MAX_ATTEMPTS,
    },
    historyEventsLimit: e.CASE_HISTORY_EVENTS_LIMIT,
    pageAckTimeoutMs: durationMs(e.PAGE_ACK_TIMEOUT),
  };
});
