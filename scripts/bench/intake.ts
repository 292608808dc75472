import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { call } from './http-client';
import { Figures, timed } from './measure';

export interface IntakeRow {
  concurrency: number;
  service: Figures;
  floor: Figures;
}

const disclosure = (i: number) => ({
  channel: 'boards',
  occurredAt: '2026-11-20T21:15:00Z',
  summary: `Benchmark disclosure ${i}: says they are not safe at home tonight.`,
  subject: { externalUserId: `bench-intake-${i}`, age: 15, contact: { platformMessage: true } },
});

/**
 * Intake through the service next to its floor, at the same concurrency: the same row inserted with bare `pg`,
 * plus a bare start of an empty workflow (no codec, no worker needed), one after the other per operation.
 */
export async function benchIntake(
  apiUrl: string,
  platform: Record<string, string>,
  serviceDbUrl: string,
  temporalAddress: string,
  drain: () => Promise<void>,
): Promise<IntakeRow[]> {
  const pool = new Pool({ connectionString: serviceDbUrl, max: 64 });
  const connection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection });
  const rows: IntakeRow[] = [];
  try {
    for (const concurrency of [1, 16, 64]) {
      const total = concurrency === 1 ? 300 : 1500;
      const floor = await timed(total, concurrency, async (i) => {
        const id = randomUUID();
        const d = disclosure(i);
        await pool.query(
          `INSERT INTO cases (id, status, channel, occurred_at, summary, subject_external_user_id, subject_age, subject_contact, identifying, submitted_by, intake_key, intake_fingerprint, workflow_started_at)
           VALUES ($1, 'AWAITING_ASSESSMENT', $2, $3, $4, $5, $6, $7, '{}', 'bench-floor', $8, $9, now())`,
          [
            id,
            d.channel,
            d.occurredAt,
            d.summary,
            `floor-${d.subject.externalUserId}`,
            d.subject.age,
            JSON.stringify(d.subject.contact),
            `floor-${id}`,
            '0'.repeat(64),
          ],
        );
        await client.workflow.start('benchEmptyWorkflow', {
          taskQueue: 'bench-floor',
          workflowId: `floor-${id}`,
          args: [{ caseId: id }],
        });
      });
      const service = await timed(total, concurrency, async (i) => {
        await call(
          apiUrl,
          'POST',
          '/disclosures',
          { ...platform, 'Idempotency-Key': `bench-${concurrency}-${i}-${randomUUID()}` },
          disclosure(i),
          [201],
        );
      });
      rows.push({ concurrency, service, floor });
      await drain();
    }
  } finally {
    await pool.end();
    await connection.close();
  }
  return rows;
}
