import { launchStack } from './stack';

/** One stack for the end-to-end suite; test files read where it is from the environment. */
export default async function globalSetup(): Promise<void> {
  const stack = await launchStack();
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_DATABASE_URL = stack.databaseUrl;
  process.env.E2E_TEMPORAL_ADDRESS = stack.temporalAddress;
  (globalThis as { __E2E_STACK__?: typeof stack }).__E2E_STACK__ = stack;
}
