import { DataSource } from 'typeorm';

export interface OutboxMessage {
  /** the delivery's identity: writing it again changes nothing */
  dedupeKey: string;
  kind: string;
  caseId: string | null;
  recipient: string;
  payload: object;
}

/** The development stand-in for every outside route: messages an officer can read at GET /outbox. */
export class Outbox {
  constructor(private readonly dataSource: DataSource) {}

  async write(message: OutboxMessage): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO outbox_messages (dedupe_key, kind, case_id, recipient, payload) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [message.dedupeKey, message.kind, message.caseId, message.recipient, JSON.stringify(message.payload)],
    );
  }
}
