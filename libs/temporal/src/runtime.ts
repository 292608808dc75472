import { Runtime } from '@temporalio/worker';
import { createLogger, TemporalPinoLogger } from '@sg/observability';

let installed = false;

export interface TemporalRuntimeOptions {
  /** where the SDK serves its own Prometheus metrics (e.g. 127.0.0.1:9465); none when absent */
  sdkMetricsAddress?: string;
}

/**
 * Must run before the first Temporal connection of the process; later calls are no-ops. The SDK logs through
 * pino (JSON, like every other line of the service) and, when asked, exports its own metrics.
 */
export function installTemporalRuntime(options: TemporalRuntimeOptions = {}): void {
  if (installed) return;
  Runtime.install({
    logger: new TemporalPinoLogger(createLogger('worker').child({ context: 'temporal' })),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      ...(options.sdkMetricsAddress ? { metrics: { prometheus: { bindAddress: options.sdkMetricsAddress } } } : {}),
    },
  });
  installed = true;
}
