import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NativeConnection, Worker, State } from '@temporalio/worker';
import { durationMs, temporalConfig, validateEnvironment } from '@sg/config';
import { connectionOptions, encryptedDataConverter, installTemporalRuntime, payloadKeyring } from '@sg/temporal';
import { bindActivities, CaseRecordActivities, DeliveryActivities } from './activities';
import { activityMetricsInterceptor } from './observability/activity-metrics.interceptor';
import { freeLoopbackAddress } from './observability/sdk-metrics';
import { WorkerMetrics } from './observability/worker-metrics';
import { workerSizing } from './worker-sizing';
import { bindCheckpointActivities, CheckpointActivities } from './checkpoints/checkpoint.activities';
import { bindReconcilerActivities, CaseReconcilerActivities } from './reconciler/case-reconciler.activities';

/** The prebuilt bundle (`npm run build`); without it the worker bundles workflows itself at start. */
const WORKFLOW_BUNDLE = join(__dirname, '../../../workflow-bundle.js');
const WORKFLOWS_PATH = join(__dirname, '../../../workflows/index');
/** After the grace period, activities still running are cancelled; this long after, the worker gives up on them. */
const FORCE_AFTER_GRACE_MS = 15_000;

/**
 * Connects to Temporal and runs the worker with our activities bound. SIGINT/SIGTERM (the SDK's runtime listens)
 * stop polling and let running activities finish within WORKER_SHUTDOWN_GRACE; then run() returns.
 */
@Injectable()
export class TemporalWorker implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorker.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  /** where the SDK's own Prometheus exporter listens (loopback; served through the worker's /metrics) */
  sdkMetricsAddress?: string;

  constructor(
    @Inject(temporalConfig.KEY) private readonly config: ConfigType<typeof temporalConfig>,
    private readonly records: CaseRecordActivities,
    private readonly deliveries: DeliveryActivities,
    private readonly metrics: WorkerMetrics,
    private readonly checkpoints: CheckpointActivities,
    private readonly reconciler: CaseReconcilerActivities,
  ) {}

  /** INITIALIZED before polling starts; RUNNING while it polls; STOPPING while it drains. */
  get state(): State | 'NOT_STARTED' {
    return this.worker?.getState() ?? 'NOT_STARTED';
  }

  async run(): Promise<void> {
    this.sdkMetricsAddress = await freeLoopbackAddress();
    installTemporalRuntime({ sdkMetricsAddress: this.sdkMetricsAddress });
    const settings = validateEnvironment(process.env);
    const graceMs = durationMs(settings.WORKER_SHUTDOWN_GRACE);
    const connection = await NativeConnection.connect(connectionOptions(this.config));
    this.connection = connection;
    try {
      this.worker = await Worker.create({
        connection,
        namespace: this.config.namespace,
        taskQueue: this.config.taskQueue,
        dataConverter: encryptedDataConverter(payloadKeyring(this.config), (reason) =>
          this.logger.warn(`Refused a Temporal payload (${reason}): nothing is done with it`),
        ),
        ...(existsSync(WORKFLOW_BUNDLE)
          ? { workflowBundle: { codePath: WORKFLOW_BUNDLE } }
          : { workflowsPath: require.resolve(WORKFLOWS_PATH) }),
        activities: {
          ...bindActivities(this.records, this.deliveries),
          ...bindCheckpointActivities(this.checkpoints), // the case log's checkpoints (docs/audit.md)
          ...bindReconcilerActivities(this.reconciler), // open cases whose workflow stopped (docs/operations.md)
        },
        interceptors: { activity: [activityMetricsInterceptor(this.metrics)] },
        ...workerSizing(settings),
        shutdownGraceTime: graceMs,
        shutdownForceTime: graceMs + FORCE_AFTER_GRACE_MS,
      });
      this.logger.log(`Polling task queue ${this.config.taskQueue} on ${this.config.address}`);
      await this.worker.run();
      this.logger.log('Worker stopped polling; running activities have finished');
    } finally {
      await connection.close();
    }
  }

  /** Whether the Temporal server answers a health check now (the worker polls through this connection). */
  async temporalReachable(timeoutMs: number): Promise<boolean> {
    const connection = this.connection;
    if (!connection) return false;
    return connection
      .withDeadline(Date.now() + timeoutMs, () => connection.healthService.check({}))
      .then(
        () => true,
        () => false,
      );
  }

  onApplicationShutdown(): void {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
  }
}
