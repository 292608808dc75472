import { DynamicModule, Module } from '@nestjs/common';
import { isDevelopmentMode } from '@sg/config';
import { OutboxController } from './outbox.controller';

/**
 * The outbox is a development aid: outside development (SAFEGUARDING_DEV=1) GET /outbox does not exist, as nothing
 * is ever written there.
 */
@Module({})
export class DevelopmentOutboxModule {
  static forEnvironment(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return { module: DevelopmentOutboxModule, controllers: isDevelopmentMode(env) ? [OutboxController] : [] };
  }
}
