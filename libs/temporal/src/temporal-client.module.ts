import { Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';
import { temporalConfig } from '@sg/config';
import { connectionOptions, payloadKeyring } from './connection-options';
import { encryptedDataConverter } from './data-converter';

/**
 * The API's Temporal client. The connection is lazy, so the API starts and accepts disclosures
 * even while Temporal is unreachable; calls made then fail and are retried by their callers.
 */
@Injectable()
export class TemporalClient implements OnApplicationShutdown {
  readonly connection: Connection;
  readonly client: Client;

  constructor(@Inject(temporalConfig.KEY) readonly config: ConfigType<typeof temporalConfig>) {
    this.connection = Connection.lazy(connectionOptions(config));
    const logger = new Logger('temporal');
    this.client = new Client({
      connection: this.connection,
      namespace: config.namespace,
      dataConverter: encryptedDataConverter(payloadKeyring(config), (reason) =>
        logger.warn(`Refused a Temporal payload: ${reason}`),
      ),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

@Global()
@Module({ providers: [TemporalClient], exports: [TemporalClient] })
export class TemporalClientModule {}
