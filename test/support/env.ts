/** Where the suite's stack and webhook receiver run (set by global-setup). */
export function e2eEnv() {
  const apiUrl = process.env.E2E_API_URL;
  const databaseUrl = process.env.E2E_DATABASE_URL;
  const temporalAddress = process.env.E2E_TEMPORAL_ADDRESS;
  const receiverUrl = process.env.E2E_RECEIVER_URL;
  const serviceDatabaseUrl = process.env.E2E_SERVICE_DATABASE_URL;
  if (!apiUrl || !databaseUrl || !serviceDatabaseUrl || !temporalAddress || !receiverUrl)
    throw new Error('The end-to-end stack is not running (global-setup did not run)');
  return {
    apiUrl,
    databaseUrl,
    serviceDatabaseUrl,
    temporalAddress,
    receiverUrl,
    workerUrl: process.env.E2E_WORKER_URL,
  };
}
