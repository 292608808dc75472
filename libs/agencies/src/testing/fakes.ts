import type { DeliveryAbout, DeliveryClaim, Ledger } from '../delivery-ledger';
import type { OutgoingMail } from '../mail-sender';
import type { OutboxMessage } from '../outbox';
import type { OutgoingSms } from '../sms-sender';
import type { StaffDirectory, StaffMember } from '../staff/staff-directory';

/** The deliveries table's contract in memory: one claim per key, its id stable, `sent` once marked. */
export class MemoryLedger implements Ledger {
  readonly rows = new Map<string, { id: string; sent: boolean; about: DeliveryAbout }>();

  async claim(key: string, about: DeliveryAbout): Promise<DeliveryClaim> {
    if (!this.rows.has(key)) this.rows.set(key, { id: `delivery-${this.rows.size + 1}`, sent: false, about });
    const row = this.rows.get(key)!;
    return { id: row.id, sent: row.sent };
  }

  async markSent(id: string): Promise<void> {
    for (const row of this.rows.values()) if (row.id === id) row.sent = true;
  }
}

/** Records what it is asked to send; fails while `failing` is set. */
export class FakeSender<T extends OutgoingMail | OutgoingSms> {
  readonly sent: T[] = [];
  failing?: Error;

  async send(message: T): Promise<void> {
    if (this.failing) throw this.failing;
    this.sent.push(message);
  }
}

export class FakeOutbox {
  readonly written: OutboxMessage[] = [];
  async write(message: OutboxMessage): Promise<void> {
    if (!this.written.some((m) => m.dedupeKey === message.dedupeKey)) this.written.push(message);
  }
}

interface Person extends StaffMember {
  roles: string[];
  shifts?: { level: 1 | 2 | 3; from: string; to: string }[];
}

/** A directory over a list of people (all active). */
export class MemoryDirectory implements StaffDirectory {
  constructor(readonly people: Person[]) {}

  private on(p: Person, at: Date, level?: number): boolean {
    return (p.shifts ?? []).some(
      (s) => (level === undefined || s.level === level) && Date.parse(s.from) <= +at && +at < Date.parse(s.to),
    );
  }

  async onShift(level: 1 | 2 | 3, at: Date): Promise<string[]> {
    return this.people.filter((p) => this.on(p, at, level)).map((p) => p.username);
  }

  async withRole(role: string, onShiftAt?: Date): Promise<string[]> {
    return this.people
      .filter((p) => p.roles.includes(role) && (!onShiftAt || this.on(p, onShiftAt)))
      .map((p) => p.username);
  }

  async leads(configured: string[]): Promise<string[]> {
    return this.people
      .filter((p) => p.roles.includes('safeguarding_lead') || configured.includes(p.username))
      .map((p) => p.username);
  }

  async contactsOf(usernames: string[]): Promise<StaffMember[]> {
    return this.people
      .filter((p) => usernames.includes(p.username))
      .map(({ username, contacts }) => ({ username, contacts }));
  }
}
