import { DynamicModule, Module } from '@nestjs/common';
import { OutboxController } from './outbox.controller';

/** The outbox is a development aid: in production GET /outbox does not exist, as nothing is ever written there. */
@Module({})
export class DevelopmentOutboxModule {
  static forEnvironment(env: NodeJS.ProcessEnv = process.env): DynamicModule {
    return { module: DevelopmentOutboxModule, controllers: env.NODE_ENV === 'production' ? [] : [OutboxController] };
  }
}
