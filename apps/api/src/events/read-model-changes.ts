import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { Client } from 'pg';
import { databaseConfig } from '@sg/config';
import { CHANGES_CHANNEL, parseChange, ReadModelChange } from './read-model-change';

export interface ChangeListener {
  change(change: ReadModelChange): void;
  /** The connection that listens was lost: events may have been missed, so the subscriber must start over. */
  lost(): void;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * One dedicated PostgreSQL connection per API process that LISTENs for read-model changes and hands each to every
 * open event stream. When it is lost, every stream is ended (their browsers reconnect and reload what they show)
 * and it reconnects with a growing wait.
 */
@Injectable()
export class ReadModelChanges implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('events');
  private readonly listeners = new Set<ChangeListener>();
  private client?: Client;
  private reconnectMs = RECONNECT_MIN_MS;
  private reconnectTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(@Inject(databaseConfig.KEY) private readonly database: ConfigType<typeof databaseConfig>) {}

  /** Whether changes are being received: a stream is opened only then, so it never silently misses events. */
  get listening(): boolean {
    return this.client !== undefined;
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first attempt is awaited, so a process that reports healthy already has its streams fed. */
  async onApplicationBootstrap(): Promise<void> {
    await this.connect();
  }

  /** Before the HTTP server closes: it waits for open connections, and a stream would otherwise never end. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    for (const listener of [...this.listeners]) listener.lost();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.database.url, ssl: this.database.ssl });
    client.on('notification', (message) => {
      const change = message.channel === CHANGES_CHANNEL ? parseChange(message.payload) : undefined;
      if (change) for (const listener of [...this.listeners]) listener.change(change);
    });
    client.on('error', () => this.lose(client));
    client.on('end', () => this.lose(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      this.logger.warn(`Could not listen for read-model changes (${(error as Error).name}); retrying`);
      this.lose(client);
      return;
    }
    this.client = client;
    this.reconnectMs = RECONNECT_MIN_MS;
  }

  private lose(client: Client): void {
    if (client !== this.client && this.client !== undefined) return; // an older connection, already replaced
    const wasListening = this.client === client;
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    if (wasListening) {
      this.logger.warn('The connection listening for read-model changes was lost; event streams ended, reconnecting');
      for (const listener of [...this.listeners]) listener.lost();
    }
    if (this.stopping || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, this.reconnectMs);
    this.reconnectMs = Math.min(this.reconnectMs * 2, RECONNECT_MAX_MS);
  }
}
