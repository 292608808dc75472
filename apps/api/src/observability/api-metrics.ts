import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The API's Prometheus metrics. Labels are bounded sets (route templates, statuses, channels), never ids or
 * anything a person wrote.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'safeguarding_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly intake = new Counter({
    name: 'safeguarding_intake_total',
    help: 'Disclosures accepted: outcome "created" (a new case) or "repeat" (the same Idempotency-Key again)',
    labelNames: ['outcome', 'channel'],
    registers: [this.registry],
  });

  private readonly eventStreams = new Gauge({
    name: 'safeguarding_event_streams_open',
    help: 'Server-sent event streams (GET /events) open on this API process',
    registers: [this.registry],
  });

  constructor() {
    this.registry.setDefaultLabels({ service: 'api' });
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: String(status) }, seconds);
  }

  countIntake(created: boolean, channel: string): void {
    this.intake.inc({ outcome: created ? 'created' : 'repeat', channel });
  }

  streamOpened(): void {
    this.eventStreams.inc();
  }

  streamClosed(): void {
    this.eventStreams.dec();
  }
}
