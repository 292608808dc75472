import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { NativeConnection, Worker } from '@temporalio/worker';
import { temporalConfig } from '@sg/config';
import { connectionOptions, encryptedDataConverter, installTemporalRuntime, payloadKeyring } from '@sg/temporal';
import { bindActivities, CaseRecordActivities, DeliveryActivities } from './activities';

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
  ) {}

  async run(): Promise<void> {
    installTemporalRuntime();
    const connection = await NativeConnection.connect(connectionOptions(this.config));
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
        activities: bindActivities(this.records, this.deliveries),
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
