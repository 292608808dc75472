import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { ReadModelChanges } from './read-model-changes';
import { StreamCredentials } from './stream-credentials';

/** Live updates for the console: PostgreSQL LISTEN/NOTIFY fanned out as server-sent events. */
@Module({ controllers: [EventsController], providers: [ReadModelChanges, StreamCredentials] })
export class EventsModule {}
