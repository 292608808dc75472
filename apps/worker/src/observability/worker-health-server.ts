import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { validateEnvironment } from '@sg/config';
import { metricsAccessAllowed } from '@sg/observability';
import { TemporalWorker } from '../temporal-worker';
import { readSdkMetrics } from './sdk-metrics';
import { WorkerMetrics } from './worker-metrics';

const TIMEOUT_MS = 2000;

/**
 * The worker's small port (WORKER_HEALTH_PORT): /health/live (the process answers), /health/ready (it polls,
 * and reaches Temporal and the database) and /metrics (ours and the Temporal SDK's). Nothing else is served.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHealth');
  private readonly env = validateEnvironment(process.env);
  private server?: Server;

  constructor(
    private readonly worker: TemporalWorker,
    private readonly metrics: WorkerMetrics,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.env.WORKER_HEALTH_PORT, () => resolve());
    });
    this.server = server;
    this.logger.log(`Health and metrics on port ${this.env.WORKER_HEALTH_PORT}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') return send(res, 405, { status: 'method not allowed' });
    if (path === '/health/live') return send(res, 200, { status: 'ok' });
    if (path === '/health/ready') {
      const worker = this.worker.state;
      const [dbUp, temporalUp] = await Promise.all([this.databaseUp(), this.worker.temporalReachable(TIMEOUT_MS)]);
      const ready = worker === 'RUNNING' && dbUp && temporalUp;
      const readings = { worker, db: dbUp ? 'up' : 'down', temporal: temporalUp ? 'up' : 'down' };
      return send(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', ...readings });
    }
    if (path === '/metrics') {
      if (!metricsAccessAllowed(req.headers.authorization, this.env.METRICS_TOKEN))
        return send(res, 401, { status: 'send the metrics token: Authorization: Bearer <METRICS_TOKEN>' });
      const address = this.worker.sdkMetricsAddress;
      const sdk = address ? await readSdkMetrics(address) : undefined;
      this.metrics.sdkMetricsUp.set(sdk === undefined ? 0 : 1);
      res.writeHead(200, { 'Content-Type': this.metrics.registry.contentType });
      res.end(`${await this.metrics.registry.metrics()}\n${sdk ?? ''}`);
      return;
    }
    send(res, 404, { status: 'not found' });
  }

  private async databaseUp(): Promise<boolean> {
    if (!this.dataSource.isInitialized) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), TIMEOUT_MS)));
    const ping = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}
