/** Where the suite's stack runs (set by global-setup). */
export function e2eEnv() {
  const apiUrl = process.env.E2E_API_URL;
  const databaseUrl = process.env.E2E_DATABASE_URL;
  const temporalAddress = process.env.E2E_TEMPORAL_ADDRESS;
  if (!apiUrl || !databaseUrl || !temporalAddress) throw new Error('The end-to-end stack is not running (global-setup did not run)');
  return { apiUrl, databaseUrl, temporalAddress };
}
