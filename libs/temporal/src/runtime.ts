import { DefaultLogger, Runtime } from '@temporalio/worker';

let installed = false;

/** Must run before the first Temporal connection of the process; later calls are no-ops. */
export function installTemporalRuntime(): void {
  if (installed) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  installed = true;
}
