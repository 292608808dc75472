import type { RunningTemporal } from '../../scripts/stack/temporal-dev-server';

export default async function globalTeardown(): Promise<void> {
  const { __WORKFLOW_SUITE_TEMPORAL__: temporal } = globalThis as { __WORKFLOW_SUITE_TEMPORAL__?: RunningTemporal };
  await temporal?.stop();
}
