import { DataSource } from 'typeorm';

export interface DeliveryClaim {
  /** stays the same for the key: the receiver's delivery id */
  id: string;
  /** an earlier attempt already sent it */
  sent: boolean;
}

export interface DeliveryAbout {
  caseId: string | null;
  kind: string;
  username?: string;
  route: string;
}

/** What remembers deliveries by key (the deliveries table; an in-memory stand-in in unit tests). */
export interface Ledger {
  claim(key: string, about: DeliveryAbout): Promise<DeliveryClaim>;
  markSent(id: string): Promise<void>;
}

/**
 * One row per delivery, keyed by its business identity (case, step, person, route), so a retried or re-run
 * activity never sends again what an earlier attempt sent. A send that succeeded but was not yet marked (the
 * worker died in between) is sent again with the same id, for the receiver to drop.
 */
export class DeliveryLedger implements Ledger {
  constructor(private readonly dataSource: DataSource) {}

  async claim(key: string, about: DeliveryAbout): Promise<DeliveryClaim> {
    const rows: { id: string; sent_at: Date | null }[] = await this.dataSource.query(
      `INSERT INTO deliveries (delivery_key, case_id, kind, username, route) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (delivery_key) DO UPDATE SET delivery_key = EXCLUDED.delivery_key
       RETURNING id, sent_at`,
      [key, about.caseId, about.kind, about.username ?? null, about.route],
    );
    return { id: rows[0].id, sent: rows[0].sent_at !== null };
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE deliveries SET sent_at = now() WHERE id = $1 AND sent_at IS NULL`, [id]);
  }
}
