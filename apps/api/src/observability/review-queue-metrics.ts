import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { ApiMetrics } from './api-metrics';

interface QueueReading {
  awaiting_review: { level: string; n: number }[];
  oldest_emergency_seconds: number | null;
  escalated_open: number;
  without_workflow: number;
  pages_unacknowledged: number;
}

// The read model, one query: reviews waiting by level, the oldest undecided emergency (since its latest
// review.requested entry, found through the log's primary key), open escalated cases, and open cases whose stopped
// workflow the reconciler reported and nobody has resumed yet.
const QUEUE_QUERY = `
  SELECT
    (SELECT coalesce(json_agg(json_build_object('level', level, 'n', n)), '[]')
       FROM (SELECT coalesce(level, 'UNKNOWN') AS level, count(*)::int AS n FROM cases
              WHERE status = 'AWAITING_REVIEW' GROUP BY 1) by_level) AS awaiting_review,
    (SELECT extract(epoch FROM now() - min(requested))::float8 FROM (
       SELECT (SELECT max(e.at) FROM case_log_entries e WHERE e.case_id = c.id AND e.type = 'review.requested')
              AS requested
         FROM cases c WHERE c.status = 'AWAITING_REVIEW' AND c.level = 'EMERGENCY') waiting
    ) AS oldest_emergency_seconds,
    (SELECT count(*)::int FROM cases WHERE escalated AND status <> 'CLOSED') AS escalated_open,
    (SELECT count(DISTINCT c.id)::int FROM cases c JOIN case_tasks t ON t.case_id = c.id
      WHERE c.status <> 'CLOSED' AND t.kind = 'WORKFLOW_STOPPED' AND t.completed_at IS NULL) AS without_workflow,
    (SELECT count(*)::int FROM cases c
       CROSS JOIN LATERAL (SELECT p.seq, p.data FROM case_log_entries p
                            WHERE p.case_id = c.id AND p.type = 'staff.paged' AND p.data->>'outcome' = 'PAGED'
                            ORDER BY p.seq DESC LIMIT 1) paged
      WHERE c.status = 'AWAITING_REVIEW'
        AND paged.seq > (SELECT max(r.seq) FROM case_log_entries r WHERE r.case_id = c.id AND r.type = 'review.requested')
        AND NOT EXISTS (SELECT FROM case_log_entries a WHERE a.case_id = c.id AND a.type = 'review.acknowledged'
                          AND a.data->'round' = paged.data->'round' AND a.data->'level' = paged.data->'level')
    ) AS pages_unacknowledged`;

/**
 * What is waiting for people, read at each scrape; with the emergency reviews whose latest page (SPEC §7) nobody has
 * acknowledged at its level yet.
 */
@Injectable()
export class ReviewQueueMetrics {
  private readonly up: Gauge;
  private readonly awaiting: Gauge;
  private readonly oldestEmergency: Gauge;
  private readonly escalated: Gauge;
  private readonly withoutWorkflow: Gauge;
  private readonly unacknowledged: Gauge;

  constructor(
    metrics: ApiMetrics,
    private readonly dataSource: DataSource,
  ) {
    const registers = [metrics.registry];
    this.up = new Gauge({ name: 'safeguarding_read_model_up', help: '1 when the queue gauges were read', registers });
    this.awaiting = new Gauge({
      name: 'safeguarding_reviews_awaiting',
      help: 'Cases awaiting review, by the level under review',
      labelNames: ['level'],
      registers,
    });
    this.oldestEmergency = new Gauge({
      name: 'safeguarding_oldest_emergency_review_age_seconds',
      help: 'How long the oldest undecided EMERGENCY review has waited since it was requested (0 when none)',
      registers,
    });
    this.escalated = new Gauge({
      name: 'safeguarding_cases_escalated_open',
      help: 'Open cases flagged escalated (a review deadline passed and no decision yet)',
      registers,
    });
    this.withoutWorkflow = new Gauge({
      name: 'safeguarding_cases_without_workflow',
      help: 'Open cases the reconciler found with no running workflow, not yet resumed',
      registers,
    });
    this.unacknowledged = new Gauge({
      name: 'safeguarding_pages_awaiting_acknowledgement',
      help: 'Reviews being paged whose latest page nobody has acknowledged at its level',
      registers,
    });
  }

  /** Reads the queue; a database that is down sets safeguarding_read_model_up to 0 and fails nothing else. */
  async refresh(): Promise<void> {
    let reading: QueueReading;
    try {
      [reading] = (await this.dataSource.query(QUEUE_QUERY)) as QueueReading[];
    } catch {
      this.up.set(0);
      return;
    }
    this.up.set(1);
    this.awaiting.reset();
    for (const { level, n } of reading.awaiting_review) this.awaiting.set({ level }, n);
    this.oldestEmergency.set(reading.oldest_emergency_seconds ?? 0);
    this.escalated.set(reading.escalated_open);
    this.withoutWorkflow.set(reading.without_workflow);
    this.unacknowledged.set(reading.pages_unacknowledged);
  }
}
