import { randomUUID } from 'node:crypto';

/** A valid disclosure; `marker` is put in its summary and subject so tests can find (or not find) its row. */
export function disclosure(marker: string = randomUUID(), overrides: Record<string, unknown> = {}) {
  return {
    channel: 'boards',
    occurredAt: '2026-11-20T21:15:00Z',
    summary: `Says they have a plan to end their life tonight. [${marker}]`,
    subject: { externalUserId: `user-${marker}`, age: 15, contact: { platformMessage: true } },
    identifying: { name: 'Sam Example', phone: '+44 7700 900123' },
    ...overrides,
  };
}
