import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConfig, temporalPayloadKey } from '@sg/config';
import { encryptedDataConverter, installTemporalRuntime } from '@sg/temporal';
import { bindActivities, CaseRecordActivities, DeliveryActivities } from './activities';
import { bindCheckpointActivities, CheckpointActivities } from './checkpoints/checkpoint.activities';

/** The prebuilt bundle (`npm run build`); without it the worker bundles workflows itself at start. */
const WORKFLOW_BUNDLE = join(__dirname, '../../../workflow-bundle.js');
const WORKFLOWS_PATH = join(__dirname, '../../../workflows/index');

/** Connects to Temporal, runs the worker with our activities bound, and stops it on application shutdown. */
@Injectable()
export class TemporalWorker implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalWorker.name);
  private worker?: Worker;

  constructor(
    @Inject(temporalConfig.KEY) private readonly config: ConfigType<typeof temporalConfig>,
    private readonly records: CaseRecordActivities,
    private readonly deliveries: DeliveryActivities,
    private readonly checkpoints: CheckpointActivities,
  ) {}

  async run(): Promise<void> {
    installTemporalRuntime();
    const connection = await NativeConnection.connect({ address: this.config.address });
    try {
      this.worker = await Worker.create({
        connection,
        namespace: this.config.namespace,
        taskQueue: this.config.taskQueue,
        dataConverter: encryptedDataConverter(temporalPayloadKey()),
        ...(existsSync(WORKFLOW_BUNDLE)
          ? { workflowBundle: { codePath: WORKFLOW_BUNDLE } }
          : { workflowsPath: require.resolve(WORKFLOWS_PATH) }),
        activities: {
          ...bindActivities(this.records, this.deliveries),
          ...bindCheckpointActivities(this.checkpoints), // the case log's checkpoints (docs/audit.md)
        },
      });
      this.logger.log(`Polling task queue ${this.config.taskQueue} on ${this.config.address}`);
      await this.worker.run();
    } finally {
      await connection.close();
    }
  }

  onApplicationShutdown(): void {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
  }
}
